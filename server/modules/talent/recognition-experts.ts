// The expert panel of a 人才分类认定 (issue 15 point 2): the office assigns experts (until the first score),
// each expert scores against the tier set's criteria once, the scores stay sealed from one another until all
// are in (getRecognition), and the last score closes the panel: a pass goes to 公示, a fail is refused.
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { expertTotal, panelResult } from '../../../domain/rules/talent-recognition.js';
import type { TExpertScore, TRecognitionRow } from '../../../domain/schemas/talent.js';
import { locked, presentRow, publicity, rows, setStatus, step } from './recognition.js';

export async function assignExperts(ctx: Ctx, id: number, expertIds: number[], version: number): Promise<void> {
  const r = await locked(ctx, id, version);
  if (r.status !== 'expert_review') throw conflict('该申请不在专家评审环节', 'status');
  const ok = await ctx.db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'talent_expert')
    .where('user_id', 'in', expertIds)
    .execute();
  if (ok.length !== new Set(expertIds).size) throw invalid('所选人员不是评审专家', 'expertIds');
  const scored = await ctx.db
    .selectFrom('talent_recognition_experts')
    .select('expert_id')
    .where('recognition_id', '=', id)
    .where('scored_at', 'is not', null)
    .execute();
  if (scored.length) throw conflict('已有专家评分，不能再调整专家', 'expertIds');
  await ctx.db.deleteFrom('talent_recognition_experts').where('recognition_id', '=', id).execute();
  await ctx.db
    .insertInto('talent_recognition_experts')
    .values(
      [...new Set(expertIds)].map((e) => ({
        recognition_id: id,
        expert_id: e,
        assigned_by: ctx.actor.userId,
        assigned_at: ctx.clock.now(),
      })),
    )
    .execute();
  await setStatus(ctx, id, {});
  await step(ctx, id, 'expert_review', 'assigned', `${new Set(expertIds).size} 名专家`);
}

/** An expert's score; the last one closes the panel: a pass goes to 公示, a fail is refused with the mean. */
export async function scoreRecognition(ctx: Ctx, id: number, b: TExpertScore): Promise<void> {
  // An expert acts by assignment, not by office level.
  const r = await locked(ctx, id, undefined, false);
  const mine = await ctx.db
    .selectFrom('talent_recognition_experts')
    .select(['scored_at'])
    .where('recognition_id', '=', id)
    .where('expert_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (!mine) throw notFound('认定申请');
  if (r.status !== 'expert_review') throw conflict('该申请不在专家评审环节', 'status');
  if (mine.scored_at) throw conflict('您已评分，不能修改', 'scores');
  const tier = await ctx.db
    .selectFrom('talent_tiers as tt')
    .innerJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
    .select(['tt.set_id', 'ts.publicity_days'])
    .where('tt.id', '=', r.tier_id)
    .executeTakeFirstOrThrow();
  const criteria = await ctx.db.selectFrom('talent_review_criteria').select(['code', 'weight']).where('set_id', '=', tier.set_id).execute();
  if (!criteria.length) throw conflict('该目录未设置评审指标', 'scores');
  const extra = Object.keys(b.scores).filter((k) => !criteria.some((c) => c.code === k));
  if (extra.length) throw invalid(`没有评审指标“${extra[0]}”`, 'scores');
  let total: number;
  try {
    total = expertTotal(criteria, b.scores);
  } catch (e) {
    throw invalid((e as Error).message, 'scores');
  }
  await ctx.db
    .updateTable('talent_recognition_experts')
    .set({ scores: JSON.stringify(b.scores), total, opinion: b.opinion, scored_at: ctx.clock.now() })
    .where('recognition_id', '=', id)
    .where('expert_id', '=', ctx.actor.userId)
    .execute();
  await step(ctx, id, 'expert_review', 'scored', '');
  const all = await ctx.db.selectFrom('talent_recognition_experts').select('total').where('recognition_id', '=', id).execute();
  const panel = panelResult(all.map((x) => (x.total === null ? null : Number(x.total))));
  if (!panel.complete) return;
  if (panel.passed) {
    await setStatus(ctx, id, { status: 'publicity', expert_score: panel.mean, ...publicity(ctx.today(), tier.publicity_days) });
    await ctx.db
      .insertInto('talent_recognition_steps')
      .values({
        recognition_id: id,
        step: 'expert_review',
        outcome: 'pass',
        reason: `专家评审均分 ${panel.mean}`,
        user_id: null,
        at: ctx.clock.now(),
      })
      .execute();
  } else {
    const reason = `专家评审均分 ${panel.mean}，未达到 60 分`;
    await setStatus(ctx, id, { status: 'refused', expert_score: panel.mean, reason, decided_on: ctx.today() });
    await ctx.db
      .insertInto('talent_recognition_steps')
      .values({ recognition_id: id, step: 'expert_review', outcome: 'refuse', reason, user_id: null, at: ctx.clock.now() })
      .execute();
  }
}

/** The expert's own assignments. */
export async function expertQueue(ctx: Ctx): Promise<TRecognitionRow[]> {
  const list = await rows(ctx.db)
    .innerJoin('talent_recognition_experts as x', 'x.recognition_id', 'r.id')
    .where('x.expert_id', '=', ctx.actor.userId)
    .orderBy('r.submitted_at', 'desc')
    .limit(500)
    .execute();
  return list.map(presentRow);
}

export async function requireAssigned(ctx: Ctx, id: number): Promise<void> {
  const x = await ctx.db
    .selectFrom('talent_recognition_experts')
    .select('expert_id')
    .where('recognition_id', '=', id)
    .where('expert_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (!x) throw notFound('认定申请');
}

/** The review experts the office may assign: enabled accounts holding the talent_expert role. */
export async function expertAccounts(ctx: Ctx): Promise<{ id: number; name: string }[]> {
  return ctx.db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name as name'])
    .where('r.role', '=', 'talent_expert')
    .where('u.disabled', '=', false)
    .orderBy('u.display_name')
    .limit(500)
    .execute();
}

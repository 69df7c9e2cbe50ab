// The office's side of an application (RULES.md §8 typical workflow): the district's first review (social insurance
// and tax continuity, contract term, degree), the city's re-check (by an office strictly above the district), an
// expert review where the policy says, a 公示 of the policy's working days (objections recorded and handled), then
// approval with the payout schedule. Every decision names its reason when it returns or refuses.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { requireHigher } from '../../scope/access.js';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import { payoutSchedule, publicityPeriod, publicityWindow } from '../../../domain/rules/talent-policy.js';
import dayjs from 'dayjs';
import type { TDecision, TExpertScore } from '../../../domain/schemas/talent-policies.js';
import type { TalentApplicationStatus } from '../../db/types-talent-policies.js';
import { STEP_WORKING_DAYS } from './applications.js';
import { evaluationFor } from './evaluate.js';
import { lockApplication, moveApplication } from './steps.js';

const addDays = (day: string, n: number) => dayjs(day).add(n, 'day').format('YYYY-MM-DD');

const REVIEWABLE: TalentApplicationStatus[] = ['district_review', 'city_review', 'expert_review'];
const STEP_OF = { district_review: 'district', city_review: 'city', expert_review: 'expert' } as const;

async function policyOf(trx: Trx, callId: number) {
  return trx
    .selectFrom('talent_calls as c')
    .innerJoin('talent_policies as p', 'p.id', 'c.policy_id')
    .select(['p.id', 'p.expert_review', 'p.publicity_days', 'p.instalments'])
    .where('c.id', '=', callId)
    .executeTakeFirstOrThrow();
}

/** The office's decision at the current review step: pass to the next, return for correction, or refuse. */
export async function reviewApplication(ctx: Ctx, trx: Trx, id: number, d: TDecision): Promise<string> {
  const a = await lockApplication(trx, id, REVIEWABLE, '审核（不在审核环节）');
  if (d.outcome !== 'pass' && !d.reason) throw invalid(d.outcome === 'return' ? '退回须说明理由' : '不予通过须说明理由', 'reason');
  const step = STEP_OF[a.status as keyof typeof STEP_OF];
  let reason = d.reason;
  if (step === 'city') {
    const p = await trx.selectFrom('talent_people').select('district_path').where('id', '=', a.person_id).executeTakeFirstOrThrow();
    requireHigher(ctx, p.district_path, '市级复核须由区（县）以上的人才工作部门办理', 'CITY_LEVEL');
  }
  const policy = await policyOf(trx, a.call_id);
  const today = ctx.today();
  if (step === 'expert' && d.outcome === 'pass') {
    const n = await trx.selectFrom('talent_expert_scores').select('expert_id').where('application_id', '=', id).execute();
    if (n.length === 0) throw conflict('尚无专家评分，不能结束专家评审', 'outcome');
  }
  let to: TalentApplicationStatus = d.outcome === 'return' ? 'returned' : d.outcome === 'refuse' ? 'refused' : 'district_review';
  const set: Record<string, unknown> = { step_due_on: null };
  if (d.outcome === 'pass') {
    if (step === 'district') to = 'city_review';
    else if (step === 'city' && policy.expert_review) to = 'expert_review';
    else to = 'publicity';
    if (to === 'publicity') {
      const period = publicityOf(d.publicityStartsOn, today, a.submitted_on, policy.publicity_days);
      Object.assign(set, { publicity_starts_on: period.startsOn, publicity_ends_on: period.endsOn, step_due_on: period.endsOn });
      reason = [reason, `公示 ${period.startsOn} 至 ${period.endsOn}（${policy.publicity_days} 个工作日）`].filter(Boolean).join('；');
    } else set.step_due_on = addWorkingDays(today, STEP_WORKING_DAYS);
    if (step === 'district') set.evaluation = JSON.stringify(await evaluationFor(trx, a.person_id, a.item_id, a.submitted_on ?? today, id));
  }
  await moveApplication(ctx, trx, id, a.status, { step, outcome: d.outcome, reason, to, set });
  return to;
}

/**
 * The 公示 window a decision opens: by default from the next working day; or from the day the officer says the
 * notice was (or will be) posted, recorded late or scheduled, but never before the application was submitted and
 * at most 30 days ahead. The end is the policy's n-th working day on the official calendar.
 */
function publicityOf(startsOn: string | undefined, today: string, submittedOn: string | null, days: number) {
  if (!startsOn) return publicityPeriod(today, days);
  if (submittedOn && startsOn < submittedOn) throw invalid(`公示开始日期不能早于申报日期 ${submittedOn}`, 'publicityStartsOn');
  if (startsOn > addDays(today, 30)) throw invalid('公示开始日期不能晚于 30 天后', 'publicityStartsOn');
  return publicityWindow(startsOn, days);
}

/** An expert's score (one per expert, may be revised while the review is open); scores are not shown to other experts. */
export async function scoreApplication(ctx: Ctx, trx: Trx, id: number, s: TExpertScore): Promise<void> {
  await lockApplication(trx, id, ['expert_review'], '评分（不在专家评审环节）');
  await trx
    .insertInto('talent_expert_scores')
    .values({ application_id: id, expert_id: ctx.actor.userId, score: s.score, comment: s.comment, at: ctx.clock.now() })
    .onConflict((oc) =>
      oc.columns(['application_id', 'expert_id']).doUpdateSet({ score: s.score, comment: s.comment, at: ctx.clock.now() }),
    )
    .execute();
}

export async function recordObjection(ctx: Ctx, trx: Trx, id: number, b: { receivedOn: string; content: string }): Promise<number> {
  const a = await lockApplication(trx, id, ['publicity'], '登记公示反映（不在公示期）');
  if (a.publicity_starts_on && b.receivedOn < a.publicity_starts_on) throw invalid('反映日期早于公示开始日期', 'receivedOn');
  const row = await trx
    .insertInto('talent_objections')
    .values({ application_id: id, received_on: b.receivedOn, content: b.content, recorded_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Handles an objection: upheld refuses the application (with the objection as the reason), dismissed leaves it. */
export async function handleObjection(
  ctx: Ctx,
  trx: Trx,
  id: number,
  objectionId: number,
  b: { outcome: 'upheld' | 'dismissed'; handling: string },
): Promise<void> {
  const a = await lockApplication(trx, id, ['publicity'], '处理公示反映（不在公示期）');
  const o = await trx
    .selectFrom('talent_objections')
    .select(['id', 'outcome'])
    .where('id', '=', objectionId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (!o) throw notFound('公示反映');
  if (o.outcome) throw conflict('该反映已处理', 'outcome');
  await trx
    .updateTable('talent_objections')
    .set({ outcome: b.outcome, handling: b.handling, handled_by: ctx.actor.userId, handled_at: ctx.clock.now() })
    .where('id', '=', objectionId)
    .execute();
  if (b.outcome === 'upheld')
    await moveApplication(ctx, trx, id, a.status, {
      step: 'publicity',
      outcome: 'refuse',
      reason: `公示反映属实：${b.handling}`,
      to: 'refused',
      set: { step_due_on: null },
    });
}

/**
 * Approval after the 公示 has ended with every objection handled: the amount is the item's version in force on the
 * submission date (integer fen), split into the policy's payout schedule.
 */
export async function approveApplication(ctx: Ctx, trx: Trx, id: number, reason: string): Promise<number> {
  const a = await lockApplication(trx, id, ['publicity'], '审批（不在公示期）');
  const today = ctx.today();
  if (!a.publicity_ends_on || today <= a.publicity_ends_on)
    throw conflict(`公示期至 ${a.publicity_ends_on}，期满后方可审批`, 'publicityEndsOn');
  const open = await trx
    .selectFrom('talent_objections')
    .select('id')
    .where('application_id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  if (open) throw conflict('尚有未处理的公示反映', 'objections');
  const evaluation = await evaluationFor(trx, a.person_id, a.item_id, a.submitted_on ?? today, id);
  const version = evaluation.items[0];
  if (!version?.versionOn) throw conflict('申报日尚无生效的补贴标准', 'itemId');
  const amount = await trx
    .selectFrom('talent_benefit_versions')
    .select('amount_fen')
    .where('item_id', '=', a.item_id)
    .where('effective_on', '=', version.versionOn)
    .executeTakeFirstOrThrow();
  const policy = await policyOf(trx, a.call_id);
  const schedule = payoutSchedule(amount.amount_fen, policy.instalments, today);
  for (const p of schedule)
    await trx.insertInto('talent_payouts').values({ application_id: id, seq: p.seq, due_on: p.dueOn, amount_fen: p.amountFen }).execute();
  await moveApplication(ctx, trx, id, a.status, {
    step: 'approve',
    outcome: 'pass',
    reason,
    to: 'paying',
    set: { approved_on: today, amount_fen: amount.amount_fen, step_due_on: schedule[0].dueOn, evaluation: JSON.stringify(evaluation) },
  });
  return amount.amount_fen;
}

// 人才分类认定 on a Ctx (issue 15 point 2): the application, the review steps (domain/rules/talent-recognition.ts),
// the expert panel with sealed scores, 公示 for the tier set's working days, and the grant of the tier and card
// through the registry's one writer. Every decision is a talent_recognition_steps row: who, when, outcome, reason.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { recordDenied } from '../../audit/record.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { isStrictlyHigher, scopeSql } from '../../scope/access.js';
import { firstStep, nextStatus, panelResult, reviewLevel } from '../../../domain/rules/talent-recognition.js';
import { addWorkingDays, nthWorkingDay } from '../../../domain/rules/working-days.js';
import type {
  TRecognition,
  TRecognitionCreate,
  TRecognitionDecide,
  TRecognitionResubmit,
  TRecognitionRow,
} from '../../../domain/schemas/talent.js';
import { documentsOf, issueCard, tierInForce } from './service.js';

export const rows = (db: Db) =>
  db
    .selectFrom('talent_recognitions as r')
    .innerJoin('talent_people as t', 't.id', 'r.person_id')
    .innerJoin('talent_tiers as tt', 'tt.id', 'r.tier_id')
    .leftJoin('talent_employers as e', 'e.id', 't.employer_id')
    .select([
      'r.id',
      'r.person_id',
      't.name as person_name',
      'e.name as employer_name',
      'r.tier_id',
      'tt.name as tier_name',
      'tt.set_id',
      'tt.expert_review',
      'r.channel',
      'r.status',
      'r.submitted_at',
      sql<string | null>`to_char(r.publicity_from, 'YYYY-MM-DD')`.as('publicity_from'),
      sql<string | null>`to_char(r.publicity_until, 'YYYY-MM-DD')`.as('publicity_until'),
      sql<string | null>`to_char(r.decided_on, 'YYYY-MM-DD')`.as('decided_on'),
      'r.basis',
      'r.resume',
      'r.reason',
      'r.expert_score',
      'r.version',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];
export const presentRow = (r: Row): TRecognitionRow => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  employerName: r.employer_name,
  tierId: r.tier_id,
  tierName: r.tier_name,
  channel: r.channel,
  status: r.status,
  submittedAt: new Date(r.submitted_at).toISOString(),
  publicityFrom: r.publicity_from,
  publicityUntil: r.publicity_until,
  version: r.version,
});

export async function listRecognitions(ctx: Ctx, f: { status?: TRecognitionRow['status']; personId?: number }): Promise<TRecognitionRow[]> {
  // An applicant's draft is theirs until submitted: the office does not list it.
  let q = rows(ctx.db).where(scopeSql('t.district_path', ctx.actor.scopePath)).where('r.status', '<>', 'draft');
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  return (await q.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(500).execute()).map(presentRow);
}

/** The application; `viewerExpertId`: an expert's view, other experts' scores sealed until all are in. */
export async function getRecognition(db: Db, id: number, viewerExpertId?: number): Promise<TRecognition> {
  const r = await rows(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('认定申请');
  const [steps, experts, criteria, objections, documents] = await Promise.all([
    db
      .selectFrom('talent_recognition_steps as s')
      .leftJoin('users as u', 'u.id', 's.user_id')
      .select(['s.step', 's.outcome', 's.reason', 'u.display_name', 's.at'])
      .where('s.recognition_id', '=', id)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('talent_recognition_experts as x')
      .innerJoin('users as u', 'u.id', 'x.expert_id')
      .select(['x.expert_id', 'u.display_name', 'x.scores', 'x.total', 'x.opinion', 'x.scored_at'])
      .where('x.recognition_id', '=', id)
      .orderBy('x.expert_id')
      .execute(),
    db.selectFrom('talent_review_criteria').select(['code', 'name', 'weight']).where('set_id', '=', r.set_id).orderBy('id').execute(),
    db
      .selectFrom('talent_recognition_objections')
      .select(['id', sql<string>`to_char(received_on, 'YYYY-MM-DD')`.as('received_on'), 'content', 'handling'])
      .where('recognition_id', '=', id)
      .orderBy('id')
      .execute(),
    documentsOf(db, r.person_id, id),
  ]);
  const complete = panelResult(experts.map((x) => (x.total === null ? null : Number(x.total)))).complete;
  return {
    ...presentRow(r),
    basis: r.basis,
    resume: r.resume,
    reason: r.reason,
    decidedOn: r.decided_on,
    expertReview: r.expert_review,
    expertScore: r.expert_score === null ? null : Number(r.expert_score),
    steps: steps.map((s) => ({
      step: s.step,
      outcome: s.outcome,
      reason: s.reason,
      userName: s.display_name,
      at: new Date(s.at).toISOString(),
    })),
    experts: experts.map((x) => {
      const visible = complete || x.expert_id === viewerExpertId;
      return {
        expertId: x.expert_id,
        name: x.display_name,
        scored: x.scored_at !== null,
        total: visible && x.total !== null ? Number(x.total) : null,
        scores: visible ? (x.scores as Record<string, number> | null) : null,
        opinion: visible ? x.opinion : null,
      };
    }),
    criteria,
    objections: objections.map((o) => ({ id: o.id, receivedOn: o.received_on, content: o.content, handling: o.handling })),
    documents,
  };
}

export async function step(ctx: Ctx, id: number, stepName: string, outcome: string, reason: string): Promise<void> {
  await ctx.db
    .insertInto('talent_recognition_steps')
    .values({ recognition_id: id, step: stepName, outcome, reason, user_id: ctx.actor.userId, at: ctx.clock.now() })
    .execute();
}

const CITY_LEVEL_MESSAGE = '市级复核、专家评审与公示须由市级人才工作部门办理，区级不能办理';

/**
 * True when the application is at a city step (复核, experts, 公示) and the actor's office is not above the
 * talent's district. A talent registered at the top organization itself has no district below it: its office acts.
 */
async function cityStepRefused(ctx: Ctx, id: number): Promise<boolean> {
  const r = await ctx.db
    .selectFrom('talent_recognitions as r')
    .innerJoin('talent_people as t', 't.id', 'r.person_id')
    .innerJoin('orgs as o', 'o.id', 't.district_org_id')
    .select(['r.status', 't.district_path', 'o.parent_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r || reviewLevel(r.status) !== 'city' || r.parent_id === null) return false;
  return !isStrictlyHigher(ctx.actor, r.district_path);
}

/**
 * Before a review change opens its transaction: a district office asking to take a city step is refused (403)
 * and the refusal audited (RULES.md §8: the city re-checks what the district passed). `locked` checks again.
 */
export async function requireReviewLevel(ctx: Ctx, action: string, id: number): Promise<void> {
  if (!(await cityStepRefused(ctx, id))) return;
  await recordDenied(ctx, action, 'talent_recognition', id, 'level');
  throw new AppError('CITY_LEVEL', CITY_LEVEL_MESSAGE, 403);
}

export async function locked(ctx: Ctx, id: number, version?: number, office = true) {
  const r = await ctx.db.selectFrom('talent_recognitions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!r) throw notFound('认定申请');
  if (version !== undefined && r.version !== version) throw conflict('该申请已被他人处理，请刷新', 'version');
  if (office && (await cityStepRefused(ctx, id))) throw new AppError('CITY_LEVEL', CITY_LEVEL_MESSAGE, 403);
  return r;
}

export async function setStatus(ctx: Ctx, id: number, set: Record<string, unknown>): Promise<void> {
  await ctx.db
    .updateTable('talent_recognitions')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .execute();
}

/**
 * An application entered by an officer (or, through the applicant's side, by the person or the employer). `draft`:
 * the applicant's, kept as a draft for evidence until submitDraft sends it into the review.
 */
export async function createRecognition(
  ctx: Ctx,
  b: TRecognitionCreate,
  channel: 'self' | 'employer' | 'officer',
  draft = false,
): Promise<number> {
  const p = await ctx.db.selectFrom('talent_people').select(['employer_id', 'status']).where('id', '=', b.personId).executeTakeFirst();
  if (!p) throw notFound('人才');
  await tierInForce(ctx.db, b.tierId, ctx.today());
  const open = await ctx.db
    .selectFrom('talent_recognitions')
    .select('id')
    .where('person_id', '=', b.personId)
    .where('status', 'not in', ['granted', 'refused'])
    .executeTakeFirst();
  if (open) throw conflict('该人才已有办理中的认定申请', 'personId');
  const status = draft ? 'draft' : firstStep(channel, p.employer_id !== null);
  const { id } = await ctx.db
    .insertInto('talent_recognitions')
    .values({
      person_id: b.personId,
      tier_id: b.tierId,
      basis: b.basis,
      resume: b.resume,
      channel,
      status,
      submitted_by: ctx.actor.userId,
      submitted_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!draft) await step(ctx, id, 'submit', 'submitted', '');
  return id;
}

/** The applicant's draft sent into the review at its first step (the employer's, or the district's). */
export async function submitDraft(ctx: Ctx, id: number, version: number): Promise<void> {
  const r = await locked(ctx, id, version, false);
  if (r.status !== 'draft') throw conflict('该申请已提交，不能再次提交', 'status');
  const p = await ctx.db.selectFrom('talent_people').select('employer_id').where('id', '=', r.person_id).executeTakeFirstOrThrow();
  await setStatus(ctx, id, { status: firstStep(r.channel, p.employer_id !== null), submitted_at: ctx.clock.now() });
  await step(ctx, id, 'submit', 'submitted', '');
}

/**
 * The applicant's correction of a draft or returned application (tier, basis, résumé) before (re)submitting it;
 * once in review only the office's decision changes it. The tier must be one in force today.
 */
export async function editRecognition(ctx: Ctx, id: number, b: TRecognitionResubmit): Promise<void> {
  const r = await locked(ctx, id, b.version, false);
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('申请已提交审核，不能再修改（仅草稿或退回修改的申请可以）', 'status');
  await tierInForce(ctx.db, b.tierId, ctx.today());
  await setStatus(ctx, id, { tier_id: b.tierId, basis: b.basis, resume: b.resume });
}

/** A returned application corrected and sent again: it goes through the review from the start. */
export async function resubmitRecognition(
  ctx: Ctx,
  id: number,
  b: { tierId: number; basis: string; resume: string; version: number },
  office = true,
): Promise<void> {
  const r = await locked(ctx, id, b.version, office);
  if (r.status !== 'returned') throw conflict('只有退回的申请可以修改后重新提交', 'status');
  await tierInForce(ctx.db, b.tierId, ctx.today());
  const p = await ctx.db.selectFrom('talent_people').select('employer_id').where('id', '=', r.person_id).executeTakeFirstOrThrow();
  await setStatus(ctx, id, {
    tier_id: b.tierId,
    basis: b.basis,
    resume: b.resume,
    status: firstStep(r.channel, p.employer_id !== null),
    reason: '',
  });
  await step(ctx, id, 'resubmit', 'submitted', '');
}

/** A review decision at the employer, district or city step. */
export async function decideRecognition(ctx: Ctx, id: number, b: TRecognitionDecide, at: 'employer' | 'office'): Promise<void> {
  const r = await locked(ctx, id, b.version);
  const allowed = at === 'employer' ? ['employer_review'] : ['district_review', 'city_review'];
  if (!allowed.includes(r.status)) throw conflict('该申请不在本环节', 'status');
  if (b.outcome !== 'pass' && !b.reason) throw invalid('退回或不予认定须写明理由', 'reason');
  const tier = await ctx.db
    .selectFrom('talent_tiers as tt')
    .innerJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
    .select(['tt.expert_review', 'ts.publicity_days'])
    .where('tt.id', '=', r.tier_id)
    .executeTakeFirstOrThrow();
  const next = nextStatus(r.status, b.outcome, tier.expert_review);
  const set: Record<string, unknown> = { status: next, reason: b.reason };
  if (next === 'publicity') Object.assign(set, publicity(ctx.today(), tier.publicity_days));
  if (next === 'refused') set.decided_on = ctx.today();
  await setStatus(ctx, id, set);
  await step(ctx, id, r.status, b.outcome, b.reason);
}

/** 公示 from the next working day for `days` working days. */
export function publicity(today: string, days: number) {
  const from = addWorkingDays(today, 1);
  return { publicity_from: from, publicity_until: nthWorkingDay(from, days) };
}

export async function recordObjection(ctx: Ctx, id: number, b: { receivedOn: string; content: string; handling: string }): Promise<void> {
  const r = await locked(ctx, id);
  if (r.status !== 'publicity') throw conflict('该申请不在公示期', 'status');
  await ctx.db
    .insertInto('talent_recognition_objections')
    .values({
      recognition_id: id,
      received_on: b.receivedOn,
      content: b.content,
      handling: b.handling,
      user_id: ctx.actor.userId,
      at: ctx.clock.now(),
    })
    .execute();
  await step(ctx, id, 'publicity', 'objection', b.content.slice(0, 200));
}

/** After the 公示: the tier and card granted through the registry's writer, or a reasoned refusal. */
export async function endPublicity(
  ctx: Ctx,
  id: number,
  b: { outcome: 'grant' | 'refuse'; reason: string; version: number },
): Promise<void> {
  const r = await locked(ctx, id, b.version);
  if (r.status !== 'publicity') throw conflict('该申请不在公示期', 'status');
  const today = ctx.today();
  if (r.publicity_until && today <= String(r.publicity_until).slice(0, 10) && b.outcome === 'grant')
    throw conflict(`公示期至 ${String(r.publicity_until).slice(0, 10)}，期满后方可认定`, 'outcome');
  if (b.outcome === 'refuse' && !b.reason) throw invalid('不予认定须写明理由', 'reason');
  if (b.outcome === 'grant') {
    const p = await ctx.db.selectFrom('talent_people').select('version').where('id', '=', r.person_id).executeTakeFirstOrThrow();
    await issueCard(
      ctx,
      r.person_id,
      { tierId: r.tier_id, issuedOn: today, note: `人才分类认定（申请 ${id}）`, version: p.version },
      'recognition.grant',
    );
  }
  await setStatus(ctx, id, { status: b.outcome === 'grant' ? 'granted' : 'refused', reason: b.reason, decided_on: today });
  await step(ctx, id, 'publicity', b.outcome, b.reason);
}

/** Applications still in review (employer, district, city, experts or 公示) below a path: the dashboard's figure. */
export async function openRecognitionCount(db: Db, scopePath: string): Promise<number> {
  const { n } = await db
    .selectFrom('talent_recognitions as r')
    .innerJoin('talent_people as t', 't.id', 'r.person_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(scopeSql('t.district_path', scopePath))
    .where('r.status', 'in', ['employer_review', 'district_review', 'city_review', 'expert_review', 'publicity'])
    .executeTakeFirstOrThrow();
  return n;
}

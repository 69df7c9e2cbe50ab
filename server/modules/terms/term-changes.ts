// Changing a term: recording an existing one, opening the next after a confirmed election, and advancing
// or delaying an election (选举工作条例 第三条). Each runs inside the caller's audited transaction.
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { requireHigher } from '../../scope/access.js';
import { AppError, conflict, invalid } from '../../errors.js';
import { adjustmentProblem, anniversary, TERM_ARTICLES, type TermRule } from '../../../domain/rules/terms.js';
import type { TAdjustmentCreate } from '../../../domain/schemas/terms.js';
import type { OrgRow } from '../orgs/queries.js';
import { currentTerm, sittingCommittee, type TermRow } from './queries.js';
import type { AdjustmentRow } from './presenters.js';

/** The organization itself asks (an election, a delay): a higher level decides, so it cannot ask in the same breath. */
export function requireOwnOrg(actor: Actor, org: OrgRow, what: string): void {
  if (actor.orgId !== org.id) throw new AppError('OWN_ORG', `${what}由本组织提出，上级党组织负责审批`, 403);
}

/** 403 unless a strictly higher organization decides (scope/access.ts requireHigher, this module's message). */
export function requireApprover(ctx: Ctx, orgPath: string, what: string, article: string): void {
  requireHigher(ctx, orgPath, `${what}须由上级党组织审批，本组织不能自行审批（${article}）`, 'APPROVAL_LEVEL');
}

/** Serializes the organization's term changes: two requests at once cannot both find nothing under way. */
export async function lockOrg(trx: Trx, orgId: number): Promise<void> {
  await trx.selectFrom('orgs').select('id').where('id', '=', orgId).forUpdate().execute();
}

/** A term elected before the system was used, for an organization with none on record. */
export async function recordTerm(trx: Trx, org: OrgRow, rule: TermRule | null, electedOn: string, today: string): Promise<TermRow> {
  if (!rule) throw invalid('该组织不设届期（临时党支部、党小组等不进行换届选举）', 'electedOn');
  if (electedOn > today) throw invalid('选举日期不能晚于今天', 'electedOn');
  if (org.established_on && electedOn < org.established_on)
    throw invalid(`选举日期不能早于组织成立日期 ${org.established_on}`, 'electedOn');
  await lockOrg(trx, org.id);
  if (await currentTerm(trx, org.id)) throw conflict('该组织已有现任届期，新一届由换届选举产生', 'electedOn');
  return trx
    .insertInto('org_terms')
    .values({
      org_id: org.id,
      term_kind: rule.kind,
      term_years: rule.years,
      elected_on: electedOn,
      ends_on: anniversary(electedOn, rule.years),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewCommittee {
  secretary: string;
  deputies: string[];
  members: string[];
}

/**
 * The confirmed election opens the new term on its date: the old term ends that day, its pending
 * adjustments lapse, and the sitting committee's rows are kept with their end set to that day.
 */
export async function openNewTerm(
  trx: Trx,
  actor: Actor,
  org: OrgRow,
  rule: TermRule,
  electionId: number,
  heldOn: string,
  c: NewCommittee,
  now: Date,
): Promise<TermRow> {
  const old = await currentTerm(trx, org.id);
  const sitting = await sittingCommittee(trx, org.id, old);
  if (old) {
    await trx.updateTable('org_terms').set({ ended_on: heldOn }).where('id', '=', old.id).execute();
    await trx
      .updateTable('term_adjustments')
      .set({ status: 'rejected', decision_note: '已完成换届，自动关闭', decided_at: now })
      .where('term_id', '=', old.id)
      .where('status', '=', 'proposed')
      .execute();
  }
  const endsOn = anniversary(heldOn, rule.years);
  const term = await trx
    .insertInto('org_terms')
    .values({
      org_id: org.id,
      term_kind: rule.kind,
      term_years: rule.years,
      elected_on: heldOn,
      ends_on: endsOn,
      election_id: electionId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (sitting.length)
    await trx
      .updateTable('org_committee_members')
      .set({ term_end: heldOn })
      .where(
        'id',
        'in',
        sitting.map((s) => s.id),
      )
      .execute();
  const rows = [
    { person_name: c.secretary, post: 'secretary' as const },
    ...c.deputies.map((n) => ({ person_name: n, post: 'deputy_secretary' as const })),
    ...c.members.map((n) => ({ person_name: n, post: 'member' as const })),
  ];
  await trx
    .insertInto('org_committee_members')
    .values(rows.map((r) => ({ ...r, org_id: org.id, term_start: heldOn, term_end: endsOn })))
    .execute();
  // The organization's own history shows the committee change like a hand-edited one.
  await trx
    .insertInto('org_history')
    .values({
      org_id: org.id,
      action: 'committee',
      actor_id: actor.userId,
      at: now,
      before: JSON.stringify(
        sitting.map((s) => ({ person_name: s.person_name, post: s.post, term_start: s.term_start, term_end: s.term_end })),
      ),
      after: JSON.stringify(rows.map((r) => ({ personName: r.person_name, post: r.post, termStart: heldOn, termEnd: endsOn }))),
    })
    .execute();
  return term;
}

/** 第三条: the organization proposes an advance or a delay of at most 1 year from the regular end. */
export async function proposeAdjustment(trx: Trx, actor: Actor, org: OrgRow, input: TAdjustmentCreate, now: Date) {
  requireOwnOrg(actor, org, '延期或提前换届');
  await lockOrg(trx, org.id);
  const term = await currentTerm(trx, org.id);
  if (!term) throw invalid('该组织尚未录入现任届期', 'newEnd');
  const pending = await trx
    .selectFrom('term_adjustments')
    .select('id')
    .where('term_id', '=', term.id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  if (pending) throw conflict('已有待审批的延期或提前换届申请', 'newEnd');
  const problem = adjustmentProblem({
    kind: input.kind,
    regularEnd: anniversary(term.elected_on, term.term_years),
    currentEnd: term.ends_on,
    newEnd: input.newEnd,
  });
  if (problem) throw invalid(problem, 'newEnd');
  return trx
    .insertInto('term_adjustments')
    .values({
      term_id: term.id,
      org_id: org.id,
      kind: input.kind,
      original_end: term.ends_on,
      new_end: input.newEnd,
      reason: input.reason,
      proposed_by: actor.userId,
      proposed_at: now,
    })
    .returning(['id', 'kind', 'new_end'])
    .executeTakeFirstOrThrow();
}

/**
 * 第三条: the higher organization approves; the term then ends on the new date. In the caller's audited transaction (ctx bound with inTrx).
 */
export async function decideAdjustment(
  ctx: Ctx,
  a: AdjustmentRow,
  decision: 'approve' | 'reject',
  note: string | undefined,
): Promise<void> {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const now = ctx.clock.now();
  if (a.status !== 'proposed') throw invalid('该申请已审批', 'decision');
  requireApprover(ctx, a.org_path, '延期或提前换届', TERM_ARTICLES.adjust);
  const status = decision === 'approve' ? 'approved' : 'rejected';
  const done = await trx
    .updateTable('term_adjustments')
    .set({ status, decided_by: actor.userId, decided_org_id: actor.orgId, decided_at: now, decision_note: note ?? null })
    .where('id', '=', a.id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw conflict('该申请已被他人审批，请刷新后查看');
  if (status === 'approved') {
    const moved = await trx
      .updateTable('org_terms')
      .set({ ends_on: a.new_end })
      .where('id', '=', a.term_id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw invalid('该届期已结束，无需调整', 'decision');
  }
}

// One election from request to new term (RULES.md §4): the organization requests, a strictly higher
// organization approves, the vote is recorded (⅘ quorum and majority by domain/rules/terms.ts), the
// higher organization approves the secretary and deputy, and the new term opens. Optimistic locking on
// `version`: a decision on a stale copy is refused, nothing changed.
import { sql, type Updateable } from 'kysely';
import type { Trx } from '../../audit/audit-log.js';
import type { ElectionsTable } from '../../db/types-org-life.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid } from '../../errors.js';
import { electionResult, hasVote, TERM_ARTICLES, type ElectionOutcome, type TermRule } from '../../../domain/rules/terms.js';
import type { TElectionConfirm, TElectionRequest, TElectionResult } from '../../../domain/schemas/terms.js';
import type { OrgRow } from '../orgs/queries.js';
import { currentTerm, OPEN_ELECTION } from './queries.js';
import type { ElectionRow } from './presenters.js';
import { lockOrg, openNewTerm, requireApprover, requireOwnOrg } from './term-changes.js';

const STALE = '该换届选举已被他人更新，请刷新后重试';

async function bump(trx: Trx, e: { id: number }, version: number, set: Updateable<ElectionsTable>) {
  const r = await trx
    .updateTable('elections')
    .set(set)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', e.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict(STALE, 'version');
}

export async function requestElection(
  trx: Trx,
  actor: Actor,
  org: OrgRow,
  rule: TermRule | null,
  input: TElectionRequest,
  today: string,
  now: Date,
) {
  requireOwnOrg(actor, org, '换届选举申请');
  if (!rule) throw invalid('该组织不设届期（临时党支部、党小组等不进行换届选举）', 'plannedOn');
  if (input.plannedOn < today) throw invalid('计划选举日期不能早于今天', 'plannedOn');
  await lockOrg(trx, org.id);
  const open = await trx
    .selectFrom('elections')
    .select('status')
    .where('org_id', '=', org.id)
    .where('status', 'in', OPEN_ELECTION)
    .executeTakeFirst();
  if (open) throw conflict('该组织已有进行中的换届选举，不能重复申请', 'plannedOn');
  const term = await currentTerm(trx, org.id);
  return trx
    .insertInto('elections')
    .values({
      org_id: org.id,
      term_id: term?.id ?? null,
      planned_on: input.plannedOn,
      planned_seats: input.plannedSeats,
      request_note: input.note ?? null,
      requested_by: actor.userId,
      requested_at: now,
    })
    .returning(['id', 'planned_on', 'planned_seats'])
    .executeTakeFirstOrThrow();
}

/** In the caller's audited transaction (ctx bound with inTrx). */
export async function decideElection(ctx: Ctx, e: ElectionRow, decision: 'approve' | 'reject', note: string | undefined, version: number) {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const now = ctx.clock.now();
  if (e.status !== 'requested') throw invalid('该换届申请已批复', 'decision');
  requireApprover(ctx, e.org_path, '换届选举申请', TERM_ARTICLES.vote);
  await bump(trx, e, version, {
    status: decision === 'approve' ? 'approved' : 'rejected',
    approved_by: actor.userId,
    approved_org_id: actor.orgId,
    approved_at: now,
    decision_note: note ?? null,
  });
}

/** Counts that cannot be true, named by field before the rule runs (it would only throw). */
function countProblems(r: TElectionResult): void {
  if (r.present > r.shouldAttend) throw invalid(`实到会人数（${r.present}）不能超过应到会人数（${r.shouldAttend}）`, 'present');
  r.candidates.forEach((c, i) => {
    if (c.votesFor > r.present)
      throw invalid(`${c.personName}的赞成票（${c.votesFor}）不能超过实到会人数（${r.present}）`, `candidates.${i}.votesFor`);
  });
}

/** 第五条: a candidate named from the records must be a full member of the subtree with the right to stand. */
async function checkCandidates(trx: Trx, e: ElectionRow, r: TElectionResult): Promise<string[]> {
  const ids = r.candidates.flatMap((c) => (c.memberId ? [c.memberId] : []));
  const found = ids.length
    ? await trx
        .selectFrom('members')
        .select(['id', 'name', 'category', 'status'])
        .where('id', 'in', ids)
        .where(sql<boolean>`org_path <@ ${e.org_path}::ltree`)
        .execute()
    : [];
  const seen = new Set<string>();
  return r.candidates.map((c, i) => {
    const m = c.memberId ? found.find((f) => f.id === c.memberId) : undefined;
    if (c.memberId && !m) throw invalid(`候选人${c.personName}不是本组织党员`, `candidates.${i}.memberId`);
    if (m && !hasVote(m))
      throw invalid(`${m.name}没有被选举权（预备党员或已停止党籍等，${TERM_ARTICLES.voters}）`, `candidates.${i}.memberId`);
    const name = m?.name ?? c.personName;
    const key = c.memberId ? `m${c.memberId}` : `n${name}`;
    if (seen.has(key)) throw invalid(`候选人${name}重复`, `candidates.${i}.personName`);
    seen.add(key);
    return name;
  });
}

export async function recordResult(trx: Trx, e: ElectionRow, r: TElectionResult, today: string): Promise<ElectionOutcome> {
  if (e.status !== 'approved') throw invalid('只有上级已批复的换届选举可以登记选举结果', 'heldOn');
  if (r.heldOn > today) throw invalid('选举日期不能晚于今天', 'heldOn');
  const approvedOn = e.approved_at ? new Date(e.approved_at).toISOString().slice(0, 10) : null;
  if (approvedOn && r.heldOn < approvedOn) throw invalid(`选举日期不能早于上级批复日期 ${approvedOn}`, 'heldOn');
  countProblems(r);
  const outcome = electionResult({
    shouldAttend: r.shouldAttend,
    present: r.present,
    seats: e.planned_seats ?? Math.max(1, r.candidates.length),
    candidates: r.candidates,
  });
  if (outcome.quorate && r.candidates.length === 0) throw invalid('请登记候选人及其得票', 'candidates');
  const names = await checkCandidates(trx, e, r);
  await bump(trx, e, r.version, {
    status: outcome.failure ? 'failed' : 'held',
    held_on: r.heldOn,
    should_attend: r.shouldAttend,
    present: r.present,
    quorate: outcome.quorate,
    minutes: r.minutes ?? null,
  });
  await trx.deleteFrom('election_candidates').where('election_id', '=', e.id).execute();
  if (r.candidates.length) {
    await trx
      .insertInto('election_candidates')
      .values(
        r.candidates.map((c, i) => ({
          election_id: e.id,
          member_id: c.memberId ?? null,
          person_name: names[i],
          votes_for: c.votesFor,
          elected: outcome.candidates[i].elected,
        })),
      )
      .execute();
  }
  return outcome;
}

/**
 * The higher organization approves the secretary and deputies among the elected; the new term opens on
 * the election day. In the caller's audited transaction (ctx bound with inTrx).
 */
export async function confirmElection(ctx: Ctx, e: ElectionRow, org: OrgRow, rule: TermRule | null, input: TElectionConfirm) {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const now = ctx.clock.now();
  if (e.status !== 'held') throw invalid('只有已完成选举的换届可以审批书记、副书记', 'secretaryId');
  requireApprover(ctx, e.org_path, '书记、副书记人选', TERM_ARTICLES.approval);
  if (!rule) throw invalid('该组织不设届期', 'secretaryId');
  const elected = e.candidates.filter((c) => c.elected);
  const pick = (id: number, field: string) => {
    const c = elected.find((x) => x.id === id);
    if (!c) throw invalid('书记、副书记应从当选的委员中产生', field);
    return c;
  };
  const secretary = pick(input.secretaryId, 'secretaryId');
  const deputies = input.deputyIds.map((id, i) => pick(id, `deputyIds.${i}`));
  if (new Set([secretary.id, ...deputies.map((d) => d.id)]).size !== 1 + deputies.length)
    throw invalid('书记和副书记不能是同一人', 'deputyIds');
  await bump(trx, e, input.version, { status: 'confirmed', confirmed_by: actor.userId, confirmed_org_id: actor.orgId, confirmed_at: now });
  await trx.updateTable('election_candidates').set({ post: 'secretary' }).where('id', '=', secretary.id).execute();
  if (deputies.length)
    await trx
      .updateTable('election_candidates')
      .set({ post: 'deputy_secretary' })
      .where(
        'id',
        'in',
        deputies.map((d) => d.id),
      )
      .execute();
  const chosen = new Set([secretary.id, ...deputies.map((d) => d.id)]);
  const term = await openNewTerm(
    trx,
    actor,
    org,
    rule,
    e.id,
    e.held_on!,
    {
      secretary: secretary.person_name,
      deputies: deputies.map((d) => d.person_name),
      members: elected.filter((c) => !chosen.has(c.id)).map((c) => c.person_name),
    },
    now,
  );
  return { term, secretary: secretary.person_name, committee: elected.length };
}

// Output shapes of the terms API: explicit allow-lists of fields, with what the caller may do next.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../../domain/permissions.js';
import {
  anniversary,
  daysLeft,
  NO_MAJORITY,
  QUORUM_FAILED,
  reminderOn,
  reportDueOn,
  requestWindow,
  surplusWarning,
  termRuleOf,
  termState,
  type TermKind,
} from '../../../domain/rules/terms.js';
import type { TAdjustment, TElection, TTerm, TTermRow } from '../../../domain/schemas/terms.js';
import { isStrictlyHigher } from '../../scope/paths.js';
import type { TermListRow, TermRow } from './queries.js';

const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);

export function presentTerm(t: TermRow, today: string, delayed: boolean): TTerm {
  const current = t.ended_on === null;
  const window = requestWindow(t.ends_on);
  return {
    id: t.id,
    termKind: t.term_kind,
    termYears: t.term_years,
    electedOn: t.elected_on,
    endsOn: t.ends_on,
    regularEnd: anniversary(t.elected_on, t.term_years),
    endedOn: t.ended_on,
    electionId: t.election_id,
    state: current ? termState({ endsOn: t.ends_on, delayed }, today) : null,
    daysLeft: current ? daysLeft(t.ends_on, today) : null,
    reminderOn: reminderOn(t.ends_on),
    requestFrom: window.from,
    requestBy: window.by,
  };
}

export function presentTermRow(r: TermListRow, today: string): TTermRow {
  const rule = termRuleOf({ kind: r.kind, unitType: r.unit_type });
  return {
    id: r.id,
    orgId: r.id,
    orgName: r.name,
    orgKind: r.kind,
    unitType: r.unit_type,
    termKind: (r.term_kind ?? rule?.kind ?? 'branch') as TermKind,
    termYears: r.term_years ?? rule?.years ?? 0,
    termId: r.term_id,
    electedOn: r.elected_on,
    endsOn: r.ends_on,
    daysLeft: r.ends_on ? daysLeft(r.ends_on, today) : null,
    state: r.state,
    secretary: r.secretary,
    election: r.latest_id ? { id: r.latest_id, status: r.latest_status ?? '' } : null,
  };
}

const userName = (col: 'e.requested_by' | 'e.approved_by' | 'e.confirmed_by' | 'a.proposed_by' | 'a.decided_by') =>
  sql<string | null>`(select display_name from users u where u.id = ${sql.ref(col)})`;
const orgName = (col: 'e.approved_org_id' | 'e.confirmed_org_id' | 'a.decided_org_id') =>
  sql<string | null>`(select name from orgs x where x.id = ${sql.ref(col)})`;

function electionBase(db: Kysely<DB>) {
  return db
    .selectFrom('elections as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select([
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      userName('e.requested_by').as('requested_by_name'),
      userName('e.approved_by').as('approved_by_name'),
      orgName('e.approved_org_id').as('approved_org_name'),
      userName('e.confirmed_by').as('confirmed_by_name'),
      orgName('e.confirmed_org_id').as('confirmed_org_name'),
    ]);
}

/** Elections with their names and candidates; `narrow` adds the where clauses (scope, organization, status). */
export async function electionRows(
  db: Kysely<DB>,
  narrow: (q: ReturnType<typeof electionBase>) => ReturnType<typeof electionBase>,
  limit = 500,
) {
  const rows = await narrow(electionBase(db)).orderBy('e.id', 'desc').limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const cands = ids.length
    ? await db.selectFrom('election_candidates').selectAll().where('election_id', 'in', ids).orderBy('id').execute()
    : [];
  return rows.map((r) => ({ ...r, candidates: cands.filter((c) => c.election_id === r.id) }));
}
export type ElectionRow = Awaited<ReturnType<typeof electionRows>>[number];

export function failureReason(e: { status: string; quorate: boolean | null }): string | null {
  if (e.status !== 'failed') return null;
  return e.quorate === false ? QUORUM_FAILED : NO_MAJORITY;
}

export function presentElection(e: ElectionRow, actor: Actor | null, today: string): TElection {
  const higher = isStrictlyHigher(actor, e.org_path);
  const roles = actor?.roles ?? [];
  const due = e.held_on ? reportDueOn(e.held_on) : null;
  const warnings: string[] = [];
  const surplus = e.planned_seats && e.candidates.length ? surplusWarning(e.planned_seats, e.candidates.length) : null;
  if (surplus) warnings.push(surplus);
  return {
    id: e.id,
    orgId: e.org_id,
    orgName: e.org_name,
    status: e.status,
    plannedOn: e.planned_on,
    plannedSeats: e.planned_seats,
    requestNote: e.request_note,
    requestedBy: e.requested_by_name,
    requestedAt: iso(e.requested_at)!,
    approvedBy: e.approved_by_name,
    approvedOrgName: e.approved_org_name,
    approvedAt: iso(e.approved_at),
    decisionNote: e.decision_note,
    heldOn: e.held_on,
    shouldAttend: e.should_attend,
    present: e.present,
    quorate: e.quorate,
    failureReason: failureReason(e),
    minutes: e.minutes,
    candidates: e.candidates.map((c) => ({
      id: c.id,
      memberId: c.member_id,
      personName: c.person_name,
      post: c.post,
      votesFor: c.votes_for,
      elected: c.elected,
    })),
    warnings,
    confirmedBy: e.confirmed_by_name,
    confirmedOrgName: e.confirmed_org_name,
    confirmedAt: iso(e.confirmed_at),
    reportDueOn: due,
    reportOverdue: e.status === 'held' && due !== null && today > due,
    version: e.version,
    canDecide: e.status === 'requested' && higher && can(roles, 'term.approve'),
    canRecord: e.status === 'approved' && can(roles, 'term.write'),
    canConfirm: e.status === 'held' && higher && can(roles, 'term.approve'),
  };
}

export function adjustmentRows(db: Kysely<DB>) {
  return db
    .selectFrom('term_adjustments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select([
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      userName('a.proposed_by').as('proposed_by_name'),
      userName('a.decided_by').as('decided_by_name'),
      orgName('a.decided_org_id').as('decided_org_name'),
    ]);
}
export type AdjustmentRow = Awaited<ReturnType<ReturnType<typeof adjustmentRows>['execute']>>[number];

export function presentAdjustment(a: AdjustmentRow, actor: Actor | null): TAdjustment {
  return {
    id: a.id,
    termId: a.term_id,
    orgId: a.org_id,
    orgName: a.org_name,
    kind: a.kind,
    originalEnd: a.original_end,
    newEnd: a.new_end,
    reason: a.reason,
    status: a.status,
    proposedBy: a.proposed_by_name,
    proposedAt: iso(a.proposed_at)!,
    decidedBy: a.decided_by_name,
    decidedOrgName: a.decided_org_name,
    decidedAt: iso(a.decided_at),
    decisionNote: a.decision_note,
    canDecide: a.status === 'proposed' && isStrictlyHigher(actor, a.org_path) && can(actor?.roles ?? [], 'term.approve'),
  };
}

// Output shapes of the dues API: explicit allow-lists of fields.
import { sql, type Kysely, type SelectQueryBuilder, type Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { DuesBasesTable } from '../../db/types-dues.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../../domain/permissions.js';
import { isStrictlyHigher } from '../../scope/paths.js';

export function presentBase(b: Selectable<DuesBasesTable>) {
  return {
    id: b.id,
    category: b.category,
    baseFen: b.base_fen,
    dueFen: b.due_fen,
    effectiveFrom: b.effective_from,
    source: b.source,
    note: b.note,
    recordedAt: new Date(b.recorded_at).toISOString(),
  };
}

export function presentPayment(p: {
  id: number;
  month: string;
  kind: 'regular' | 'voluntary';
  amount_fen: number;
  paid_on: string;
  receipt_no: string | null;
  collected_by: string | null;
  to_centre: boolean;
  org_name: string;
}) {
  return {
    id: p.id,
    month: p.month,
    kind: p.kind,
    amountFen: p.amount_fen,
    paidOn: p.paid_on,
    receiptNo: p.receipt_no,
    collectedBy: p.collected_by,
    toCentre: p.to_centre,
    orgName: p.org_name,
  };
}

type ReductionQuery = SelectQueryBuilder<DB & { r: DB['dues_reductions']; m: DB['members']; o: DB['orgs'] }, 'r' | 'm' | 'o', object>;

/** Reductions with the names around them; `where` narrows (by member, organization, scope, status). */
export function reductionRows(db: Kysely<DB>, where: (q: ReductionQuery) => ReductionQuery) {
  const base = db
    .selectFrom('dues_reductions as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id') as unknown as ReductionQuery;
  return where(base)
    .select([
      'r.id',
      'r.member_id',
      'm.name as member_name',
      'r.org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      'r.kind',
      'r.amount_fen',
      'r.month_from',
      'r.month_to',
      'r.reason',
      'r.status',
      'r.proposer_org_id',
      'r.proposed_at',
      'r.decided_at',
      'r.decision_note',
      sql<string | null>`(select display_name from users u where u.id = r.proposed_by)`.as('proposed_by_name'),
      sql<string | null>`(select display_name from users u where u.id = r.decided_by)`.as('decided_by_name'),
    ])
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
}
export type ReductionRow = Awaited<ReturnType<typeof reductionRows>>[number];

/**
 * art. 7: the higher committee approves. The approver's organization must be a strict ancestor of
 * the member's branch, and not the level that proposed it.
 */
export function mayDecide(actor: Actor | null, r: { org_path: string; proposer_org_id: number; status: string }): boolean {
  if (!actor || r.status !== 'proposed' || !can(actor.roles, 'dues.approve')) return false;
  return isStrictlyHigher(actor, r.org_path) && actor.orgId !== r.proposer_org_id;
}

export function presentReduction(r: ReductionRow, actor: Actor | null) {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    amountFen: r.amount_fen,
    monthFrom: r.month_from,
    monthTo: r.month_to,
    reason: r.reason,
    status: r.status,
    proposedBy: r.proposed_by_name,
    proposedAt: new Date(r.proposed_at).toISOString(),
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
    canDecide: mayDecide(actor, r),
  };
}

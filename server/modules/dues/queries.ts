// SQL reads for dues: a member's ledger, a branch's month, arrears and totals of a subtree.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import {
  addMonths,
  arrearsLevel,
  monthsBetween,
  type Arrears,
  type ArrearsLevel,
  type ArrearsThresholds,
  type DuesCategory,
} from '../../../domain/rules/dues.js';
import { scopeSql } from '../../scope/access.js';
import { ALL_MONTHS, countedSql, ledgerCte, periodsCte, type MemberFilter } from './ledger-sql.js';

type Q = Kysely<DB>;

export interface LedgerRow {
  member_id: number;
  month: string;
  due_fen: number;
  paid_fen: number;
  reduced: boolean;
}

/** The ledger rows of the members the filter matches over [from, to], by member and month. */
export async function ledgerOf(db: Q, f: MemberFilter, from: string, to: string): Promise<LedgerRow[]> {
  const r = await sql<LedgerRow>`${ledgerCte(f, from, to)}
    select member_id, month, due_fen, paid_fen, reduced from ledger order by member_id, month`.execute(db);
  return r.rows;
}

export const memberLedger = (db: Q, memberId: number, from: string, to: string) => ledgerOf(db, { memberId }, from, to);

export interface ArrearsRow extends Arrears {
  memberId: number;
  orgId: number;
  level: ArrearsLevel;
}

/**
 * Arrears of every member the filter matches, over closed months up to `lastClosed`, aggregated in SQL.
 * Only members with something unpaid come back. Consecutive unpaid = months since the last month
 * that was settled (paid in full or reduced to nothing), or since the start.
 */
export async function arrearsOf(db: Q, f: MemberFilter, lastClosed: string, t: ArrearsThresholds): Promise<ArrearsRow[]> {
  const r = await sql<{
    member_id: number;
    org_id: number;
    unpaid: number;
    owed: number;
    oldest: string;
    last_ok: string | null;
    first_month: string;
  }>`
    ${ledgerCte(f, ALL_MONTHS, lastClosed)}
    select member_id, min(org_id) as org_id,
      count(*) filter (where due_fen > paid_fen)::int as unpaid,
      coalesce(sum(due_fen - paid_fen) filter (where due_fen > paid_fen), 0)::int as owed,
      min(month) filter (where due_fen > paid_fen) as oldest,
      max(month) filter (where due_fen <= paid_fen) as last_ok,
      min(month) as first_month
    from ledger group by member_id having count(*) filter (where due_fen > paid_fen) > 0`.execute(db);
  return r.rows.map((x) => {
    const consecutiveUnpaid = monthsBetween(x.last_ok ?? addMonths(x.first_month, -1), lastClosed);
    return {
      memberId: x.member_id,
      orgId: x.org_id,
      unpaidMonths: x.unpaid,
      owedFen: x.owed,
      oldestUnpaid: x.oldest,
      consecutiveUnpaid,
      level: arrearsLevel(consecutiveUnpaid, t),
    };
  });
}

export interface SheetDbRow {
  member_id: number;
  name: string;
  category: string;
  dues_category: DuesCategory | null;
  base_fen: number | null;
  due_fen: number | null;
  paid_fen: number;
  paid_on: string | null;
  receipt_no: string | null;
}

/** The collection sheet of a branch for one month: every counted member held directly by it. */
export async function sheetRows(db: Q, orgId: number, month: string): Promise<SheetDbRow[]> {
  const r = await sql<SheetDbRow>`${ledgerCte({ orgId }, month, month)}
    select m.id as member_id, m.name, m.category, b.category as dues_category, b.base_fen,
      l.due_fen, coalesce(l.paid_fen, 0) as paid_fen, p.paid_on, p.receipt_no
    from members m
    left join ledger l on l.member_id = m.id
    left join lateral (select category, base_fen from dues_bases x where x.member_id = m.id and x.effective_from <= ${month}
      order by x.effective_from desc limit 1) b on true
    left join lateral (select to_char(paid_on, 'YYYY-MM-DD') as paid_on, receipt_no from dues_payments y
      where y.member_id = m.id and y.month = ${month} and y.kind = 'regular' order by y.id desc limit 1) p on true
    where m.org_id = ${orgId} and ${countedSql}
    order by m.sort_key, m.id`.execute(db);
  return r.rows;
}

export interface TotalsCells {
  dueFen: number;
  paidFen: number;
  voluntaryFen: number;
  toCentreFen: number;
  payers: number;
}

/**
 * Totals of a subtree over [from, to]: due from the ledger of its members, collections from the
 * payments recorded by its organizations; by month, and by direct child (subtree roll-up).
 */
export async function totals(db: Q, orgPath: string, from: string, to: string) {
  const depth = orgPath.split('.').length;
  // Aggregate by (month, organization id) first, then map each organization to the direct child
  // it sits under: the ltree work is done once per organization, not once per member-month.
  const childOf = sql`select id, (case when nlevel(path) > ${sql.lit(depth)} then subpath(path, 0, ${sql.lit(depth + 1)}) else path end)::text as key
    from orgs where ${scopeSql('path', orgPath)}`;
  // What was due: base periods summed per organization and span first (members of a branch share
  // spans), expanded to months only then; approved reductions are applied as a correction.
  const due = await sql<{ month: string; key: string; due: number }>`with periods as (${periodsCte({ scopePath: orgPath })}),
    spans as (select org_id, greatest(p_from, start_month, ${from}) as s, p_next, sum(due_fen)::bigint as due from periods group by 1, 2, 3),
    by_org as (
      select to_char(g, 'YYYY-MM') as month, x.org_id, sum(x.due)::bigint as due from spans x
      cross join lateral generate_series(to_date(x.s, 'YYYY-MM'),
        least(to_date(${to}, 'YYYY-MM'), coalesce(to_date(x.p_next, 'YYYY-MM') - interval '1 month', to_date(${to}, 'YYYY-MM'))), interval '1 month') g
      group by 1, 2)
    select b.month, c.key, sum(b.due)::bigint as due from by_org b join (${childOf}) c on c.id = b.org_id group by 1, 2`.execute(db);
  const reduced = await sql<{
    month: string;
    key: string;
    due: number;
  }>`${ledgerCte({ scopePath: orgPath, reducedBetween: [from, to] }, from, to, false)}
    select l.month, c.key, sum(l.due_fen - l.base_due)::bigint as due from ledger l join (${childOf}) c on c.id = l.org_id where l.reduced group by 1, 2`.execute(
    db,
  );
  const paid = await sql<{ month: string; key: string; paid: number; voluntary: number; centre: number; payers: number }>`
    with by_org as (
      select p.month, p.org_id,
        coalesce(sum(p.amount_fen) filter (where p.kind = 'regular'), 0)::bigint as paid,
        coalesce(sum(p.amount_fen) filter (where p.kind = 'voluntary'), 0)::bigint as voluntary,
        coalesce(sum(p.amount_fen) filter (where p.to_centre), 0)::bigint as centre,
        count(distinct p.member_id)::int as payers
      from dues_payments p
      where p.org_id in (select id from orgs where ${scopeSql('path', orgPath)}) and p.month between ${from} and ${to}
      group by 1, 2)
    select b.month, c.key, sum(b.paid)::bigint as paid, sum(b.voluntary)::bigint as voluntary, sum(b.centre)::bigint as centre, sum(b.payers)::int as payers
    from by_org b join (${childOf}) c on c.id = b.org_id group by 1, 2`.execute(db);
  return { due: [...due.rows, ...reduced.rows], paid: paid.rows };
}

export async function orgNamesByPath(db: Q, paths: string[]): Promise<Map<string, { id: number; name: string }>> {
  if (!paths.length) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', sql<string>`path::text`.as('p')])
    .where(sql<boolean>`path::text in (${sql.join(paths)})`)
    .execute();
  return new Map(rows.map((r) => [r.p, { id: r.id, name: r.name }]));
}

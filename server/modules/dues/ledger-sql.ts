// The dues ledger in SQL: one row per member and month with what was due and what was paid.
// Dues are never stored per month: they come from the base in force that month (art. 10), from the
// 支部大会 month for a probationary member (art. 8), replaced by an approved reduction (art. 7).
// Aggregates (arrears, totals) run over this in the database, never row by row in JS.
import { sql, type RawBuilder } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { scopeSql } from '../../scope/access.js';

/** Whose ledger: one member (any status), the direct members of a branch, or a whole subtree. */
export type MemberFilter = { memberId: number } | { orgId: number } | { scopePath: string; reducedBetween?: [string, string] };

/** Members who owe dues (alias `m`): the counted statuses. */
export const countedSql = sql`m.status in (${sql.join(COUNTED_STATUSES.map((s) => sql.lit(s)))})`;

function memberWhere(f: MemberFilter): RawBuilder<unknown> {
  if ('memberId' in f) return sql`m.id = ${f.memberId}`;
  if ('orgId' in f) return sql`m.org_id = ${f.orgId} and ${countedSql}`;
  const base = sql`${scopeSql('m.org_path', f.scopePath)} and ${countedSql}`;
  if (!f.reducedBetween) return base;
  const [from, to] = f.reducedBetween;
  return sql`${base} and exists (select 1 from dues_reductions r where r.member_id = m.id and r.status = 'approved' and r.month_to >= ${from} and r.month_from <= ${to})`;
}

/** The earliest month the ledger may start from (no lower bound). */
export const ALL_MONTHS = '0001-01';

/** The base periods of the members matched: `periods(member_id, org_id, org_path, due_fen, p_from, p_next, start_month)`. */
export function periodsCte(f: MemberFilter): RawBuilder<unknown> {
  return sql`select b.member_id, m.org_id, m.org_path, b.due_fen, b.effective_from as p_from,
      lead(b.effective_from) over (partition by b.member_id order by b.effective_from) as p_next,
      coalesce(to_char(m.admitted_on, 'YYYY-MM'), '0001-01') as start_month
    from dues_bases b join members m on m.id = b.member_id
    where ${memberWhere(f)}`;
}

/**
 * `with periods, due, ledger as (...)`: ledger(member_id, org_id, org_path, month, due_fen, paid_fen, reduced)
 * over the months [from, to]. Each base covers its month up to the month before the next base.
 */
export function ledgerCte(f: MemberFilter, from: string, to: string, withPaid = true): RawBuilder<unknown> {
  // Totals of what was due need no payments: skipping them halves the work on a whole city.
  const paid = withPaid
    ? sql`select member_id, month, sum(amount_fen)::int as paid
    from dues_payments
    where kind = 'regular' and month between ${from} and ${to} and member_id in (select member_id from periods)
    group by member_id, month`
    : sql`select 0::bigint as member_id, ''::text as month, 0 as paid where false`;
  return sql`with periods as (${periodsCte(f)}), due as (
    select p.member_id, p.org_id, p.org_path, to_char(g, 'YYYY-MM') as month, p.due_fen as base_due
    from periods p
    cross join lateral generate_series(
      to_date(greatest(p.p_from, p.start_month, ${from}), 'YYYY-MM'),
      least(to_date(${to}, 'YYYY-MM'), coalesce(to_date(p.p_next, 'YYYY-MM') - interval '1 month', to_date(${to}, 'YYYY-MM'))),
      interval '1 month') g
  ), paid as (${paid}), ledger as (
    select d.member_id, d.org_id, d.org_path, d.month,
      coalesce(r.amount_fen, d.base_due) as due_fen, d.base_due, (r.id is not null) as reduced, coalesce(pd.paid, 0) as paid_fen
    from due d
    left join dues_reductions r on r.member_id = d.member_id and r.status = 'approved' and d.month between r.month_from and r.month_to
    left join paid pd on pd.member_id = d.member_id and pd.month = d.month
  )`;
}

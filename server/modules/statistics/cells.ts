// Reading the summaries of migration 008 as values: the cells (+ the deltas not yet folded in) of a
// few organizations and the members they hold directly (not in the cells: a 党支部's few dozen),
// dimension by dimension and value by value — the current distribution of a subtree, for
// dashboards. The tables count columns at any month end through counts.ts.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Dim } from './columns.js';

/** orgId → (dim → (val → n)) */
export type CellValues = Map<number, Map<string, Map<string, number>>>;

function add(values: CellValues, orgId: number, dim: string, val: string, n: number) {
  let byDim = values.get(orgId);
  if (!byDim) values.set(orgId, (byDim = new Map()));
  let byVal = byDim.get(dim);
  if (!byVal) byDim.set(dim, (byVal = new Map()));
  byVal.set(val, (byVal.get(val) ?? 0) + n);
}

/**
 * Counts of `dims` in the stored cells of `ids` (plus pending deltas, one statement: one snapshot).
 * Member dimensions leave out the members each organization holds directly.
 */
async function storedCells(db: Db, ids: readonly number[], dims: readonly Dim[]): Promise<CellValues> {
  const values: CellValues = new Map();
  if (!ids.length || !dims.length) return values;
  const idList = sql.join(ids.map((i) => sql`${i}::bigint`));
  const dimList = sql.join(dims.map((d) => sql`${d}`));
  const r = await sql<{ org_id: number; dim: string; val: string; n: number }>`
    select org_id, dim, val, sum(n)::int as n from (
      select org_id, dim, val, n from stat_cells where org_id in (${idList}) and dim in (${dimList})
      union all
      select org_id, dim, val, n from stat_deltas where ref = '' and org_id in (${idList}) and dim in (${dimList})
    ) t group by 1, 2, 3 having sum(n) <> 0`.execute(db);
  for (const row of r.rows) add(values, row.org_id, row.dim, row.val, row.n);
  return values;
}

const MEMBER_DIMS: readonly Dim[] = [
  'total',
  'category',
  'gender',
  'ethnicity',
  'birth',
  'edu',
  'occupation',
  'period',
  'fullym',
  'status',
];

/**
 * Current counts of the whole subtree of each of `ids` (members: the summaries plus the members the
 * organization holds directly; organizations: the organization itself and all below it). For
 * dashboards: one read, no scan. The tables use countsAt (any month end, children at once).
 */
export async function readCells(db: Db, ids: readonly number[], dims: readonly Dim[]): Promise<CellValues> {
  const members = dims.filter((d) => MEMBER_DIMS.includes(d));
  const [values, held] = await Promise.all([
    storedCells(db, ids, dims),
    members.length && ids.length
      ? sql<{ org_id: number; dim: string; val: string; n: number }>`
      select m.org_id, v.dim, v.val, count(*)::int as n
      from members m cross join lateral stat_member_vals(m.status, m.category, m.gender, m.ethnicity, m.birth_date, m.edu_highest, m.occupation, m.admitted_on, m.full_on) v
      where m.org_id in (${sql.join(ids.map((i) => sql`${i}::bigint`))}) and v.dim in (${sql.join(members.map((x) => sql`${x}`))})
      group by 1, 2, 3`.execute(db)
      : Promise.resolve({ rows: [] }),
  ]);
  for (const h of held.rows) add(values, h.org_id, h.dim, h.val, h.n);
  return values;
}

/** Sum of the values of one dimension that a test accepts. */
export function sumWhere(values: CellValues, orgId: number, dim: string, test: (val: string) => boolean): number {
  let n = 0;
  for (const [val, k] of values.get(orgId)?.get(dim) ?? []) if (test(val)) n += k;
  return n;
}

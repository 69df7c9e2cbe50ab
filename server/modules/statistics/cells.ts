// Reading the summaries of migration 008: the cells (+ the deltas not yet folded in) of a few
// organizations, the members they hold directly (not in the cells: a 党支部's few dozen, counted
// here at the reference date), and the correction of the cells for a past reference date — the
// members admitted or made full after it, and the organizations founded or dissolved after it,
// taken one by one.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Dim, MemberDim } from './columns.js';

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
 * Counts of `dims` in the stored cells of `ids` (plus pending deltas, one statement: one snapshot);
 * with `ref`, plus that reference date's ref cells. Member dimensions leave out the members each
 * organization holds directly (readCells and cellsAt add them).
 *
 * With `month`, birth and 转正 year-months come back folded into two per year — months up to the
 * reference month ('YYYY-MM' of it) and after it ('YYYY-12') — which every age or 党龄 band at that
 * month's end counts exactly like the months themselves (its bounds are (y, M) and (y, M + 1)):
 * about 200 rows per organization instead of 900.
 */
async function storedCells(db: Db, ids: readonly number[], dims: readonly Dim[], ref: string | null = null, month: string | null = null): Promise<CellValues> {
  const values: CellValues = new Map();
  if (!ids.length || !dims.length) return values;
  const idList = sql.join(ids.map((i) => sql`${i}::bigint`));
  const dimList = sql.join(dims.map((d) => sql`${d}`));
  const atRef = ref === null ? sql`` : sql`
      union all
      select org_id, dim, val, n from stat_ref_cells where ref = ${ref} and org_id in (${idList}) and dim in (${dimList})
      union all
      select org_id, dim, val, n from stat_deltas where ref = ${ref} and org_id in (${idList}) and dim in (${dimList})`;
  const mm = month?.slice(5, 7);
  const val = mm ? sql`case when dim in ('birth', 'fullym') and length(val) = 7 then left(val, 5) || (case when right(val, 2) <= ${mm} then ${mm} else '12' end) else val end` : sql`val`;
  const r = await sql<{ org_id: number; dim: string; val: string; n: number }>`
    select org_id, dim, ${val} as val, sum(n)::int as n from (
      select org_id, dim, val, n from stat_cells where org_id in (${idList}) and dim in (${dimList})
      union all
      select org_id, dim, val, n from stat_deltas where ref = '' and org_id in (${idList}) and dim in (${dimList}) ${atRef}
    ) t group by 1, 2, 3 having sum(n) <> 0`.execute(db);
  for (const row of r.rows) add(values, row.org_id, row.dim, row.val, row.n);
  return values;
}

const MEMBER_DIMS: readonly Dim[] = ['total', 'category', 'gender', 'ethnicity', 'birth', 'edu', 'occupation', 'period', 'fullym', 'status'];
/** Later than any date: the members' values now. */
const NOW = '9999-12-31';

/**
 * Current counts of the whole subtree of each of `ids` (members: the summaries plus the members the
 * organization holds directly; organizations: the organization itself and all below it). For
 * dashboards: one read, no scan. The tables use cellsAt (any month end, children at once).
 */
export async function readCells(db: Db, ids: readonly number[], dims: readonly Dim[]): Promise<CellValues> {
  const members = dims.filter((d) => MEMBER_DIMS.includes(d));
  const [values, held] = await Promise.all([
    storedCells(db, ids, dims),
    members.length && ids.length ? heldDirectly(db, ids, NOW, members) : Promise.resolve({ rows: [] }),
  ]);
  for (const h of held.rows) add(values, h.org_id, h.dim, h.val, h.n);
  return values;
}

/** The kept reference date (stat_refs) for a month end, if there is one. */
export async function refAt(db: Db, asOf: string): Promise<string | null> {
  const r = await sql<{ ref: string }>`select ref from stat_refs where as_of = ${asOf}::date`.execute(db);
  return r.rows[0]?.ref ?? null;
}

interface Correction { child: number | null; dim: string; val: string; n: number }

/** The category and 转正 date a member had at the reference date: made full after it, still probationary then. */
const atDate = (d: ReturnType<typeof sql>) => sql`case when m.category = 'full' and m.full_on > ${d} then 'probationary' else m.category end,
  m.gender, m.ethnicity, m.birth_date, m.edu_highest, m.occupation, m.admitted_on, case when m.full_on <= ${d} then m.full_on end`;

/** Members held directly by the organizations `ids`, counted at the reference date. */
function heldDirectly(db: Db, ids: readonly number[], asOf: string, dims: readonly Dim[]) {
  const d = sql`${asOf}::date`;
  return sql<{ org_id: number; dim: string; val: string; n: number }>`
    select m.org_id, v.dim, v.val, count(*)::int as n
    from members m cross join lateral stat_member_vals(m.status, ${atDate(d)}) v
    where m.org_id in (${sql.join(ids.map((i) => sql`${i}::bigint`))}) and coalesce(m.admitted_on <= ${d}, true)
      and v.dim in (${sql.join(dims.map((x) => sql`${x}`))})
    group by 1, 2, 3`.execute(db);
}

/** A member's value of each dimension as the cells hold it now (as stat_member_vals of migration 008). */
const NOW_VALUES: Record<MemberDim, string> = {
  total: `''`, category: 'm.category', gender: 'm.gender', ethnicity: `coalesce(m.ethnicity, '')`, birth: 'stat_ym(m.birth_date)',
  edu: `coalesce(m.edu_highest, '')`, occupation: `coalesce(m.occupation, '')`, period: 'stat_joining_period(m.admitted_on)',
  fullym: `case when m.category = 'full' then stat_ym(m.full_on) else '-' end`, status: 'm.status',
};

/**
 * What changes between now and the end of a past month in the cells of the organization at `path`
 * and of its children, from the members below them: a member admitted after the date is taken away
 * (all their cells); one made full after it was probationary then (category and 党龄 cells move).
 * One pass over those members (the index on the later of both dates), grouped per dimension;
 * `child` is set when the member is below a child (not held by it). Empty for the current month.
 */
async function memberCorrection(db: Db, path: string, asOf: string, dims: readonly Dim[]): Promise<{ rows: Correction[] }> {
  const depth = path.split('.').length;
  const d = sql`${asOf}::date`;
  const wanted = dims.filter((x): x is MemberDim => x in NOW_VALUES);
  const moves = wanted.includes('category') || wanted.includes('fullym');
  // Columns d0…dk-1: the dimensions now; fym: the 转正 year-month (for the members made full after the date).
  const names = [...wanted.map((_, i) => `d${i}`), ...(moves ? ['fym'] : [])];
  const cols = [...wanted.map((x, i) => sql`${sql.raw(NOW_VALUES[x])} as ${sql.ref(`d${i}`)}`), ...(moves ? [sql`stat_ym(m.full_on) as fym`] : [])];
  const which = sql.join(names.map((n) => sql.ref(n)));
  const r = await sql<{ child: number | null; g: number; val: string; gone: number; moved: number }>`
    with c as (
      select case when nlevel(m.org_path) > ${sql.lit(depth + 1)} then (string_to_array(m.org_path::text, '.'))[${sql.lit(depth + 1)}]::bigint end as child,
        coalesce(m.admitted_on > ${d}, false) as gone, m.category = 'full' and m.full_on > ${d} as made_full, ${sql.join(cols)}
      from members m
      where greatest(m.admitted_on, m.full_on) > ${d} and m.org_path <@ ${path}::ltree and m.org_path <> ${path}::ltree and stat_counted(m.status)
    )
    select child, grouping(${which}) as g, coalesce(${which}) as val,
      count(*) filter (where gone)::int as gone, count(*) filter (where not gone and made_full)::int as moved
    from c group by grouping sets (${sql.join(names.map((n) => sql`(child, ${sql.ref(n)})`))})`.execute(db);
  const rows: Correction[] = [];
  for (const x of r.rows) {
    // grouping(…) has the bit of the one column a row is grouped by cleared.
    const i = names.findIndex((_, k) => ((x.g >> (names.length - 1 - k)) & 1) === 0);
    if (i < wanted.length) {
      if (x.gone) rows.push({ child: x.child, dim: wanted[i], val: x.val, n: -x.gone });
    } else if (x.moved) {
      if (wanted.includes('category')) rows.push({ child: x.child, dim: 'category', val: 'full', n: -x.moved }, { child: x.child, dim: 'category', val: 'probationary', n: x.moved });
      if (wanted.includes('fullym')) rows.push({ child: x.child, dim: 'fullym', val: x.val, n: -x.moved }, { child: x.child, dim: 'fullym', val: '-', n: x.moved });
    }
  }
  return { rows };
}

/** The same for organizations: founded after the date (not there yet), dissolved after it (still there). */
function orgCorrection(db: Db, path: string, asOf: string, dims: readonly Dim[]) {
  const depth = path.split('.').length;
  const d = sql`${asOf}::date`;
  return sql<Correction>`
    select (string_to_array(o.path::text, '.'))[${sql.lit(depth + 1)}]::bigint as child, v.dim, v.val, sum(v.s)::int as n
    from orgs o
    cross join lateral (
      select x.dim, x.val, -1 as s from stat_org_vals(o.status, o.kind, o.unit_type) x
      union all
      select x.dim, x.val, 1 from stat_org_vals(
        case when coalesce(o.established_on <= ${d}, true) and (o.status = 'active' or o.dissolved_on > ${d}) then 'active' else 'gone' end,
        o.kind, o.unit_type) x
    ) v
    where greatest(o.established_on, o.dissolved_on) > ${d} and o.path <@ ${path}::ltree and v.dim in (${sql.join(dims.map((x) => sql`${x}`))})
    group by 1, 2, 3 having sum(v.s) <> 0`.execute(db);
}

/**
 * Counts at the reference date of the whole subtree of the organization at `path` (id `orgId`)
 * and of each of its children `childIds`: the summaries corrected for what happened after the
 * date, plus for members the ones each organization holds directly.
 */
export async function cellsAt(db: Db, source: 'members' | 'orgs', orgId: number, path: string, childIds: readonly number[], dims: readonly Dim[], asOf: string): Promise<CellValues> {
  const ids = [orgId, ...childIds];
  if (source === 'orgs') {
    const [values, corr] = await Promise.all([storedCells(db, ids, dims), orgCorrection(db, path, asOf, dims)]);
    return corrected(values, orgId, childIds, corr.rows);
  }
  // A kept reference date: its ref cells hold the correction already.
  const ref = await refAt(db, asOf);
  const [values, corr, held] = await Promise.all([
    storedCells(db, ids, dims, ref, asOf.slice(0, 7)),
    ref === null ? memberCorrection(db, path, asOf, dims) : Promise.resolve({ rows: [] }),
    heldDirectly(db, ids, asOf, dims),
  ]);
  // A child's own members are already in the organization's cells (they are below it).
  for (const h of held.rows) add(values, h.org_id, h.dim, h.val, h.n);
  return corrected(values, orgId, childIds, corr.rows);
}

function corrected(values: CellValues, orgId: number, childIds: readonly number[], corr: Correction[]): CellValues {
  const children = new Set(childIds);
  for (const c of corr) {
    add(values, orgId, c.dim, c.val, c.n);
    if (c.child !== null && children.has(c.child)) add(values, c.child, c.dim, c.val, c.n);
  }
  return values;
}

/** Sum of the values of one dimension that a test accepts. */
export function sumWhere(values: CellValues, orgId: number, dim: string, test: (val: string) => boolean): number {
  let n = 0;
  for (const [val, k] of values.get(orgId)?.get(dim) ?? []) if (test(val)) n += k;
  return n;
}

// Counting the columns of a member or organization table at a month end, for an organization and
// its children at once: the summaries of migration 008 (stored cells + pending deltas, + the ref
// cells of a kept reference date), the members each organization holds directly (not in the cells:
// a 党支部's few dozen) counted at the date, and — for a past month end that is not kept — the
// correction of the cells: the members admitted or made full after it, and the organizations
// founded or dissolved after it, taken one by one. Member counts of a past month end without its ref
// cells come from one scan of the subtree instead (scanCounts, also the bench's and the tests'
// reference), so the member correction serves the current month end (records dated after it) and
// the moments before the kept months are filled.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { addMonthsYm } from '../../../domain/rules/statistics.js';
import { matches, type CellColumn, type Dim, type MemberDim } from './columns.js';
import { memberBase, memberColumnSql, orgBase, orgColumnSql } from './predicates.js';

/** column key → number */
export type Counts = Record<string, number>;

interface Correction {
  child: number | null;
  dim: string;
  val: string;
  n: number;
}

const list = (vals: readonly string[]) => sql.join(vals.map((v) => sql`${v}`));
const ids = (xs: readonly number[]) => sql.join(xs.map((i) => sql`${i}::bigint`));

const YEAR_DIMS = ['birth', 'fullym'] as const;
type YearDim = (typeof YEAR_DIMS)[number];
const isYearDim = (d: string): d is YearDim => (YEAR_DIMS as readonly string[]).includes(d);

/** Where the table's ranges of a year-month dimension start and stop (the month after each end): the segment starts. */
function cutsOf(columns: readonly CellColumn[], d: YearDim): string[] {
  const cuts = new Set<string>();
  for (const c of columns) {
    if (c.dim !== d || !('from' in c.match)) continue;
    if (c.match.from) cuts.add(c.match.from);
    if (c.match.to) cuts.add(addMonthsYm(c.match.to, 1));
  }
  return [...cuts].sort();
}

/**
 * Year-month values (birth, 转正) replaced by the start of the segment they fall in, the segments
 * being cut at every bound of the table's ranges for that dimension: every column counts a segment's
 * start exactly like each of its months (no bound lies inside a segment), so an organization sends
 * one row per segment — about ten for an age table — instead of one per year-month.
 */
function segmented(columns: readonly CellColumn[], dim: RawBuilder<unknown>, val: RawBuilder<unknown>): RawBuilder<string> {
  const branches = YEAR_DIMS.flatMap((d) => {
    const desc = cutsOf(columns, d).reverse();
    if (!desc.length) return [];
    return [
      sql`when ${dim} = ${d} and length(${val}) = 7 then (case ${sql.join(
        desc.map((x) => sql`when ${val} >= ${x} then ${x}`),
        sql` `,
      )} else '0000-01' end)`,
    ];
  });
  return branches.length ? sql<string>`(case ${sql.join(branches, sql` `)} else ${val} end)` : sql<string>`${val}`;
}

/**
 * The stored cells of a year-month dimension: whole years from stat_year_cells (as 'YYYY-01', which
 * falls in the same segment as all its months), the months of the years a bound cuts (not at
 * January), and the values without a year-month ('' not recorded, '-' probationary).
 */
function yearDimCells(orgIds: RawBuilder<unknown>, d: YearDim, columns: readonly CellColumn[]) {
  const split = [
    ...new Set(
      cutsOf(columns, d)
        .filter((c) => !c.endsWith('-01'))
        .map((c) => c.slice(0, 4)),
    ),
  ];
  const months = split.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
  return sql`
      union all select org_id, dim, yr || '-01', n from stat_year_cells where org_id in (${orgIds}) and dim = ${d}${split.length ? sql` and yr not in (${list(split)})` : sql``}
      union all select org_id, dim, val, n from stat_cells where org_id in (${orgIds}) and dim = ${d} and val in (${list(['', '-', ...months])})`;
}

type Rows = { org_id: number; dim: string; val: string; n: number }[];

/**
 * The stored cells of `orgIds` (+ pending deltas, + the ref cells of `ref`), by organization, dimension and segment: one statement, one
 * snapshot.
 */
async function storedRows(db: Db, orgIds: readonly number[], columns: readonly CellColumn[], ref: string | null): Promise<Rows> {
  const idList = ids(orgIds);
  const dims = [...new Set(columns.map((c) => c.dim))];
  const dimList = list(dims);
  const plain = dims.filter((d) => !isYearDim(d));
  const atRef =
    ref === null
      ? sql``
      : sql`
      union all select org_id, dim, val, n from stat_ref_cells where ref = ${ref} and org_id in (${idList}) and dim in (${dimList})
      union all select org_id, dim, val, n from stat_deltas where ref = ${ref} and org_id in (${idList}) and dim in (${dimList})`;
  const r = await sql<Rows[number]>`
    select org_id, dim, ${segmented(columns, sql`dim`, sql`val`)} as val, sum(n)::int as n from (
      select org_id, dim, val, n from stat_cells where org_id in (${idList}) and dim in (${plain.length ? list(plain) : sql`null`})
      ${sql.join(
        dims.filter(isYearDim).map((d) => yearDimCells(idList, d, columns)),
        sql` `,
      )}
      union all select org_id, dim, val, n from stat_deltas where ref = '' and org_id in (${idList}) and dim in (${dimList}) ${atRef}
    ) t group by 1, 2, 3 having sum(n) <> 0`.execute(db);
  return r.rows;
}

/**
 * Column counts of the members held directly by `orgIds` at the reference date: a plain count with
 * the columns' SQL tests (predicates.ts), one row per organization — a district holding a hundred
 * branches reads a few thousand members once instead of sending their value distributions.
 */
async function heldCounts(db: Db, orgIds: readonly number[], columns: readonly CellColumn[], asOf: string): Promise<Map<number, Counts>> {
  const r = await sql<Record<string, number>>`
    select m.org_id, ${sql.join(columns.map((c, i) => sql`count(*) filter (where ${memberColumnSql(c, asOf)})::int as ${sql.ref(`c${i}`)}`))}
    from members m
    where m.org_id in (${ids(orgIds)}) and m.status in (${list(COUNTED_STATUSES)}) and coalesce(m.admitted_on <= ${asOf}::date, true)
    group by m.org_id`.execute(db);
  return new Map(r.rows.map((row) => [Number(row.org_id), Object.fromEntries(columns.map((c, i) => [c.key, Number(row[`c${i}`])]))]));
}

/**
 * The kept reference date (stat_refs) for a month end, if there is one, and whether the month end
 * lies before the latest kept one (a past month: every one of the last 13 is kept, so one without
 * its ref is older, or its ref is not filled yet).
 */
async function refAt(db: Db, asOf: string): Promise<{ ref: string | null; past: boolean }> {
  const r = await sql<{ ref: string | null; past: boolean | null }>`
    select (select ref from stat_refs where as_of = ${asOf}::date) as ref, (select max(as_of) from stat_refs) > ${asOf}::date as past`.execute(
    db,
  );
  return { ref: r.rows[0]?.ref ?? null, past: r.rows[0]?.past === true };
}

/** Counts by child id or 本级 ('') from one pass over the subtree's rows. */
export async function scanCounts(
  db: Db,
  source: 'members' | 'orgs',
  path: string,
  columns: readonly CellColumn[],
  asOf: string,
): Promise<Map<string, Counts>> {
  const depth = path.split('.').length;
  const alias = source === 'members' ? sql`m` : sql`o`;
  const pathCol = source === 'members' ? sql`m.org_path` : sql`o.path`;
  const filters = columns.map(
    (c, i) => sql`count(*) filter (where ${source === 'members' ? memberColumnSql(c, asOf) : orgColumnSql(c)})::int as ${sql.ref(`c${i}`)}`,
  );
  const table = source === 'members' ? sql`members` : sql`orgs`;
  const base = source === 'members' ? memberBase(path, asOf) : orgBase(path, asOf);
  const rows = await sql<Record<string, number | string>>`
    select case when nlevel(${pathCol}) > ${sql.lit(depth)} then subpath(${pathCol}, ${sql.lit(depth)}, 1)::text else '' end as k, ${sql.join(filters)}
    from ${table} ${alias} where ${base} group by 1`.execute(db);
  const byKey = new Map<string, Counts>();
  for (const row of rows.rows) byKey.set(String(row.k), Object.fromEntries(columns.map((c, i) => [c.key, Number(row[`c${i}`])])));
  return byKey;
}

const zeroCounts = (columns: readonly CellColumn[]): Counts => Object.fromEntries(columns.map((c) => [c.key, 0]));

/** The counts of countsAt from one scan of the subtree: the whole subtree (the first id), and each child's (the others). */
async function scannedAt(db: Db, [orgId, ...childIds]: number[], path: string, columns: readonly CellColumn[], asOf: string) {
  const byKey = await scanCounts(db, 'members', path, columns, asOf);
  const whole = zeroCounts(columns);
  for (const counts of byKey.values()) for (const c of columns) whole[c.key] += counts[c.key];
  return new Map([[orgId, whole], ...childIds.map((id): [number, Counts] => [id, byKey.get(String(id)) ?? zeroCounts(columns)])]);
}

/** A member's value of each dimension as the cells hold it now (as stat_member_vals of migration 008). */
const NOW_VALUES: Record<MemberDim, string> = {
  total: `''`,
  category: 'm.category',
  gender: 'm.gender',
  ethnicity: `coalesce(m.ethnicity, '')`,
  birth: 'stat_ym(m.birth_date)',
  edu: `coalesce(m.edu_highest, '')`,
  occupation: `coalesce(m.occupation, '')`,
  period: 'stat_joining_period(m.admitted_on)',
  fullym: `case when m.category = 'full' then stat_ym(m.full_on) else '-' end`,
  status: 'm.status',
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
  const cols = [
    ...wanted.map((x, i) => sql`${sql.raw(NOW_VALUES[x])} as ${sql.ref(`d${i}`)}`),
    ...(moves ? [sql`stat_ym(m.full_on) as fym`] : []),
  ];
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
      if (wanted.includes('category'))
        rows.push(
          { child: x.child, dim: 'category', val: 'full', n: -x.moved },
          { child: x.child, dim: 'category', val: 'probationary', n: x.moved },
        );
      if (wanted.includes('fullym'))
        rows.push({ child: x.child, dim: 'fullym', val: x.val, n: -x.moved }, { child: x.child, dim: 'fullym', val: '-', n: x.moved });
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
 * Column counts at the reference date of the whole subtree of the organization at `path` (id
 * `orgId`) and of each of its children `childIds`. Importable: dashboards may count any columns.
 */
export async function countsAt(
  db: Db,
  source: 'members' | 'orgs',
  orgId: number,
  path: string,
  childIds: readonly number[],
  columns: readonly CellColumn[],
  asOf: string,
): Promise<Map<number, Counts>> {
  const orgIds = [orgId, ...childIds];
  const dims = [...new Set(columns.map((c) => c.dim))];
  let stored: Promise<Rows>;
  let held: Promise<Map<number, Counts>> = Promise.resolve(new Map());
  let corr: Promise<{ rows: Correction[] }>;
  if (source === 'orgs') {
    stored = storedRows(db, orgIds, columns, null);
    corr = orgCorrection(db, path, asOf, dims);
  } else {
    // A kept reference date: its ref cells hold the correction already.
    const { ref, past } = await refAt(db, asOf);
    // A past month without its ref cells (issue 16 point 5): the correction would take back every
    // member admitted or made full since, and one scan of the subtree reads fewer rows (at 5 million
    // members, 15 months back: 1.3–2.2 s against 2.5–4.2 s).
    if (ref === null && past) return scannedAt(db, orgIds, path, columns, asOf);
    // A child's own members are not in its cells but in the organization's (they are below it).
    stored = storedRows(db, orgIds, columns, ref);
    held = heldCounts(db, orgIds, columns, asOf);
    corr = ref === null ? memberCorrection(db, path, asOf, dims) : Promise.resolve({ rows: [] });
  }
  const out = new Map(orgIds.map((id) => [id, zeroCounts(columns)]));
  const byDim = new Map(dims.map((d) => [d, columns.filter((c) => c.dim === d)]));
  const count = (id: number, dim: string, val: string, n: number) => {
    const counts = out.get(id);
    if (counts) for (const c of byDim.get(dim as Dim) ?? []) if (matches(c.match, val)) counts[c.key] += n;
  };
  for (const r of await stored) count(r.org_id, r.dim, r.val, r.n);
  for (const [id, counts] of await held) for (const c of columns) out.get(id)![c.key] += counts[c.key];
  for (const x of (await corr).rows) {
    count(orgId, x.dim, x.val, x.n);
    if (x.child !== null && x.child !== orgId) count(x.child, x.dim, x.val, x.n);
  }
  return out;
}

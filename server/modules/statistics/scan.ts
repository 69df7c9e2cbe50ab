// The same member and organization tables counted the slow way: one scan of the subtree with a
// FILTER per column (predicates.ts). The bench times it beside the summaries, and the tests check
// that both give the same numbers.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { monthEnd } from '../../../domain/rules/statistics.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';
import type { CellColumn } from './columns.js';
import type { CellTableDef } from './cell-tables.js';
import { memberBase, memberColumnSql, orgBase, orgColumnSql } from './predicates.js';
import { assembleRows, childrenOf, requireTable, type CountsByKey, type TableRequest } from './tables.js';

async function minorities(db: Db, r: TableRequest, asOf: string): Promise<string[]> {
  const rows = await sql<{ e: string; n: number }>`select m.ethnicity as e, count(*)::int as n from members m
    where ${memberBase(r.org.path, asOf)} and m.ethnicity <> '汉族' group by 1`.execute(db);
  return rows.rows.sort((a, b) => b.n - a.n || a.e.localeCompare(b.e)).map((x) => x.e);
}

/** Counts by child id or 本级 ('') from one pass over the subtree's rows. */
export async function scanCounts(
  db: Db,
  source: 'members' | 'orgs',
  path: string,
  columns: readonly CellColumn[],
  asOf: string,
): Promise<CountsByKey> {
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
  const byKey: CountsByKey = new Map();
  for (const row of rows.rows) byKey.set(String(row.k), Object.fromEntries(columns.map((c, i) => [c.key, Number(row[`c${i}`])])));
  return byKey;
}

/** A member or organization table from a scan: the rows and columns of buildTable, without the summaries. */
export async function scanTable(db: Db, r: TableRequest): Promise<Pick<TStatsTable, 'columns' | 'rows' | 'sums'>> {
  const def = requireTable(r.code);
  if (def.source === 'events') throw new Error('period tables are counted from their events already');
  const asOf = monthEnd(r.month);
  const cell = def as CellTableDef;
  const shape = cell.shape({
    month: r.month,
    ageBands: r.ageBands,
    minorities: cell.code === 'gender_ethnicity' ? await minorities(db, r, asOf) : [],
  });
  const [children, byKey] = await Promise.all([childrenOf(db, r.org.id), scanCounts(db, cell.source, r.org.path, shape.columns, asOf)]);
  return {
    columns: shape.columns.map((c) => ({ key: c.key, path: c.path })),
    rows: assembleRows(r.org, children, byKey, shape.columns),
    sums: shape.sums,
  };
}

// The same member and organization tables counted the slow way: one scan of the subtree with a
// FILTER per column (counts.ts: scanCounts). The bench times it beside the summaries, and the tests
// check that both give the same numbers.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { monthEnd } from '../../../domain/rules/statistics.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';
import type { CellTableDef } from './cell-tables.js';
import { memberBase } from './predicates.js';
import { scanCounts } from './counts.js';
import { assembleRows, childrenOf, requireTable, type TableRequest } from './tables.js';

async function minorities(db: Db, r: TableRequest, asOf: string): Promise<string[]> {
  const rows = await sql<{ e: string; n: number }>`select m.ethnicity as e, count(*)::int as n from members m
    where ${memberBase(r.org.path, asOf)} and m.ethnicity <> '汉族' group by 1`.execute(db);
  return rows.rows.sort((a, b) => b.n - a.n || a.e.localeCompare(b.e)).map((x) => x.e);
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

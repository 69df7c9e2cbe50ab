// Building a statistics table for an organization and a reference month: rows = 合计, 本级 (held
// directly by the organization) and each direct child; numbers from the summaries (member and
// organization tables) or from the events (period tables). Importable by dashboards.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { OrgRow } from '../orgs/queries.js';
import { ancestorsInScope } from '../orgs/queries.js';
import { DEV_RULES_2014 } from '../../../domain/rules/development-rule-sets.js';
import { ORG_KINDS } from '../../../domain/org-kinds.js';
import { ETHNICITIES } from '../../../domain/member-fields.js';
import { monthEnd, yearToDate, type Ym } from '../../../domain/rules/statistics.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';
import { notFound } from '../../errors.js';
import type { CellColumn, Column, TableShape } from './columns.js';
import { countsAt, type Counts } from './counts.js';
import type { CellTableDef } from './cell-tables.js';
import type { EventContext, EventTableDef } from './event-tables.js';
import { DEFINITIONS, groupOf, tableDef, UNITS, type TableDef } from './catalogue.js';

export interface TableRequest {
  org: OrgRow;
  code: string;
  month: Ym;
  ageBands: readonly number[];
  /** Period of the period tables (default: the year to the reference date). */
  from?: string;
  to?: string;
  scopePath: string;
}

export interface ChildOrg {
  id: number;
  name: string;
  kind: string;
  status: string;
  child_count: number;
  path: string;
}

/**
 * Every direct child, dissolved ones too (their numbers, if any, must not fall into 本级): local and
 * basic-level committees first, then 党总支 and 党支部 (the order of ORG_KINDS), each in pinyin order.
 */
export function childrenOf(db: Db, orgId: number): Promise<ChildOrg[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind', 'status', 'child_count', 'path'])
    .where('parent_id', '=', orgId)
    .orderBy(sql`array_position(${sql.val([...ORG_KINDS])}::text[], kind)`)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
}

/** Counts by row: '' = 本级, else the child's id. */
export type CountsByKey = Map<string, Counts>;

/** The rows of a table from counts by child and 本级: 合计 first, 本级 when the organization has children, then the children. */
export function assembleRows(org: OrgRow, children: ChildOrg[], byKey: CountsByKey, columns: Column[]): TStatsTable['rows'] {
  const zero = () => Object.fromEntries(columns.map((c) => [c.key, 0])) as Counts;
  const total = zero();
  for (const counts of byKey.values()) for (const c of columns) total[c.key] += counts[c.key] ?? 0;
  const full = (counts: Counts | undefined) => ({ ...zero(), ...counts });
  const nonzero = (counts: Counts) => columns.some((c) => counts[c.key] !== 0);
  const rows: TStatsTable['rows'] = [{ key: 'total', kind: 'total', orgId: org.id, name: org.name, hasChildren: false, cells: total }];
  const self = full(byKey.get(''));
  if (children.length && nonzero(self))
    rows.push({ key: 'self', kind: 'self', orgId: org.id, name: `${org.name}（本级）`, hasChildren: false, cells: self });
  for (const ch of children) {
    const cells = full(byKey.get(String(ch.id)));
    // 党小组 hold no members of their own; dissolved organizations show only while they have numbers.
    if ((ch.status === 'active' && ch.kind !== 'party_group') || nonzero(cells)) {
      rows.push({ key: String(ch.id), kind: 'child', orgId: ch.id, name: ch.name, hasChildren: ch.child_count > 0, cells });
    }
  }
  return rows;
}

/**
 * The sex and ethnicity table gives each minority present its own column, largest first: counted
 * with a column for every minority, then kept where the organization has someone.
 */
function withMinorities(shape: TableShape<CellColumn>, counts: Counts): TableShape<CellColumn> {
  const isEach = (c: CellColumn) => c.key.startsWith('eth_');
  const present = shape.columns
    .filter((c) => isEach(c) && counts[c.key] > 0)
    .sort((a, b) => counts[b.key] - counts[a.key] || a.key.localeCompare(b.key));
  const columns = [...shape.columns.filter((c) => !isEach(c)), ...present];
  const keep = new Set(columns.map((c) => c.key));
  const sums = shape.sums.map((x) => ({ ...x, parts: x.parts.filter((k) => keep.has(k)) })).filter((x) => x.parts.length > 0);
  return { columns, sums };
}

async function cellCounts(
  db: Db,
  def: CellTableDef,
  r: TableRequest,
  children: ChildOrg[],
  asOf: string,
): Promise<{ shape: TableShape<CellColumn>; byKey: CountsByKey }> {
  const minorities = def.code === 'gender_ethnicity' ? ETHNICITIES.filter((e) => e !== '汉族') : [];
  const all = def.shape({ month: r.month, ageBands: r.ageBands, minorities });
  const counts = await countsAt(
    db,
    def.source,
    r.org.id,
    r.org.path,
    children.map((c) => c.id),
    all.columns,
    asOf,
  );
  const shape = minorities.length ? withMinorities(all, counts.get(r.org.id)!) : all;
  const only = (c: Counts): Counts => Object.fromEntries(shape.columns.map((col) => [col.key, c[col.key]]));
  const byKey: CountsByKey = new Map();
  const self = only(counts.get(r.org.id)!);
  for (const ch of children) {
    const c = only(counts.get(ch.id)!);
    byKey.set(String(ch.id), c);
    for (const col of shape.columns) self[col.key] -= c[col.key];
  }
  byKey.set('', self);
  return { shape, byKey };
}

export function eventContext(r: TableRequest): EventContext {
  const period = periodOf(r);
  return {
    path: r.org.path,
    from: period.from,
    to: period.to,
    asOf: monthEnd(r.month),
    probationMonths: DEV_RULES_2014.numbers.probationMonths,
  };
}

export const periodOf = (r: Pick<TableRequest, 'month' | 'from' | 'to'>) => {
  const y = yearToDate(r.month);
  return { from: r.from ?? y.from, to: r.to ?? y.to };
};

/** Counts of the facts by child (its id) or 本级 (''), grouped in SQL. */
async function eventCounts(db: Db, def: EventTableDef, r: TableRequest): Promise<CountsByKey> {
  const depth = r.org.path.split('.').length;
  const rows = await sql<{ k: string; col: string; n: number }>`
    with f as (${def.facts(eventContext(r))})
    select case when nlevel(f.path) > ${sql.lit(depth)} then subpath(f.path, ${sql.lit(depth)}, 1)::text else '' end as k, f.col, count(*)::int as n
    from f group by 1, 2`.execute(db);
  const byKey: CountsByKey = new Map();
  for (const x of rows.rows) {
    const counts = byKey.get(x.k) ?? {};
    counts[x.col] = x.n;
    byKey.set(x.k, counts);
  }
  return byKey;
}

/** Looks a table up or answers 404. */
export function requireTable(code: string): TableDef {
  const def = tableDef(code);
  if (!def) throw notFound('统计表');
  return def;
}

export async function buildTable(db: Db, r: TableRequest): Promise<TStatsTable> {
  const def = requireTable(r.code);
  const asOf = monthEnd(r.month);
  const [children, breadcrumbs] = await Promise.all([childrenOf(db, r.org.id), ancestorsInScope(db, r.org.path, r.scopePath)]);
  let columns: Column[];
  let sums: TableShape['sums'];
  let byKey: CountsByKey;
  if (def.source === 'events') {
    ({ columns, sums } = def.shape());
    byKey = await eventCounts(db, def, r);
  } else {
    const counted = await cellCounts(db, def, r, children, asOf);
    ({ columns, sums } = counted.shape);
    byKey = counted.byKey;
  }
  return {
    code: def.code,
    title: def.title,
    group: groupOf(def.code),
    source: def.source,
    unit: UNITS[def.source],
    org: { id: r.org.id, name: r.org.name },
    breadcrumbs,
    month: r.month,
    asOf,
    period: def.source === 'events' ? periodOf(r) : null,
    ageBands: [...r.ageBands],
    columns: columns.map((c) => ({ key: c.key, path: c.path })),
    rows: assembleRows(r.org, children, byKey, columns),
    sums,
    definition: DEFINITIONS[def.source],
  };
}

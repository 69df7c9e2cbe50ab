// The columns of the member and organization tables as SQL tests on the rows themselves, at the
// reference date: the list of people behind a number and the bare scan use these, the summaries
// use columns.ts `matches`. Written independently of the SQL functions of migration 008 (the
// joining periods come from domain/rules/members.ts), so the tests that compare both compare two
// implementations.
import { sql, type RawBuilder } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { JOINING_PERIODS } from '../../../domain/rules/members.js';
import { BASIC_ORG_KINDS, monthEnd, monthStart } from '../../../domain/rules/statistics.js';
import type { CellColumn, Dim, Match } from './columns.js';

type Sql = RawBuilder<unknown>;
const TRUE = sql<boolean>`true`;

const list = (vals: readonly string[]) => sql.join(vals.map((v) => sql`${v}`));

function textMatch(expr: Sql, m: Match): RawBuilder<boolean> {
  if ('all' in m) return TRUE;
  if ('in' in m) return m.in.length ? sql<boolean>`${expr} in (${list(m.in)})` : sql<boolean>`false`;
  if ('notIn' in m) return m.notIn.length ? sql<boolean>`${expr} not in (${list(m.notIn)})` : sql<boolean>`${expr} is not null`;
  throw new Error('a text dimension has no year-month range');
}

/** A date column within year-months [from, to] (inclusive; null = open), written so an index can serve it. */
function dateInYms(column: Sql, m: { from: string | null; to: string | null }): RawBuilder<boolean> {
  const lo = m.from ? sql`${column} >= ${monthStart(m.from)}::date` : sql`${column} is not null`;
  const hi = m.to ? sql`${column} <= ${monthEnd(m.to)}::date` : TRUE;
  return sql<boolean>`(${lo} and ${hi})`;
}

/** 正式/预备 at the reference date: made full after it, a member was still probationary then. */
export const categoryAt = (asOf: string) =>
  sql<string>`(case when m.category = 'full' and m.full_on > ${asOf}::date then 'probationary' else m.category end)`;

const joiningPeriod = sql<string>`(case ${sql.join(
  JOINING_PERIODS.map((p) => sql`when m.admitted_on <= ${p.to ?? '9999-12-31'}::date then ${p.code}`),
  sql` `,
)} else '' end)`;

/** The member's value of a dimension at the reference date, as text (as the summaries store it). */
function memberValue(dim: Dim, asOf: string): Sql {
  switch (dim) {
    case 'category':
      return categoryAt(asOf);
    case 'gender':
      return sql`m.gender`;
    case 'ethnicity':
      return sql`coalesce(m.ethnicity, '')`;
    case 'edu':
      return sql`coalesce(m.edu_highest, '')`;
    case 'occupation':
      return sql`coalesce(m.occupation, '')`;
    case 'status':
      return sql`m.status`;
    case 'period':
      return joiningPeriod;
    default:
      throw new Error(`no text value for ${dim}`);
  }
}

function memberMatch(dim: Dim, m: Match, asOf: string): RawBuilder<boolean> {
  if ('all' in m || dim === 'total') return TRUE;
  if (dim === 'birth') {
    if ('from' in m) return dateInYms(sql`m.birth_date`, m);
    if ('in' in m && m.in.length === 1 && m.in[0] === '') return sql<boolean>`m.birth_date is null`;
  } else if (dim === 'fullym') {
    // '-' probationary at the date; '' full without a recorded date; else the 转正 year-month (≤ the date).
    const full = sql<boolean>`${categoryAt(asOf)} = 'full'`;
    if ('from' in m) return sql<boolean>`(${full} and ${dateInYms(sql`m.full_on`, m)})`;
    if ('in' in m && m.in.length === 1 && m.in[0] === '-') return sql<boolean>`not ${full}`;
    if ('in' in m && m.in.length === 1 && m.in[0] === '') return sql<boolean>`(${full} and m.full_on is null)`;
  } else {
    return textMatch(memberValue(dim, asOf), m);
  }
  throw new Error(`unsupported match on ${dim}`);
}

/** Members counted at the reference date in the subtree of `path` (or held directly by it: `self`). */
export function memberBase(path: string, asOf: string, self = false): RawBuilder<boolean> {
  const where = self ? sql`m.org_path = ${path}::ltree` : sql`m.org_path <@ ${path}::ltree`;
  return sql<boolean>`(${where} and m.status in (${list(COUNTED_STATUSES)}) and coalesce(m.admitted_on <= ${asOf}::date, true))`;
}

export const memberColumnSql = (c: CellColumn, asOf: string) => memberMatch(c.dim, c.match, asOf);

/** Organizations in the subtree of `path` (or `path` itself) that existed and were not dissolved at the reference date. */
export function orgBase(path: string, asOf: string, self = false): RawBuilder<boolean> {
  const where = self ? sql`o.path = ${path}::ltree` : sql`o.path <@ ${path}::ltree`;
  return sql<boolean>`(${where} and coalesce(o.established_on <= ${asOf}::date, true) and (o.status = 'active' or o.dissolved_on > ${asOf}::date))`;
}

export function orgColumnSql(c: CellColumn): RawBuilder<boolean> {
  if (c.dim === 'okind') return textMatch(sql`o.kind`, c.match);
  if (c.dim === 'ounit') {
    // The unit type counts for 基层党组织 only (null otherwise: no value matches).
    const unit = sql`(case when o.kind in (${list(BASIC_ORG_KINDS)}) then coalesce(o.unit_type, '') end)`;
    return 'all' in c.match ? sql<boolean>`${unit} is not null` : textMatch(unit, c.match);
  }
  throw new Error(`not an organization dimension: ${c.dim}`);
}

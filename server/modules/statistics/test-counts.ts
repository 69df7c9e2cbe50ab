// For the tests: the member and organization tables counted a third way, in plain JS from the rows
// with the domain rules (ageOn, partyYears, joiningPeriod), independent of the summaries and of the
// SQL predicates. Every row of a table must equal these counts.
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { COUNTED_STATUSES, type MemberStatus } from '../../../domain/member-status.js';
import { COLLEGE_OR_ABOVE, EDUCATION_LEVELS, OCCUPATIONS, type EducationLevel, type Occupation } from '../../../domain/member-fields.js';
import { ageOn, joiningPeriod, partyYears } from '../../../domain/rules/members.js';
import { BASIC_ORG_KINDS, monthEnd } from '../../../domain/rules/statistics.js';
import { UNIT_TYPES, type OrgKind, type UnitType } from '../../../domain/org-kinds.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';
import { pathWithin } from '../../scope/paths.js';

export interface RawMember {
  org_path: string;
  status: string;
  category: string;
  gender: string;
  ethnicity: string;
  birth_date: string | null;
  edu_highest: string | null;
  occupation: string | null;
  admitted_on: string | null;
  full_on: string | null;
}
export interface RawOrg {
  path: string;
  kind: string;
  unit_type: string | null;
  status: string;
  established_on: string | null;
  dissolved_on: string | null;
}

export const loadMembers = (db: Db) =>
  sql<RawMember>`select org_path::text as org_path, status, category, gender, ethnicity, birth_date,
  edu_highest, occupation, admitted_on, full_on from members`
    .execute(db)
    .then((r) => r.rows);
export const loadOrgs = (db: Db) =>
  sql<RawOrg>`select path::text as path, kind, unit_type, status, established_on, dissolved_on from orgs`.execute(db).then((r) => r.rows);

function bandKey(age: number, upper: readonly number[]): string {
  for (let i = 0; i < upper.length; i++) if (age <= upper[i]) return `age_${i === 0 ? 0 : upper[i - 1] + 1}_${upper[i]}`;
  return `age_${upper[upper.length - 1] + 1}_`;
}

function partyBand(years: number): string {
  if (years >= 50) return 'py_50_';
  const lo = Math.floor(years / 10) * 10;
  return `py_${lo}_${lo + 9}`;
}

/** The column keys (of every member table) one member counts in at the end of `month`. */
export function memberKeys(m: RawMember, month: string, upper: readonly number[]): string[] {
  const asOf = monthEnd(month);
  if (!COUNTED_STATUSES.includes(m.status as MemberStatus)) return [];
  if (m.admitted_on && m.admitted_on > asOf) return [];
  const cat = m.category === 'full' && m.full_on && m.full_on > asOf ? 'probationary' : m.category;
  const keys = ['total', cat, m.gender === '女' ? 'female' : 'male', m.status];
  if (m.ethnicity === '汉族') keys.push('han');
  else keys.push('minority', `eth_${m.ethnicity}`);
  const edu = m.edu_highest as EducationLevel | null;
  keys.push(edu && EDUCATION_LEVELS.includes(edu) ? `edu_${edu}` : 'edu_unknown');
  if (edu && COLLEGE_OR_ABOVE.includes(edu)) keys.push('college');
  keys.push(m.occupation && OCCUPATIONS.includes(m.occupation as Occupation) ? `occ_${m.occupation}` : 'occ_unknown');
  keys.push(m.admitted_on ? `join_${joiningPeriod(m.admitted_on)}` : 'join_unknown');
  const age = ageOn(m.birth_date, asOf);
  if (age === null) keys.push('age_unknown');
  else {
    keys.push(bandKey(age, upper));
    if (age <= 35) keys.push('young');
    if (age >= 61) keys.push('old');
  }
  if (cat === 'full') keys.push(m.full_on ? partyBand(partyYears(m.full_on, asOf)!) : 'py_unknown');
  return keys;
}

/** The column keys (of both organization tables) one organization counts in at the end of `month`. */
export function orgKeys(o: RawOrg, month: string): string[] {
  const asOf = monthEnd(month);
  const existed =
    (!o.established_on || o.established_on <= asOf) && (o.status === 'active' || (o.dissolved_on !== null && o.dissolved_on > asOf));
  if (!existed) return [];
  const kind = o.kind as OrgKind;
  const keys: string[] = [];
  if (kind === 'party_group') keys.push('party_group');
  if (!BASIC_ORG_KINDS.includes(kind)) return keys;
  keys.push('basic', UNIT_TYPES.includes(o.unit_type as UnitType) ? `unit_${o.unit_type}` : 'unit_unknown');
  if (kind === 'township_committee' || kind === 'party_committee') keys.push('committees');
  if (kind === 'township_committee') keys.push('township');
  if (kind === 'general_branch') keys.push('general_branch');
  if (['branch', 'joint_branch', 'temporary_branch'].includes(kind)) keys.push('branches');
  if (kind === 'joint_branch' || kind === 'temporary_branch') keys.push(kind);
  return keys;
}

/** Checks every row of a member or organization table against the plain count. */
export function expectTableMatches(
  table: TStatsTable,
  rowPaths: Map<string, { path: string; self: boolean }>,
  members: RawMember[],
  orgs: RawOrg[],
) {
  const upper = table.ageBands;
  for (const row of table.rows) {
    const scope = rowPaths.get(row.key)!;
    const inRow = (p: string) => (scope.self ? p === scope.path : pathWithin(scope.path, p));
    const counts = new Map<string, number>();
    const keysOf =
      table.source === 'orgs'
        ? orgs.filter((o) => inRow(o.path)).map((o) => orgKeys(o, table.month))
        : members.filter((m) => inRow(m.org_path)).map((m) => memberKeys(m, table.month, upper));
    for (const ks of keysOf) for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
    const expected = Object.fromEntries(table.columns.map((c) => [c.key, counts.get(c.key) ?? 0]));
    expect({ table: table.code, month: table.month, row: row.name, cells: row.cells }).toEqual({
      table: table.code,
      month: table.month,
      row: row.name,
      cells: expected,
    });
  }
}

/** Every sum rule holds in every row. */
export function expectSumsHold(table: TStatsTable) {
  for (const row of table.rows) {
    for (const s of table.sums) {
      expect({ table: table.code, row: row.name, total: s.total, n: row.cells[s.total] }).toEqual({
        table: table.code,
        row: row.name,
        total: s.total,
        n: s.parts.reduce((a, k) => a + row.cells[k], 0),
      });
    }
  }
  // 合计 = 本级 + the children
  const [total, ...rest] = table.rows;
  for (const c of table.columns) {
    const shown = rest.reduce((a, r) => a + r.cells[c.key], 0);
    expect(shown, `${table.code} ${c.key}: 合计 = 本级 + 下级`).toBe(rest.length ? total.cells[c.key] : shown);
  }
}

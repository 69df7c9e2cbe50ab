// The shape of a statistics table: columns with grouped headers, and the sum rules that must hold
// in every row. A column of a member or organization table is a dimension of the summaries
// (migration 008) and a test on its values; the same test is written once more as SQL
// (predicates.ts) for the people behind a number and for the bare scan the bench compares with.
import type { Ym } from '../../../domain/rules/statistics.js';

export interface Label {
  zh: string;
  en: string;
}
export const L = (zh: string, en: string): Label => ({ zh, en });

export type MemberDim = 'total' | 'category' | 'gender' | 'ethnicity' | 'birth' | 'edu' | 'occupation' | 'period' | 'fullym' | 'status';
export type OrgDim = 'okind' | 'ounit';
export type Dim = MemberDim | OrgDim;

/** Which values of the dimension a column counts: all, a list, all but a list, or a year-month range (bounds inclusive, null = open). */
export type Match = { all: true } | { in: readonly string[] } | { notIn: readonly string[] } | { from: Ym | null; to: Ym | null };

export interface Column {
  key: string;
  /** Header cells from the top group down to the column's own title. */
  path: Label[];
}

export interface CellColumn extends Column {
  dim: Dim;
  match: Match;
}

/** In every row, the column `total` equals the sum of `parts` (RULES.md §6: the numbers reconcile). */
export interface SumRule {
  total: string;
  parts: string[];
}

export interface TableShape<C extends Column = Column> {
  columns: C[];
  sums: SumRule[];
}

const YM = /^\d{4}-\d{2}$/;

/** Whether a stored value counts in the column (the JS side of predicates.ts). */
export function matches(m: Match, val: string): boolean {
  if ('all' in m) return true;
  if ('in' in m) return m.in.includes(val);
  if ('notIn' in m) return !m.notIn.includes(val);
  return YM.test(val) && (m.from === null || val >= m.from) && (m.to === null || val <= m.to);
}

export const col = (key: string, path: Label[], dim: Dim, match: Match): CellColumn => ({ key, path, dim, match });
export const ALL: Match = { all: true };

/** The keys of the columns, in order. */
export const keysOf = (cols: readonly Column[]) => cols.map((c) => c.key);

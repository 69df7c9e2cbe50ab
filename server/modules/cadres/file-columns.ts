// What a change of a cadre's file writes, worked out without the database: the columns a set really
// alters, the refusals of a member-linked identity and of a confirmed 三龄二历 item without a reason,
// the columns derived from posts, ranks and education, and the history's before and after. The one
// writer (changes.ts) and its form for many files (changes-many.ts) both build on these, so they
// write the same rows.
import { AppError } from '../../errors.js';
import { educationRank, levelRank, REVIEW_ITEM_LABELS, type ReviewItem } from '../../../domain/cadre-codes.js';
import type { TEducationRow } from '../../../domain/schemas/cadre-sheet.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { idColumns } from '../members/insert-member.js';
import { canon } from './canon.js';
import type { CadreChange, CadreSet, CadreWriter, NewCadre } from './change-types.js';

/** Identity of a member-linked cadre: column → the API field named in the refusal. */
const IDENTITY: Record<string, string> = {
  name: 'name',
  sex: 'sex',
  birth: 'birth',
  ethnicity: 'ethnicity',
  id_number: 'idNumber',
  party_join: 'partyJoin',
  political: 'political',
};
/** Columns under the 三龄二历 review: column → item and the API field named in the refusal. */
const REVIEWED: Record<string, [ReviewItem, string]> = {
  birth: ['birth', 'birth'],
  work_start: ['work_start', 'workStart'],
  party_join: ['party_join', 'partyJoin'],
  edu_full_time: ['education', 'fullTime'],
  edu_in_service: ['education', 'inService'],
  resume: ['work_history', 'resume'],
};
export const JSON_COLS = new Set(['edu_full_time', 'edu_in_service', 'resume', 'lrmx_extras', 'form_texts']);

export type Row = Record<string, unknown> & { id: number; version: number; member_id: number | null; id_hash: string | null };

/** What the history shows of a column's value: no ciphertext, a photo by its size. */
export function shown(col: string, v: unknown): unknown {
  if (col === 'photo') return v ? { bytes: (v as Buffer).length } : null;
  return v ?? null;
}

/** The columns this change really alters (unchanged ones dropped), with the identity number resolved. */
export function effectiveSet(w: CadreWriter, cur: Row, set: CadreSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (col === 'id_number') {
      const ids = idColumns(w.crypto, value as string | null);
      if (ids.id_hash !== cur.id_hash) out.id_number = ids;
      continue;
    }
    if (
      col === 'photo'
        ? !Buffer.from((cur.photo as Buffer | null) ?? []).equals(Buffer.from((value as Buffer | null) ?? []))
        : canon(cur[col]) !== canon(value)
    )
      out[col] = value;
  }
  return out;
}

/** A member-linked cadre's identity is the member record's: the refusal of a change to it, if any. */
export function identityRefusal(cur: Row, set: Record<string, unknown>): AppError | null {
  if (cur.member_id === null) return null;
  const field = Object.keys(set).find((c) => c in IDENTITY);
  return field
    ? new AppError(
        'FROM_MEMBER_RECORD',
        '该干部是党员，姓名、性别、出生日期、民族、身份证号、入党时间和政治面貌以党员档案为准，请在党员信息中修改',
        400,
        IDENTITY[field],
      )
    : null;
}

/** The 三龄二历 items a change of these columns touches. */
export const reviewItemsOf = (set: Record<string, unknown>): ReviewItem[] => [
  ...new Set(Object.keys(set).flatMap((c) => (REVIEWED[c] ? [REVIEWED[c][0]] : []))),
];

/** A change to a confirmed 三龄二历 item without a reason: its refusal (null when a reason is given or nothing confirmed changes). */
export function reviewRefusal(
  set: Record<string, unknown>,
  reviewed: readonly ReviewItem[],
  reason: string | null | undefined,
): AppError | null {
  if (!reviewed.length || reason?.trim()) return null;
  const item = reviewed[0];
  const field = Object.entries(REVIEWED).find(([c, [i]]) => i === item && c in set)![1][1];
  return new AppError('REASON_REQUIRED', `${REVIEW_ITEM_LABELS[item]}已经三龄二历审核确认，修改须填写理由`, 400, field);
}

type OpenPost = {
  unit_id: number | null;
  title: string;
  decided_on: string;
  level: string | null;
  principal: boolean;
  concurrent: boolean;
};

/** The columns the writer keeps from the open appointments and the latest open rank: the principal post first, then the highest. */
export function postColumns(open: readonly OpenPost[], rank: { title: string; level: string | null } | undefined) {
  const lr = (l: string | null) => (l && levelRank(l) >= 0 ? levelRank(l) : 99);
  const main = [...open].sort(
    (a, b) =>
      Number(a.concurrent) - Number(b.concurrent) ||
      lr(a.level) - lr(b.level) ||
      Number(b.principal) - Number(a.principal) ||
      (a.decided_on < b.decided_on ? 1 : -1),
  )[0];
  const levels = [...open.map((a) => a.level), rank?.level ?? null].filter((l): l is string => lr(l) < 99);
  return {
    current_unit_id: main?.unit_id ?? null,
    current_title: main?.title ?? '',
    current_since: main?.decided_on ?? null,
    level: levels.sort((a, b) => lr(a) - lr(b))[0] ?? null,
    rank_title: rank?.title ?? '',
  };
}

export const eduRankOf = (full: unknown, inService: unknown) => {
  const ranks = [full, inService].map((e) => educationRank((e as TEducationRow | null)?.level)).filter((r): r is number => r !== null);
  return ranks.length ? Math.min(...ranks) : null;
};

export type IdCols = ReturnType<typeof idColumns>;
export const DUPLICATE_ID = '该身份证号已有干部记录';

/**
 * The columns an effective set writes (json columns as values, the identity number as its three
 * columns, the name keys and education rank it moves) and what the history shows before and after.
 */
export function columnsOf(cur: Row, set: Record<string, unknown>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const cols: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(set)) {
    if (col === 'id_number') {
      const ids = value as IdCols;
      Object.assign(cols, ids);
      before.id_masked = cur.id_masked ?? null;
      after.id_masked = ids.id_masked;
      continue;
    }
    cols[col] = value;
    before[col] = shown(col, cur[col]);
    after[col] = shown(col, value);
  }
  if (typeof set.name === 'string') Object.assign(cols, { name_initials: pinyinInitials(set.name), sort_key: pinyinSortKey(set.name) });
  if ('edu_full_time' in set || 'edu_in_service' in set)
    cols.edu_rank = eduRankOf(set.edu_full_time ?? cur.edu_full_time, set.edu_in_service ?? cur.edu_in_service);
  return { cols, before, after };
}

/** The history row of one change of a file (changeCadre, changeCadres): before only when something was there. */
export function changeHistoryRow(
  cadreId: number,
  change: CadreChange,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actorId: number | null,
  at: Date,
) {
  return {
    cadre_id: cadreId,
    section: change.section,
    action: change.action,
    actor_id: actorId,
    at,
    reason: change.reason?.trim() || null,
    before: Object.keys(before).length ? JSON.stringify(before) : null,
    after: JSON.stringify({ ...after, ...change.note }),
  };
}

type GivenColumns = Omit<NewCadre, 'member_id' | 'id_number'>;

/**
 * The columns a new file starts with from what it was given (insertCadre, insertCadres): the given ones (the
 * JSON ones serialised), the trimmed name with its pinyin keys, the education rank.
 */
export function newFileColumns(
  given: GivenColumns,
  at: Date,
): Record<string, unknown> & { name: string; edu_rank: number | null; name_initials: string; sort_key: string; updated_at: Date } {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given)) if (v !== undefined) values[k] = JSON_COLS.has(k) ? JSON.stringify(v) : v;
  const name = given.name?.trim() ?? '';
  return {
    ...values,
    name,
    edu_rank: eduRankOf(given.edu_full_time, given.edu_in_service),
    name_initials: pinyinInitials(name),
    sort_key: pinyinSortKey(name),
    updated_at: at,
  };
}

/** The given columns as a new file's creation history shows them. */
export const createdAfter = (given: GivenColumns) => Object.fromEntries(Object.entries(given).map(([k, v]) => [k, shown(k, v)]));

// 党内统计 conventions (RULES.md §6) as pure functions. The reference date (统计截止日期) is the
// last day of a month, as in the annual report (截至12月31日); ages and 党龄 at a month end follow
// exactly from year-months, because every day of a month is on or before its last day — so the
// summaries store birth and 转正 year-months and every band is a year-month range.
import { ageBand, DEFAULT_AGE_BANDS } from './members';
import type { OrgKind } from '../org-kinds';

/** 'YYYY-MM' */
export type Ym = string;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const parts = (ym: Ym): [number, number] => [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

export function addMonthsYm(ym: Ym, n: number): Ym {
  const [y, m] = parts(ym);
  const k = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(k / 12), 4)}-${pad((k % 12) + 1)}`;
}

/** The 统计截止日期 of a month: its last day ('2024-02' → '2024-02-29'). */
export function monthEnd(month: Ym): string {
  const [y, m] = parts(month);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The first day of a month, for SQL bounds ('2024-02' → '2024-02-01'). */
export const monthStart = (month: Ym): string => `${month}-01`;

/**
 * Full years at the end of `month` of a date in year-month `ym` (a birth for the age, a 转正 for
 * 党龄, 党章第七条): the anniversary in the reference year has passed unless its month is later.
 */
export function yearsAtMonthEnd(ym: Ym, month: Ym): number {
  const [y, m] = parts(ym);
  const [Y, M] = parts(month);
  return Y - y - (m > M ? 1 : 0);
}

/**
 * The year-months (inclusive bounds; null = open) whose full years at the end of `month` lie
 * between `min` and `max`: years ≥ min ⇔ ym ≤ (Y − min, M); years ≤ max ⇔ ym > (Y − max − 1, M).
 */
export function ymRangeForYears(month: Ym, min: number | null, max: number | null): { from: Ym | null; to: Ym | null } {
  const [Y, M] = parts(month);
  return {
    from: max === null ? null : addMonthsYm(`${pad(Y - max - 1, 4)}-${pad(M)}`, 1),
    to: min === null ? null : `${pad(Y - min, 4)}-${pad(M)}`,
  };
}

export interface Band {
  key: string;
  zh: string;
  en: string;
  min: number | null;
  max: number | null;
}

/**
 * Age bands from their upper bounds (RULES.md §6 default ≤30, 31–35 … 56–60, ≥61; configurable because the bands changed between years).
 */
export function ageBands(upper: readonly number[] = DEFAULT_AGE_BANDS): Band[] {
  const out: Band[] = upper.map((hi, i) => {
    const lo = i === 0 ? null : upper[i - 1] + 1;
    return { key: `age_${lo ?? 0}_${hi}`, zh: ageBand(hi, upper), en: lo === null ? `${hi} or under` : `${lo}–${hi}`, min: lo, max: hi };
  });
  const last = upper[upper.length - 1] + 1;
  out.push({ key: `age_${last}_`, zh: ageBand(last, upper), en: `${last} or over`, min: last, max: null });
  return out;
}

export const AGE_BANDS_LIMITS = { min: 18, max: 100, most: 15 } as const;

/** Null when the upper bounds make a valid band list, else why not (Chinese). */
export function ageBandsProblem(upper: readonly number[]): string | null {
  const { min, max, most } = AGE_BANDS_LIMITS;
  if (upper.length < 1 || upper.length > most) return `年龄段分界应为 1 至 ${most} 个`;
  if (upper.some((n) => !Number.isInteger(n) || n < min || n > max)) return `年龄段分界应为 ${min} 至 ${max} 之间的整数`;
  if (upper.some((n, i) => i > 0 && n <= upper[i - 1])) return '年龄段分界应从小到大排列且不重复';
  return null;
}

/** 党龄 bands (党章第七条: from 转正), by upper bound: under 10 years … 50 years and more (光荣在党50年). */
export const PARTY_YEAR_BANDS: readonly Band[] = [
  { key: 'py_0_9', zh: '不满10年', en: 'Under 10 years', min: 0, max: 9 },
  { key: 'py_10_19', zh: '10—19年', en: '10–19 years', min: 10, max: 19 },
  { key: 'py_20_29', zh: '20—29年', en: '20–29 years', min: 20, max: 29 },
  { key: 'py_30_39', zh: '30—39年', en: '30–39 years', min: 30, max: 39 },
  { key: 'py_40_49', zh: '40—49年', en: '40–49 years', min: 40, max: 49 },
  { key: 'py_50_', zh: '50年及以上', en: '50 years or more', min: 50, max: null },
];

/** The two age lines of the national 公报 (RULES.md §6): 35 and under, 61 and over. */
export const YOUNG_MAX_AGE = 35;
export const OLD_MIN_AGE = 61;

/**
 * 基层党组织 in the 党内统计 (RULES.md §6): 基层党委 (incl. 乡镇、街道), 党总支, 党支部 of every kind.
 * Local committees (市委, 县委) lead them; 党小组 are parts of a branch.
 */
export const BASIC_ORG_KINDS: readonly OrgKind[] = [
  'township_committee',
  'party_committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
];

/** The period of the period tables (发展, 转接, 减少, 转正, 评议) by default: from 1 January to the reference date. */
export function yearToDate(month: Ym): { from: string; to: string } {
  return { from: `${month.slice(0, 4)}-01-01`, to: monthEnd(month) };
}

/** Null when [from, to] is a usable period for the reference month, else why not. */
export function periodProblem(from: string, to: string, month: Ym): string | null {
  if (to < from) return '统计区间的结束日期不能早于开始日期';
  if (to > monthEnd(month)) return '统计区间不能晚于统计截止日期';
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 5) return '统计区间最长 5 年';
  return null;
}

// The age printed on the 干部任免审批表 (RULES.md §7, PILLARS.md §2: "age in years at 计算年龄时间").
// Cadre forms count age by month, not by day: a .lrmx birth date is usually only YYYYMM, so the
// birth month counts as reached on its first day, whatever day of it the person was born.
import dayjs from 'dayjs';

const parts = (d: string): [number, number] | null => {
  const m = /^(\d{4})-(\d{2})/.exec(d);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/** Whole years between the birth month and the month of `day` (YYYY-MM or YYYY-MM-DD); null without a
 * birth date or when the birth lies after the day. */
export function ageOn(birth: string | null, day: string): number | null {
  const b = birth ? parts(birth) : null;
  const d = parts(day);
  if (!b || !d) return null;
  const age = d[0] - b[0] - (d[1] < b[1] ? 1 : 0);
  return age >= 0 ? age : null;
}

// The search counts ages exactly as the form prints them (by month), so a cadre found "at most 45"
// is printed at most 45. Bounds are compared as text with the partial birth (YYYY-MM or YYYY-MM-DD):
// 'YYYY-MM' and every day of that month sort at or before 'YYYY-MM-31' and after 'YYYY-(MM-1)-31'.
const monthEnd = (at: string, yearsBack: number): string => {
  const [y, m] = at.split('-').map(Number);
  return `${String(y - yearsBack).padStart(4, '0')}-${String(m).padStart(2, '0')}-31`;
};

/** Age in full years on `at`, by month as on the form; null without a birth. */
export const cadreAge = (birth: string | null, at: string): number | null => ageOn(birth, at);

/**
 * Bounds on the birth text for an age range on `at`: age ≥ min ⇔ birth ≤ bornOnOrBefore; age ≤ max ⇔
 * birth > bornAfter (text comparison with the partial birth).
 */
export function birthBoundsForAges(at: string, min?: number, max?: number): { bornOnOrBefore?: string; bornAfter?: string } {
  return {
    bornOnOrBefore: min === undefined ? undefined : monthEnd(at, min),
    bornAfter: max === undefined ? undefined : monthEnd(at, max + 1),
  };
}

const FMT = 'YYYY-MM-DD';

/** Full years in post on `at`, counted from 任职时间 (the decision date, RULES.md §7). */
export function yearsInPost(since: string | null, at: string): number | null {
  return since ? Math.max(0, dayjs(at).diff(dayjs(since), 'year')) : null;
}

/** The latest 任职时间 that gives at least `years` in post on `at`. */
export const sinceOnOrBefore = (at: string, years: number): string => dayjs(at).subtract(years, 'year').format(FMT);

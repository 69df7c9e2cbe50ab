// Ages and years in post of cadres. A cadre's birth is often known to the month only (出生年月, the
// .lrmx gives YYYYMM): a month-only birth counts from the first of the month, in the search's SQL
// (text comparison of YYYY-MM with YYYY-MM-DD) exactly as here.
import dayjs from 'dayjs';

const FMT = 'YYYY-MM-DD';
const fullDate = (partial: string) => (partial.length === 7 ? `${partial}-01` : partial);

/** Age in full years on `at`; null without a birth. */
export function cadreAge(birth: string | null, at: string): number | null {
  if (!birth || !/^\d{4}-\d{2}(-\d{2})?$/.test(birth)) return null;
  return dayjs(at).diff(dayjs(fullDate(birth)), 'year');
}

/**
 * Bounds on the birth text for an age range on `at`: age ≥ min ⇔ birth ≤ bornOnOrBefore; age ≤ max ⇔
 * birth > bornAfter. Both are days, compared with the partial birth as text.
 */
export function birthBoundsForAges(at: string, min?: number, max?: number): { bornOnOrBefore?: string; bornAfter?: string } {
  return {
    bornOnOrBefore: min === undefined ? undefined : dayjs(at).subtract(min, 'year').format(FMT),
    bornAfter:
      max === undefined
        ? undefined
        : dayjs(at)
            .subtract(max + 1, 'year')
            .format(FMT),
  };
}

/** Full years in post on `at`, counted from 任职时间 (the decision date, RULES.md §7). */
export function yearsInPost(since: string | null, at: string): number | null {
  return since ? Math.max(0, dayjs(at).diff(dayjs(since), 'year')) : null;
}

/** The latest 任职时间 that gives at least `years` in post on `at`. */
export const sinceOnOrBefore = (at: string, years: number): string => dayjs(at).subtract(years, 'year').format(FMT);

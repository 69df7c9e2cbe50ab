// Facts computed from a member record, never typed in (ISSUE 3 point 1): age, 党龄, political
// birthday, the 党内统计 age band and joining period (RULES.md §6), and the date checks that keep a
// record consistent with the 党章 (admission age, probation length).
import dayjs from 'dayjs';
import { DEV_RULES_2014 } from './development-rule-sets';
import { probationEnd } from './development';

const FMT = 'YYYY-MM-DD';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Full years between two dates (a birthday or anniversary on `asOf` counts). */
export function fullYears(from: string, asOf: string): number {
  // Compared as text when that is exactly dayjs's answer (an import checks this 300,000 times, and
  // dayjs's month arithmetic costs about 0.1 ms a call); 29 February, whose anniversaries dayjs
  // clamps to the 28th, and dates the wrong way round go through dayjs.
  if (asOf >= from && ISO_DAY.test(from) && ISO_DAY.test(asOf) && from.slice(5) !== '02-29') {
    const years = Number(asOf.slice(0, 4)) - Number(from.slice(0, 4));
    return asOf.slice(5) >= from.slice(5) ? years : years - 1;
  }
  return dayjs(asOf).diff(dayjs(from), 'year');
}

/** Age in full years on a date; null without a birth date. */
export function ageOn(birthDate: string | null, asOf: string): number | null {
  return birthDate ? fullYears(birthDate, asOf) : null;
}

/** 党龄 in full years: 党章第七条 "党员的党龄，从预备期满转为正式党员之日算起" — null for a probationary member. */
export function partyYears(fullOn: string | null, asOf: string): number | null {
  if (!fullOn || fullOn > asOf) return null;
  return fullYears(fullOn, asOf);
}

/** 政治生日: the day the 支部大会 admitted the member (RULES.md §1), and its next anniversary from `asOf`. */
export function politicalBirthday(
  admittedOn: string | null,
  asOf: string,
): { date: string; monthDay: string; next: string; years: number } | null {
  if (!admittedOn) return null;
  const years = fullYears(admittedOn, asOf);
  // dayjs moves 29 February to 28 February in common years, as people celebrate it.
  let next = dayjs(admittedOn).add(years, 'year');
  if (next.format(FMT) < asOf) next = dayjs(admittedOn).add(years + 1, 'year');
  return { date: admittedOn, monthDay: admittedOn.slice(5), next: next.format(FMT), years };
}

/** 党内统计 age bands (RULES.md §6: ≤30, 31–35 … 56–60, ≥61); the upper bounds are a setting because the bands changed between years. */
export const DEFAULT_AGE_BANDS = [30, 35, 40, 45, 50, 55, 60] as const;

export function ageBand(age: number, bands: readonly number[] = DEFAULT_AGE_BANDS): string {
  for (let i = 0; i < bands.length; i++) {
    if (age <= bands[i]) return i === 0 ? `${bands[0]}岁及以下` : `${bands[i - 1] + 1}—${bands[i]}岁`;
  }
  return `${bands[bands.length - 1] + 1}岁及以上`;
}

/**
 * 党内统计 joining periods (RULES.md §6): before the founding of the PRC (1949-10-01); to the
 * 十一届三中全会 (opened 1978-12-18); to the 十八大 (opened 2012-11-08); since the 十八大.
 */
export const JOINING_PERIODS = [
  { code: 'before_1949', zh: '建国前', en: 'Before 1949', from: null, to: '1949-09-30' },
  { code: 'to_1978', zh: '建国后至十一届三中全会前', en: '1949 to the 3rd Plenum (1978)', from: '1949-10-01', to: '1978-12-17' },
  { code: 'to_2012', zh: '十一届三中全会后至十八大前', en: '1978 to the 18th Congress (2012)', from: '1978-12-18', to: '2012-11-07' },
  { code: 'since_2012', zh: '十八大以来', en: 'Since the 18th Congress', from: '2012-11-08', to: null },
] as const;
export type JoiningPeriod = (typeof JOINING_PERIODS)[number]['code'];

export function joiningPeriod(admittedOn: string): JoiningPeriod {
  return JOINING_PERIODS.find((p) => (p.from === null || admittedOn >= p.from) && (p.to === null || admittedOn <= p.to))!.code;
}

// The admission age and 预备期 come from the development rule set (one source for both areas):
// 党章第一条 年满十八岁; 党章第七条 预备期为一年，可以延长一次，最长不超过一年 — so 转正 is 1 to 2 years after admission.
const { minAge: MIN_JOINING_AGE, extensionMaxMonths } = DEV_RULES_2014.numbers;
// The 九大 and 十大 党章 (1969, 1973) had no 预备期; the 十一大 党章 (1977-08-18) restored one year.
// Older records keep whatever period applied then, so the window is checked from that date on.
const PROBATION_RULE_FROM = '1977-08-18';

export interface MemberDates {
  category: 'full' | 'probationary';
  birthDate: string | null;
  admittedOn: string | null;
  fullOn: string | null;
}

export interface DateProblem {
  field: 'birthDate' | 'admittedOn' | 'fullOn';
  message: string;
}

/** Consistency of a record's dates on `today`; an empty list when the record may be saved. */
export function checkMemberDates(d: MemberDates, today: string): DateProblem[] {
  const out: DateProblem[] = [];
  if (d.birthDate && (d.birthDate > today || fullYears(d.birthDate, today) > 120))
    out.push({ field: 'birthDate', message: '出生日期不合理' });
  if (!d.admittedOn) {
    out.push({ field: 'admittedOn', message: '请填写入党日期（支部大会通过日期）' });
  } else {
    if (d.admittedOn > today) out.push({ field: 'admittedOn', message: '入党日期不能晚于今天' });
    if (d.birthDate && fullYears(d.birthDate, d.admittedOn) < MIN_JOINING_AGE)
      out.push({ field: 'admittedOn', message: '入党时未满十八周岁（党章第一条）' });
  }
  if (d.category === 'probationary') {
    if (d.fullOn) out.push({ field: 'fullOn', message: '预备党员不应有转正日期' });
    return out;
  }
  if (!d.fullOn) {
    out.push({ field: 'fullOn', message: '正式党员请填写转正日期' });
    return out;
  }
  if (d.fullOn > today) out.push({ field: 'fullOn', message: '转正日期不能晚于今天' });
  if (d.admittedOn && d.fullOn <= d.admittedOn) out.push({ field: 'fullOn', message: '转正日期应晚于入党日期' });
  else if (d.admittedOn && d.admittedOn >= PROBATION_RULE_FROM) {
    const earliest = probationEnd(d.admittedOn, undefined, DEV_RULES_2014.numbers);
    const latest = probationEnd(d.admittedOn, extensionMaxMonths, DEV_RULES_2014.numbers);
    if (d.fullOn < earliest) out.push({ field: 'fullOn', message: '预备期为一年，转正日期不能早于入党满一年（党章第七条）' });
    else if (d.fullOn > latest) out.push({ field: 'fullOn', message: '预备期最长延长一年，转正日期不能晚于入党满两年（党章第七条）' });
  }
  return out;
}

/** Birth dates that make someone between `minAge` and `maxAge` full years old on `today` (list filter). */
export function birthRangeForAges(today: string, minAge?: number, maxAge?: number): { bornFrom?: string; bornTo?: string } {
  const t = dayjs(today);
  return {
    // Aged ≤ maxAge: born after the day they would turn maxAge + 1.
    bornFrom:
      maxAge === undefined
        ? undefined
        : t
            .subtract(maxAge + 1, 'year')
            .add(1, 'day')
            .format(FMT),
    // Aged ≥ minAge: born on or before the day they turned minAge.
    bornTo: minAge === undefined ? undefined : t.subtract(minAge, 'year').format(FMT),
  };
}

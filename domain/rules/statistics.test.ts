import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  addMonthsYm,
  ageBands,
  ageBandsProblem,
  isMonth,
  monthEnd,
  PARTY_YEAR_BANDS,
  periodProblem,
  yearsAtMonthEnd,
  yearToDate,
  ymRangeForYears,
} from './statistics';
import { ageOn, DEFAULT_AGE_BANDS } from './members';

describe('统计截止日期: the last day of the month', () => {
  it.each([
    ['2026-11', '2026-11-30'],
    ['2026-12', '2026-12-31'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2000-02', '2000-02-29'],
    ['1900-02', '1900-02-28'],
  ])('%s → %s', (m, end) => expect(monthEnd(m)).toBe(end));

  it('moves by months across years', () => {
    expect(addMonthsYm('2026-11', 2)).toBe('2027-01');
    expect(addMonthsYm('2026-01', -1)).toBe('2025-12');
    expect(addMonthsYm('1949-10', -120)).toBe('1939-10');
  });

  it('accepts only real months', () => {
    expect(['2026-01', '1949-10'].every(isMonth)).toBe(true);
    expect(['2026-13', '2026-1', '26-01', '2026-00'].some(isMonth)).toBe(false);
  });
});

describe('age and 党龄 at a month end from a year-month', () => {
  it.each([
    // born (or made full) in, reference month, full years at its last day
    ['1995-11', '2026-11', 31],
    ['1995-12', '2026-11', 30],
    ['1995-01', '2026-11', 31],
    ['2026-11', '2026-11', 0],
    ['1996-02', '2026-02', 30],
  ])('%s at the end of %s: %i years', (ym, month, n) => expect(yearsAtMonthEnd(ym, month)).toBe(n));

  it('equals the age in full years at the month end for every day of the birth month (ageOn)', () => {
    for (const birth of ['1960-02-29', '1991-11-01', '1991-11-30', '1991-12-01', '2000-01-31']) {
      for (const month of ['2024-02', '2025-02', '2026-11', '2026-12']) {
        expect(yearsAtMonthEnd(birth.slice(0, 7), month), `${birth} ${month}`).toBe(ageOn(birth, monthEnd(month)));
      }
    }
  });

  it('turns an age range into the range of birth year-months', () => {
    // At the end of November 2026: 35 and under ⇔ born December 1990 or later; 61 and over ⇔ born November 1965 or earlier.
    expect(ymRangeForYears('2026-11', null, 35)).toEqual({ from: '1990-12', to: null });
    expect(ymRangeForYears('2026-11', 61, null)).toEqual({ from: null, to: '1965-11' });
    expect(ymRangeForYears('2026-12', 31, 35)).toEqual({ from: '1991-01', to: '1995-12' });
    for (const ym of ['1990-11', '1990-12', '1965-11', '1965-12']) {
      const age = yearsAtMonthEnd(ym, '2026-11');
      const young = ym >= ymRangeForYears('2026-11', null, 35).from!;
      const old = ym <= ymRangeForYears('2026-11', 61, null).to!;
      expect([young, old], ym).toEqual([age <= 35, age >= 61]);
    }
  });
});

describe('age bands (RULES.md §6: ≤30, 31–35 … 56–60, ≥61, configurable)', () => {
  it('default bands have the 公报 labels', () => {
    expect(ageBands(DEFAULT_AGE_BANDS).map((b) => b.zh)).toEqual([
      '30岁及以下',
      '31—35岁',
      '36—40岁',
      '41—45岁',
      '46—50岁',
      '51—55岁',
      '56—60岁',
      '61岁及以上',
    ]);
    expect(ageBands([25, 40]).map((b) => [b.min, b.max])).toEqual([
      [null, 25],
      [26, 40],
      [41, null],
    ]);
  });

  it('every age falls in exactly one band', () => {
    const bands = ageBands(DEFAULT_AGE_BANDS);
    for (let age = 18; age <= 110; age++) {
      expect(
        bands.filter((b) => (b.min === null || age >= b.min) && (b.max === null || age <= b.max)),
        String(age),
      ).toHaveLength(1);
    }
  });

  it.each([
    [[30, 35, 40, 45, 50, 55, 60], null],
    [[35], null],
    [[], '年龄段分界应为 1 至 15 个'],
    [[35, 30], '年龄段分界应从小到大排列且不重复'],
    [[30, 30], '年龄段分界应从小到大排列且不重复'],
    [[17, 30], '年龄段分界应为 18 至 100 之间的整数'],
    [[30.5], '年龄段分界应为 18 至 100 之间的整数'],
  ])('%j → %s', (b, problem) => expect(ageBandsProblem(b)).toBe(problem));
});

describe('党龄 bands (党章第七条: from 转正)', () => {
  it('cover every number of years once', () => {
    for (let y = 0; y <= 80; y++)
      expect(
        PARTY_YEAR_BANDS.filter((b) => y >= b.min! && (b.max === null || y <= b.max)),
        String(y),
      ).toHaveLength(1);
    expect(PARTY_YEAR_BANDS[PARTY_YEAR_BANDS.length - 1].zh).toBe('50年及以上');
  });
});

describe('the period of the period tables', () => {
  it('is the year to the reference date by default', () => {
    expect(yearToDate('2026-11')).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    expect(yearToDate('2024-02')).toEqual({ from: '2024-01-01', to: '2024-02-29' });
  });

  it.each([
    ['2026-01-01', '2026-06-30', '2026-11', null],
    ['2026-06-01', '2026-01-01', '2026-11', '统计区间的结束日期不能早于开始日期'],
    ['2026-01-01', '2026-12-31', '2026-11', '统计区间不能晚于统计截止日期'],
    ['2019-01-01', '2026-11-30', '2026-11', '统计区间最长 5 年'],
  ])('%s–%s at %s: %s', (from, to, month, problem) => expect(periodProblem(from, to, month)).toBe(problem));

  it('accepts a day that dayjs agrees is a month end', () => {
    for (const m of ['2026-04', '2026-06', '2026-09']) expect(monthEnd(m)).toBe(dayjs(`${m}-01`).endOf('month').format('YYYY-MM-DD'));
  });
});

import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, isWorkingDay, nthWorkingDay, workingDaysBetween } from './working-days';

describe('isWorkingDay (国务院办公厅 2026 年部分节假日安排, via chinese-days)', () => {
  it.each([
    ['2026-09-30', true], // Wednesday before National Day
    ['2026-10-01', false], // 国庆节 1–7 October
    ['2026-10-05', false], // a Monday inside the holiday
    ['2026-10-07', false], // a Wednesday inside the holiday
    ['2026-10-08', true],
    ['2026-10-10', true], // adjusted working Saturday (调休上班)
    ['2026-09-20', true], // adjusted working Sunday (调休上班)
    ['2026-09-27', false], // 中秋 on a Sunday
    ['2026-02-14', true], // Saturday worked before 春节
    ['2026-02-23', false], // Monday, last day of 春节
    ['2026-01-04', true], // Sunday worked after 元旦
    ['2026-12-05', false], // an ordinary Saturday
    ['2026-12-07', true], // an ordinary Monday
  ])('%s → %s', (d, work) => {
    expect(isWorkingDay(d)).toBe(work);
  });

  it.each(['2026-02-30', '2026-1-1', '', 'tomorrow'])('refuses the date "%s"', (d) => {
    expect(() => isWorkingDay(d)).toThrow('无效');
  });
});

describe('calendarCovers: whether the package holds the year’s official notice', () => {
  it.each([
    ['2004-06-01', true],
    ['2025-10-08', true],
    ['2026-12-31', true],
    ['2003-06-01', false], // before the package's first year
    ['2027-01-04', false], // the 2027 notice is not in chinese-days 1.5.7
  ])('%s → %s', (d, covered) => {
    expect(calendarCovers(d)).toBe(covered);
  });

  it('falls back to Monday–Friday in a year it does not cover', () => {
    expect(isWorkingDay('2027-01-01')).toBe(true); // a Friday: 元旦 not known without the notice
    expect(isWorkingDay('2027-01-02')).toBe(false);
  });
});

describe('nthWorkingDay and addWorkingDays', () => {
  it.each([
    // start, n, the n-th working day
    ['2026-12-07', 1, '2026-12-07'], // a Monday counts itself
    ['2026-12-07', 5, '2026-12-11'],
    ['2026-12-05', 1, '2026-12-07'], // a Saturday: the count starts on Monday
    ['2026-12-05', 5, '2026-12-11'],
    // National Day week: 9-28..9-30 (3), 10-8, 10-9 → 5th on 10-09
    ['2026-09-28', 5, '2026-10-09'],
    // the adjusted working Sunday counts: 9-20 (Sun), 9-21..9-24 → 5th on Thursday 9-24
    ['2026-09-20', 5, '2026-09-24'],
    // and the adjusted working Saturday: 10-8, 10-9, 10-10 (Sat), 10-12, 10-13
    ['2026-10-08', 5, '2026-10-13'],
    // 2025 National Day and 中秋 together, 1–8 October; 9-28 (Sun) and 10-11 (Sat) worked:
    // 9-29, 9-30, 10-9, 10-10, then the working Saturday 10-11
    ['2025-09-29', 5, '2025-10-11'],
  ])('from %s the working day no. %i is %s', (start, n, end) => {
    expect(nthWorkingDay(start, n)).toBe(end);
  });

  it.each([
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-12-04', 0, '2026-12-04'],
    ['2026-12-04', 1, '2026-12-07'],
  ])('%s plus %i working days is %s', (d, n, r) => {
    expect(addWorkingDays(d, n)).toBe(r);
  });

  it('counts working days in a range, both ends included', () => {
    expect(workingDaysBetween('2026-09-28', '2026-10-10')).toBe(6); // 28, 29, 30, 8, 9, 10
    expect(workingDaysBetween('2026-10-02', '2026-10-01')).toBe(0);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => nthWorkingDay('2026-12-07', 0)).toThrow('正整数');
    expect(() => addWorkingDays('2026-12-07', 1.5)).toThrow('整数');
  });
});

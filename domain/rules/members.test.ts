import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageOn,
  birthRangeForAges,
  checkMemberDates,
  fullYears,
  joiningPeriod,
  partyYears,
  politicalBirthday,
  type MemberDates,
} from './members';

describe('full years', () => {
  it.each([
    ['1980-03-15', '2005-03-14', 24],
    ['1980-03-15', '2005-03-15', 25],
    ['1980-12-31', '1981-01-01', 0],
    ['2000-02-29', '2018-02-28', 18],
    ['2000-02-29', '2018-03-01', 18],
    ['2001-03-01', '2020-02-29', 18],
    ['2005-07-01', '2004-08-01', 0],
    ['2005-07-01', '2003-07-01', -2],
  ])('from %s to %s: %i, as dayjs counts them', (from, asOf, years) => {
    expect(fullYears(from, asOf)).toBe(years);
    expect(fullYears(from, asOf)).toBe(dayjs(asOf).diff(dayjs(from), 'year'));
  });
});

describe('党龄 (党章第七条: from the day probation ends)', () => {
  it.each<[string | null, string, number | null]>([
    ['2000-07-01', '2026-06-30', 25],
    ['2000-07-01', '2026-07-01', 26],
    ['1976-05-04', '2026-11-01', 50],
    [null, '2026-11-01', null],
    ['2027-01-01', '2026-11-01', null],
  ])('转正 %s, on %s → %s years', (fullOn, asOf, years) => {
    expect(partyYears(fullOn, asOf)).toBe(years);
  });
});

describe('political birthday (the 支部大会 date of admission)', () => {
  it('gives the next anniversary, today included', () => {
    expect(politicalBirthday('2010-11-01', '2026-11-01')).toEqual({ date: '2010-11-01', monthDay: '11-01', next: '2026-11-01', years: 16 });
    expect(politicalBirthday('2010-07-01', '2026-11-01')).toMatchObject({ next: '2027-07-01', years: 16 });
  });
  it('keeps 29 February on 28 February in common years', () => {
    expect(politicalBirthday('2004-02-29', '2026-01-10')?.next).toBe('2026-02-28');
  });
  it('is null without an admission date', () => {
    expect(politicalBirthday(null, '2026-11-01')).toBeNull();
  });
});

describe('age and the 党内统计 age bands (RULES.md §6)', () => {
  it('counts full years', () => {
    expect(ageOn('1990-11-02', '2026-11-01')).toBe(35);
    expect(ageOn('1990-11-01', '2026-11-01')).toBe(36);
  });
  it.each([
    [18, '30岁及以下'],
    [30, '30岁及以下'],
    [31, '31—35岁'],
    [60, '56—60岁'],
    [61, '61岁及以上'],
    [95, '61岁及以上'],
  ])('age %i → %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
  it('takes other bands as a setting', () => {
    expect(ageBand(40, [35, 45])).toBe('36—45岁');
  });
  it('turns an age range into a birth-date range', () => {
    const r = birthRangeForAges('2026-11-01', 30, 35);
    expect(r).toEqual({ bornFrom: '1990-11-02', bornTo: '1996-11-01' });
    expect(ageOn(r.bornFrom!, '2026-11-01')).toBe(35);
    expect(ageOn('1990-11-01', '2026-11-01')).toBe(36);
    expect(ageOn(r.bornTo!, '2026-11-01')).toBe(30);
  });
});

describe('joining periods of the 党内统计 (RULES.md §6)', () => {
  it.each([
    ['1949-09-30', 'before_1949'],
    ['1949-10-01', 'to_1978'],
    ['1978-12-17', 'to_1978'],
    ['1978-12-18', 'to_2012'],
    ['2012-11-07', 'to_2012'],
    ['2012-11-08', 'since_2012'],
    ['2026-07-01', 'since_2012'],
  ])('admitted %s → %s', (d, p) => {
    expect(joiningPeriod(d)).toBe(p);
  });
});

describe('checkMemberDates (党章第一条, 第七条)', () => {
  const full: MemberDates = { category: 'full', birthDate: '1980-03-01', admittedOn: '2005-06-20', fullOn: '2006-06-20' };
  const fields = (d: Partial<MemberDates>) => checkMemberDates({ ...full, ...d }, '2026-11-01').map((p) => p.field);
  it.each<[string, Partial<MemberDates>, string[]]>([
    ['a regular full member', {}, []],
    ['转正 exactly one year after admission', { fullOn: '2006-06-20' }, []],
    ['probation extended by a year', { fullOn: '2007-06-20' }, []],
    ['转正 before a year has passed', { fullOn: '2006-06-19' }, ['fullOn']],
    ['转正 more than two years after', { fullOn: '2007-06-21' }, ['fullOn']],
    ['转正 before admission', { fullOn: '2005-01-01' }, ['fullOn']],
    ['a full member without 转正 date', { fullOn: null }, ['fullOn']],
    ['a probationary member with a 转正 date', { category: 'probationary', admittedOn: '2026-03-01', fullOn: '2027-03-01' }, ['fullOn']],
    ['a probationary member', { category: 'probationary', admittedOn: '2026-03-01', fullOn: null }, []],
    ['admitted at 17', { birthDate: '1988-06-21', admittedOn: '2006-06-20', fullOn: '2007-06-20' }, ['admittedOn']],
    ['admitted on the 18th birthday', { birthDate: '1987-06-20' }, []],
    ['no admission date', { admittedOn: null }, ['admittedOn']],
    ['admission in the future', { category: 'probationary', admittedOn: '2026-11-02', fullOn: null }, ['admittedOn']],
    [
      'the 1970s without a 预备期 are not held to the window',
      { birthDate: '1950-01-01', admittedOn: '1971-05-01', fullOn: '1971-05-02' },
      [],
    ],
  ])('%s', (_name, d, expected) => {
    expect(fields(d)).toEqual(expected);
  });
  it('says why in Chinese, citing the article', () => {
    expect(checkMemberDates({ ...full, fullOn: '2006-01-01' }, '2026-11-01')[0].message).toContain('党章第七条');
  });
});

import { describe, expect, it } from 'vitest';
import {
  delayMonths,
  LEAVING_POST_RULES,
  leavingPostRulesOn,
  retirementBaseOf,
  retirementDate,
  type RetirementBase,
} from './retirement-age';

// Rows of the 对照表 annexed to the 国务院 办法 (2024): birth month → age (years, months) → retirement month.
describe('retirementDate (《国务院关于渐进式延迟法定退休年龄的办法》第二条 and its table)', () => {
  it.each([
    // men, base 60: +1 month per 4 months of birth from 1965-01, at most +36
    [60, '1964-12', 60, 0, '2024-12'],
    [60, '1965-01', 60, 1, '2025-02'],
    [60, '1965-04', 60, 1, '2025-05'],
    [60, '1965-05', 60, 2, '2025-07'],
    [60, '1965-12', 60, 3, '2026-03'],
    [60, '1966-01', 60, 4, '2026-05'],
    [60, '1970-06', 61, 5, '2031-11'],
    [60, '1976-08', 62, 11, '2039-07'],
    [60, '1976-09', 63, 0, '2039-09'],
    [60, '1980-01', 63, 0, '2043-01'],
    // women cadres, base 55: from 1970-01, at most +36 (58 from 1981-09)
    [55, '1969-12', 55, 0, '2024-12'],
    [55, '1970-01', 55, 1, '2025-02'],
    [55, '1970-05', 55, 2, '2025-07'],
    [55, '1981-08', 57, 11, '2039-07'],
    [55, '1981-09', 58, 0, '2039-09'],
    // women, base 50: +1 month per 2 months from 1975-01, at most +60 (55 from 1984-11)
    [50, '1974-12', 50, 0, '2024-12'],
    [50, '1975-01', 50, 1, '2025-02'],
    [50, '1975-02', 50, 1, '2025-03'],
    [50, '1975-03', 50, 2, '2025-05'],
    [50, '1984-10', 54, 11, '2039-09'],
    [50, '1984-11', 55, 0, '2039-11'],
    [50, '1990-06', 55, 0, '2045-06'],
  ] as const)('base %i, born %s → %i years %i months, in %s', (base, birth, years, months, ym) => {
    const r = retirementDate(birth, base);
    expect(r.age).toEqual({ years, months });
    expect(r.yearMonth).toBe(ym);
    expect(r.article).toContain('第二条');
  });

  it('takes a full birth date and uses its month', () => {
    expect(retirementDate('1965-01-31', 60).yearMonth).toBe('2025-02');
    expect(retirementDate('1976-09-01', 60).age).toEqual({ years: 63, months: 0 });
  });

  it.each(['1965-13', '1965-02-30', '1965/01', '65-01', ''])('refuses the birth "%s"', (b) => {
    expect(() => retirementDate(b, 60)).toThrow('出生年月');
  });

  it.each([
    [60, 36],
    [55, 36],
    [50, 60],
  ] as const)('never adds more than the cap for base %i (%i months)', (base: RetirementBase, cap) => {
    expect(delayMonths('2000-01', base)).toBe(cap);
  });
});

describe('retirementBaseOf (国发〔1978〕104号; 组通字〔2015〕14号 for 县处级 women)', () => {
  it.each([
    ['男', '副科', 60],
    ['男', null, 60],
    ['女', '正科', 55],
    ['女', '副处', 60],
    ['女', '正厅', 60],
    ['女', null, 55],
    ['', '正处', 60],
    ['', '副科', 55], // no sex on the file: the earlier base
  ] as const)('%s at %s → %i', (sex, level, base) => {
    expect(retirementBaseOf(sex, level)).toBe(base);
  });

  it('keeps the reminder window and the bases as data with an effective date and a source', () => {
    const r = leavingPostRulesOn('2026-12-04');
    expect(r.noticeMonths).toBe(6);
    expect(r.sources).toContain('组通字〔2015〕14号');
    const later = { ...r, version: 'test', effectiveFrom: '2027-01-01', noticeMonths: 3 };
    expect(leavingPostRulesOn('2026-12-31', [...LEAVING_POST_RULES, later]).noticeMonths).toBe(6);
    expect(leavingPostRulesOn('2027-01-01', [...LEAVING_POST_RULES, later]).noticeMonths).toBe(3);
  });
});

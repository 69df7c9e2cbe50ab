import { describe, expect, it } from 'vitest';
import { ageOn } from './cadre-age';

describe('ageOn (the 任免审批表 age, counted by month)', () => {
  it.each([
    ['1975-03', '2026-12-04', 51],
    ['1975-12', '2026-12-04', 51],
    ['1975-12', '2026-11-30', 50],
    ['1975-12-31', '2026-12-01', 51], // the birth month counts from its first day
    ['1975-12-05', '2026-12-04', 51],
    ['1976-01', '2026-12-31', 50],
    ['2000-02-29', '2026-02-01', 26],
    ['2026-12', '2026-12-04', 0],
    ['1975-03', '2026-12', 51], // a month as the reference day
    [null, '2026-12-04', null],
    ['2027-01', '2026-12-04', null], // born after the day: no age rather than a negative one
    ['1975', '2026-12-04', null], // not a date
  ] as const)('born %s, counted on %s: %s', (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });
});

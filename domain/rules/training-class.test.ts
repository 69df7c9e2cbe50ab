// 《干部教育培训工作条例》第十五条: leave beyond 1/7 of the total hours withdraws the trainee; exactly 1/7 does not.
import { describe, expect, it } from 'vitest';
import { absenceRuleOn, absenceVerdict, isLate } from './training-class';

describe('the 1/7 absence rule', () => {
  it.each([
    // total, leave, absent, withdraw, limit
    [35, 5, 0, false, 5], // exactly 1/7 of 35
    [35, 5.5, 0, true, 5],
    [35, 3, 2, false, 5], // leave and absence add up
    [35, 3, 2.5, true, 5],
    [21, 3, 0, false, 3],
    [21, 0, 3.1, true, 3],
    [24, 3.4, 0, false, 3.4], // 24/7 = 3.43: 3.4 is within
    [24, 3.5, 0, true, 3.4],
    [7, 1, 0, false, 1],
    [7, 1.1, 0, true, 1],
    [0, 0, 0, false, 0],
  ])('total %s h, leave %s h, absent %s h → withdraw %s', (total, leave, absent, withdraw, limit) => {
    const v = absenceVerdict({ totalHours: total, leaveHours: leave, absentHours: absent });
    expect(v.withdraw).toBe(withdraw);
    expect(v.limitHours).toBe(limit);
    expect(v.basis).toContain('第十五条');
  });

  it('the 2023 rule is in force from its effective date', () => {
    expect(absenceRuleOn('2026-12-04')).toMatchObject({ numerator: 1, denominator: 7, version: '2023' });
  });

  it('late is after the start, never refused', () => {
    const start = Date.UTC(2026, 0, 1, 1, 0);
    expect(isLate(start, start)).toBe(false);
    expect(isLate(start + 60_000, start)).toBe(true);
    expect(isLate(start + 60_000, start, 5)).toBe(false);
  });
});

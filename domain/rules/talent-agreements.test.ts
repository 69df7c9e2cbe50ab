import { describe, expect, it } from 'vitest';
import { behindOnsite, endingSoon, onsiteDaysDue } from './talent-agreements';

describe('on-site days of a 柔性引才 agreement', () => {
  // A 2026 calendar-year agreement promising 60 days.
  it.each([
    ['2025-12-31', 0],
    ['2026-01-01', 0],
    ['2026-07-02', 30],
    ['2026-12-31', 60],
    ['2027-03-01', 60],
  ])('on %s, %i days are due', (today, want) => expect(onsiteDaysDue('2026-01-01', '2026-12-31', 60, today)).toBe(want));

  it.each([
    [26, '2026-07-02', true],
    [27, '2026-07-02', false],
    [0, '2026-01-10', false],
    [0, '2026-01-20', true],
    [50, '2026-12-31', true],
    [54, '2026-12-31', false],
  ])('%i days recorded on %s: behind %s', (rec, today, want) =>
    expect(behindOnsite('2026-01-01', '2026-12-31', 60, rec, today)).toBe(want),
  );

  it.each([
    ['2026-12-31', '2026-11-01', true],
    ['2026-12-31', '2026-10-31', false],
    ['2026-12-31', '2027-01-01', false],
  ])('ending %s, reminded on %s: %s', (end, today, want) => expect(endingSoon(end, today)).toBe(want));
});

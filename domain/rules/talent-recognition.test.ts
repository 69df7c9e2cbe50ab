import { describe, expect, it } from 'vitest';
import { expertTotal, firstStep, nextStatus, panelResult, reviewLevel, scoresVisible } from './talent-recognition';

describe('人才分类认定 step order', () => {
  it.each([
    ['self', true, 'employer_review'],
    ['self', false, 'district_review'],
    ['employer', true, 'district_review'],
    ['officer', true, 'district_review'],
  ] as const)('%s with employer %s starts at %s', (ch, e, want) => expect(firstStep(ch, e)).toBe(want));

  it.each([
    ['employer_review', 'pass', false, 'district_review'],
    ['district_review', 'pass', false, 'city_review'],
    ['city_review', 'pass', false, 'publicity'],
    ['city_review', 'pass', true, 'expert_review'],
    ['district_review', 'return', true, 'returned'],
    ['employer_review', 'refuse', false, 'refused'],
  ] as const)('%s + %s (experts %s) → %s', (cur, out, ex, want) => expect(nextStatus(cur, out, ex)).toBe(want));

  it.each(['publicity', 'granted', 'refused', 'expert_review'] as const)('%s takes no review decision', (s) =>
    expect(() => nextStatus(s, 'pass', false)).toThrow(RangeError),
  );
});

describe('the level acting on each status', () => {
  it.each([
    ['employer_review', 'employer'],
    ['district_review', 'district'],
    ['city_review', 'city'],
    ['expert_review', 'city'],
    ['publicity', 'city'],
    ['granted', null],
    ['refused', null],
    ['returned', null],
  ] as const)('%s is acted on by %s', (s, want) => expect(reviewLevel(s)).toBe(want));
});

describe('expert aggregation', () => {
  const criteria = [
    { code: 'achievement', weight: 60 },
    { code: 'potential', weight: 40 },
  ];
  it.each([
    [{ achievement: 80, potential: 70 }, 76],
    [{ achievement: 100, potential: 0 }, 60],
    [{ achievement: 55, potential: 66 }, 59.4],
  ])('%o totals %d', (scores, want) => expect(expertTotal(criteria, scores)).toBe(want));

  it('refuses a missing criterion', () => expect(() => expertTotal(criteria, { achievement: 80 })).toThrow(RangeError));

  it.each([
    [[76, null, 80], { complete: false, mean: null, passed: null }],
    [[76, 60, 80], { complete: true, mean: 72, passed: true }],
    [[59.4, 60, 59], { complete: true, mean: 59.47, passed: false }],
    [[], { complete: false, mean: null, passed: null }],
  ] as const)('panel %o → %o', (totals, want) => expect(panelResult([...totals])).toEqual(want));

  it('keeps scores sealed until all are in', () => {
    expect(scoresVisible([70, null])).toBe(false);
    expect(scoresVisible([70, 65])).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { cardExpiry, cardNumber, cardState, cardStateRange, renewalDue, setInForce } from './talent-card';

describe('talent card', () => {
  it.each([
    ['2026-03-01', 3, '2029-02-28'],
    ['2024-02-29', 1, '2025-02-27'],
    ['2026-01-01', 5, '2030-12-31'],
  ])('a card issued %s for %i years ends %s', (issued, years, end) => expect(cardExpiry(issued, years)).toBe(end));

  it('refuses a non-positive term', () => expect(() => cardExpiry('2026-01-01', 0)).toThrow(RangeError));

  it.each([
    [{ effectiveOn: '2022-01-01', supersededOn: '2025-07-01' }, '2025-06-30', true],
    [{ effectiveOn: '2022-01-01', supersededOn: '2025-07-01' }, '2025-07-01', false],
    [{ effectiveOn: '2025-07-01', supersededOn: null }, '2025-06-30', false],
    [{ effectiveOn: '2025-07-01', supersededOn: null }, '2030-01-01', true],
  ])('set %o in force on %s: %s', (s, d, want) => expect(setInForce(s, d)).toBe(want));

  it.each([
    ['2026-12-31', '2026-10-02', true],
    ['2026-12-31', '2026-10-01', false],
    ['2026-01-01', '2026-06-01', true],
    [null, '2026-06-01', false],
  ] as const)('a card ending %s is due for renewal on %s: %s', (end, today, want) => expect(renewalDue(end, today)).toBe(want));

  it('numbers cards by year and id', () => expect(cardNumber(2026, 42)).toBe('RC20260000042'));
});

describe('card states', () => {
  it.each([
    [null, 'none'],
    ['2026-12-03', 'expired'],
    ['2026-12-04', 'expiring'],
    ['2027-03-04', 'expiring'],
    ['2027-03-05', 'valid'],
  ] as const)('a card ending %s is %s on 2026-12-04', (end, want) => expect(cardState(end, '2026-12-04')).toBe(want));

  it.each([
    ['none', { none: true }],
    ['expired', { from: null, to: '2026-12-03' }],
    ['expiring', { from: '2026-12-04', to: '2027-03-04' }],
    ['valid', { from: '2026-12-04', to: null }],
  ] as const)('the %s filter keeps %o', (state, want) => expect(cardStateRange(state, '2026-12-04')).toEqual(want));
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSFER_SETTINGS, defaultValidDays, expiresOn, isOverdue, letterNumber, stepAllowed } from './transfers';

describe('letter validity (RULES.md §5, local practice)', () => {
  it.each([
    ['within_city', 10],
    ['out_of_city', 30],
    ['into_city', 30],
  ] as const)('defaults a %s letter to %i days', (kind, days) => {
    expect(defaultValidDays(kind, DEFAULT_TRANSFER_SETTINGS)).toBe(days);
  });
  it('caps validity at 3 months by default', () => expect(DEFAULT_TRANSFER_SETTINGS.maxDays).toBe(90));
  it.each([
    ['2026-11-01', 10, '2026-11-10'],
    ['2026-11-01', 30, '2026-11-30'],
    ['2026-12-20', 30, '2027-01-18'],
    ['2028-02-01', 29, '2028-02-29'],
  ])('a letter issued %s valid %i days expires after %s', (issued, days, last) => {
    expect(expiresOn(issued, days)).toBe(last);
  });
  it('is overdue only when still open after its last valid day', () => {
    expect(isOverdue('issued', '2026-11-10', '2026-11-10')).toBe(false);
    expect(isOverdue('issued', '2026-11-10', '2026-11-11')).toBe(true);
    expect(isOverdue('received', '2026-11-10', '2026-11-11')).toBe(true);
    expect(isOverdue('confirmed', '2026-11-10', '2026-12-01')).toBe(false);
    expect(isOverdue('returned', '2026-11-10', '2026-12-01')).toBe(false);
  });
});

describe('letter numbers', () => {
  it('joins year, organization code and a 4-digit serial; letters from outside get a J', () => {
    expect(letterNumber(2026, 'D01-B07', 3)).toBe('2026-D01-B07-0003');
    expect(letterNumber(2026, 'D01-B07', 12, true)).toBe('2026-D01-B07-J0012');
  });
});

describe('who may take which step', () => {
  it('lets only the receiver receive and confirm a letter within the city', () => {
    expect(stepAllowed('receive', 'within_city', 'issued', ['receiver'], false)).toBeNull();
    expect(stepAllowed('receive', 'within_city', 'issued', ['sender'], false)).toMatch('接收方');
    expect(stepAllowed('confirm', 'within_city', 'received', ['receiver'], false)).toBeNull();
    expect(stepAllowed('confirm', 'within_city', 'issued', ['receiver'], false)).toMatch('先接收');
  });
  it('refuses to confirm an expired letter: it is returned and reissued', () => {
    expect(stepAllowed('confirm', 'within_city', 'received', ['receiver'], true)).toMatch('已过有效期');
  });
  it('lets the sender take back a within-city letter only once it is overdue', () => {
    expect(stepAllowed('return', 'within_city', 'issued', ['sender'], false)).not.toBeNull();
    expect(stepAllowed('return', 'within_city', 'issued', ['sender'], true)).toBeNull();
    expect(stepAllowed('return', 'within_city', 'received', ['receiver'], false)).toBeNull();
  });
  it('has the sender record the receipt of a letter out of the city', () => {
    expect(stepAllowed('confirm', 'out_of_city', 'issued', ['sender'], false)).toBeNull();
    expect(stepAllowed('confirm', 'into_city', 'received', ['receiver'], false)).toBeNull();
  });
  it('allows nothing on a closed letter', () => {
    expect(stepAllowed('return', 'within_city', 'confirmed', ['receiver', 'sender'], false)).toMatch('已办结');
    expect(stepAllowed('confirm', 'within_city', 'returned', ['receiver'], false)).toMatch('已办结');
  });
});

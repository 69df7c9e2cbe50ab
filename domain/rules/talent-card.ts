// The talent card (RULES.md §8): a tier granted under a tier set in force on the day of issue, valid
// for the tier's card_years (data on talent_tiers, set by the office's 人才分类目录), renewed from the
// day after the old card ends when renewed before it expires. Tier sets are versioned data: a set is in
// force from its effective date until the day a later one supersedes it.
import dayjs from 'dayjs';

export interface TierSetDates {
  effectiveOn: string;
  supersededOn: string | null;
}

/** The set is in force on `date`: effective on or before it and not yet superseded. */
export const setInForce = (s: TierSetDates, date: string): boolean =>
  s.effectiveOn <= date && (s.supersededOn === null || date < s.supersededOn);

/** The last valid day of a card issued on `issuedOn` for `years` years (a 3-year card from 2026-03-01 ends 2029-02-28). */
export function cardExpiry(issuedOn: string, years: number): string {
  if (!Number.isInteger(years) || years < 1) throw new RangeError('有效期年数须为正整数');
  return dayjs(issuedOn).add(years, 'year').subtract(1, 'day').format('YYYY-MM-DD');
}

/** Days left on a card on `today` (negative once expired). */
export const cardDaysLeft = (expiresOn: string, today: string): number => dayjs(expiresOn).diff(dayjs(today), 'day');

/** Days before the expiry from which a card is shown as due for renewal. */
export const RENEWAL_WINDOW_DAYS = 90;

/** A card due for renewal: expiring within `withinDays` (90 by default) or already expired. */
export const renewalDue = (expiresOn: string | null, today: string, withinDays = RENEWAL_WINDOW_DAYS): boolean =>
  expiresOn !== null && cardDaysLeft(expiresOn, today) <= withinDays;

/** The card number: prefix, year of first issue and the record id, unique as the id is. */
export const cardNumber = (year: number, personId: number): string => `RC${year}${String(personId).padStart(7, '0')}`;

export const CARD_STATES = ['none', 'valid', 'expiring', 'expired'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** The state of a card on `today`: none, valid, expiring (within the renewal window, still valid) or expired. */
export function cardState(expiresOn: string | null, today: string): CardState {
  if (expiresOn === null) return 'none';
  const left = cardDaysLeft(expiresOn, today);
  if (left < 0) return 'expired';
  return left <= RENEWAL_WINDOW_DAYS ? 'expiring' : 'valid';
}

/** The expiry dates a list filter by card state keeps (inclusive bounds); `none` keeps the people without a card. */
export function cardStateRange(state: CardState, today: string): { none: true } | { from: string | null; to: string | null } {
  const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');
  if (state === 'none') return { none: true };
  if (state === 'expired') return { from: null, to: day(-1) };
  if (state === 'expiring') return { from: today, to: day(RENEWAL_WINDOW_DAYS) };
  return { from: today, to: null };
}

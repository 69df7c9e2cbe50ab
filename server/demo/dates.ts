// Calendar dates for the demo data as YYYY-MM-DD strings, through dayjs rather than hand-made
// Date arithmetic (STYLE.md). Everything is relative to a fixed "as of" date, never the clock.
import dayjs from 'dayjs';
import type { Rng } from './prng.js';

const FORMAT = 'YYYY-MM-DD';

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format(FORMAT);
}

export function addMonths(date: string, months: number): string {
  return dayjs(date).add(months, 'month').format(FORMAT);
}

export function addYears(date: string, years: number): string {
  return dayjs(date).add(years, 'year').format(FORMAT);
}

export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

/** A day in [from, to]; `from` when the range is empty. */
export function randomDate(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

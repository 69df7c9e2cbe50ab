// Working days on the official Chinese calendar (STYLE.md: "working days from a maintained Chinese holiday
// calendar"). The package `chinese-days` holds each year's 国务院办公厅《关于部分节假日安排的通知》: the days off
// (including weekdays moved into a holiday) and the adjusted working weekends (调休上班). It is never replaced by a
// hand-written list here; a year the package does not yet hold falls back to Monday–Friday, and calendarCovers
// tells the caller so (the 2027 notice, published late in 2026, needs a package update).
import dayjs from 'dayjs';
// The default export: the package is CommonJS for Node (no named exports under the server's ESM loader) and an
// ES module for the web build; both give the functions on the default object.
import chineseDays from 'chinese-days';

const { getHolidaysInRange, isWorkday } = chineseDays;

const FORMAT = 'YYYY-MM-DD';

/** A calendar date 'YYYY-MM-DD' that exists; otherwise a RangeError in Chinese. */
export function checkedDay(date: string): dayjs.Dayjs {
  const d = dayjs(date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid() || d.format(FORMAT) !== date)
    throw new RangeError(`日期“${date}”无效，应为 YYYY-MM-DD`);
  return d;
}

/** A working day: Monday–Friday unless a holiday, or an adjusted working Saturday/Sunday (调休上班). */
export function isWorkingDay(date: string): boolean {
  checkedDay(date);
  return isWorkday(date);
}

const coverage = new Map<number, boolean>();

/**
 * Whether the package holds the official schedule of the year of `date`. Every year has at least 元旦 as an
 * official day off (and 国庆节 besides), so a year with no official holiday at all in the package is a year whose
 * notice it does not have: its dates are counted as plain Monday–Friday and must be treated as provisional.
 */
export function calendarCovers(date: string): boolean {
  const year = checkedDay(date).year();
  let covered = coverage.get(year);
  if (covered === undefined) {
    covered = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coverage.set(year, covered);
  }
  return covered;
}

/** The n-th working day after `date` (n > 0) or before it (n < 0); n = 0 gives `date` itself. */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('工作日数须为整数');
  let d = checkedDay(date);
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0;) {
    d = d.add(step, 'day');
    if (isWorkday(d.format(FORMAT))) left -= 1;
  }
  return d.format(FORMAT);
}

/**
 * The day on which the n-th working day of a period starting on `start` falls, counting `start` itself when it is
 * a working day (a 公示 of 5 working days starting on a Monday without holidays ends on the Friday).
 */
export function nthWorkingDay(start: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('工作日数须为正整数');
  const first = isWorkingDay(start) ? start : addWorkingDays(start, 1);
  return addWorkingDays(first, n - 1);
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let d = checkedDay(from);
  const end = checkedDay(to);
  let count = 0;
  for (; !d.isAfter(end, 'day'); d = d.add(1, 'day')) if (isWorkday(d.format(FORMAT))) count += 1;
  return count;
}

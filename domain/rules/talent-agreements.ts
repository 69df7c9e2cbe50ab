// 柔性引才 agreements (issue 15 point 3; PILLARS.md §5 “不求所有、但求所用”): the on-site days promised over the
// term are due pro rata; an agreement falls behind when the days recorded are below the share due by today less
// a tolerance, and is reminded of before its end. Pure: the reminder provider calls these.
import dayjs from 'dayjs';

/** Days promised that are due by `today`, pro rata to the elapsed share of the term (rounded down). */
export function onsiteDaysDue(startsOn: string, endsOn: string, promised: number, today: string): number {
  if (today < startsOn) return 0;
  if (today >= endsOn) return promised;
  const term = dayjs(endsOn).diff(dayjs(startsOn), 'day') + 1;
  const elapsed = dayjs(today).diff(dayjs(startsOn), 'day') + 1;
  return Math.floor((promised * elapsed) / term);
}

/** Tolerance before a shortfall is reminded of: 10% of what is due, at least 2 days. */
export const BEHIND_TOLERANCE = { share: 0.1, minDays: 2 };

export function behindOnsite(startsOn: string, endsOn: string, promised: number, recorded: number, today: string): boolean {
  const due = onsiteDaysDue(startsOn, endsOn, promised, today);
  const slack = Math.max(BEHIND_TOLERANCE.minDays, Math.floor(due * BEHIND_TOLERANCE.share));
  return recorded < due - slack;
}

/** Reminded this many days before the end (to renew or close the agreement and accept its deliverables). */
export const END_REMINDER_DAYS = 60;

export const endingSoon = (endsOn: string, today: string, within = END_REMINDER_DAYS): boolean =>
  today <= endsOn && dayjs(endsOn).diff(dayjs(today), 'day') <= within;

// Timestamps from the server are ISO strings; calendar dates stay YYYY-MM-DD strings (STYLE.md).
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export function formatTime(ts: string | null | undefined): string {
  return ts ? dayjs(ts).format('YYYY-MM-DD HH:mm:ss') : '';
}

export function formatMinute(ts: string | null | undefined): string {
  return ts ? dayjs(ts).format('YYYY-MM-DD HH:mm') : '';
}

/** DatePicker value → calendar date string (or undefined when empty). */
export function toDateString(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

/** Calendar date string → DatePicker value. */
export function fromDateString(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value, DATE_FORMAT) : undefined;
}

// Rules of recording organizational life (RULES.md §3, §9): when a record is late, what a held
// meeting's date and attendance must satisfy, and the 支部党员大会 quorum of 第十一条.
import dayjs from 'dayjs';

const TIAOLI = '《中国共产党支部工作条例（试行）》';

/** A meeting is planned, held (counts for every check of its kinds) or cancelled (counts for nothing). */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, { zh: string; en: string }> = {
  planned: { zh: '计划', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/**
 * Late records (RULES.md §9, local practice L): a meeting recorded more than `lateAfterDays` days
 * after it was held is accepted and marked 补录 — never refused, never back-dated. 30 days by default.
 */
export const MEETING_RECORD_DEFAULTS = { lateAfterDays: 30 } as const;
export interface MeetingRecordSettings {
  lateAfterDays: number;
}

/** Days from the held date to the day it was recorded (both calendar dates). */
export function recordDelayDays(heldOn: string, recordedOn: string): number {
  return dayjs(recordedOn).diff(dayjs(heldOn), 'day');
}

/** RULES.md §9 (L): late when recorded more than N days after held_on; the day N itself is still on time. */
export function isLateRecord(heldOn: string, recordedOn: string, lateAfterDays: number): boolean {
  return recordDelayDays(heldOn, recordedOn) > lateAfterDays;
}

/** A held meeting cannot have taken place after today (a date in the future would be a fake record). */
export function heldDateProblem(heldOn: string, today: string): string | null {
  return heldOn > today ? '召开日期不能晚于今天（尚未召开的会议请登记为“计划”）' : null;
}

/** The reasons offered for an absence (what branch records use); the text after them is free. */
export const ABSENCE_REASONS = ['病假', '事假', '公差', '外出', '其他'] as const;

export interface AttendanceEntry {
  memberId: number;
  present: boolean;
  absenceReason?: string | null;
}

/** Every absentee needs a reason (the record names absentees and why, RULES.md §3); the index of the first one without. */
export function firstAbsenceWithoutReason(attendance: readonly AttendanceEntry[]): number {
  return attendance.findIndex((a) => !a.present && !a.absenceReason?.trim());
}

/** Should attend = everyone on the roster of the meeting; present = those marked present. */
export function attendanceCounts(attendance: readonly AttendanceEntry[]): { shouldAttend: number; present: number } {
  return { shouldAttend: attendance.length, present: attendance.filter((a) => a.present).length };
}

/**
 * 支部党员大会 (第十一条): valid only with at least half of the members with a vote present.
 * Probationary members have no vote, so both counts are of full members.
 */
export function congressQuorate(fullShouldAttend: number, fullPresent: number): boolean {
  return fullShouldAttend > 0 && fullPresent * 2 >= fullShouldAttend;
}

export const CONGRESS_QUORUM_TEXT = `到会有表决权的党员不足应到会有表决权党员的半数，会议不能有效召开（${TIAOLI}第十一条）`;

import { describe, expect, it } from 'vitest';
import {
  attendanceCounts,
  congressQuorate,
  firstAbsenceWithoutReason,
  heldDateProblem,
  isLateRecord,
  MEETING_RECORD_DEFAULTS,
  recordDelayDays,
} from './meeting-records';

describe('late records (RULES.md §9, local practice: 30 days by default)', () => {
  it('defaults to 30 days', () => expect(MEETING_RECORD_DEFAULTS.lateAfterDays).toBe(30));
  it.each([
    ['2026-03-01', '2026-03-01', 30, false, 'recorded the same day'],
    ['2026-03-01', '2026-03-31', 30, false, 'the 30th day is still on time'],
    ['2026-03-01', '2026-04-01', 30, true, 'the 31st day is late'],
    ['2026-02-01', '2026-03-03', 30, false, 'February has 28 days: 30 days later is on time'],
    ['2026-02-01', '2026-03-04', 30, true, 'and 31 days later is late'],
    ['2028-02-28', '2028-03-01', 1, true, 'leap day counted (2 days with a 1-day setting)'],
    ['2026-12-20', '2027-01-04', 15, false, 'across the year end, exactly 15 days'],
    ['2026-12-20', '2027-01-05', 15, true, 'across the year end, 16 days'],
  ] as const)('held %s, recorded %s, N=%i → late %s (%s)', (held, recorded, n, late, _why) => {
    expect(isLateRecord(held, recorded, n)).toBe(late);
  });
  it('counts calendar days between the dates', () => {
    expect(recordDelayDays('2026-01-31', '2026-03-01')).toBe(29);
  });
});

describe('held date', () => {
  it('accepts today and the past, refuses the future', () => {
    expect(heldDateProblem('2026-11-24', '2026-11-24')).toBeNull();
    expect(heldDateProblem('2025-01-01', '2026-11-24')).toBeNull();
    expect(heldDateProblem('2026-11-25', '2026-11-24')).toContain('不能晚于今天');
  });
});

describe('attendance', () => {
  const roster = [
    { memberId: 1, present: true },
    { memberId: 2, present: false, absenceReason: '病假' },
    { memberId: 3, present: false, absenceReason: '  ' },
    { memberId: 4, present: false },
  ];
  it('finds the first absentee without a reason (blank counts as none)', () => {
    expect(firstAbsenceWithoutReason(roster)).toBe(2);
    expect(firstAbsenceWithoutReason(roster.slice(0, 2))).toBe(-1);
  });
  it('counts should-attend and present from the roster', () => {
    expect(attendanceCounts(roster)).toEqual({ shouldAttend: 4, present: 1 });
    expect(attendanceCounts([])).toEqual({ shouldAttend: 0, present: 0 });
  });
});

describe('支部党员大会 quorum (支部工作条例 第十一条: at least half of voting members present)', () => {
  it.each([
    [10, 5, true],
    [10, 4, false],
    [9, 5, true],
    [9, 4, false],
    [1, 1, true],
    [0, 0, false],
  ])('%i with a vote, %i present → %s', (should, present, ok) => {
    expect(congressQuorate(should, present)).toBe(ok);
  });
});

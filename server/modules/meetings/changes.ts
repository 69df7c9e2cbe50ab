// Writing meetings: record (planned or held), edit, hold, cancel. Every call runs inside the route's
// audited transaction. meeting_purposes mirrors the kinds of every HELD meeting (one row per kind),
// which is what the compliance monitor reads: a meeting recorded once counts for every check it serves.
import { todayCn } from '../../dates.js';
import type { Trx } from '../../audit/audit-log.js';
import { conflict, invalid } from '../../errors.js';
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import { attendanceCounts, firstAbsenceWithoutReason, heldDateProblem, isLateRecord } from '../../../domain/rules/meeting-records.js';
import type { MeetingStatus, TAttendanceInput, TMeetingCreate, TMeetingUpdate } from '../../../domain/schemas/meetings.js';
import type { MeetingRow } from './queries.js';

/** The calendar day in China Standard Time: a record made at 01:00 Beijing time is that day's. */
/** The calendar day in China of a time: the one calendar (server/dates.ts). */
export const dayCn = todayCn;

export interface WriteContext {
  now: Date;
  lateAfterDays: number;
  /** Members who may be on the attendance: the organization's roster (and, on edit, those already on it). */
  allowedMembers: ReadonlySet<number>;
  userId: number;
}

interface Fields {
  status: MeetingStatus;
  kinds: MeetingKind[];
  plannedOn: string | null;
  heldOn: string | null;
  startTime: string | null;
  place: string | null;
  topic: string;
  host: string | null;
  recorder: string | null;
  minutes: string | null;
  decisions: string | null;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function checkFields(f: Fields, today: string): void {
  if (f.status === 'held') {
    if (!f.heldOn) throw invalid('请填写召开日期', 'heldOn');
    const p = heldDateProblem(f.heldOn, today);
    if (p) throw invalid(p, 'heldOn');
  }
  if (f.status === 'planned' && !f.plannedOn) throw invalid('请填写计划召开日期', 'plannedOn');
}

function checkAttendance(att: readonly TAttendanceInput[], status: MeetingStatus, allowed: ReadonlySet<number>): void {
  if (att.length && status === 'planned') throw invalid('计划中的会议不登记出席情况，召开后再登记', 'attendance');
  const seen = new Set<number>();
  att.forEach((a, i) => {
    if (seen.has(a.memberId)) throw invalid('出席名单中有重复的党员', `attendance.${i}.memberId`);
    seen.add(a.memberId);
    if (!allowed.has(a.memberId)) throw invalid('出席名单只能从本组织（含党小组）的党员中选择', `attendance.${i}.memberId`);
  });
  const missing = firstAbsenceWithoutReason(att);
  if (missing >= 0) throw invalid('缺席的党员须注明缺席原因', `attendance.${missing}.absenceReason`);
}

async function writeAttendance(trx: Trx, meetingId: number, att: readonly TAttendanceInput[]): Promise<void> {
  await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  if (att.length) {
    await trx
      .insertInto('meeting_attendance')
      .values(
        att.map((a) => ({
          meeting_id: meetingId,
          member_id: a.memberId,
          present: a.present,
          absence_reason: a.present ? null : blank(a.absenceReason),
        })),
      )
      .execute();
  }
}

/** One purpose row per kind of a held meeting; none for a planned or cancelled one. */
async function syncPurposes(trx: Trx, meetingId: number, orgId: number, f: Pick<Fields, 'status' | 'kinds' | 'heldOn'>): Promise<void> {
  await trx.deleteFrom('meeting_purposes').where('meeting_id', '=', meetingId).execute();
  if (f.status === 'held') {
    await trx
      .insertInto('meeting_purposes')
      .values(f.kinds.map((kind) => ({ meeting_id: meetingId, org_id: orgId, kind, held_on: f.heldOn! })))
      .execute();
  }
}

const countsOf = (att: readonly TAttendanceInput[]) => (att.length ? attendanceCounts(att) : { shouldAttend: null, present: null });

export interface WriteResult {
  id: number;
  status: MeetingStatus;
  late: boolean;
  changed: string[];
}

export async function createMeeting(trx: Trx, orgId: number, body: TMeetingCreate, ctx: WriteContext): Promise<WriteResult> {
  const f: Fields = {
    status: body.status,
    kinds: body.kinds,
    plannedOn: body.plannedOn ?? null,
    heldOn: body.status === 'held' ? (body.heldOn ?? null) : null,
    startTime: body.startTime ?? null,
    place: blank(body.place),
    topic: body.topic,
    host: blank(body.host),
    recorder: blank(body.recorder),
    minutes: blank(body.minutes),
    decisions: blank(body.decisions),
  };
  const today = dayCn(ctx.now);
  checkFields(f, today);
  const att = body.attendance ?? [];
  checkAttendance(att, f.status, ctx.allowedMembers);
  // RULES.md §9: a late record is accepted and marked, with the real time it was made.
  const late = f.status === 'held' && isLateRecord(f.heldOn!, today, ctx.lateAfterDays);
  const counts = countsOf(att);
  const { id } = await trx
    .insertInto('meetings')
    .values({
      org_id: orgId,
      kinds: f.kinds,
      status: f.status,
      planned_on: f.plannedOn,
      held_on: f.heldOn,
      start_time: f.startTime,
      place: f.place,
      topic: f.topic,
      host: f.host,
      recorder: f.recorder,
      minutes: f.minutes,
      decisions: f.decisions,
      should_attend: counts.shouldAttend,
      present: counts.present,
      late,
      recorded_at: f.status === 'held' ? ctx.now : null,
      created_by: ctx.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAttendance(trx, id, att);
  await syncPurposes(trx, id, orgId, f);
  return { id, status: f.status, late, changed: [] };
}

const EDITABLE = ['kinds', 'plannedOn', 'heldOn', 'startTime', 'place', 'topic', 'host', 'recorder', 'minutes', 'decisions'] as const;

export async function updateMeeting(trx: Trx, m: MeetingRow, body: TMeetingUpdate, ctx: WriteContext): Promise<WriteResult> {
  if (m.status === 'cancelled') throw conflict('已取消的会议不能再修改', 'status');
  const status = body.status ?? m.status;
  if (m.status === 'held' && status === 'planned') throw invalid('已召开的会议不能改回计划', 'status');
  const before: Fields = {
    status: m.status,
    kinds: m.kinds as MeetingKind[],
    plannedOn: m.planned_on,
    heldOn: m.held_on,
    startTime: m.start_time,
    place: m.place,
    topic: m.topic,
    host: m.host,
    recorder: m.recorder,
    minutes: m.minutes,
    decisions: m.decisions,
  };
  const f: Fields = { ...before, status };
  const changed: string[] = status !== m.status ? ['status'] : [];
  for (const k of EDITABLE) {
    const v = body[k];
    if (v === undefined) continue;
    const next = (typeof v === 'string' && k !== 'topic' ? blank(v) : v) as never;
    if (JSON.stringify(next) !== JSON.stringify(before[k])) changed.push(k);
    f[k] = next;
  }
  if (status !== 'cancelled') checkFields(f, dayCn(ctx.now));
  const att = body.attendance;
  if (att) {
    checkAttendance(att, status, ctx.allowedMembers);
    changed.push('attendance');
  }
  // The record is made when the meeting is first recorded as held; that time never moves (RULES.md §9).
  const becameHeld = m.status === 'planned' && status === 'held';
  const recordedAt = becameHeld ? ctx.now : m.recorded_at;
  const late =
    status === 'held' && (becameHeld || f.heldOn !== m.held_on) ? isLateRecord(f.heldOn!, dayCn(recordedAt!), ctx.lateAfterDays) : m.late;
  const counts = att ? countsOf(att) : { shouldAttend: m.should_attend, present: m.present };
  const res = await trx
    .updateTable('meetings')
    .set({
      status: f.status,
      kinds: f.kinds,
      planned_on: f.plannedOn,
      held_on: f.heldOn,
      start_time: f.startTime,
      place: f.place,
      topic: f.topic,
      host: f.host,
      recorder: f.recorder,
      minutes: f.minutes,
      decisions: f.decisions,
      should_attend: counts.shouldAttend,
      present: counts.present,
      late,
      recorded_at: recordedAt,
      updated_at: ctx.now,
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', m.id)
    .where('version', '=', body.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('会议记录已被他人修改，请刷新后重试', 'version');
  if (att) await writeAttendance(trx, m.id, att);
  await syncPurposes(trx, m.id, m.org_id, f);
  return { id: m.id, status: f.status, late, changed };
}

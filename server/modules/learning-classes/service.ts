// Training classes (培训班, issue 14 point 5): the organizer's side. A class is organized by an organization
// for its subtree; trainees come from that subtree (by list, by a pasted list, or by approved application).
// Attendance comes from the changing sign-in code (attendance.ts) or the organizer's mark; leave is asked per
// session and approved; the 1/7 rule (domain/rules/training-class.ts) withdraws a trainee as soon as the
// hours missed exceed it; completion credits the hours attended to the 学时 ledger (its one writer) and
// issues certificates.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { Secret } from 'otpauth';
import type { Ctx } from '../../context.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { absenceRuleOn, absenceVerdict } from '../../../domain/rules/training-class.js';
import type { TClassCreate, TClassDetail, TDecision, TMark, TSessionInput } from '../../../domain/schemas/learning-classes.js';
import { upsertCredit } from '../learning/credits.js';
import { traineeOfClass } from './enrolment.js';
import { classSessions, findClass, findSession, sessionEnd, sessionOf, summaryOf, type ClassRow, type SessionRow } from './queries.js';

const classNotFound = () => notFound('培训班');
const sessionNotFound = () => new AppError('NOT_FOUND', '课次不存在', 404, 'sessionId');

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A certificate's verification code: 12 letters of a 31-letter alphabet (no 0/O, 1/I/L), as XXXX-XXXX-XXXX. */
export function newCertificateCode(rand: (n: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[rand(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export const newSignSecret = () => new Secret({ size: 20 }).base32;

export async function loadClass(ctx: Ctx, id: number): Promise<ClassRow> {
  const c = await findClass(ctx.db, id);
  if (!c) throw classNotFound();
  return c;
}

export function requireOpen(c: ClassRow): void {
  if (c.status === 'completed') throw conflict('培训班已结业，不能再修改');
}

/** A session of this class (a session id of another class is a 404, whatever its scope). */
export async function sessionOfClass(ctx: Ctx, classId: number, sessionId: number): Promise<SessionRow> {
  const s = await findSession(ctx.db, sessionId);
  if (!s || Number(s.class_id) !== classId) throw sessionNotFound();
  return s;
}

async function insertSessions(ctx: Ctx, classId: number, sessions: TSessionInput[]): Promise<void> {
  await ctx.db
    .insertInto('learning_class_sessions')
    .values(
      sessions.map((s) => ({
        class_id: classId,
        date: s.date,
        start_time: s.startTime,
        end_time: s.endTime,
        hours: s.hours,
        teacher: s.teacher,
        place: s.place,
        online_url: s.onlineUrl,
        sign_secret: newSignSecret(),
      })),
    )
    .execute();
}

export async function createClass(ctx: Ctx, b: TClassCreate): Promise<number> {
  const c = await ctx.db
    .insertInto('learning_classes')
    .values({
      org_id: b.orgId,
      title: b.title,
      audience: b.audience,
      description: b.description,
      capacity: b.capacity,
      open_for_application: b.openForApplication,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertSessions(ctx, Number(c.id), b.sessions);
  return Number(c.id);
}

export async function addSession(ctx: Ctx, classId: number, s: TSessionInput): Promise<void> {
  requireOpen(await loadClass(ctx, classId));
  await insertSessions(ctx, classId, [s]);
}

export async function classDetail(ctx: Ctx, id: number): Promise<TClassDetail> {
  const c = await loadClass(ctx, id);
  const sessions = await classSessions(ctx.db, id);
  const trainees = await ctx.db
    .selectFrom('learning_class_trainees')
    .select(['id', 'name', 'member_id', 'cadre_id', 'status', 'via', 'status_note', 'hours_attended', 'certificate_code'])
    .where('class_id', '=', id)
    .orderBy('id')
    .execute();
  const att = await sql<{ session_id: number; trainee_id: number; status: 'present' | 'late' | 'leave' | 'absent' }>`
    select a.session_id, a.trainee_id, a.status from learning_class_attendance a
      join learning_class_sessions s on s.id = a.session_id where s.class_id = ${id}`.execute(ctx.db);
  const bySession = new Map(sessions.map((s) => [Number(s.id), Number(s.hours)]));
  const leaves = await sql<{
    id: number;
    session_id: number;
    trainee_id: number;
    name: string;
    date: string;
    reason: string;
    status: 'pending' | 'approved' | 'rejected';
  }>`
    select l.id, l.session_id, l.trainee_id, t.name, s.date::text as date, l.reason, l.status
      from learning_class_leaves l join learning_class_sessions s on s.id = l.session_id
      join learning_class_trainees t on t.id = l.trainee_id
     where s.class_id = ${id} order by l.status = 'pending' desc, l.id desc`.execute(ctx.db);
  const evals = await sql<{
    session_id: number;
    n: string;
    content: string | null;
    teaching: string | null;
    overall: string | null;
    comments: string[] | null;
  }>`
    select e.session_id, count(*) as n, round(avg(e.content), 2) as content, round(avg(e.teaching), 2) as teaching,
           round(avg(e.overall), 2) as overall, array_agg(e.comment order by e.comment) filter (where e.comment <> '') as comments
      from learning_class_evaluations e join learning_class_sessions s on s.id = e.session_id
     where s.class_id = ${id} group by e.session_id`.execute(ctx.db);
  const total = Number(c.total_hours ?? 0);
  const verdict = absenceVerdict({ totalHours: total, leaveHours: 0, absentHours: 0 }, absenceRuleOn(c.start_date ?? ctx.today()));
  return {
    ...summaryOf(c),
    description: c.description,
    completedOn: c.completed_on,
    absenceLimitHours: verdict.limitHours,
    absenceBasis: verdict.basis,
    sessions: sessions.map(sessionOf),
    trainees: trainees.map((t) => {
      const mine = att.rows.filter((a) => Number(a.trainee_id) === Number(t.id));
      return {
        id: Number(t.id),
        name: t.name,
        memberId: t.member_id == null ? null : Number(t.member_id),
        cadreId: t.cadre_id == null ? null : Number(t.cadre_id),
        status: t.status,
        via: t.via,
        statusNote: t.status_note,
        attendance: mine.map((a) => ({ sessionId: Number(a.session_id), status: a.status })),
        missedHours:
          Math.round(
            mine
              .filter((a) => a.status === 'leave' || a.status === 'absent')
              .reduce((h, a) => h + (bySession.get(Number(a.session_id)) ?? 0), 0) * 10,
          ) / 10,
        hoursAttended: t.hours_attended == null ? null : Number(t.hours_attended),
        certificateCode: t.certificate_code,
      };
    }),
    leaves: leaves.rows.map((l) => ({
      id: Number(l.id),
      sessionId: Number(l.session_id),
      traineeId: Number(l.trainee_id),
      traineeName: l.name,
      sessionDate: l.date,
      reason: l.reason,
      status: l.status,
    })),
    evaluations: sessions.map((s) => {
      const e = evals.rows.find((r) => Number(r.session_id) === Number(s.id));
      const num = (v: string | null | undefined) => (v == null ? null : Number(v));
      return {
        sessionId: Number(s.id),
        teacher: s.teacher,
        count: Number(e?.n ?? 0),
        content: num(e?.content),
        teaching: num(e?.teaching),
        overall: num(e?.overall),
        comments: e?.comments ?? [],
      };
    }),
  };
}

// ---------------------------------------------------------------- attendance and the 1/7 rule

async function setAttendance(
  ctx: Ctx,
  sessionId: number,
  traineeId: number,
  status: 'present' | 'late' | 'leave' | 'absent',
  method: 'code' | 'organizer' | 'close',
  signedAt: Date | null,
): Promise<void> {
  await sql`
    insert into learning_class_attendance (session_id, trainee_id, status, method, signed_at)
    values (${sessionId}, ${traineeId}, ${status}, ${method}, ${signedAt})
    on conflict (session_id, trainee_id) do update set status = excluded.status, method = excluded.method, signed_at = excluded.signed_at`.execute(
    ctx.db,
  );
}

/**
 * The 1/7 rule for the enrolled trainees of a class (all, or one): hours on leave and absent add up; more
 * than the limit withdraws the trainee (退学) with the article as the note. Returns the ids withdrawn.
 */
export async function applyAbsenceRule(ctx: Ctx, classId: number, traineeId?: number): Promise<number[]> {
  const c = await loadClass(ctx, classId);
  const rule = absenceRuleOn(c.start_date ?? ctx.today());
  const rows = await sql<{ id: number; leave: string; absent: string }>`
    select t.id,
           coalesce(sum(s.hours) filter (where a.status = 'leave'), 0) as leave,
           coalesce(sum(s.hours) filter (where a.status = 'absent'), 0) as absent
      from learning_class_trainees t
      left join learning_class_attendance a on a.trainee_id = t.id
      left join learning_class_sessions s on s.id = a.session_id
     where t.class_id = ${classId} and t.status = 'enrolled' ${traineeId != null ? sql`and t.id = ${traineeId}` : sql``}
     group by t.id`.execute(ctx.db);
  const out: number[] = [];
  for (const r of rows.rows) {
    const v = absenceVerdict({ totalHours: Number(c.total_hours ?? 0), leaveHours: Number(r.leave), absentHours: Number(r.absent) }, rule);
    if (!v.withdraw) continue;
    await ctx.db
      .updateTable('learning_class_trainees')
      .set({ status: 'withdrawn', status_note: `缺课 ${v.missedHours} 学时，超过 ${v.limitHours} 学时。${v.basis}` })
      .where('id', '=', Number(r.id))
      .execute();
    out.push(Number(r.id));
  }
  return out;
}

/** The organizer marks a trainee's attendance of a session; the 1/7 rule runs at once. */
export async function markAttendance(ctx: Ctx, classId: number, sessionId: number, m: TMark): Promise<number[]> {
  requireOpen(await loadClass(ctx, classId));
  await sessionOfClass(ctx, classId, sessionId);
  const t = await traineeOfClass(ctx, classId, m.traineeId);
  if (t.status !== 'enrolled') throw conflict('只能为在读学员记考勤', 'traineeId');
  await setAttendance(
    ctx,
    sessionId,
    m.traineeId,
    m.status,
    'organizer',
    m.status === 'present' || m.status === 'late' ? ctx.clock.now() : null,
  );
  return applyAbsenceRule(ctx, classId, m.traineeId);
}

/** Closes a session's sign-in: enrolled trainees without a record are absent, or on leave when it was approved. */
async function closeOne(ctx: Ctx, classId: number, s: SessionRow): Promise<void> {
  await sql`
    insert into learning_class_attendance (session_id, trainee_id, status, method, signed_at)
    select ${s.id}, t.id,
           case when exists (select 1 from learning_class_leaves l where l.session_id = ${s.id} and l.trainee_id = t.id and l.status = 'approved')
                then 'leave' else 'absent' end,
           'close', null
      from learning_class_trainees t
     where t.class_id = ${classId} and t.status = 'enrolled'
    on conflict do nothing`.execute(ctx.db);
  await sql`update learning_class_sessions set closed_at = ${ctx.clock.now()} where id = ${s.id} and closed_at is null`.execute(ctx.db);
}

export async function closeSession(ctx: Ctx, classId: number, sessionId: number): Promise<number[]> {
  requireOpen(await loadClass(ctx, classId));
  const s = await sessionOfClass(ctx, classId, sessionId);
  if (s.closed_at) throw conflict('本次课的签到已结束');
  await closeOne(ctx, classId, s);
  return applyAbsenceRule(ctx, classId);
}

export async function decideLeave(ctx: Ctx, classId: number, leaveId: number, d: TDecision): Promise<{ withdrawn: number[] }> {
  requireOpen(await loadClass(ctx, classId));
  const l = await sql<{ id: number; session_id: number; trainee_id: number; status: string }>`
    select l.id, l.session_id, l.trainee_id, l.status from learning_class_leaves l
      join learning_class_sessions s on s.id = l.session_id where l.id = ${leaveId} and s.class_id = ${classId}`.execute(ctx.db);
  const leave = l.rows[0];
  if (!leave) throw new AppError('NOT_FOUND', '请假申请不存在', 404, 'leaveId');
  if (leave.status !== 'pending') throw conflict('该请假申请已处理');
  await sql`update learning_class_leaves set status = ${d.approve ? 'approved' : 'rejected'}, decided_by = ${ctx.actor.userId},
            decided_at = ${ctx.clock.now()} where id = ${leaveId}`.execute(ctx.db);
  if (!d.approve) return { withdrawn: [] };
  // Approved leave is 请假: it counts toward the 1/7 (第十五条) — unless the trainee came after all.
  await sql`
    insert into learning_class_attendance (session_id, trainee_id, status, method, signed_at)
    values (${leave.session_id}, ${leave.trainee_id}, 'leave', 'organizer', null)
    on conflict (session_id, trainee_id) do update set status = 'leave', method = 'organizer', signed_at = null
      where learning_class_attendance.status = 'absent'`.execute(ctx.db);
  return { withdrawn: await applyAbsenceRule(ctx, classId, Number(leave.trainee_id)) };
}

// ---------------------------------------------------------------- completion

export interface Completion {
  completed: number;
  withdrawn: number;
  credited: number;
}

/**
 * 结业: every session's sign-in is closed, the 1/7 rule runs a last time, and every trainee still enrolled
 * completes with the hours attended (present or late) credited to the 学时 ledger as source 'class',
 * `class:<id>`, and a certificate with a verification code. A class completes once.
 */
export async function completeClass(ctx: Ctx, classId: number, code: () => string = newCertificateCode): Promise<Completion> {
  const c = await loadClass(ctx, classId);
  requireOpen(c);
  const sessions = await classSessions(ctx.db, classId);
  const now = ctx.clock.now();
  if (sessions.some((s) => sessionEnd(s) > now)) throw conflict('还有未结束的课次，课程全部结束后才能结业');
  for (const s of sessions.filter((x) => !x.closed_at)) await closeOne(ctx, classId, s);
  const withdrawn = await applyAbsenceRule(ctx, classId);
  const today = ctx.today();
  const trainees = await sql<{ id: number; member_id: number | null; cadre_id: number | null; hours: string }>`
    select t.id, t.member_id, t.cadre_id,
           coalesce((select sum(s.hours) from learning_class_attendance a join learning_class_sessions s on s.id = a.session_id
                      where a.trainee_id = t.id and a.status in ('present', 'late')), 0) as hours
      from learning_class_trainees t where t.class_id = ${classId} and t.status = 'enrolled' order by t.id`.execute(ctx.db);
  let credited = 0;
  for (const t of trainees.rows) {
    const hours = Number(t.hours);
    await ctx.db
      .updateTable('learning_class_trainees')
      .set({ status: 'completed', hours_attended: hours, certificate_code: code(), certificate_issued_on: today })
      .where('id', '=', Number(t.id))
      .execute();
    if (hours > 0) {
      await upsertCredit(ctx, {
        memberId: t.member_id == null ? null : Number(t.member_id),
        cadreId: t.cadre_id == null ? null : Number(t.cadre_id),
        source: 'class',
        sourceRef: `class:${classId}`,
        title: c.title,
        hours,
        earnedOn: c.end_date ?? today,
      });
      credited++;
    }
  }
  // Applications never decided lapse with the class.
  await sql`update learning_class_trainees set status = 'rejected', status_note = '培训班已结业' where class_id = ${classId} and status = 'applied'`.execute(
    ctx.db,
  );
  await sql`update learning_classes set status = 'completed', completed_on = ${today} where id = ${classId}`.execute(ctx.db);
  return { completed: trainees.rows.length, withdrawn: withdrawn.length, credited };
}

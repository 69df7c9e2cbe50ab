// The learner's side of training classes (issue 14 point 7): my classes and the ones open to me, applying,
// asking leave for a session, signing in with the code, the anonymous 评课 and my certificates. Everything
// is found from the signed-in account's learner record (server/modules/learning/learner.ts): a learner
// only ever reaches their own trainee rows.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError, conflict, notFound } from '../../errors.js';
import type { TCertificate, TEvaluate, TMyClasses } from '../../../domain/schemas/learning-classes.js';
import { learnerOfActor, requireLearner, type Learner } from '../learning/learner.js';
import { pathWithin } from '../../scope/paths.js';
import { checkSignIn, signInOpen } from './attendance.js';
import { classSessions, classesOpenTo, findClass, findSession, sessionEnd, sessionOf, sessionStart, summaryOf } from './queries.js';
import { applyFor } from './enrolment.js';

const learnerCond = (l: Learner) => (l.memberId != null ? sql`t.member_id = ${l.memberId}` : sql`t.cadre_id = ${l.cadreId}`);

interface MyTrainee {
  id: number;
  class_id: number;
  status: 'applied' | 'enrolled' | 'rejected' | 'withdrawn' | 'completed';
  status_note: string;
}

async function myTrainees(ctx: Ctx, l: Learner): Promise<MyTrainee[]> {
  const r =
    await sql<MyTrainee>`select t.id, t.class_id, t.status, t.status_note from learning_class_trainees t where ${learnerCond(l)} order by t.id desc limit 200`.execute(
      ctx.db,
    );
  return r.rows;
}

/** An account with no learner record behind it simply has no classes (nothing to refuse on a read). */
export async function myClasses(ctx: Ctx): Promise<TMyClasses> {
  const l = await learnerOfActor(ctx);
  if (!l) return { items: [], openToApply: [] };
  const mine = await myTrainees(ctx, l);
  const now = ctx.clock.now();
  const items: TMyClasses['items'] = [];
  for (const t of mine) {
    const c = await findClass(ctx.db, Number(t.class_id));
    if (!c) continue;
    const sessions = await classSessions(ctx.db, Number(c.id));
    const att = await sql<{ session_id: number; status: 'present' | 'late' | 'leave' | 'absent' }>`
      select session_id, status from learning_class_attendance where trainee_id = ${t.id}`.execute(ctx.db);
    const leaves = await sql<{ session_id: number; status: 'pending' | 'approved' | 'rejected' }>`
      select session_id, status from learning_class_leaves where trainee_id = ${t.id}`.execute(ctx.db);
    const done = await sql<{ session_id: number }>`select session_id from learning_class_eval_done where trainee_id = ${t.id}`.execute(
      ctx.db,
    );
    items.push({
      id: Number(c.id),
      title: c.title,
      orgName: c.org_name,
      audience: c.audience,
      classStatus: c.status,
      traineeId: Number(t.id),
      status: t.status,
      statusNote: t.status_note,
      startDate: c.start_date ?? '',
      endDate: c.end_date ?? '',
      totalHours: Number(c.total_hours ?? 0),
      sessions: sessions.map((s) => ({
        ...sessionOf(s),
        attendance: att.rows.find((a) => Number(a.session_id) === Number(s.id))?.status ?? null,
        leave: leaves.rows.find((a) => Number(a.session_id) === Number(s.id))?.status ?? null,
        evaluated: done.rows.some((d) => Number(d.session_id) === Number(s.id)),
        signInOpen: t.status === 'enrolled' && c.status === 'open' && signInOpen(s, now),
      })),
    });
  }
  const taken = new Set(mine.map((t) => Number(t.class_id)));
  const open = (await classesOpenTo(ctx.db, l.orgPath)).filter((c) => !taken.has(Number(c.id))).map(summaryOf);
  return { items, openToApply: open };
}

/** Applies for a class whose organizer's subtree holds the learner (anything else is a 404). */
export async function applyToClass(ctx: Ctx, classId: number): Promise<number> {
  const l = await requireLearner(ctx);
  const c = await findClass(ctx.db, classId);
  if (!c || !pathWithin(c.org_path, l.orgPath)) throw notFound('培训班');
  return applyFor(ctx, c, { memberId: l.memberId, cadreId: l.cadreId, name: l.name });
}

/** The learner's enrolled trainee row for a session's class (404 when the session is not one of theirs). */
async function mySession(ctx: Ctx, sessionId: number) {
  const l = await requireLearner(ctx);
  const s = await findSession(ctx.db, sessionId);
  const missing = () => new AppError('NOT_FOUND', '课次不存在或您不是该培训班的学员', 404, 'sessionId');
  if (!s) throw missing();
  const r = await sql<MyTrainee>`
    select t.id, t.class_id, t.status, t.status_note from learning_class_trainees t where t.class_id = ${s.class_id} and ${learnerCond(l)}`.execute(
    ctx.db,
  );
  const t = r.rows[0];
  if (!t) throw missing();
  const c = await findClass(ctx.db, Number(s.class_id));
  if (c?.status !== 'open') throw conflict('培训班已结业');
  if (t.status !== 'enrolled') throw conflict(t.status === 'withdrawn' ? '您已退学' : '您尚未被录取为学员');
  return { s, t, l };
}

export async function signIn(
  ctx: Ctx,
  sessionId: number,
  code: string,
): Promise<{ status: 'present' | 'late'; signedAt: string; traineeId: number }> {
  const { s, t } = await mySession(ctx, sessionId);
  const now = ctx.clock.now();
  const status = checkSignIn(s, code, now);
  const r = await sql`
    insert into learning_class_attendance (session_id, trainee_id, status, method, signed_at)
    values (${s.id}, ${t.id}, ${status}, 'code', ${now})
    on conflict (session_id, trainee_id) do nothing`.execute(ctx.db);
  if (!r.numAffectedRows) throw conflict('本次课已签到或已有考勤记录');
  return { status, signedAt: now.toISOString(), traineeId: Number(t.id) };
}

export async function requestLeave(ctx: Ctx, sessionId: number, reason: string): Promise<{ id: number; traineeId: number }> {
  const { s, t } = await mySession(ctx, sessionId);
  if (s.closed_at || sessionEnd(s) < ctx.clock.now()) throw conflict('本次课已结束，不能再请假');
  const r = await sql<{ id: number }>`
    insert into learning_class_leaves (session_id, trainee_id, reason) values (${s.id}, ${t.id}, ${reason})
    on conflict do nothing returning id`.execute(ctx.db);
  if (!r.rows.length) throw conflict('本次课已提交过请假申请');
  return { id: Number(r.rows[0].id), traineeId: Number(t.id) };
}

/**
 * 评课, anonymous by construction (docs/security.md "评课"): the "has evaluated" flag names the trainee and
 * the session; the evaluation row names the session only, with a random UUID key, and no time or serial.
 * Both are written in one transaction, and no audit row or log line records who evaluated what.
 * A trainee may evaluate a session once it has started (they attended or not: their view counts).
 */
export async function evaluate(ctx: Ctx, sessionId: number, e: TEvaluate): Promise<void> {
  const { s, t } = await mySession(ctx, sessionId);
  if (sessionStart(s) > ctx.clock.now()) throw conflict('课程开始后才能评课');
  const run = async (db: Ctx['db']) => {
    const flag =
      await sql`insert into learning_class_eval_done (session_id, trainee_id) values (${s.id}, ${t.id}) on conflict do nothing`.execute(db);
    if (!flag.numAffectedRows) throw conflict('您已评价过本次课');
    await db
      .insertInto('learning_class_evaluations')
      .values({
        id: randomUUID(),
        session_id: Number(s.id),
        content: e.content,
        teaching: e.teaching,
        overall: e.overall,
        comment: e.comment,
      })
      .execute();
  };
  await (ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run));
}

export async function myCertificates(ctx: Ctx): Promise<TCertificate[]> {
  const l = await learnerOfActor(ctx);
  if (!l) return [];
  const r = await sql<{
    id: number;
    class_id: number;
    title: string;
    start: string;
    end: string;
    hours: string;
    code: string;
    issued: string;
  }>`
    select t.id, t.class_id, c.title,
           (select min(s.date)::text from learning_class_sessions s where s.class_id = c.id) as start,
           (select max(s.date)::text from learning_class_sessions s where s.class_id = c.id) as end,
           t.hours_attended as hours, t.certificate_code as code, t.certificate_issued_on::text as issued
      from learning_class_trainees t join learning_classes c on c.id = t.class_id
     where ${learnerCond(l)} and t.status = 'completed' and t.certificate_code is not null order by t.certificate_issued_on desc, t.id desc`.execute(
    ctx.db,
  );
  return r.rows.map((x) => ({
    traineeId: Number(x.id),
    classId: Number(x.class_id),
    classTitle: x.title,
    startDate: x.start,
    endDate: x.end,
    hours: Number(x.hours),
    code: x.code,
    issuedOn: x.issued,
  }));
}

/** The learner's own certificate (by trainee id), or a 404. */
export async function myCertificate(ctx: Ctx, traineeId: number): Promise<number> {
  const certs = await myCertificates(ctx);
  if (!certs.some((c) => c.traineeId === traineeId)) throw notFound('证书');
  return traineeId;
}

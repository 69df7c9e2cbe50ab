// Demo training classes (issue 14 point 9) of the sample district, for members of its subtree with the demo
// `member` account among them: one finished two months ago (attendance with a late sign-in, one trainee
// withdrawn under the 1/7 rule, anonymous evaluations, hours credited and certificates issued) and one
// running, with a session today whose sign-in code the organizer can show. Deterministic: members by id
// order, certificate codes from a fixed seed; written through the module's own service functions.
import dayjs from 'dayjs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Ctx } from '../../context.js';
import type { Actor } from '../../auth/actor.js';
import type { CityResult } from '../../demo/generate-city.js';
import { todayCn } from '../../dates.js';
import { completeClass, createClass, markAttendance, newCertificateCode } from './service.js';
import { enrolByList } from './enrolment.js';

/** A small deterministic generator (LCG) for the certificate codes. */
function seeded(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

export async function seedLearningClassesDemo(db: Db, city: CityResult, now: Date = new Date()): Promise<void> {
  const district = city.sampleIds.district;
  const org = await db.selectFrom('orgs').select('path').where('id', '=', district).executeTakeFirst();
  if (!org) return;
  const account = await db.selectFrom('users').select(['id', 'member_id']).where('username', '=', 'member').executeTakeFirst();
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'district-admin').executeTakeFirst();
  const others = await sql<{ id: number }>`
    select id from members where org_path <@ ${org.path}::ltree and status = 'normal'
      ${account?.member_id ? sql`and id <> ${account.member_id}` : sql``} order by id limit 14`.execute(db);
  const ids = [...(account?.member_id ? [Number(account.member_id)] : []), ...others.rows.map((r) => Number(r.id))];
  if (ids.length < 4) return;
  const day = (n: number) => dayjs(now).utcOffset(480).add(n, 'day').format('YYYY-MM-DD');
  const rand = seeded(2026);

  await db.transaction().execute(async (trx) => {
    // The finished class ran two months ago; the clock of its context stands after its end.
    let clockNow = dayjs(now).subtract(55, 'day').toDate();
    const ctx: Ctx = {
      db: trx,
      actor: { userId: admin?.id ?? null } as unknown as Actor,
      clock: { now: () => clockNow },
      today: () => todayCn(clockNow),
    } as unknown as Ctx;
    const s = (date: string, startTime: string, endTime: string, hours: number, teacher: string, place: string) => ({
      date,
      startTime,
      endTime,
      hours,
      teacher,
      place,
      onlineUrl: '',
    });
    const done = await createClass(ctx, {
      orgId: district,
      title: '党支部书记履职能力培训班（第一期）',
      audience: '党支部书记、支部委员',
      description: '围绕支部工作条例、“三会一课”和发展党员工作开展集中培训。',
      capacity: 40,
      openForApplication: false,
      sessions: [
        s(day(-62), '09:00', '12:00', 3, '周明远', '区委党校一教室'),
        s(day(-62), '14:00', '17:00', 3, '林晓燕', '区委党校一教室'),
        s(day(-61), '09:00', '12:00', 3, '陈国栋', '区委党校一教室'),
        s(day(-61), '14:00', '16:00', 2, '周明远', '区委党校一教室'),
      ],
    });
    await enrolByList(ctx, done, { memberIds: ids.slice(0, 12), cadreIds: [] });
    const sessions = await trx.selectFrom('learning_class_sessions').select('id').where('class_id', '=', done).orderBy('id').execute();
    const trainees = await trx.selectFrom('learning_class_trainees').select('id').where('class_id', '=', done).orderBy('id').execute();
    for (const [si, se] of sessions.entries()) {
      for (const [ti, tr] of trainees.entries()) {
        // The last trainee misses a session (3 学时 > 11/7): withdrawn at once; one signs in late once.
        const last = ti === trainees.length - 1;
        if (last && si === 3) continue; // already withdrawn
        const status = last && si === 2 ? 'absent' : ti === 3 && si === 0 ? 'late' : 'present';
        await markAttendance(ctx, done, Number(se.id), { traineeId: Number(tr.id), status });
      }
    }
    // Anonymous evaluations: no trainee in these rows (me.ts); the flags say who has evaluated.
    for (const [si, se] of sessions.entries()) {
      for (const tr of trainees.slice(0, 8 - si)) {
        await trx
          .insertInto('learning_class_eval_done')
          .values({ session_id: Number(se.id), trainee_id: Number(tr.id) })
          .execute();
        const score = 5 - ((Number(tr.id) + si) % 4 === 0 ? 1 : 0);
        await trx
          .insertInto('learning_class_evaluations')
          .values({
            id: randomUUID(),
            session_id: Number(se.id),
            content: score,
            teaching: 5,
            overall: score,
            comment: si === 0 && score === 5 ? '案例贴近支部实际' : '',
          })
          .execute();
      }
    }
    clockNow = dayjs(now).subtract(60, 'day').toDate();
    await completeClass(ctx, done, () => newCertificateCode(rand));

    // The running class: a session two days ago (closed), one today, one next week; open for applications.
    clockNow = now;
    const running = await createClass(ctx, {
      orgId: district,
      title: '学习贯彻党的创新理论专题培训班',
      audience: '全体党员',
      description: '专题辅导与分组研讨相结合。',
      capacity: 60,
      openForApplication: true,
      sessions: [
        s(day(-2), '09:00', '11:30', 2.5, '王建华', '区委党校报告厅'),
        s(day(0), '09:00', '12:00', 3, '李红梅', '区委党校报告厅'),
        s(day(7), '14:00', '17:00', 3, '赵志刚', '线上直播'),
      ],
    });
    await enrolByList(ctx, running, { memberIds: ids.slice(0, 10), cadreIds: [] });
    const first = await trx
      .selectFrom('learning_class_sessions')
      .select('id')
      .where('class_id', '=', running)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const roster = await trx.selectFrom('learning_class_trainees').select('id').where('class_id', '=', running).orderBy('id').execute();
    for (const [ti, tr] of roster.entries())
      await markAttendance(ctx, running, Number(first.id), { traineeId: Number(tr.id), status: ti === 2 ? 'late' : 'present' });
    // A leave request for today's session, waiting for approval.
    const today = await trx
      .selectFrom('learning_class_sessions')
      .select('id')
      .where('class_id', '=', running)
      .where('date', '=', day(0))
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('learning_class_leaves')
      .values({ session_id: Number(today.id), trainee_id: Number(roster[5].id), reason: '参加区人大常委会会议' })
      .execute();
  });
}

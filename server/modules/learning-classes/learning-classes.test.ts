// Training classes through the API: enrolment by list and by approved application, sign-in with the right,
// a wrong and an expired code (late marked, not refused), the 1/7 withdrawal counting approved leave,
// completion crediting the 学时 ledger once, the public certificate check (name, class and dates only),
// the anonymous 评课 (no trainee in the evaluation rows) and another district's 404.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { codeAt } from './attendance.js';
import { seedLearningClassesDemo } from './demo.js';

let t: TestApp;
let admin: string;
let member: string;
let memberId: number;
let x: { id: number };
let y: { id: number };
let classId: number;
let sessions: { id: number; startTime: string }[];
let day1: string;

const base = '/api/learning';
/** Moves the test clock to a China-time moment of day1, signing in again (sessions expire when idle). */
async function clockTo(time: string) {
  const target = new Date(`${day1}T${time}:00+08:00`).getTime();
  const diff = (target - t.clock.now().getTime()) / 60_000;
  if (diff > 0) t.clock.advanceMinutes(diff);
  admin = await t.login('district-admin');
  member = await t.login('member');
}
const detail = async () => json(await t.call(admin, 'GET', `${base}/classes/${classId}`));
const traineeOf = (d: { trainees: { id: number; memberId: number | null; status: string; statusNote: string }[] }, mid: number) =>
  d.trainees.find((tr) => tr.memberId === mid)!;

beforeAll(async () => {
  t = await createTestApp();
  const district = t.city.sampleIds.district;
  // The demo member account is one of its branch's members (as the members demo links it).
  const m = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '学员甲' });
  memberId = m.id;
  await sql`update users set member_id = ${memberId} where username = 'member'`.execute(t.db);
  x = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '学员乙' });
  y = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '学员丙' });
  day1 = dayjs(t.clock.now()).utcOffset(480).add(2, 'day').format('YYYY-MM-DD');
  await clockTo('07:00');
  // Seven one-hour sessions: 7 学时, so the 1/7 limit is 1 学时.
  const res = await t.call(admin, 'POST', `${base}/classes`, {
    orgId: district,
    title: '年轻干部理论培训班',
    audience: '支部委员',
    capacity: 10,
    sessions: [9, 10, 11, 12, 13, 14, 15].map((h) => ({
      date: day1,
      startTime: `${String(h).padStart(2, '0')}:00`,
      endTime: `${String(h + 1).padStart(2, '0')}:00`,
      hours: 1,
      teacher: `教师${h}`,
      place: '党校一教室',
    })),
  });
  expect(res.statusCode).toBe(201);
  classId = json(res).id;
  sessions = json(res).sessions;
});
afterAll(async () => {
  await t?.close();
});

describe('a class', () => {
  it('refuses a session ending before it starts, naming the field', async () => {
    const res = await t.call(admin, 'POST', `${base}/classes/${classId}/sessions`, {
      date: day1,
      startTime: '18:00',
      endTime: '17:00',
      hours: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('结束时间');
  });

  it('enrols by list from the subtree only, and by a pasted list all-or-nothing', async () => {
    const res = await t.call(admin, 'POST', `${base}/classes/${classId}/trainees`, { memberIds: [memberId, x.id] });
    expect(res.statusCode).toBe(200);
    expect(json(res).trainees).toHaveLength(2);
    const bad = json(await t.call(admin, 'POST', `${base}/classes/${classId}/trainees/import`, { text: '学员丙\n无此人' }));
    expect(bad).toMatchObject({ ok: false, added: 0, errors: [{ row: 2, value: '无此人' }] });
    expect((await detail()).trainees).toHaveLength(2);
    const ok = json(await t.call(admin, 'POST', `${base}/classes/${classId}/trainees/import`, { text: `学员丙 ${y.id}` }));
    expect(ok).toMatchObject({ ok: true, added: 1 });
    await expectAuditRow(t.db, {
      action: 'learning.class.enrol_import',
      objectType: 'learning_class',
      objectId: String(classId),
      result: 'success',
    });
  });

  it('signs in with the current code (late after the start), refuses a wrong and an expired one', async () => {
    const s1 = sessions[0];
    // Before the window opens (30 minutes before the start): refused.
    await clockTo('08:00');
    const early = await t.call(member, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: '123456' });
    expect(early.statusCode).toBe(409);
    await clockTo('08:50');
    const code = json(await t.call(admin, 'GET', `${base}/classes/${classId}/sessions/${s1.id}/code`));
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.signInUrl).toContain(`session=${s1.id}`);
    expect(code.qr).toMatch(/^data:image\/png;base64,/);
    const wrong = String((Number(code.code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await t.call(member, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('code');
    const ok = await t.call(member, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: code.code });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).status).toBe('present');
    expect((await t.call(member, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: code.code })).statusCode).toBe(409);
    // Two minutes later the code shown at 08:50 is expired; the current one works and is marked late after 09:00.
    await clockTo('09:05');
    const secret = (
      await t.db.selectFrom('learning_class_sessions').select('sign_secret').where('id', '=', s1.id).executeTakeFirstOrThrow()
    ).sign_secret;
    expect(codeAt(secret, t.clock.now())).not.toBe(code.code);
    const xCookie = await loginAs(x.id, 'x');
    const expired = await t.call(xCookie, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: code.code });
    expect(expired.statusCode).toBe(400);
    const late = await t.call(xCookie, 'POST', `${base}/me/sign-in`, { sessionId: s1.id, code: codeAt(secret, t.clock.now()) });
    expect(json(late).status).toBe('late');
    const d = await detail();
    expect(traineeOf(d, x.id)).toBeTruthy();
    expect(d.trainees.find((tr: { memberId: number }) => tr.memberId === x.id).attendance).toEqual([{ sessionId: s1.id, status: 'late' }]);
  });

  it('withdraws a trainee whose approved leave and absence exceed 1/7 of the hours (第十五条)', async () => {
    const yCookie = await loginAs(y.id, 'y');
    const asked = await t.call(yCookie, 'POST', `${base}/me/sessions/${sessions[1].id}/leave`, { reason: '单位紧急任务' });
    expect(asked.statusCode).toBe(200);
    const d0 = await detail();
    const leave = d0.leaves.find((l: { traineeId: number }) => l.traineeId === traineeOf(d0, y.id).id);
    const approved = await t.call(admin, 'POST', `${base}/classes/${classId}/leaves/${leave.id}/decision`, { approve: true });
    expect(approved.statusCode).toBe(200);
    // 1 学时 of leave is exactly 1/7 of 7: still enrolled.
    expect(traineeOf(json(approved), y.id).status).toBe('enrolled');
    // Closing session 1 records y (not signed in) absent: 2 学时 missed > 1 → withdrawn.
    const closed = json(await t.call(admin, 'POST', `${base}/classes/${classId}/sessions/${sessions[0].id}/close`));
    const ty = traineeOf(closed, y.id);
    expect(ty.status).toBe('withdrawn');
    expect(ty.statusNote).toContain('第十五条');
    expect(traineeOf(closed, memberId).status).toBe('enrolled');
  });

  it('keeps the course evaluation anonymous: one per trainee and session, no trainee in the rows', async () => {
    const s1 = sessions[0].id;
    const e = { content: 5, teaching: 4, overall: 5, comment: '联系实际，收获很大' };
    expect((await t.call(member, 'POST', `${base}/me/sessions/${s1}/evaluation`, e)).statusCode).toBe(200);
    expect((await t.call(member, 'POST', `${base}/me/sessions/${s1}/evaluation`, e)).statusCode).toBe(409);
    const cols = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'learning_class_evaluations' order by column_name`.execute(
      t.db,
    );
    expect(cols.rows.map((c) => c.column_name)).toEqual(['comment', 'content', 'id', 'overall', 'session_id', 'teaching']);
    const summary = (await detail()).evaluations.find((v: { sessionId: number }) => v.sessionId === s1);
    expect(summary).toMatchObject({ count: 1, overall: 5, comments: ['联系实际，收获很大'] });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'learning.class.eval%').execute();
    expect(audit).toEqual([]);
  });

  it('completes: hours attended credited once, certificates issued and checked publicly', async () => {
    for (const s of sessions.slice(1)) {
      await t.call(admin, 'POST', `${base}/classes/${classId}/sessions/${s.id}/attendance`, {
        traineeId: traineeOf(await detail(), memberId).id,
        status: 'present',
      });
    }
    // Not before the last session has ended.
    expect((await t.call(admin, 'POST', `${base}/classes/${classId}/complete`)).statusCode).toBe(409);
    await clockTo('16:30');
    const done = await t.call(admin, 'POST', `${base}/classes/${classId}/complete`);
    expect(done.statusCode).toBe(200);
    const d = json(done);
    expect(d.status).toBe('completed');
    // x attended one session and missed six: withdrawn at completion, no certificate.
    expect(traineeOf(d, x.id).status).toBe('withdrawn');
    const me = traineeOf(d, memberId) as unknown as { status: string; hoursAttended: number; certificateCode: string };
    expect(me).toMatchObject({ status: 'completed', hoursAttended: 7 });
    expect((await t.call(admin, 'POST', `${base}/classes/${classId}/complete`)).statusCode).toBe(409);
    const credits = await t.db
      .selectFrom('learning_credits')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('source', '=', 'class')
      .execute();
    expect(credits.map((c) => [c.source_ref, Number(c.hours)])).toEqual([[`class:${classId}`, 7]]);

    const mine = json(await t.call(member, 'GET', `${base}/me/certificates`)).items;
    expect(mine).toHaveLength(1);
    const pdf = await t.call(member, 'GET', `${base}/me/certificates/${mine[0].traineeId}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Another learner's certificate is a 404 for this one.
    expect((await t.call(member, 'GET', `${base}/me/certificates/${traineeOf(d, y.id).id}/pdf`)).statusCode).toBe(404);

    const pub = await t.call(null, 'GET', `/api/public/certificates/${me.certificateCode}`);
    expect(pub.statusCode).toBe(200);
    expect(json(pub)).toEqual({
      name: '学员甲',
      classTitle: '年轻干部理论培训班',
      startDate: day1,
      endDate: day1,
      issuedOn: expect.any(String),
    });
    expect((await t.call(null, 'GET', '/api/public/certificates/AAAA-BBBB-CCCC')).statusCode).toBe(404);
  });
});

describe('applications and scope', () => {
  it('a learner applies to an open class of their subtree; the approver enrols them', async () => {
    const res = await t.call(admin, 'POST', `${base}/classes`, {
      orgId: t.city.sampleIds.district,
      title: '发展对象培训班',
      openForApplication: true,
      sessions: [{ date: day1, startTime: '19:00', endTime: '21:00', hours: 2 }],
    });
    const id = json(res).id;
    const before = json(await t.call(member, 'GET', `${base}/me/classes`));
    expect(before.openToApply.map((c: { id: number }) => c.id)).toContain(id);
    const applied = json(await t.call(member, 'POST', `${base}/me/classes/${id}/apply`));
    expect(applied.items.find((c: { id: number }) => c.id === id).status).toBe('applied');
    expect((await t.call(member, 'POST', `${base}/me/classes/${id}/apply`)).statusCode).toBe(409);
    const tid = traineeOf(json(await t.call(admin, 'GET', `${base}/classes/${id}`)), memberId).id;
    const ok = await t.call(admin, 'POST', `${base}/classes/${id}/trainees/${tid}/decision`, { approve: true });
    expect(traineeOf(json(ok), memberId).status).toBe('enrolled');
  });

  it('another district sees a 404 and not the class in its list', async () => {
    const other = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', t.city.sampleIds.city)
      .where('id', '!=', t.city.sampleIds.district)
      .executeTakeFirstOrThrow();
    const u = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: other.id });
    const cookie = await t.login(u.username, u.password);
    expect((await t.call(cookie, 'GET', `${base}/classes/${classId}`)).statusCode).toBe(404);
    expect((await t.call(cookie, 'POST', `${base}/classes/${classId}/complete`)).statusCode).toBe(404);
    expect(json(await t.call(cookie, 'GET', `${base}/classes`)).items.map((c: { id: number }) => c.id)).not.toContain(classId);
  });
});

/** A member account for a built member. */
async function loginAs(mid: number, tag: string): Promise<string> {
  const u = await buildUserWithRole(t.db, { role: 'member', orgId: t.city.sampleIds.branch, username: `learner-${tag}` });
  await sql`update users set member_id = ${mid} where id = ${u.id}`.execute(t.db);
  return t.login(u.username, u.password);
}

describe('demo', () => {
  it('seeds a finished class with certificates and credits, and a running one with a session today', async () => {
    await seedLearningClassesDemo(t.db, t.city, t.clock.now());
    const items = json(await t.call(admin, 'GET', `${base}/classes`)).items as { id: number; status: string; title: string }[];
    const done = items.find((c) => c.title.includes('第一期'))!;
    const running = items.find((c) => c.title.includes('专题培训班'))!;
    expect(done.status).toBe('completed');
    const d = json(await t.call(admin, 'GET', `${base}/classes/${done.id}`));
    expect(d.trainees.filter((x: { status: string }) => x.status === 'completed').length).toBeGreaterThan(5);
    expect(d.trainees.filter((x: { status: string }) => x.status === 'withdrawn')).toHaveLength(1);
    const r = json(await t.call(admin, 'GET', `${base}/classes/${running.id}`));
    expect(r.sessions.map((s: { date: string }) => s.date)).toContain(dayjs(t.clock.now()).utcOffset(480).format('YYYY-MM-DD'));
    const credits = await sql<{ n: string }>`select count(*) as n from learning_credits where source_ref = ${`class:${done.id}`}`.execute(
      t.db,
    );
    expect(Number(credits.rows[0].n)).toBe(d.trainees.filter((x: { status: string }) => x.status === 'completed').length);
  });
});

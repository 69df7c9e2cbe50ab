// Materials, plans and study time through the API (issue 14 points 1–3): a material and a plan are
// created in scope and are a 404 from another district; study is credited by the server's clock between
// heartbeats (the test moves the clock), a hidden page, a late beat and a taken-over session earn
// nothing, fast playback earns real time, no material credits more than its length.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole } from '../../test/factories.js';
import { createTestApp, json, multipartFile, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let city: string;
let district: string;
let foreign: string;
let member: string;
let memberId: number;
let otherMember: string;
let foreignOrgId: number;

const api = '/api/learning';
const newMaterial = async (cookie: string, body: Record<string, unknown>) => t.call(cookie, 'POST', `${api}/materials`, body);

beforeAll(async () => {
  t = await createTestApp();
  const ids = t.city.sampleIds;
  const other = await sql<{ id: number }>`select d.id from orgs d join orgs b on b.path <@ d.path
      where b.id = ${ids.otherBranch} and nlevel(d.path) = nlevel((select path from orgs where id = ${ids.district}))`.execute(t.db);
  foreignOrgId = Number(other.rows[0].id);
  const u = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: foreignOrgId });
  const m = await sql<{
    id: number;
  }>`select id from members where org_id = ${ids.branch} and status = 'normal' order by id limit 2`.execute(t.db);
  memberId = Number(m.rows[0].id);
  await t.db.updateTable('users').set({ member_id: memberId }).where('username', '=', 'member').execute();
  const second = await buildUserWithRole(t.db, { role: 'member', orgId: ids.branch });
  await t.db
    .updateTable('users')
    .set({ member_id: Number(m.rows[1].id) })
    .where('id', '=', second.id)
    .execute();
  [city, district, foreign, member] = [
    await t.login('city-admin'),
    await t.login('district-admin'),
    await t.login(u.username, u.password),
    await t.login('member'),
  ];
  otherMember = await t.login(second.username, second.password);
});
afterAll(async () => {
  await t?.close();
});

describe('materials', () => {
  it('keeps an article as safe HTML, finds it by Chinese words and hides it from another district', async () => {
    const res = await newMaterial(district, {
      orgId: t.city.sampleIds.district,
      kind: 'article',
      title: '基层治理的十个小故事',
      bodyHtml: '<p onclick="x()">社区议事会<script>alert(1)</script>的做法</p><a href="javascript:alert(1)">链接</a>',
      category: '基层治理',
      tags: ['议事会'],
      lengthSeconds: 600,
    });
    expect(res.statusCode).toBe(201);
    const m = json(res);
    expect(m.bodyHtml).toBe('<p>社区议事会的做法</p><a rel="noopener noreferrer" target="_blank">链接</a>');
    const found = json(await t.call(district, 'GET', `${api}/materials?q=${encodeURIComponent('议事')}`));
    expect(found.items.map((i: { id: number }) => i.id)).toContain(m.id);
    expect(json(await t.call(district, 'GET', `${api}/materials?q=${encodeURIComponent('无此词语')}`)).total).toBe(0);
    expect((await t.call(district, 'GET', `${api}/materials/${m.id}`)).statusCode).toBe(200);
    expect((await t.call(foreign, 'GET', `${api}/materials/${m.id}`)).statusCode).toBe(404);
    expect((await t.call(foreign, 'PATCH', `${api}/materials/${m.id}`, { title: '改' })).statusCode).toBe(404);
    const bad = await newMaterial(district, { orgId: t.city.sampleIds.district, kind: 'link', title: '外链', lengthSeconds: 600 });
    expect([bad.statusCode, json(bad).error.field]).toEqual([400, 'url']);
  });

  it('accepts a PDF only by its content and serves byte ranges', async () => {
    const m = json(await newMaterial(city, { orgId: t.city.sampleIds.city, kind: 'document', title: '学习文件', lengthSeconds: 900 }));
    const png = multipartFile(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'fake.pdf');
    const refused = await t.app.inject({
      method: 'POST',
      url: `${api}/materials/${m.id}/file`,
      payload: png.payload,
      headers: { cookie: city, 'content-type': png.contentType },
    });
    expect([refused.statusCode, json(refused).error.field]).toEqual([400, 'file']);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const up = multipartFile(pdf, '文件.pdf');
    const ok = await t.app.inject({
      method: 'POST',
      url: `${api}/materials/${m.id}/file`,
      payload: up.payload,
      headers: { cookie: city, 'content-type': up.contentType },
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).file).toMatchObject({ mime: 'application/pdf', sizeBytes: pdf.length });
    const part = await t.app.inject({ method: 'GET', url: `${api}/materials/${m.id}/file`, headers: { cookie: city, range: 'bytes=0-7' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-7/${pdf.length}`);
    expect(part.rawPayload.toString()).toBe('%PDF-1.4');
    const beyond = await t.app.inject({
      method: 'GET',
      url: `${api}/materials/${m.id}/file`,
      headers: { cookie: city, range: `bytes=${pdf.length + 5}-` },
    });
    expect(beyond.statusCode).toBe(416);
    // The member of a branch in the city sees the city's material and its file.
    expect((await t.app.inject({ method: 'GET', url: `${api}/my/materials/${m.id}/file`, headers: { cookie: member } })).statusCode).toBe(
      200,
    );
  });
});

describe('study time', () => {
  let materialId: number;
  const beat = (cookie: string, id: number, body = { visible: true, position: 0, rate: 1 }) =>
    t.call(cookie, 'POST', `${api}/sessions/${id}/heartbeat`, body);
  const start = async (cookie: string, mid: number) => json(await t.call(cookie, 'POST', `${api}/materials/${mid}/sessions`));
  const wait = (s: number) => t.clock.advanceMinutes(s / 60);

  beforeAll(async () => {
    materialId = json(
      await newMaterial(city, {
        orgId: t.city.sampleIds.city,
        kind: 'article',
        title: '理论学习材料',
        bodyHtml: '<p>正文</p>',
        lengthSeconds: 3600,
      }),
    ).id;
  });

  it('credits the server time between accepted beats; hidden, early and late beats earn nothing; fast playback earns real time', async () => {
    const s = await start(member, materialId);
    expect(s.heartbeatSeconds).toBeGreaterThanOrEqual(20);
    wait(30);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 30, outcome: 'credited' });
    wait(5);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 30, outcome: 'too_early' });
    wait(25);
    expect(json(await beat(member, s.sessionId, { visible: false, position: 60, rate: 1 }))).toMatchObject({
      creditedSeconds: 30,
      outcome: 'hidden',
    });
    wait(40);
    expect(json(await beat(member, s.sessionId, { visible: true, position: 0, rate: 2 }))).toMatchObject({
      creditedSeconds: 70,
      outcome: 'credited',
    });
    wait(600);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 70, outcome: 'gap' });
    wait(30);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 100 });
    // Someone else's session is not found; staff without learning.self are refused.
    expect((await beat(otherMember, s.sessionId)).statusCode).toBe(404);
    expect((await beat(city, s.sessionId)).statusCode).toBe(403);
  });

  it('credits whole seconds when beats fall between seconds, and two beats in flight at once credit the time once', async () => {
    const s = await start(member, materialId);
    wait(30.4);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 30, outcome: 'credited' });
    wait(30.3);
    expect(json(await beat(member, s.sessionId))).toMatchObject({ creditedSeconds: 60, outcome: 'credited' });
    wait(30);
    const both = (await Promise.all([beat(member, s.sessionId), beat(member, s.sessionId)])).map((r) => json(r));
    expect(both.map((b) => b.outcome).sort()).toEqual(['credited', 'too_early']);
    expect(Math.max(...both.map((b) => b.creditedSeconds))).toBe(90);
    const row = await t.db
      .selectFrom('learning_sessions')
      .select('credited_seconds')
      .where('id', '=', s.sessionId)
      .executeTakeFirstOrThrow();
    expect(row.credited_seconds).toBe(90);
  });

  it('a second session of the same account takes over: the first stops earning', async () => {
    const a = await start(member, materialId);
    const b = await start(member, materialId);
    wait(30);
    expect(json(await beat(member, a.sessionId))).toMatchObject({ outcome: 'superseded', creditedSeconds: 0 });
    expect(json(await beat(member, b.sessionId))).toMatchObject({ outcome: 'credited', creditedSeconds: 30 });
  });

  it('never credits more than the length, and the ledger holds the total as 学时', async () => {
    const short = json(
      await newMaterial(city, { orgId: t.city.sampleIds.city, kind: 'article', title: '短文', bodyHtml: '<p>短</p>', lengthSeconds: 360 }),
    ).id;
    const s = await start(member, short);
    let last: { creditedSeconds: number; outcome: string } = { creditedSeconds: 0, outcome: '' };
    for (let i = 0; i < 15; i++) {
      wait(30);
      last = json(await beat(member, s.sessionId));
    }
    expect(last).toMatchObject({ creditedSeconds: 360, outcome: 'complete' });
    const row = await t.db
      .selectFrom('learning_credits')
      .select(['hours', 'online'])
      .where('member_id', '=', memberId)
      .where('source_ref', '=', `material:${short}`)
      .executeTakeFirstOrThrow();
    expect([Number(row.hours), row.online]).toEqual([0.1, true]);
  });

  it('a material of another district cannot be studied', async () => {
    const m = json(
      await newMaterial(foreign, { orgId: foreignOrgId, kind: 'article', title: '外区材料', bodyHtml: '<p>x</p>', lengthSeconds: 600 }),
    );
    expect((await t.call(member, 'POST', `${api}/materials/${m.id}/sessions`)).statusCode).toBe(404);
  });
});

describe('plans', () => {
  it('issues a plan to the members, shows each organization’s completion and the member’s own progress', async () => {
    const ids = t.city.sampleIds;
    const mat = json(
      await newMaterial(city, { orgId: ids.city, kind: 'article', title: '计划材料', bodyHtml: '<p>正文</p>', lengthSeconds: 360 }),
    ).id;
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await t.call(city, 'POST', `${api}/plans`, {
      orgId: ids.city,
      title: '年度理论学习计划',
      audiences: ['all'],
      requiredHours: 0.1,
      startsOn: today,
      endsOn: `${today.slice(0, 4)}-12-31`,
      items: [
        { kind: 'material', refId: mat },
        { kind: 'quiz', refId: 9001 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const plan = json(res);
    expect(plan.status).toBe('open');
    expect((await t.call(foreign, 'GET', `${api}/plans/${plan.id}`)).statusCode).toBe(404);
    const s = json(await t.call(member, 'POST', `${api}/materials/${mat}/sessions`));
    for (let i = 0; i < 12; i++) {
      t.clock.advanceMinutes(0.5);
      await t.call(member, 'POST', `${api}/sessions/${s.sessionId}/heartbeat`, { visible: true, position: 0, rate: 1 });
    }
    const mine = json(await t.call(member, 'GET', `${api}/my/plans`)).items.find((p: { id: number }) => p.id === plan.id);
    expect(mine).toMatchObject({ earnedHours: 0.1, completed: false, quizzes: [{ refId: 9001, done: false }] });
    // The quiz passed (the quizzes module writes its ledger row): the plan is complete.
    await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours) values (${memberId}, 2026, ${today}, 'quiz', 'quiz:9001', '测验', 0.5)`.execute(
      t.db,
    );
    const done = json(await t.call(member, 'GET', `${api}/my/plans`)).items.find((p: { id: number }) => p.id === plan.id);
    expect(done.completed).toBe(true);
    const progress = json(await t.call(city, 'GET', `${api}/plans/${plan.id}/progress`));
    const { n } = await t.db
      .selectFrom('members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'normal')
      .executeTakeFirstOrThrow();
    expect(progress.total).toMatchObject({ learners: n, completed: 1 });
    expect(progress.rows.reduce((s: number, r: { learners: number }) => s + r.learners, 0)).toBe(n);
    expect(progress.definition).toContain('不对个人排名');
    const drill = json(await t.call(city, 'GET', `${api}/plans/${plan.id}/progress?orgId=${ids.district}`));
    expect(drill.total.completed).toBe(1);
    expect((await t.call(district, 'GET', `${api}/plans/${plan.id}/progress`)).statusCode).toBe(404);
  });

  it('refuses a plan that ends before it starts, naming the field', async () => {
    const res = await t.call(city, 'POST', `${api}/plans`, {
      orgId: t.city.sampleIds.city,
      title: '错',
      audiences: ['all'],
      requiredHours: 1,
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect([res.statusCode, json(res).error.field]).toEqual([400, 'endsOn']);
  });
});

describe('reminders through the to-do list', () => {
  it('reminds a branch behind an open plan’s time and a member whose plan ends soon; nothing once the plan is closed', async () => {
    const ids = t.city.sampleIds;
    const branchAdmin = await t.login('branch-admin');
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(today) + n * 86400_000).toISOString().slice(0, 10);
    const plan = json(
      await t.call(district, 'POST', `${api}/plans`, {
        orgId: ids.district,
        title: '专题学习',
        audiences: ['all'],
        requiredHours: 2,
        startsOn: day(-10),
        endsOn: day(10),
      }),
    );
    const todos = async (cookie: string) =>
      json(await t.call(cookie, 'GET', '/api/todos')).items as { kind: string; ref: string; title: string; rule: string | null }[];
    const behind = (await todos(branchAdmin)).find((x) => x.kind === 'learning_behind' && x.ref === `${plan.id}:${ids.branch}`);
    expect(behind?.title).toMatch(/专题学习.*完成 0\/\d+ 人（0%），低于时间进度 52%/);
    expect(behind?.rule).toContain('低于计划期限已过去的天数占比');
    const mine = (await todos(member)).find((x) => x.kind === 'my_learning_plan' && x.ref === String(plan.id));
    expect(mine?.title).toContain(`将于 ${day(10)} 结束，您已完成 0/2 学时`);
    // Another district's administrators are not reminded of this district's plan.
    expect((await todos(foreign)).some((x) => x.ref.startsWith(`${plan.id}:`))).toBe(false);
    expect((await t.call(district, 'POST', `${api}/plans/${plan.id}/close`)).statusCode).toBe(200);
    expect((await todos(branchAdmin)).some((x) => x.ref === `${plan.id}:${ids.branch}`)).toBe(false);
    expect((await todos(member)).some((x) => x.kind === 'my_learning_plan' && x.ref === String(plan.id))).toBe(false);
  });
});

// Units, posts and quotas, the 配备一览表, teams and their structure (issue 12 points 2 and 5). One city
// unit managed by the city (市管) and one district team managed by the district (区管): the district's
// cadre officer cannot see the city's unit, the city's officer sees both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { todayCn } from '../../dates.js';

// ---- Test-only writers: the cadre file's writer (modules/cadres/changes.ts) lives on another branch,
// so these tests put cadres and their open appointments straight into the tables. Never use outside tests.
let serial = 0;
interface TestCadre {
  managerOrgId: number;
  sex?: string;
  birth?: string;
  ethnicity?: string;
  political?: string;
  eduRank?: number;
  background?: string;
}
async function insertCadreForTest(db: Db, c: TestCadre): Promise<{ id: number; name: string }> {
  const name = `测试干部${++serial}`;
  const row = await db
    .insertInto('cadres')
    .values({
      manager_org_id: c.managerOrgId,
      name,
      sex: c.sex ?? '男',
      birth: c.birth ?? '1975-05',
      ethnicity: c.ethnicity ?? '汉族',
      political: c.political ?? '中共党员',
      edu_rank: c.eduRank ?? 3,
      background: c.background ?? '经济',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name };
}
async function appointForTest(db: Db, cadreId: number, postId: number, decidedOn: string, concurrent = false): Promise<void> {
  const p = await db.selectFrom('cadre_posts').selectAll().where('id', '=', postId).executeTakeFirstOrThrow();
  await db
    .insertInto('cadre_appointments')
    .values({
      cadre_id: cadreId,
      post_id: postId,
      unit_id: p.unit_id,
      title: p.title,
      level: p.level,
      principal: p.principal,
      decided_on: decidedOn,
      concurrent,
    })
    .execute();
}

let t: TestApp;
let cityOfficer: string, districtOfficer: string;
let city: number, district: number;
let today: string;
let cityUnit: { id: number; posts: { id: number; title: string; version: number }[] };
let districtUnit: { id: number; posts: { id: number; title: string }[] };
const ON = '2026-06-30';

const post = (cookie: string, unitId: number, body: object) => t.call(cookie, 'POST', `/api/cadre-units/${unitId}/posts`, body);

beforeAll(async () => {
  t = await createTestApp({ orgCount: 80 });
  ({ city, district } = t.city.sampleIds);
  today = todayCn(t.clock.now());
  const officer = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: district });
  [cityOfficer, districtOfficer] = await Promise.all([t.login('cadre-officer'), t.login(officer.username, officer.password)]);

  // The city's 发改委: one principal post held by two people (one concurrently: over quota), three
  // deputy places with one holder (vacant).
  const cu = await t.call(cityOfficer, 'POST', '/api/cadre-units', {
    managerOrgId: city,
    name: '市发展和改革委员会',
    kind: '政府部门',
    level: '正处',
  });
  expect(cu.statusCode, cu.body).toBe(201);
  await post(cityOfficer, json(cu).unit.id, { title: '主任', level: '正处', principal: true, quota: 1 });
  cityUnit = json(await post(cityOfficer, json(cu).unit.id, { title: '副主任', level: '副处', principal: false, quota: 3 })).unit;
  cityUnit = { ...cityUnit, posts: json(await t.call(cityOfficer, 'GET', `/api/cadre-units/${json(cu).unit.id}`)).posts };
  const [chief, deputy] = cityUnit.posts;
  const a = await insertCadreForTest(t.db, { managerOrgId: city });
  const b = await insertCadreForTest(t.db, { managerOrgId: city, sex: '女' });
  const c = await insertCadreForTest(t.db, { managerOrgId: city });
  await appointForTest(t.db, a.id, chief.id, '2021-03-01');
  await appointForTest(t.db, b.id, chief.id, '2025-01-10', true);
  await appointForTest(t.db, c.id, deputy.id, '2024-06-30');

  // The district's 区委区政府 team: three men, all CPC, aged 51, 45 and 38 on ON.
  const du = await t.call(districtOfficer, 'POST', '/api/cadre-units', {
    managerOrgId: district,
    name: '区委区政府',
    kind: '党委政府',
    level: '正处',
  });
  expect(du.statusCode, du.body).toBe(201);
  await post(districtOfficer, json(du).unit.id, { title: '区委书记', level: '正处', principal: true, quota: 1, line: '党委' });
  districtUnit = json(await post(districtOfficer, json(du).unit.id, { title: '副区长', level: '副处', principal: false, quota: 2 })).unit;
  districtUnit = { ...districtUnit, posts: json(await t.call(districtOfficer, 'GET', `/api/cadre-units/${json(du).unit.id}`)).posts };
  const people = [
    { birth: '1975-01', eduRank: 2, background: '党务', post: 0 },
    { birth: '1981-03-15', eduRank: 3, background: '', post: 1 },
    { birth: '1988-02', eduRank: 3, background: '法律', post: 1 },
  ];
  for (const p of people) {
    const x = await insertCadreForTest(t.db, { managerOrgId: district, birth: p.birth, eduRank: p.eduRank, background: p.background });
    await appointForTest(t.db, x.id, districtUnit.posts[p.post].id, '2023-01-05');
  }
});
afterAll(async () => {
  await t?.close();
});

describe('units and posts', () => {
  it('edits a unit and a quota with the version seen, refusing a stale one, each change audited', async () => {
    const detail = json(await t.call(cityOfficer, 'GET', `/api/cadre-units/${cityUnit.id}`));
    const res = await t.call(cityOfficer, 'PATCH', `/api/cadre-units/${cityUnit.id}`, {
      version: detail.unit.version,
      shortName: '市发改委',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).unit).toMatchObject({ shortName: '市发改委', version: detail.unit.version + 1 });
    expect(
      (await t.call(cityOfficer, 'PATCH', `/api/cadre-units/${cityUnit.id}`, { version: detail.unit.version, sort: 3 })).statusCode,
    ).toBe(409);
    await expectAuditRow(t.db, { action: 'cadre.unit.update', result: 'success', objectType: 'cadre_unit', objectId: cityUnit.id });
    const deputy = detail.posts[1];
    const p = await t.call(cityOfficer, 'PATCH', `/api/cadre-units/posts/${deputy.id}`, { version: deputy.version, quota: 3 });
    expect(json(p).posts[1]).toMatchObject({ quota: 3, version: deputy.version + 1 });
    await expectAuditRow(t.db, { action: 'cadre.post.create', result: 'success', objectType: 'cadre_post' });
  });

  it('refuses a unit as its own parent', async () => {
    const u = json(await t.call(cityOfficer, 'GET', `/api/cadre-units/${cityUnit.id}`)).unit;
    const res = await t.call(cityOfficer, 'PATCH', `/api/cadre-units/${cityUnit.id}`, { version: u.version, parentUnitId: cityUnit.id });
    expect(json(res).error).toMatchObject({ field: 'parentUnitId' });
  });
});

describe('干部管理权限 (scope)', () => {
  it('hides a city-managed unit from the district cadre officer: 404, the refusal audited', async () => {
    for (const url of [`/api/cadre-units/${cityUnit.id}`, `/api/cadre-units/${cityUnit.id}/team`]) {
      const res = await t.call(districtOfficer, 'GET', url);
      expect(res.statusCode).toBe(404);
    }
    await expectAuditRow(t.db, { action: 'cadre.read', result: 'denied', objectType: 'cadre_unit', objectId: cityUnit.id });
    expect((await t.call(districtOfficer, 'GET', `/api/cadre-units/roster?managerOrgId=${city}`)).statusCode).toBe(404);
    expect(
      (await t.call(districtOfficer, 'PATCH', `/api/cadre-units/posts/${cityUnit.posts[0].id}`, { version: 1, quota: 9 })).statusCode,
    ).toBe(404);
  });

  it('lets the city officer see both: the city’s own units by default, the district’s with below=true', async () => {
    expect((await t.call(cityOfficer, 'GET', `/api/cadre-units/${districtUnit.id}`)).statusCode).toBe(200);
    const own = json(await t.call(cityOfficer, 'GET', '/api/cadre-units')).items.map((u: { id: number }) => u.id);
    expect(own).toContain(cityUnit.id);
    expect(own).not.toContain(districtUnit.id);
    const all = json(await t.call(cityOfficer, 'GET', '/api/cadre-units?below=true')).items.map((u: { id: number }) => u.id);
    expect(all).toEqual(expect.arrayContaining([cityUnit.id, districtUnit.id]));
  });
});

describe('the 干部配备一览表', () => {
  it('flags the over-quota and the vacant posts and totals principal and deputy places', async () => {
    const res = await t.call(cityOfficer, 'GET', '/api/cadre-units/roster');
    expect(res.statusCode, res.body).toBe(200);
    const row = json(res).items.find((u: { unit: { id: number } }) => u.unit.id === cityUnit.id);
    const [chief, deputy] = row.posts;
    expect(chief).toMatchObject({ quota: 1, over: true, vacant: false });
    expect(chief.holders).toHaveLength(2);
    expect(chief.holders[1]).toMatchObject({ sex: '女', decidedOn: '2025-01-10', concurrent: true });
    expect(chief.holders[0].age).toBe(dayjs(today).diff(dayjs('1975-05-01'), 'year'));
    expect(chief.holders[0].yearsInPost).toBeGreaterThanOrEqual(dayjs(today).diff(dayjs('2021-03-01'), 'year'));
    expect(deputy).toMatchObject({ quota: 3, over: false, vacant: true });
    expect(row).toMatchObject({ principal: { quota: 1, actual: 2 }, deputy: { quota: 3, actual: 1 }, overPosts: 1, vacantPosts: 1 });
  });

  it('filters to units with an over-quota or a vacant post, and pages by unit', async () => {
    const ids = async (qs: string) =>
      json(await t.call(cityOfficer, 'GET', `/api/cadre-units/roster?below=true&${qs}`)).items.map(
        (u: { unit: { id: number } }) => u.unit.id,
      );
    expect(await ids('flag=over')).toEqual([cityUnit.id]);
    expect(await ids('flag=vacant')).toEqual([cityUnit.id]);
    const first = json(await t.call(cityOfficer, 'GET', '/api/cadre-units/roster?below=true&limit=1'));
    expect(first.items).toHaveLength(1);
    const second = json(await t.call(cityOfficer, 'GET', `/api/cadre-units/roster?below=true&limit=1&cursor=${first.nextCursor}`));
    expect(second.items[0].unit.id).not.toBe(first.items[0].unit.id);
  });

  it('exports the rows to Excel: every holder and every vacant place, audited with its purpose', async () => {
    const res = await t.call(cityOfficer, 'GET', `/api/cadre-units/roster/export?purpose=${encodeURIComponent('核对职数')}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('单位');
    const lines = ws.getSheetValues().slice(2) as unknown[][];
    // 主任: two holders; 副主任: one holder and two vacant places.
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l[9] === '超职数')).toHaveLength(2);
    expect(lines.filter((l) => l[10] === undefined || l[10] === null)).toHaveLength(2);
    const row = await expectAuditRow(t.db, { action: 'cadre.roster.export', result: 'success' });
    expect(row.detail).toMatchObject({ purpose: '核对职数', rows: 5 });
    expect((await t.call(cityOfficer, 'GET', '/api/cadre-units/roster/export')).statusCode).toBe(400);
  });
});

describe('teams and their structure', () => {
  it('counts the structure of a team against a hand count and lists what it falls short of', async () => {
    const res = await t.call(districtOfficer, 'GET', `/api/cadre-units/${districtUnit.id}/team?onDate=${ON}`);
    expect(res.statusCode, res.body).toBe(200);
    const team = json(res);
    expect(team.members).toHaveLength(3);
    const n = (dim: string, value: string) => team.structure.dims[dim].find((x: { value: string }) => x.value === value).n;
    // Ages on 2026-06-30: 51 (1975-01), 45 (1981-03-15), 38 (1988-02).
    expect([n('age', '51-55岁'), n('age', '41-45岁'), n('age', '36-40岁'), n('age', '35岁及以下')]).toEqual([1, 1, 1, 0]);
    expect([n('sex', '男'), n('sex', '女')]).toEqual([3, 0]);
    expect([n('education', '硕士研究生'), n('education', '大学本科')]).toEqual([1, 2]);
    expect(team.structure.dims.background.find((x: { value: string }) => x.value === '').n).toBe(1);
    expect(team.structure.dims.sex[0].share).toBe(100);
    const short = team.findings.filter((f: { ok: boolean }) => !f.ok).map((f: { requirementId: string }) => f.requirementId);
    expect(short).toEqual(['woman', 'non_cpc']);
    expect(team.findings.find((f: { requirementId: string }) => f.requirementId === 'young')).toMatchObject({ ok: true, basis: 'L' });
  });

  it('builds a structure table by level, each count drilling to its people', async () => {
    const q = `managerOrgId=${district}&dim=age&onDate=${ON}`;
    const table = json(await t.call(districtOfficer, 'GET', `/api/cadre-units/structure/table?${q}`));
    expect(table.levels).toEqual(['正处', '副处']);
    expect(table.total).toEqual({ total: 3, byLevel: [1, 2] });
    expect(table.rows.find((r: { value: string }) => r.value === '36-40岁')).toEqual({ value: '36-40岁', total: 1, byLevel: [0, 1] });
    const people = json(
      await t.call(
        districtOfficer,
        'GET',
        `/api/cadre-units/structure/people?${q}&value=${encodeURIComponent('36-40岁')}&level=${encodeURIComponent('副处')}`,
      ),
    );
    expect(people.total).toBe(1);
    expect(people.items[0]).toMatchObject({ birth: '1988-02', age: 38, unitName: '区委区政府', postTitle: '副区长' });
    // One team by its unit, from the city (the unit is managed below it).
    const one = json(await t.call(cityOfficer, 'GET', `/api/cadre-units/structure?unitId=${districtUnit.id}&onDate=${ON}`));
    expect(one.total).toBe(3);
    const teams = json(await t.call(districtOfficer, 'GET', '/api/cadre-units/teams?short=true')).items;
    expect(teams.map((x: { unitId: number }) => x.unitId)).toEqual([districtUnit.id]);
  });

  it('records the term, sets 应换届时间, and reminds the managing officer only (下管一级)', async () => {
    const started = dayjs(today).subtract(5, 'year').add(2, 'month').format('YYYY-MM-DD');
    const res = await t.call(districtOfficer, 'PUT', `/api/cadre-units/${districtUnit.id}/team`, {
      name: '区委区政府领导班子',
      termYears: 5,
      termStartedOn: started,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      renewal: 'due',
      term: { renewDueOn: dayjs(started).add(5, 'year').format('YYYY-MM-DD'), version: 1 },
    });
    await expectAuditRow(t.db, { action: 'cadre.team.term', result: 'success', objectType: 'cadre_team' });
    const stale = await t.call(districtOfficer, 'PUT', `/api/cadre-units/${districtUnit.id}/team`, {
      name: '区委区政府领导班子',
      termYears: 5,
      termStartedOn: started,
    });
    expect(stale.statusCode).toBe(409);

    const todos = json(await t.call(districtOfficer, 'GET', '/api/todos')).items.filter(
      (x: { kind: string }) => x.kind === 'cadre_team_renewal',
    );
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ overdue: false, link: `/cadre-units/teams/${districtUnit.id}` });
    const cityTodos = json(await t.call(cityOfficer, 'GET', '/api/todos')).items.filter(
      (x: { kind: string }) => x.kind === 'cadre_team_renewal',
    );
    expect(cityTodos).toHaveLength(0);

    // Past 应换届时间 it is overdue.
    await t.call(districtOfficer, 'PUT', `/api/cadre-units/${districtUnit.id}/team`, {
      version: 1,
      name: '区委区政府领导班子',
      termYears: 5,
      termStartedOn: dayjs(started).subtract(1, 'year').format('YYYY-MM-DD'),
    });
    const overdue = json(await t.call(districtOfficer, 'GET', '/api/todos')).items.find(
      (x: { kind: string }) => x.kind === 'cadre_team_renewal',
    );
    expect(overdue).toMatchObject({ overdue: true, severity: 'high' });
  });

  it('shows the cadre officer’s dashboard panel over the subtree', async () => {
    const res = await t.call(cityOfficer, 'GET', '/api/dashboard/cadres');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ cadres: 6, overPosts: 1, vacantPosts: 1, teamsOverdue: 1, teamsShort: 1 });
    expect(json(res).education.find((x: { value: string }) => x.value === '大学本科').n).toBe(5);
    expect((await t.call(districtOfficer, 'GET', `/api/dashboard/cadres?orgId=${city}`)).statusCode).toBe(404);
  });
});

// The annual assessment (issue 13 point 4): the 优秀 quota stops a submission (20%, 25% with a recorded
// approval), ineligible people cannot be graded 优秀 (sanctions, new hires: comments only), a confirmed
// unit's results reach the cadre files, consequences over years reach the officer's to-do list, and a
// district officer cannot see a unit the city manages.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, multipartFile, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { seedAssessmentsDemo } from './demo.js';
import { sanctionOf } from './eligibility.js';
import { workingYear } from '../../../domain/rules/assessment.js';
import { todayCn } from '../../dates.js';

let t: TestApp;
let city: number;
let district: number;
let officer: string;
let districtOfficer: string;
let serial = 0;

/** Test-only: the cadre file's writer is on another branch, so cadres and units are inserted directly. */
async function cadreUnit(managerOrgId: number, people: number, name = `测试局${++serial}`) {
  const u = await t.db
    .insertInto('cadre_units')
    .values({ manager_org_id: managerOrgId, name, kind: '政府部门', level: '正处' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (let i = 0; i < people; i++) ids.push(await cadre(managerOrgId, `${name}干部${i + 1}`, u.id));
  return { id: u.id, name, cadres: ids };
}
async function cadre(managerOrgId: number, name: string, unitId: number | null = null) {
  const c = await t.db
    .insertInto('cadres')
    .values({ manager_org_id: managerOrgId, name, current_unit_id: unitId, current_title: '科员', sort_key: name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return c.id;
}

const call = (cookie: string, method: string, url: string, body?: unknown) => t.call(cookie, method, `/api/cadre-assessments${url}`, body);

async function newUnit(cookie: string, year: number, source: { id: number; name: string }) {
  const res = await call(cookie, 'POST', '/units', { year, name: source.name, cadreUnitId: source.id });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

/** Grades the people in order: the first `grades.length` get those grades, the rest 称职. */
async function grade(cookie: string, unit: { id: number }, grades: (string | null)[], extra: Record<number, object> = {}) {
  const d = json(await call(cookie, 'GET', `/units/${unit.id}`));
  const entries = d.entries.map((e: { cadreId: number }, i: number) => ({
    cadreId: e.cadreId,
    grade: i < grades.length ? grades[i] : '称职',
    comment: '',
    newHireUntil: null,
    ...extra[e.cadreId],
  }));
  return call(cookie, 'PUT', `/units/${unit.id}/entries`, { version: d.version, entries });
}

beforeAll(async () => {
  t = await createTestApp();
  city = t.city.sampleIds.city;
  district = t.city.sampleIds.district;
  officer = await t.login('cadre-officer');
  const u = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: district });
  districtOfficer = await t.login(u.username, u.password);
});
afterAll(async () => {
  await t?.close();
});

describe('the demo', () => {
  it('does nothing without cadres; with them, the working year graded within the quota and one unit over it left in draft', async () => {
    await seedAssessmentsDemo(t.db, t.city);
    expect(await t.db.selectFrom('assessment_units').select('id').execute()).toEqual([]);
    for (const n of [5, 10, 6]) await cadreUnit(city, n);
    await seedAssessmentsDemo(t.db, t.city);
    const officerView = json(await call(officer, 'GET', `/units?year=${workingYear(todayCn(new Date()))}`)).items as {
      status: string;
      quota: { over: boolean; excellent: number };
    }[];
    expect(officerView.map((u) => [u.status, u.quota.over])).toEqual([
      ['confirmed', false],
      ['submitted', false],
      ['draft', true],
    ]);
    expect(officerView[0].quota.excellent).toBe(1);
    expect(await t.db.selectFrom('cadre_assessments').select('cadre_id').execute()).toHaveLength(5);
    // Run again: nothing more.
    await seedAssessmentsDemo(t.db, t.city);
    expect(await t.db.selectFrom('assessment_units').select('id').execute()).toHaveLength(3);
  });
});

describe('the 优秀 quota', () => {
  it('refuses to submit a unit over its quota, naming the rule and its article; 25% passes with a recorded approval', async () => {
    const src = await cadreUnit(city, 8);
    const unit = await newUnit(officer, 2026, src);
    expect(unit.quota).toMatchObject({ assessed: 8, max: 1, normalMax: 1, raisedMax: 2 });
    const saved = json(await grade(officer, unit, ['优秀', '优秀']));
    expect(saved.quota).toMatchObject({ excellent: 2, max: 1, over: true });
    expect(saved.submit.allowed).toBe(false);
    expect(saved.submit.reason).toContain('《公务员考核规定》（2020）');

    const refused = await call(officer, 'POST', `/units/${unit.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.code).toBe('EXCELLENT_QUOTA');
    expect(json(refused).error.message).toMatch(/优秀等次 2 人，超过本单位限额 1 人.*《公务员考核规定》（2020）/);
    expect(json(await call(officer, 'GET', `/units/${unit.id}`)).status).toBe('draft');

    // 25% needs the approval recorded: who, the document, the date.
    expect((await call(officer, 'PUT', `/units/${unit.id}/raise`, { raised: true, approvedBy: '市公务员局' })).statusCode).toBe(400);
    const raised = json(
      await call(officer, 'PUT', `/units/${unit.id}/raise`, {
        raised: true,
        approvedBy: '市公务员局',
        docNo: '市公局〔2026〕8号',
        approvedOn: '2026-11-20',
      }),
    );
    expect(raised.quota).toMatchObject({ max: 2, raised: true, over: false });
    expect(raised.raisedDoc).toBe('市公局〔2026〕8号');
    const ok = await call(officer, 'POST', `/units/${unit.id}/submit`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).status).toBe('submitted');
    await expectAuditRow(t.db, { action: 'cadre.assess.submit', result: 'success', objectType: 'assessment_unit', objectId: unit.id });
    // The managing organization has it on its to-do list.
    const todos = json(await t.call(officer, 'GET', '/api/todos'));
    expect(todos.items.some((x: { kind: string; ref: string }) => x.kind === 'assessment_confirm' && x.ref === String(unit.id))).toBe(true);

    const list = json(await call(officer, 'GET', '/units?year=2026'));
    expect(list.items.find((x: { id: number }) => x.id === unit.id).quota).toMatchObject({ excellent: 2, max: 2 });
  });
});

describe('who may be graded what', () => {
  it('refuses 优秀 in the year of a 警告 and gives a new hire on probation comments only', async () => {
    const src = await cadreUnit(city, 5);
    const [warned, newHire] = src.cadres;
    await t.db
      .insertInto('cadre_rewards')
      .values({ cadre_id: warned, kind: 'punishment', on_date: '2026-03-01', text: '2026年3月受警告处分' })
      .execute();
    const unit = await newUnit(officer, 2026, src);
    const w = unit.entries.find((e: { cadreId: number }) => e.cadreId === warned);
    expect(w.allowedGrades).toEqual(['称职', '基本称职', '不称职']);
    expect(w.reason).toContain('第二十九条');

    const refused = await grade(officer, unit, ['优秀']);
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error.code).toBe('GRADE_NOT_ALLOWED');
    expect(json(refused).error.message).toContain('不得确定为优秀等次');

    const probation = { [newHire]: { newHireUntil: '2027-03-31' } };
    const graded = await grade(officer, unit, ['称职', '称职'], probation);
    expect(graded.statusCode).toBe(400);
    expect(json(graded).error.message).toContain('第二十五条');
    const commented = json(
      await grade(officer, unit, ['称职', '不定等次'], { [newHire]: { newHireUntil: '2027-03-31', comment: '试用期内表现良好' } }),
    );
    const n = commented.entries.find((e: { cadreId: number }) => e.cadreId === newHire);
    expect(n).toMatchObject({ commentsOnly: true, grade: '不定等次', allowedGrades: [] });
    expect(n.reason).toContain('只写评语');
    expect(commented.submit.allowed).toBe(true);
  });
});

describe('sanctions read from the file’s punishments', () => {
  it.each([
    ['2026年3月受警告处分', { kind: '警告' }],
    ['受党内严重警告处分', { kind: '党内严重警告' }],
    ['受党内警告处分', { kind: '党内警告' }],
    ['受留党察看二年处分', { kind: '留党察看', years: 2 }],
    ['受留党察看一年处分', { kind: '留党察看' }],
    ['受撤销党内职务处分', { kind: '撤销党内职务' }],
    ['通报批评', null],
  ])('%s → %j', (text, expected) => {
    expect(sanctionOf(text)).toEqual(expected);
  });

  it('refuses a unit for a year still to come', async () => {
    const res = await call(officer, 'POST', '/units', { year: new Date().getFullYear() + 1, name: '明年的单位' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('year');
  });
});

describe('confirmation and the cadre file', () => {
  it('confirming writes each result onto the cadre file; returning sends it back with the reason', async () => {
    const src = await cadreUnit(city, 5);
    const unit = await newUnit(officer, 2026, src);
    await grade(officer, unit, ['优秀', '基本称职']);
    expect((await call(officer, 'POST', `/units/${unit.id}/submit`)).statusCode).toBe(200);
    const back = json(await call(officer, 'POST', `/units/${unit.id}/return`, { reason: '请核实基本称职人员的材料' }));
    expect(back).toMatchObject({ status: 'returned', returnReason: '请核实基本称职人员的材料' });
    expect((await call(officer, 'POST', `/units/${unit.id}/confirm`)).statusCode).toBe(409);
    expect((await call(officer, 'POST', `/units/${unit.id}/submit`)).statusCode).toBe(200);
    const done = await call(officer, 'POST', `/units/${unit.id}/confirm`);
    expect(done.statusCode, done.body).toBe(200);
    expect(json(done).status).toBe('confirmed');
    const rows = await t.db.selectFrom('cadre_assessments').selectAll().where('cadre_id', 'in', src.cadres).orderBy('cadre_id').execute();
    expect(rows.map((r) => [r.cadre_id, r.year, r.grade])).toEqual(
      src.cadres.map((id, i) => [id, 2026, ['优秀', '基本称职'][i] ?? '称职']),
    );
    // Closed for changes once confirmed.
    expect((await grade(officer, unit, ['优秀'])).statusCode).toBe(409);
    await expectAuditRow(t.db, { action: 'cadre.assess.confirm', result: 'success', objectId: unit.id });
    const consequences = json(await call(officer, 'GET', '/consequences?year=2026')).items;
    expect(consequences.filter((c: { cadreId: number }) => c.cadreId === src.cadres[1]).map((c: { kind: string }) => c.kind)).toEqual([
      'admonition',
      'no-promotion',
    ]);
  });
});

describe('consequences over years', () => {
  it('three consecutive 优秀 and two consecutive 不称职 reach the officer’s to-do list with their articles', async () => {
    const src = await cadreUnit(city, 6);
    const [excellent, unfit] = src.cadres;
    await t.db
      .insertInto('cadre_assessments')
      .values([
        { cadre_id: excellent, year: 2023, grade: '优秀' },
        { cadre_id: excellent, year: 2024, grade: '优秀' },
        { cadre_id: unfit, year: 2024, grade: '不称职' },
      ])
      .execute();
    const unit = await newUnit(officer, 2025, src);
    await grade(officer, unit, ['优秀', '不称职']);
    expect((await call(officer, 'POST', `/units/${unit.id}/submit`)).statusCode).toBe(200);
    expect((await call(officer, 'POST', `/units/${unit.id}/confirm`)).statusCode).toBe(200);

    const items = json(await call(officer, 'GET', '/consequences?year=2025')).items as { cadreId: number; kind: string; article: string }[];
    expect(items.find((c) => c.cadreId === excellent && c.kind === 'merit-third-class')?.article).toBe(
      '《公务员考核规定》（2020）第十九条',
    );
    expect(items.find((c) => c.cadreId === unfit && c.kind === 'dismissal')?.article).toBe('《中华人民共和国公务员法》第八十八条');

    const todos = json(await t.call(officer, 'GET', '/api/todos')).items as { kind: string; ref: string; title: string; rule: string }[];
    const merit = todos.find((x) => x.kind === 'assessment_consequence' && x.ref === `${excellent}:2025:merit-third-class`);
    expect(merit?.title).toContain('连续三年优秀，记三等功');
    expect(merit?.rule).toContain('第十九条');
    const dismissal = todos.find((x) => x.kind === 'assessment_consequence' && x.ref === `${unfit}:2025:dismissal`);
    expect(dismissal?.title).toContain('连续两年不称职');
    // The district's officer has none of the city's work.
    const theirs = json(await t.call(districtOfficer, 'GET', '/api/todos')).items as { ref: string }[];
    expect(theirs.some((x) => x.ref.startsWith(`${excellent}:`))).toBe(false);
  });
});

describe('scope', () => {
  it('a district officer gets 404 (audited) for a unit the city manages, and works on its own', async () => {
    const cityUnit = await newUnit(officer, 2026, await cadreUnit(city, 3));
    const res = await call(districtOfficer, 'GET', `/units/${cityUnit.id}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'cadre.read', result: 'denied', objectType: 'assessment_unit', objectId: cityUnit.id });
    expect((await call(districtOfficer, 'POST', `/units/${cityUnit.id}/submit`)).statusCode).toBe(404);
    expect(json(await call(districtOfficer, 'GET', '/units?year=2026')).items.some((x: { id: number }) => x.id === cityUnit.id)).toBe(
      false,
    );

    const own = await newUnit(districtOfficer, 2026, await cadreUnit(district, 3));
    expect(json(await call(districtOfficer, 'GET', `/units/${own.id}`)).managerOrgId).toBe(district);
    // Nor can a city-managed cadre be put into the district's unit.
    const foreign = await cadre(city, '市管干部甲');
    const d = json(await call(districtOfficer, 'GET', `/units/${own.id}`));
    const put = await call(districtOfficer, 'PUT', `/units/${own.id}/entries`, {
      version: d.version,
      entries: [{ cadreId: foreign, grade: null, comment: '', newHireUntil: null }],
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('平时考核 and 专项考核', () => {
  it('records a quarter (again replaces it) and a special assessment on the cadre', async () => {
    const id = await cadre(city, '平时考核对象');
    await call(officer, 'PUT', `/cadres/${id}/ongoing`, { year: 2026, quarter: 3, grade: '较好' });
    const r = json(await call(officer, 'PUT', `/cadres/${id}/ongoing`, { year: 2026, quarter: 3, grade: '好', note: '任务完成出色' }));
    expect(r.ongoing).toEqual([expect.objectContaining({ year: 2026, quarter: 3, grade: '好', note: '任务完成出色' })]);
    expect((await call(officer, 'PUT', `/cadres/${id}/ongoing`, { year: 2026, quarter: 5, grade: '好' })).statusCode).toBe(400);
    const s = await call(officer, 'POST', `/cadres/${id}/special`, { onDate: '2026-08-01', subject: '防汛抢险专项考核', result: '优秀' });
    expect(s.statusCode).toBe(201);
    expect(json(s).special[0]).toMatchObject({ subject: '防汛抢险专项考核', result: '优秀' });
    expect((await call(districtOfficer, 'GET', `/cadres/${id}`)).statusCode).toBe(404);
    const del = await call(officer, 'DELETE', `/special/${json(s).special[0].id}`);
    expect(json(del).special).toEqual([]);
  });
});

describe('Excel', () => {
  const sheet = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('等次');
    ws.addRow(['姓名', '等次', '评语']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = async (unitId: number, file: Buffer) => {
    const { payload, contentType } = multipartFile(file, '等次.xlsx');
    return t.app.inject({
      method: 'POST',
      url: `/api/cadre-assessments/units/${unitId}/import`,
      payload,
      headers: { cookie: officer, 'content-type': contentType },
    });
  };

  it('imports grades all or nothing with each row’s error, and exports the 名册', async () => {
    const src = await cadreUnit(city, 5);
    const unit = await newUnit(officer, 2026, src);
    const bad = json(
      await upload(
        unit.id,
        await sheet([
          [`${src.name}干部1`, '优秀'],
          ['不在本单位', '称职'],
          [`${src.name}干部2`, '良好'],
        ]),
      ),
    );
    expect(bad.applied).toBe(false);
    expect(bad.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(json(await call(officer, 'GET', `/units/${unit.id}`)).quota.excellent).toBe(0);

    const good = json(
      await upload(
        unit.id,
        await sheet([
          [`${src.name}干部1`, '优秀'],
          [`${src.name}干部2`, '基本称职', '需改进'],
        ]),
      ),
    );
    expect(good).toMatchObject({ applied: true, errors: [] });
    const d = json(await call(officer, 'GET', `/units/${unit.id}`));
    expect(d.entries.map((e: { grade: string | null }) => e.grade)).toEqual(['优秀', '基本称职', null, null, null]);

    const out = await call(officer, 'GET', `/units/${unit.id}/export?purpose=${encodeURIComponent('年度考核汇总')}`);
    expect(out.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '序号', '姓名', '现任职务', '等次', '评语', '说明']);
    expect(wb.worksheets[0].getRow(2).getCell(4).value).toBe('优秀');
    await expectAuditRow(t.db, { action: 'cadre.assess.export', result: 'success', objectType: 'assessment_unit' });
  });
});

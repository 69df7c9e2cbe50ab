// The cadre search against hand-picked cadres: each predicate, the 干部管理权限 scope, keyset paging,
// saved queries per account, the roster export's columns and the all-or-nothing roster import.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, type TCadreQueryInput } from '../../../domain/schemas/cadre-search.js';
import { createTestApp, json, multipartFile, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { idNumberFor } from '../members/id-numbers.js';
import { CadreMatcher } from './import/match.js';
import { parsePartialDate } from './import/validate-row.js';

let t: TestApp;
let officer: string;
let districtOfficer: string;
let otherOfficer: string;
const ids: Record<string, number> = {};
const units: Record<string, number> = {};

interface CadreSeed {
  name: string;
  manager: number;
  sex?: string;
  birth?: string;
  level?: string;
  unit?: number;
  title?: string;
  since?: string;
  edu_rank?: number;
  background?: string;
  political?: string;
  resume?: { from: string | null; to: string | null; text: string; sub: string[] }[];
  grassroots_months?: number;
  status?: string;
}

/** Test-only: a cadre row written directly (the cadre file's writer lives on another branch). */
async function addCadre(c: CadreSeed): Promise<number> {
  const r = await t.db
    .insertInto('cadres')
    .values({
      name: c.name,
      manager_org_id: c.manager,
      name_initials: pinyinInitials(c.name),
      sort_key: pinyinSortKey(c.name),
      sex: c.sex ?? '男',
      birth: c.birth ?? null,
      level: c.level ?? null,
      current_unit_id: c.unit ?? null,
      current_title: c.title ?? '',
      current_since: c.since ?? null,
      edu_rank: c.edu_rank ?? null,
      background: c.background ?? '',
      political: c.political ?? '中共党员',
      resume: sql`${JSON.stringify(c.resume ?? [])}::jsonb`,
      grassroots_months: c.grassroots_months ?? null,
      status: c.status ?? 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
async function addUnit(name: string, manager: number, kind: string, level: string): Promise<number> {
  const r = await t.db
    .insertInto('cadre_units')
    .values({ name, manager_org_id: manager, kind, level })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
async function appoint(cadre: number, unit: number, title: string, level: string, decided: string, postId?: number) {
  await t.db
    .insertInto('cadre_appointments')
    .values({ cadre_id: cadre, unit_id: unit, title, level, decided_on: decided, post_id: postId ?? null })
    .execute();
}
const line = (text: string) => ({ from: '2000-01', to: '2003-01', text, sub: [] });

beforeAll(async () => {
  t = await createTestApp();
  const { city, district } = t.city.sampleIds;
  units.bureau = await addUnit('示范市发展和改革委员会', city, '政府部门', '正处');
  units.soe = await addUnit('示范市城市投资集团', city, '国有企业', '正处');
  units.town = await addUnit('示范区青山镇', district, '乡镇街道', '正科');
  ids.a = await addCadre({
    name: '张建国',
    manager: city,
    birth: '1970-03',
    level: '正处',
    unit: units.bureau,
    title: '主任',
    since: '2018-05-10',
    edu_rank: 2,
    background: '经济',
    resume: [line('示范市城乡建设局科员')],
  });
  await appoint(ids.a, units.bureau, '副主任', '副处', '2010-03-01');
  await appoint(ids.a, units.soe, '副总经理', '副处', '2014-06-01');
  await appoint(ids.a, units.bureau, '主任', '正处', '2018-05-10');
  ids.b = await addCadre({
    name: '李秀英',
    manager: city,
    sex: '女',
    birth: '1985-07-15',
    level: '副处',
    unit: units.bureau,
    title: '副主任',
    since: '2023-01-01',
    edu_rank: 3,
    background: '法律',
    resume: [line('某县青石镇党委委员、副镇长')],
  });
  const post = await t.db
    .insertInto('cadre_posts')
    .values({ unit_id: units.bureau, title: '科长', level: '正科', principal: true, quota: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Reappointed to the same post: one post at the level below, not two.
  await appoint(ids.b, units.bureau, '科长', '正科', '2016-01-01', Number(post.id));
  await appoint(ids.b, units.bureau, '科长', '正科', '2019-01-01', Number(post.id));
  ids.c = await addCadre({
    name: '王伟',
    manager: district,
    birth: '1990-01',
    level: '正科',
    unit: units.town,
    title: '镇长',
    since: '2020-03-01',
    edu_rank: 4,
  });
  await appoint(ids.c, units.town, '镇长', '正科', '2020-03-01');
  ids.d = await addCadre({
    name: '赵敏',
    manager: city,
    sex: '女',
    birth: '1975-11',
    level: '副处',
    unit: units.soe,
    title: '副总经理',
    since: '2019-01-01',
    edu_rank: 1,
    political: '民盟盟员',
    resume: [line('示范市乡镇企业局科员')],
    grassroots_months: 36,
  });
  ids.e = await addCadre({ name: '陈静', manager: city, birth: '1960-01', level: '正处', status: 'retired' });
  officer = await t.login('cadre-officer');
  const d = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: district });
  districtOfficer = await t.login(d.username, d.password);
  const o = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: city });
  otherOfficer = await t.login(o.username, o.password);
});
afterAll(async () => {
  await t?.close();
});

async function search(query: TCadreQueryInput, cookie = officer, extra: { cursor?: string; limit?: number } = {}) {
  const res = await t.call(cookie, 'POST', '/api/cadre-search', { query, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return json(res) as { items: { id: number; name: string; age: number | null }[]; nextCursor: string | null; total: number | null };
}
const names = async (query: TCadreQueryInput, cookie = officer) => (await search(query, cookie)).items.map((i) => i.name).sort();

describe('cadre search predicates', () => {
  it('finds by name infix and by pinyin initials', async () => {
    expect(await names({ q: '建国' })).toEqual(['张建国']);
    expect(await names({ q: 'LXY' })).toEqual(['李秀英']);
  });

  it('filters by unit id, unit kind and post text', async () => {
    expect(await names({ unitIds: [units.bureau] })).toEqual(['张建国', '李秀英'].sort());
    expect(await names({ unitKinds: ['乡镇街道'] })).toEqual(['王伟']);
    expect(await names({ post: '副总' })).toEqual(['赵敏']);
  });

  it('filters by level and by level band', async () => {
    expect(await names({ levels: ['正处'] })).toEqual(['张建国']);
    expect(await names({ levelBand: '县处级' })).toEqual(['张建国', '李秀英', '赵敏'].sort());
    expect(await names({ levelBand: '乡科级' })).toEqual(['王伟']);
    expect(await names({ levelBand: '乡科级', levels: ['正处'] })).toEqual([]);
  });

  it('counts ages at the given day, a month-only birth from its first day', async () => {
    expect(await names({ ageAt: '2026-06-01', ageMin: 50 })).toEqual(['张建国', '赵敏'].sort());
    expect(await names({ ageAt: '2026-06-01', ageMax: 40 })).toEqual(['李秀英', '王伟'].sort());
    expect(await names({ ageAt: '2025-10-31', ageMin: 50 })).toEqual(['张建国']);
    const r = await search({ q: '李秀英', ageAt: '2026-07-15' });
    expect(r.items[0].age).toBe(41);
    const bad = await t.call(officer, 'POST', '/api/cadre-search', { query: { ageMin: 50, ageMax: 40 } });
    expect(bad.statusCode).toBe(400);
  });

  it('filters by sex, education minimum, background and political affiliation', async () => {
    expect(await names({ sex: '女' })).toEqual(['李秀英', '赵敏'].sort());
    expect(await names({ eduRankMax: 2 })).toEqual(['张建国', '赵敏'].sort());
    expect(await names({ backgrounds: ['法律'] })).toEqual(['李秀英']);
    expect(await names({ political: ['民盟盟员'] })).toEqual(['赵敏']);
  });

  it('filters by years in the current post, counted from 任职时间', async () => {
    expect(await names({ yearsInPostMin: 5 })).toEqual(['张建国', '王伟', '赵敏'].sort());
  });

  it('finds grassroots experience by post, 简历 line or confirmed months, not by 城乡 or 乡镇企业局', async () => {
    expect(await names({ grassroots: true })).toEqual(['李秀英', '王伟', '赵敏'].sort());
    expect(await names({ grassrootsMonthsMin: 24 })).toEqual(['赵敏']);
  });

  it('finds two distinct posts at the level below, a reappointment counting once', async () => {
    expect(await names({ twoPostsBelow: true })).toEqual(['张建国']);
  });

  it('keeps the experience facts when posts, a level or a unit kind change', async () => {
    await appoint(ids.d, units.soe, '部长', '正科', '2010-01-01');
    await appoint(ids.d, units.bureau, '科长', '正科', '2013-01-01');
    expect(await names({ twoPostsBelow: true })).toEqual(['张建国', '赵敏'].sort());
    // Promoted to 正处: the level below is now 副处, where 赵敏 held no post.
    await t.db.updateTable('cadres').set({ level: '正处' }).where('id', '=', ids.d).execute();
    expect(await names({ twoPostsBelow: true })).toEqual(['张建国']);
    await t.db.updateTable('cadres').set({ level: '副处' }).where('id', '=', ids.d).execute();
    await t.db.deleteFrom('cadre_appointments').where('cadre_id', '=', ids.d).execute();
    expect(await names({ twoPostsBelow: true })).toEqual(['张建国']);
    // The bureau becomes a 乡镇街道 unit for a moment: everyone who served there has grassroots posts.
    await t.db.updateTable('cadre_units').set({ kind: '乡镇街道' }).where('id', '=', units.soe).execute();
    expect(await names({ grassroots: true })).toContain('张建国');
    await t.db.updateTable('cadre_units').set({ kind: '国有企业' }).where('id', '=', units.soe).execute();
    expect(await names({ grassroots: true })).not.toContain('张建国');
  });

  it('finds posts in N kinds of unit', async () => {
    expect(await names({ unitKindsMin: 2 })).toEqual(['张建国']);
    expect(await names({ unitKindsMin: 1 })).toEqual(['张建国', '李秀英', '王伟'].sort());
  });

  it('leaves out those who left unless asked', async () => {
    expect(await names({ q: '陈静' })).toEqual([]);
    expect(await names({ q: '陈静', includeLeft: true })).toEqual(['陈静']);
  });
});

describe('scope and paging', () => {
  it('a district officer sees only the cadres the district manages', async () => {
    expect(await names({}, districtOfficer)).toEqual(['王伟']);
    expect(await names({ q: '张建国' }, districtOfficer)).toEqual([]);
    expect(await names({}, officer)).toEqual(['张建国', '李秀英', '王伟', '赵敏'].sort());
  });

  it('pages by keyset in every order without losing or repeating a row', async () => {
    for (const sort of ['pinyin', 'age', 'level'] as const) {
      for (const desc of [false, true]) {
        const all = await search({ sort, desc });
        expect(all.total).toBe(4);
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const p = await search({ sort, desc }, officer, { cursor, limit: 1 });
          seen.push(...p.items.map((i) => i.id));
          cursor = p.nextCursor ?? undefined;
        } while (cursor);
        expect(seen, `${sort} ${desc}`).toEqual(all.items.map((i) => i.id));
      }
    }
    const young = await search({ sort: 'age' });
    expect(young.items.map((i) => i.name)).toEqual(['王伟', '李秀英', '赵敏', '张建国']);
    const level = await search({ sort: 'level' });
    expect(level.items[0].name).toBe('张建国');
  });
});

describe('saved queries', () => {
  it('are saved, listed, renamed, run and deleted by their owner only', async () => {
    const created = await t.call(officer, 'POST', '/api/cadre-search/saved', {
      name: '县处级女干部',
      query: { levelBand: '县处级', sex: '女' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id as number;
    expect((await t.call(officer, 'POST', '/api/cadre-search/saved', { name: '县处级女干部', query: {} })).statusCode).toBe(409);
    expect(json(await t.call(officer, 'GET', '/api/cadre-search/saved')).items.map((s: { name: string }) => s.name)).toEqual([
      '县处级女干部',
    ]);
    const run = await t.call(officer, 'POST', `/api/cadre-search/saved/${id}/run`, {});
    expect(
      json(run)
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['李秀英', '赵敏'].sort());

    // Another account: the query does not exist for them.
    expect(json(await t.call(otherOfficer, 'GET', '/api/cadre-search/saved')).items).toEqual([]);
    expect((await t.call(otherOfficer, 'POST', `/api/cadre-search/saved/${id}/run`, {})).statusCode).toBe(404);
    expect((await t.call(otherOfficer, 'PATCH', `/api/cadre-search/saved/${id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await t.call(otherOfficer, 'DELETE', `/api/cadre-search/saved/${id}`)).statusCode).toBe(404);

    const renamed = await t.call(officer, 'PATCH', `/api/cadre-search/saved/${id}`, { name: '女干部' });
    expect(json(renamed).name).toBe('女干部');
    expect((await t.call(officer, 'DELETE', `/api/cadre-search/saved/${id}`)).statusCode).toBe(204);
    expect((await t.call(officer, 'POST', `/api/cadre-search/saved/${id}/run`, {})).statusCode).toBe(404);
  });
});

async function readSheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null ? '' : String(v)))));
  return rows;
}

describe('roster export', () => {
  it('holds the chosen columns and the rows of the search, audited', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cadre-search/export',
      headers: { cookie: officer },
      payload: { query: { levelBand: '县处级', ageAt: '2026-06-01' }, columns: ['unit', 'name', 'age', 'since'], purpose: '班子分析' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readSheet(res.rawPayload);
    // Catalogue order, whatever order they were asked in.
    expect(rows[0]).toEqual(['姓名', '年龄', '任职时间', '单位']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['李秀英', '张建国', '赵敏']);
    expect(rows.find((r) => r[0] === '张建国')).toEqual(['张建国', '56', '2018.05', '示范市发展和改革委员会']);
    await expectAuditRow(t.db, { action: 'cadre.export', result: 'success', objectType: 'cadre' });
  });
});

type Cell = string | number | null;
async function rosterFile(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(file: Buffer, cookie = officer, dryRun = false) {
  const { payload, contentType } = multipartFile(file, '干部花名册.xlsx');
  return t.app.inject({
    method: 'POST',
    url: `/api/cadre-search/import${dryRun ? '?dryRun=true' : ''}`,
    payload,
    headers: { cookie, 'content-type': contentType },
  });
}
const countCadres = async () =>
  Number(
    (
      await t.db
        .selectFrom('cadres')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('roster import', () => {
  const headers = ['姓名', '性别', '出生年月', '身份证号', '现任职务', '职务层次', '单位', '全日制学历学位', '任职时间'];

  it('parses the date spellings of rosters and refuses an ambiguous number', () => {
    expect(parsePartialDate('1975.03', false)).toEqual({ value: '1975-03' });
    expect(parsePartialDate('1975年3月', false)).toEqual({ value: '1975-03' });
    expect(parsePartialDate('19750312', false)).toEqual({ value: '1975-03-12' });
    expect(parsePartialDate('1975.1', true)).toHaveProperty('error');
    expect(parsePartialDate('1975.13', false)).toHaveProperty('error');
  });

  it('matches by name and ID, else name and birth month, and refuses the ambiguous', () => {
    const m = new CadreMatcher([
      { id: 1, name: '王伟', birth: '1990-01', idHash: 'h1' },
      { id: 2, name: '刘洋', birth: '1980-02-03', idHash: null },
      { id: 3, name: '刘洋', birth: '1980-02', idHash: null },
      { id: 4, name: '周平', birth: null, idHash: null },
    ]);
    expect(m.match({ row: 2, name: '王 伟', idHash: 'h1' })).toEqual({ kind: 'update', id: 1 });
    expect(m.match({ row: 3, name: '王芳', idHash: 'h1' })).toMatchObject({ kind: 'error', error: { row: 3, column: '身份证号' } });
    expect(m.match({ row: 4, name: '刘洋', birth: '1980-02' })).toMatchObject({ kind: 'error', error: { row: 4, column: '姓名' } });
    expect(m.match({ row: 5, name: '周平' })).toMatchObject({ kind: 'error' });
    expect(m.match({ row: 6, name: '新人', birth: '1999-09' })).toEqual({ kind: 'create' });
    expect(m.match({ row: 7, name: '新人', birth: '1999-09' })).toMatchObject({
      kind: 'error',
      error: { message: '与第 6 行是同一人，请合并为一行' },
    });
  });

  it('writes nothing when one row is bad, and names the row and the column', async () => {
    const before = await countCadres();
    const file = await rosterFile(headers, [
      ['张建国', '男', '1970.03', null, '党组书记、主任', '正处', '示范市发展和改革委员会', '研究生 经济学硕士'],
      ['新干部', '女', '1992.05', null, '副主任', '副局', '示范市发展和改革委员会', '大学 法学学士', '2024.03'],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    const r = json(res);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ row: 3, column: '职务层次', message: expect.stringContaining('正处') }]);
    expect(await countCadres()).toBe(before);
    const a = await t.db.selectFrom('cadres').select('current_title').where('id', '=', ids.a).executeTakeFirstOrThrow();
    expect(a.current_title).toBe('主任');
  });

  it('updates the matched cadre and creates the new one, in one audited write', async () => {
    const before = await countCadres();
    const id = idNumberFor('110108', '1992-05-06', 1, '女');
    // A post change is an appointment (任职时间, 文号) entered on the file: the roster may not make it.
    const moved = await rosterFile(headers, [
      ['张 建 国', '男', '1970.03', null, '党组书记、主任', '正处', '示范市发展和改革委员会', null],
    ]);
    const refused = json(await upload(moved));
    expect(refused).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(refused.errors).toEqual([{ row: 2, column: '现任职务', message: expect.stringContaining('任职记录') }]);
    const file = await rosterFile(headers, [
      ['张 建 国', '男', '1970.03', null, '主任', '正处', '示范市发展和改革委员会', '研究生 经济学硕士'],
      ['新干部', '女', '1992.05', id, '副主任', '副处', '示范市发展和改革委员会', '大学 法学学士', '2024.03'],
    ]);
    const dry = json(await upload(file, officer, true));
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 1, updated: 1 });
    expect(await countCadres()).toBe(before);
    const res = json(await upload(file));
    expect(res.errors).toEqual([]);
    expect(res).toMatchObject({ ok: true, rows: 2, created: 1, updated: 1, errorCount: 0 });
    expect(await countCadres()).toBe(before + 1);
    const a = await t.db.selectFrom('cadres').select(['current_title', 'edu_rank']).where('id', '=', ids.a).executeTakeFirstOrThrow();
    expect(a).toEqual({ current_title: '主任', edu_rank: 2 });
    // Written through the file's one writer: the change has its history row.
    const h = await t.db
      .selectFrom('cadre_history')
      .select(['section', 'action'])
      .where('cadre_id', '=', ids.a)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(h).toEqual({ section: 'basic', action: 'import' });
    const n = await t.db
      .selectFrom('cadres')
      .select(['id', 'name', 'sex', 'birth', 'level', 'current_unit_id', 'manager_org_id', 'edu_rank', 'id_masked', 'name_initials'])
      .where('name', '=', '新干部')
      .executeTakeFirstOrThrow();
    expect(n).toMatchObject({ sex: '女', birth: '1992-05', level: '副处', edu_rank: 3, name_initials: 'xgb' });
    expect(Number(n.current_unit_id)).toBe(units.bureau);
    expect(Number(n.manager_org_id)).toBe(t.city.sampleIds.city);
    expect(n.id_masked).toMatch(/\*/);
    await expectAuditRow(t.db, { action: 'cadre.import', result: 'success', objectType: 'cadre' });
    // The same file again: both rows now match (the new one by its ID number), nothing is created, and
    // nothing changes: the identity number is compared by its hash, so no new version or history row.
    const files = () =>
      t.db
        .selectFrom('cadres')
        .select(['id', 'version'])
        .where('id', 'in', [ids.a, Number(n.id)])
        .orderBy('id')
        .execute();
    const versions = await files();
    const historyOf = () =>
      t.db
        .selectFrom('cadre_history')
        .select('id')
        .where('cadre_id', 'in', [ids.a, Number(n.id)])
        .execute();
    const kept = (await historyOf()).length;
    expect(json(await upload(file))).toMatchObject({ ok: true, created: 0, updated: 2 });
    expect(await files()).toEqual(versions);
    expect(await historyOf()).toHaveLength(kept);
  });

  it('re-imports an exported roster of every column without changing a thing', async () => {
    const before = await t.db
      .selectFrom('cadres')
      .select(['id', 'birth', 'current_since', 'current_title', 'version'])
      .orderBy('id')
      .execute();
    const historyRows = await t.db
      .selectFrom('cadre_history')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/cadre-search/export',
      headers: { cookie: officer },
      payload: { query: {}, columns: ROSTER_COLUMNS.map((c) => c.key), purpose: '往返核对' },
    });
    expect(exported.statusCode).toBe(200);
    const r = json(await upload(exported.rawPayload));
    expect(r).toMatchObject({ ok: true, created: 0, updated: 5, errorCount: 0 });
    // Month-precise cells (1985.07, 2018.05) keep the days the file already knew.
    // A row that changes nothing writes nothing: no new version, no history row (identity numbers compared by hash).
    expect(
      await t.db.selectFrom('cadres').select(['id', 'birth', 'current_since', 'current_title', 'version']).orderBy('id').execute(),
    ).toEqual(before);
    expect(
      await t.db
        .selectFrom('cadre_history')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(historyRows);
  });

  it('matches only within the importer scope', async () => {
    const file = await rosterFile(headers, [['张建国', '男', '1970.03', null, '主任', '正处', '示范市发展和改革委员会', null]]);
    const r = json(await upload(file, districtOfficer));
    // The city's unit is outside a district officer's scope; the city's cadre is not a candidate.
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ row: 2, column: '单位', message: expect.stringContaining('找不到该单位') }]);
  });
});

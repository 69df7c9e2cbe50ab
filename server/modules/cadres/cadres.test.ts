// The cadre file (issue 12 points 1, 3, 6) through the API, on one shared test city: 干部管理权限 as the
// scope (a district officer cannot see a city-managed cadre: 404 and one audited refusal; a cadre sees
// only their own file), the one writer (history, version conflicts, reviewed items need a reason, a
// member's identity stays on the member record), correction requests, the 任免审批表 round trip
// (sheetOf ∘ applySheet), the photo check, and that no other module writes the cadre tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCadreSheet, type TCadreSheet } from '../../../domain/schemas/cadre-sheet.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { createTestApp, json, multipartFile, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { buildMember, buildUserWithRole } from '../../test/factories.js';
import { idNumberFor } from '../members/id-numbers.js';
import { applySheet, sheetOf } from './sheet.js';
import { changeCadre, insertCadre } from './changes.js';
import { changeCadres, insertCadres, RefusedFiles } from './changes-many.js';

let t: TestApp;
let officer: string;
let districtOfficer: string;
let cityId: number;
let districtId: number;
let seq = 0;
const crypto = new IdCrypto(TEST_KEYS);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await createTestApp({ orgCount: 60 });
  cityId = t.city.sampleIds.city;
  districtId = t.city.sampleIds.district;
  officer = await t.login('cadre-officer');
  const d = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: districtId, username: 'district-cadre-officer' });
  districtOfficer = await t.login(d.username, d.password);
});
afterAll(async () => {
  await t?.close();
});

const ok = async (cookie: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await t.call(cookie, method, url, body);
  expect(res.statusCode, res.body).toBe(status);
  return json(res);
};
const create = (cookie: string, body: Record<string, unknown>) =>
  ok(cookie, 'POST', '/api/cadres', { managerOrgId: cityId, name: `测试干部${++seq}`, sex: '男', ...body }, 201);
const history = (id: number) => t.db.selectFrom('cadre_history').selectAll().where('cadre_id', '=', id).orderBy('id').execute();
const denials = async (actor: string, id: number) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('result', '=', 'denied')
      .where('actor_name', '=', actor)
      .where('object_type', '=', 'cadre')
      .where('object_id', '=', String(id))
      .execute()
  ).length;

describe('干部管理权限 as the scope', () => {
  it('hides a city-managed cadre from a district officer (404, one audited refusal) and shows the district its own', async () => {
    const cityCadre = await create(officer, { name: '市管干部甲' });
    const districtCadre = await create(districtOfficer, { managerOrgId: districtId, name: '区管干部乙' });

    const res = await t.call(districtOfficer, 'GET', `/api/cadres/${cityCadre.id}`);
    expect(res.statusCode).toBe(404);
    expect(await denials('district-cadre-officer', cityCadre.id)).toBe(1);
    expect((await t.call(districtOfficer, 'PATCH', `/api/cadres/${cityCadre.id}`, { version: 1, health: '良好' })).statusCode).toBe(404);
    expect(await denials('district-cadre-officer', cityCadre.id)).toBe(2);

    const seen = (await ok(districtOfficer, 'GET', '/api/cadres?limit=200')).items.map((r: { id: number }) => r.id);
    expect(seen).toContain(districtCadre.id);
    expect(seen).not.toContain(cityCadre.id);
    // The city manages down one level and sees both.
    const all = (await ok(officer, 'GET', `/api/cadres?q=${encodeURIComponent('干部')}&limit=200`)).items.map((r: { id: number }) => r.id);
    expect(all).toEqual(expect.arrayContaining([cityCadre.id, districtCadre.id]));
    // A district officer cannot file a cadre under the city either.
    expect((await t.call(districtOfficer, 'POST', '/api/cadres', { managerOrgId: cityId, name: '越权干部' })).statusCode).toBe(404);
  });

  it('lets a cadre read only their own file, as the form, and nothing else', async () => {
    const u = await buildUserWithRole(t.db, { role: 'cadre', orgId: t.city.sampleIds.branch, username: 'cadre-self-1' });
    const cookie = await t.login(u.username, u.password);
    expect((await t.call(cookie, 'GET', '/api/cadres/me')).statusCode).toBe(404);
    const c = await create(officer, { name: '本人干部', nativePlace: '江苏南京' });
    await ok(officer, 'PATCH', `/api/cadres/${c.id}`, { version: c.version, userId: u.id });
    const me = await ok(cookie, 'GET', '/api/cadres/me');
    expect(me).toMatchObject({ id: c.id, form: { name: '本人干部', nativePlace: '江苏南京' } });
    expect(me.form).not.toHaveProperty('idNumber');
    expect((await t.call(cookie, 'GET', `/api/cadres/${c.id}`)).statusCode).toBe(403);
    expect((await t.call(cookie, 'GET', '/api/cadres')).statusCode).toBe(403);
  });
});

describe('the one writer', () => {
  it('keeps before, after, actor and time in the history, bumps the version and refuses a stale one', async () => {
    const c = await create(officer, { health: '健康' });
    const v2 = await ok(officer, 'PATCH', `/api/cadres/${c.id}`, { version: c.version, health: '良好', expertise: '经济管理' });
    expect(v2).toMatchObject({ health: '良好', expertise: '经济管理', version: c.version + 1 });
    const [created, changed] = await history(c.id);
    expect(created).toMatchObject({ section: 'file', action: 'create' });
    expect(changed).toMatchObject({
      section: 'basic',
      action: 'update',
      before: { health: '健康', expertise: '' },
      after: { health: '良好' },
    });
    expect(changed.actor_id).not.toBeNull();

    const stale = await t.call(officer, 'PATCH', `/api/cadres/${c.id}`, { version: c.version, health: '一般' });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.field).toBe('version');
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).health).toBe('良好');
    expect(await history(c.id)).toHaveLength(2);
  });

  it('derives the current post and level from the open appointments, with 任职时间 and 文号', async () => {
    const c = await create(officer, {});
    const a = await ok(officer, 'POST', `/api/cadres/${c.id}/appointments`, {
      version: c.version,
      title: '示范市发展和改革委员会副主任',
      level: '副处',
      decidedOn: '2020-03-15',
      docNo: '示组干〔2020〕12号',
    });
    const b = await ok(officer, 'POST', `/api/cadres/${c.id}/appointments`, {
      version: a.version,
      title: '示范市发展和改革委员会主任',
      level: '正处',
      principal: true,
      decidedOn: '2024-06-01',
      docNo: '示组干〔2024〕30号',
    });
    expect(b).toMatchObject({ currentTitle: '示范市发展和改革委员会主任', currentSince: '2024-06-01', level: '正处' });
    expect(b.form.currentPost).toBe('示范市发展和改革委员会主任、示范市发展和改革委员会副主任');
    const deputy = b.appointments.find((x: { title: string }) => x.title.endsWith('副主任'));
    const e = await ok(officer, 'POST', `/api/cadres/${c.id}/appointments/${deputy.id}/end`, { version: b.version, endedOn: '2024-06-01' });
    expect(e.form.currentPost).toBe('示范市发展和改革委员会主任');

    // A post of the 职数 table brings its unit, level and principal flag; the list finds the cadre by unit.
    const unit = await t.db
      .insertInto('cadre_units')
      .values({ manager_org_id: cityId, name: '示范市统计局', kind: '政府部门', level: '正处' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const post = await t.db
      .insertInto('cadre_posts')
      .values({ unit_id: unit.id, title: '局长', level: '正处', principal: true, quota: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await create(officer, {});
    const p = await ok(officer, 'POST', `/api/cadres/${other.id}/appointments`, {
      version: other.version,
      title: '示范市统计局局长',
      postId: post.id,
      decidedOn: '2025-01-10',
      docNo: '示组干〔2025〕3号',
    });
    expect(p.appointments[0]).toMatchObject({ unitId: unit.id, unitName: '示范市统计局', level: '正处', principal: true, postId: post.id });
    const byUnit = await ok(officer, 'GET', `/api/cadres?unitId=${unit.id}`);
    expect(byUnit.items.map((r: { id: number }) => r.id)).toEqual([other.id]);
    expect(byUnit.items[0]).toMatchObject({ unitName: '示范市统计局', level: '正处', currentTitle: '示范市统计局局长' });
  });

  it('refuses a change to a reviewed 三龄二历 item without a reason, naming the field, and takes it with one', async () => {
    const c = await create(officer, { birth: '1978-04', workStart: '1998-07' });
    const r = await ok(officer, 'POST', `/api/cadres/${c.id}/reviews`, { item: 'birth', source: '干部档案 招工登记表' });
    expect(r.reviews.find((x: { item: string }) => x.item === 'birth')).toMatchObject({
      reviewed: true,
      value: '1978-04',
      source: '干部档案 招工登记表',
    });
    expect(r.reviews.find((x: { item: string }) => x.item === 'work_start')).toMatchObject({ reviewed: false });

    const refused = await t.call(officer, 'PATCH', `/api/cadres/${c.id}`, { version: r.version, birth: '1978-05' });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({ code: 'REASON_REQUIRED', field: 'birth' });
    expect(json(refused).error.message).toContain('出生日期');
    // An unreviewed item changes freely.
    const w = await ok(officer, 'PATCH', `/api/cadres/${c.id}`, { version: r.version, workStart: '1998-08' });

    const done = await ok(officer, 'PATCH', `/api/cadres/${c.id}`, { version: w.version, birth: '1978-05', reason: '据出生医学证明更正' });
    expect(done.birth).toBe('1978-05');
    // Changed after its confirmation: it needs confirming again.
    expect(done.reviews.find((x: { item: string }) => x.item === 'birth').reviewed).toBe(false);
    expect((await history(c.id)).at(-1)).toMatchObject({
      reason: '据出生医学证明更正',
      before: { birth: '1978-04' },
      after: { birth: '1978-05' },
    });
  });

  it('takes a Party member’s identity from the member record, refuses editing it here, and follows the record', async () => {
    const m = await buildMember(t.db, {
      orgId: t.city.sampleIds.branch,
      name: '王建国',
      gender: '男',
      birth_date: '1980-05-06',
      ethnicity: '汉族',
      idNumber: idNumberFor('110105', '1980-05-06', ++seq, '男'),
      admitted_on: '2003-07-01',
    });
    const c = await ok(officer, 'POST', '/api/cadres', { managerOrgId: cityId, memberId: m.id, nativePlace: '山东济南' }, 201);
    expect(c).toMatchObject({ name: '王建国', birth: '1980-05-06', partyJoin: '2003-07-01', political: '中共党员', memberId: m.id });
    expect(c.idMasked).toMatch(/^1101\*+/);

    const refused = await t.call(officer, 'PATCH', `/api/cadres/${c.id}`, { version: c.version, name: '王建军' });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({ code: 'FROM_MEMBER_RECORD', field: 'name' });
    expect(json(refused).error.message).toContain('党员档案');

    const admin = await t.login('city-admin');
    await ok(admin, 'PATCH', `/api/members/${m.id}`, { name: '王建军' });
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).name).toBe('王建军');
  });
});

describe('the writer for many files at once (changes-many.ts)', () => {
  const w = (db: TestApp['db']) => ({ db, actor: null, clock: t.clock, crypto });
  const post = (unitId: number | null, decided: string) => ({
    post_id: null,
    unit_id: unitId,
    title: '副主任',
    level: '副处',
    principal: false,
    decided_on: decided,
    doc_no: '',
    probation_until: null,
    concurrent: false,
  });
  const rank = (decided: string) => ({ title: '二级巡视员', level: '正处', decided_on: decided, doc_no: '', ended_on: null });
  /** A file as the reader sees it, without what differs between two files by construction. */
  const fileOf = async (id: number) => {
    const c = await t.db.selectFrom('cadres').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const {
      id: _i,
      name: _n,
      name_initials: _a,
      sort_key: _s,
      id_cipher: _c,
      id_hash: _h,
      id_masked: _m,
      created_at: _t,
      updated_at: _u,
      ...rest
    } = c;
    const posts = await t.db
      .selectFrom('cadre_appointments')
      .select(['title', 'level', 'decided_on', 'unit_id'])
      .where('cadre_id', '=', id)
      .execute();
    const ranks = await t.db.selectFrom('cadre_ranks').select(['title', 'level', 'decided_on']).where('cadre_id', '=', id).execute();
    const experience = (
      await sql<{
        posts_below: number;
        unit_kinds: number;
      }>`select posts_below, unit_kinds from cadre_experience where cadre_id = ${id}`.execute(t.db)
    ).rows;
    const hist = (await history(id)).map((h) => {
      const strip = (v: unknown) =>
        JSON.parse(JSON.stringify(v ?? null), (k, x) => (['id', 'name', 'id_masked'].includes(k) ? undefined : x));
      return { section: h.section, action: h.action, reason: h.reason, before: strip(h.before), after: strip(h.after) };
    });
    return { ...rest, posts, ranks, experience, hist };
  };

  it('writes a new file with its post and rank exactly as insertCadre and changeCadre write it, one by one', async () => {
    const unit = Number(
      (
        await t.db
          .insertInto('cadre_units')
          .values({ manager_org_id: cityId, name: '批量写入测试局', kind: '政府部门', level: '正处' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const base = {
      manager_org_id: cityId,
      sex: '女',
      birth: '1981-02',
      health: '健康',
      edu_full_time: { level: '大学', degree: '法学学士', levelSchool: '', degreeSchool: '' },
    };
    const one = await t.db.transaction().execute(async (trx) => {
      const id = await insertCadre(w(trx), { ...base, name: '逐个写入' }, 'roster', 'import');
      await changeCadre(w(trx), id, { section: 'appointments', action: 'import', addAppointment: post(unit, '2021-03-01') });
      await changeCadre(w(trx), id, { section: 'ranks', action: 'import', ranks: [rank('2021-03-01')] });
      return id;
    });
    const [many, bare] = await t.db.transaction().execute((trx) =>
      insertCadres(
        w(trx),
        [
          {
            cadre: { ...base, name: '批量写入', id_number: idNumberFor('110105', '1981-02-03', ++seq, '女') },
            appointment: post(unit, '2021-03-01'),
            rank: rank('2021-03-01'),
          },
          { cadre: { ...base, name: '只有基本信息' } },
        ],
        'roster',
        'import',
      ),
    );
    const a = await fileOf(one);
    // The level is the higher of the post's and the rank's.
    expect(a).toMatchObject({ version: 3, current_title: '副主任', level: '正处', rank_title: '二级巡视员', edu_rank: 3 });
    expect(a.hist.map((h) => h.section)).toEqual(['roster', 'appointments', 'ranks']);
    expect(await fileOf(many)).toEqual(a);
    const b = await t.db
      .selectFrom('cadres')
      .select(['version', 'current_title', 'level', 'name_initials', 'id_masked'])
      .where('id', '=', bare)
      .executeTakeFirstOrThrow();
    expect(b).toEqual({ version: 1, current_title: '', level: null, name_initials: 'zyjbxx', id_masked: null });
  });

  it('refuses files one by one (a held identity number, a second one in the batch, a blank name) and then writes none', async () => {
    const id = idNumberFor('110105', '1979-09-09', ++seq, '男');
    await create(officer, { name: '已有身份证号', idNumber: id });
    const before = (await t.db.selectFrom('cadres').select('id').execute()).length;
    const other = idNumberFor('110105', '1979-09-10', ++seq, '男');
    const files = [
      { name: '甲', id_number: id },
      { name: '乙', id_number: other },
      { name: '丙', id_number: other },
      { name: ' ' },
      { name: '丁' },
    ];
    const refused = await t.db
      .transaction()
      .execute((trx) =>
        insertCadres(
          w(trx),
          files.map((c) => ({ cadre: { ...c, manager_org_id: cityId } })),
          'roster',
          'import',
        ),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedFiles);
    expect((refused as RefusedFiles).refusals.map((r) => [r.index, r.error.field, r.error.message])).toEqual([
      [0, 'idNumber', '该身份证号已有干部记录'],
      [2, 'idNumber', '该身份证号已有干部记录'],
      [3, 'name', '请填写姓名'],
    ]);
    expect((await t.db.selectFrom('cadres').select('id').execute()).length).toBe(before);
  });

  it('changes many files as changeCadre does: stale versions, a member’s identity and a reviewed item without a reason refused, together', async () => {
    const plain = await create(officer, { birth: '1975-01', health: '健康' });
    const reviewed = await create(officer, { birth: '1976-01' });
    const r = await ok(officer, 'POST', `/api/cadres/${reviewed.id}/reviews`, { item: 'birth', source: '干部档案' });
    const m = await buildMember(t.db, {
      orgId: t.city.sampleIds.branch,
      name: '党员干部',
      gender: '男',
      birth_date: '1980-01-02',
      idNumber: idNumberFor('110105', '1980-01-02', ++seq, '男'),
    });
    const linked = await ok(officer, 'POST', '/api/cadres', { managerOrgId: cityId, memberId: m.id }, 201);
    const run = (changes: Parameters<typeof changeCadres>[1]) =>
      t.db
        .transaction()
        .execute((trx) => changeCadres(w(trx), changes))
        .catch((e: unknown) => e);
    const basic = (set: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      section: 'basic',
      action: 'import',
      set,
      ...extra,
    });

    const refused = await run([
      { id: plain.id, change: basic({ health: '良好' }, { version: plain.version - 1 }) },
      { id: reviewed.id, change: basic({ birth: '1976-02' }) },
      { id: linked.id, change: basic({ name: '改名' }) },
      { id: plain.id, change: basic({ expertise: '经济' }) },
    ]);
    expect((refused as RefusedFiles).refusals.map((x) => [x.index, x.error.code, x.error.field])).toEqual([
      [0, 'CONFLICT', 'version'],
      [1, 'REASON_REQUIRED', 'birth'],
      [2, 'FROM_MEMBER_RECORD', 'name'],
    ]);
    expect((await history(plain.id)).length).toBe(1);

    expect(
      await run([
        { id: plain.id, change: basic({ health: '良好', expertise: '经济' }, { version: plain.version }) },
        { id: reviewed.id, change: basic({ birth: '1976-02' }, { reason: '据户籍更正' }) },
      ]),
    ).toBeUndefined();
    expect((await history(plain.id)).at(-1)).toMatchObject({
      section: 'basic',
      before: { health: '健康', expertise: '' },
      after: { health: '良好', expertise: '经济' },
    });
    const after = await ok(officer, 'GET', `/api/cadres/${reviewed.id}`);
    expect(after).toMatchObject({ birth: '1976-02', version: r.version + 1 });
    // Changed with a reason after its confirmation: it needs confirming again.
    expect(after.reviews.find((x: { item: string }) => x.item === 'birth').reviewed).toBe(false);
    expect((await history(reviewed.id)).at(-1)).toMatchObject({
      reason: '据户籍更正',
      before: { birth: '1976-01' },
      after: { birth: '1976-02' },
    });

    // Text that means something in an array literal or in JSON is stored as given; education goes in as
    // jsonb; a change that alters nothing still counts, as changeCadre counts it (a version, a history row).
    const odd = '引号"逗号,花括号{}反斜杠\\ NULL \ud83d\ude00';
    const edu = { level: '研究生', degree: '法学硕士', levelSchool: '某大学"法学院"', degreeSchool: '' };
    expect(
      await run([
        { id: plain.id, change: basic({ expertise: odd, edu_full_time: edu }) },
        { id: reviewed.id, change: basic({}) },
      ]),
    ).toBeUndefined();
    const file = await t.db
      .selectFrom('cadres')
      .select(['expertise', 'edu_full_time', 'edu_rank'])
      .where('id', '=', plain.id)
      .executeTakeFirstOrThrow();
    expect(file).toEqual({ expertise: odd, edu_full_time: edu, edu_rank: 2 });
    expect((await ok(officer, 'GET', `/api/cadres/${reviewed.id}`)).version).toBe(r.version + 2);
  });
});

describe('correction requests', () => {
  it('changes the file only when an officer approves, with the history naming the request; a refusal changes nothing', async () => {
    const u = await buildUserWithRole(t.db, { role: 'cadre', orgId: t.city.sampleIds.branch, username: 'cadre-self-2' });
    const cookie = await t.login(u.username, u.password);
    const c = await create(officer, { nativePlace: '江苏南京', health: '健康' });
    await ok(officer, 'PATCH', `/api/cadres/${c.id}`, { version: c.version, userId: u.id });

    const req1 = await ok(
      cookie,
      'POST',
      '/api/cadres/me/corrections',
      { field: 'nativePlace', proposedValue: '江苏扬州', reason: '籍贯填写有误' },
      201,
    );
    expect(req1).toMatchObject({ status: 'pending', currentValue: '江苏南京', proposedValue: '江苏扬州' });
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).nativePlace).toBe('江苏南京');
    const queue = (await ok(officer, 'GET', '/api/cadres/corrections')).items.map((k: { id: number }) => k.id);
    expect(queue).toContain(req1.id);
    // The district does not manage this cadre: the request is not theirs to decide.
    expect((await t.call(districtOfficer, 'POST', `/api/cadres/corrections/${req1.id}/approve`, {})).statusCode).toBe(404);
    expect((await t.call(cookie, 'POST', `/api/cadres/corrections/${req1.id}/approve`, {})).statusCode).toBe(403);

    const approved = await ok(officer, 'POST', `/api/cadres/corrections/${req1.id}/approve`, { note: '已核对户籍材料' });
    expect(approved).toMatchObject({ status: 'approved', decisionNote: '已核对户籍材料' });
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).nativePlace).toBe('江苏扬州');
    expect((await history(c.id)).at(-1)).toMatchObject({
      section: 'correction',
      action: 'approve',
      reason: '更正申请：籍贯填写有误',
      after: { native_place: '江苏扬州', correctionId: req1.id },
    });
    expect((await t.call(officer, 'POST', `/api/cadres/corrections/${req1.id}/approve`, {})).statusCode).toBe(409);

    const req2 = await ok(
      cookie,
      'POST',
      '/api/cadres/me/corrections',
      { field: 'health', proposedValue: '良好', reason: '体检结论' },
      201,
    );
    expect((await t.call(officer, 'POST', `/api/cadres/corrections/${req2.id}/refuse`, {})).statusCode).toBe(400);
    await ok(officer, 'POST', `/api/cadres/corrections/${req2.id}/refuse`, { note: '请提供体检报告' });
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).health).toBe('健康');
    const mine = (await ok(cookie, 'GET', '/api/cadres/me/corrections')).items;
    expect(mine.map((k: { status: string }) => k.status)).toEqual(['refused', 'approved']);
  });
});

const SHEET: TCadreSheet = ZCadreSheet.parse({
  name: '欧阳明华',
  sex: '男',
  birth: '1975-03',
  ethnicity: '汉族',
  nativePlace: '江苏南京',
  birthPlace: '江苏南京',
  partyJoin: '1998-06',
  partyName: '',
  workStart: '1996-07',
  health: '健康',
  proTitle: '高级经济师（2010.12）',
  expertise: '宏观经济管理',
  fullTime: { level: '大学', degree: '经济学学士', levelSchool: '南京大学经济系国际贸易专业', degreeSchool: '南京大学经济系' },
  inService: { level: '研究生', degree: '管理学硕士', levelSchool: '中央党校研究生院经济管理专业', degreeSchool: '' },
  currentPost: '示范市发展和改革委员会党组书记、主任',
  proposedPost: '示范市人民政府副秘书长',
  proposedRemoval: '示范市发展和改革委员会主任职务',
  resume: [
    { from: '1992-09', to: '1996-07', text: '南京大学经济系国际贸易专业学习', sub: [] },
    {
      from: '1996-07',
      to: null,
      text: '示范市计划委员会科员、副主任科员、主任科员',
      sub: ['（其间：2005.09--2008.07在中央党校研究生院经济管理专业在职研究生学习）'],
    },
    { from: null, to: null, text: '（注：此行原文无法识别，原样保留）', sub: [] },
  ],
  rewards: '2015年被评为全省优秀公务员\n2019年受到嘉奖',
  assessments: '2022年度考核称职；2023年度考核优秀；2024年度考核优秀',
  reason: '工作需要',
  family: [
    { relation: '妻子', name: '李秀兰', birth: '1977-08', political: '中共党员', workPost: '示范市第一中学教师', deceased: false },
    { relation: '父亲', name: '欧阳建', birth: '1948-01', political: '群众', workPost: '已故', deceased: true },
  ],
  reportingUnit: '中共示范市委组织部',
  ageAt: '2026-06-30',
  filledOn: '2026-06-20',
  filledBy: '张科员',
  idNumber: idNumberFor('320102', '1975-03-09', 17, '男'),
  photo: { mime: 'image/png', base64: PNG.toString('base64') },
  version: '3.2.1.16',
  extras: [{ name: 'DaoLingNianYue', text: '203506', after: 'CanJiaGongZuoShiJian' }],
});

describe('the 任免审批表 as one value', () => {
  const writer = (db: TestApp['db']) => ({ db, actor: null, clock: t.clock, crypto });

  it('gives back every field of a rich sheet after writing it into a new file (sheetOf ∘ applySheet)', async () => {
    const { id, ignored } = await t.db.transaction().execute((trx) => applySheet(writer(trx), null, SHEET, { managerOrgId: cityId }));
    expect(ignored).toEqual([]);
    expect(await sheetOf({ db: t.db, crypto }, id)).toEqual(SHEET);
    // The structure behind it: assessments as rows, rewards on the form, the education rank.
    const file = await ok(officer, 'GET', `/api/cadres/${id}`);
    expect(file.assessments.map((a: { year: number; grade: string }) => `${a.year}${a.grade}`)).toEqual([
      '2024优秀',
      '2023优秀',
      '2022称职',
    ]);
    expect(file.rewards).toHaveLength(2);
    expect(file).toMatchObject({ eduRank: 2, hasPhoto: true, idMasked: expect.stringMatching(/^3201/) });
    expect(file.form).not.toHaveProperty('idNumber');
  });

  it('keeps a 年度考核结果 it cannot split as text until the assessments change, and refuses a reviewed item without a reason', async () => {
    const sheet = { ...SHEET, name: '赵文静', idNumber: null, assessments: '2024年度考核优秀（记三等功）', currentPost: '' };
    const { id } = await t.db.transaction().execute((trx) => applySheet(writer(trx), null, sheet, { managerOrgId: cityId }));
    expect(await sheetOf({ db: t.db, crypto }, id)).toEqual(sheet);
    const f = await ok(officer, 'PUT', `/api/cadres/${id}/assessments`, {
      version: (await ok(officer, 'GET', `/api/cadres/${id}`)).version,
      items: [{ year: 2025, grade: '称职' }],
    });
    expect(f.form.assessments).toBe('2025年度考核称职');

    await ok(officer, 'POST', `/api/cadres/${id}/reviews`, { item: 'work_history', source: '干部档案 干部履历表' });
    const changed = { ...sheet, resume: [...sheet.resume, { from: '2026-01', to: null, text: '新的经历', sub: [] }] };
    await expect(t.db.transaction().execute((trx) => applySheet(writer(trx), id, changed))).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'resume',
    });
    await t.db.transaction().execute((trx) => applySheet(writer(trx), id, changed, { reason: '任免审批表更新' }));
    expect((await sheetOf({ db: t.db, crypto }, id)).resume).toHaveLength(4);
  });
});

describe('the photo', () => {
  it('refuses a file that is not a JPEG or PNG and changes nothing; takes a PNG', async () => {
    const c = await create(officer, {});
    const send = (buf: Buffer, name: string) => {
      const { payload, contentType } = multipartFile(buf, name);
      return t.app.inject({
        method: 'PUT',
        url: `/api/cadres/${c.id}/photo`,
        payload,
        headers: { cookie: officer, 'content-type': contentType },
      });
    };
    const bad = await send(Buffer.from('%PDF-1.4 not a photo'), 'photo.jpg');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('file');
    expect((await ok(officer, 'GET', `/api/cadres/${c.id}`)).version).toBe(c.version);

    const good = await send(PNG, 'photo.png');
    expect(good.statusCode, good.body).toBe(200);
    expect(json(good).hasPhoto).toBe(true);
    const img = await t.call(officer, 'GET', `/api/cadres/${c.id}/photo`);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('one write path per cadre record', () => {
  // The demo city's bulk writer and the tests' builders (server/test/) are allowed by name; the .lrmx import writes
  // through applySheet (sheet.ts → changes.ts).
  const TABLES = 'cadres|cadre_appointments|cadre_ranks|cadre_rewards|cadre_assessments|cadre_family|cadre_reviews|cadre_history';
  const WRITES = new RegExp(
    // Kysely's builders, the batch insert (db/batches.ts insertInBatches) and SQL text.
    `(?:updateTable|insertInto|deleteFrom)\\(\\s*'(?:${TABLES})(?: as \\w+)?'\\s*\\)|insertInBatches\\(\\s*[\\w.]+,\\s*'(?:${TABLES})'` +
      `|\\b(?:update|insert\\s+into|delete\\s+from)\\s+(?:${TABLES})\\b`,
    'i',
  );

  it('leaves every write of a cadre table to the writer: changes.ts and its form for many files, changes-many.ts', () => {
    const root = join(import.meta.dirname, '../..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const writers = files.filter(
      (f) => WRITES.test(readFileSync(join(root, f), 'utf8')) && !f.startsWith('modules/cadres/demo/') && !f.startsWith('test/'),
    );
    expect(writers.sort()).toEqual(['modules/cadres/changes-many.ts', 'modules/cadres/changes.ts']);
    // a batch insert elsewhere would be found too
    expect(WRITES.test("await insertInBatches(w.db, 'cadre_history', rows)")).toBe(true);
  });
});

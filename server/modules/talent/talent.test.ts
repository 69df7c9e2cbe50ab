// The talent registry through the API: the one writer keeps history and versions (409 when stale), a
// member-linked talent takes identity from the member record, a district officer sees only its district
// (404 for another's), the card follows the tier's card_years, the structure counts what the list shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { idNumberFor } from '../members/id-numbers.js';

const ID = idNumberFor('110101', '1985-04-12', 7, '男');
const BAD_ID = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');

let t: TestApp;
let officer: string;
let districtOfficer: string;
let districtA: number;
let districtB: number;
let employerA: number;
let employerB: number;
let tierA: number;
const base = '/api/talent';

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('talent-officer');
  const city = t.city.sampleIds.city;
  districtA = t.city.sampleIds.district;
  const other = await t.db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', city)
    .where('id', '<>', districtA)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  districtB = other.id;
  const u = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: districtA });
  districtOfficer = await t.login(u.username, u.password);
  const emps = await t.db
    .insertInto('talent_employers')
    .values([
      { name: '甲区示例科技有限公司（虚构）', district_org_id: districtA, industry: '信息技术', kind: '企业' },
      { name: '乙区示例研究院（虚构）', district_org_id: districtB, industry: '生物医药', kind: '科研院所' },
    ])
    .returning('id')
    .execute();
  [employerA, employerB] = emps.map((e) => e.id);
  const res = await t.call(officer, 'POST', `${base}/tier-sets`, {
    code: 'T2026',
    name: '人才分类目录（2026 版，虚构）',
    effectiveOn: '2026-01-01',
    source: '示例文件（虚构）',
    tiers: [
      { code: 'A', name: 'A 类', cardYears: 5, expertReview: true },
      { code: 'B', name: 'B 类', cardYears: 3 },
    ],
    criteria: [
      { code: 'achievement', name: '业绩成果', weight: 60 },
      { code: 'potential', name: '发展潜力', weight: 40 },
    ],
  });
  expect(res.statusCode).toBe(201);
  tierA = (json(res).items as { code: string; tiers: { id: number; code: string }[] }[]).find((s) => s.code === 'T2026')!.tiers[0].id;
});
afterAll(async () => {
  await t?.close();
});

const person = (over: Record<string, unknown> = {}) => ({
  name: '林知远',
  sex: '男',
  birth: '1985-04-12',
  idNumber: ID,
  employerId: employerA,
  field: '人工智能',
  industry: '信息技术',
  degrees: [{ level: '博士', degree: '工学博士', school: '示例大学', abroad: false, obtainedOn: '2012-07-01' }],
  ...over,
});

describe('the registry writer through the API', () => {
  let id: number;
  it('creates with a history row and a masked identity, in the employer district', async () => {
    const res = await t.call(officer, 'POST', `${base}/people`, person());
    expect(res.statusCode, res.body).toBe(201);
    const p = json(res);
    id = p.id;
    expect(p).toMatchObject({ districtOrgId: districtA, idMasked: expect.stringMatching(/\*/), version: 1 });
    expect(p.history).toHaveLength(1);
    expect(p.history[0]).toMatchObject({ change: 'create' });
    expect(JSON.stringify(p.history)).not.toContain(ID);
  });

  it('refuses a bad identity number with the field named and writes nothing', async () => {
    const res = await t.call(officer, 'POST', `${base}/people`, person({ name: '错号', idNumber: BAD_ID }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('idNumber');
    expect(await t.db.selectFrom('talent_people').select('id').where('name', '=', '错号').execute()).toHaveLength(0);
  });

  it('updates with before and after, and refuses a stale version (409)', async () => {
    const ok = await t.call(officer, 'PUT', `${base}/people/${id}`, { ...person({ field: '集成电路', idNumber: null }), version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const h = json(ok).history[0];
    expect(h).toMatchObject({ change: 'update', before: { field: '人工智能' }, after: { field: '集成电路' } });
    const stale = await t.call(officer, 'PUT', `${base}/people/${id}`, { ...person({ field: '量子' }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json(await t.call(officer, 'GET', `${base}/people/${id}`)).field).toBe('集成电路');
  });

  it('takes a linked member’s name from the member record', async () => {
    const m = await t.db.selectFrom('members').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const res = await t.call(officer, 'POST', `${base}/people`, { ...person({ name: '', idNumber: null }), memberId: m.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ name: m.name, linked: 'member' });
  });

  it('grants a card expiring by the tier’s years, printable as a PDF', async () => {
    const cur = json(await t.call(officer, 'GET', `${base}/people/${id}`));
    const res = await t.call(officer, 'POST', `${base}/people/${id}/card`, { tierId: tierA, issuedOn: '2026-03-01', version: cur.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ cardIssuedOn: '2026-03-01', cardExpiresOn: '2031-02-28', tierName: 'A 类' });
    const pdf = await t.call(officer, 'GET', `${base}/people/${id}/card.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('keeps a district officer to its district: the other district’s talent is a 404', async () => {
    const res = await t.call(officer, 'POST', `${base}/people`, person({ name: '周未央', idNumber: null, employerId: employerB }));
    expect(res.statusCode).toBe(201);
    const other = json(res).id;
    expect((await t.call(districtOfficer, 'GET', `${base}/people/${other}`)).statusCode).toBe(404);
    expect((await t.call(districtOfficer, 'GET', `${base}/people/${id}`)).statusCode).toBe(200);
    const list = json(await t.call(districtOfficer, 'GET', `${base}/people?limit=200`));
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(other);
    expect(list.items.map((r: { id: number }) => r.id)).toContain(id);
    // Nor may it register a talent at the other district's employer.
    const foreign = await t.call(
      districtOfficer,
      'POST',
      `${base}/people`,
      person({ name: '越界', idNumber: null, employerId: employerB }),
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('counts the structure as the list filters it, and exports with a purpose', async () => {
    const s = json(await t.call(officer, 'GET', `${base}/structure?by=tier`));
    const row = s.rows.find((r: { key: string }) => r.key === String(tierA));
    const list = json(await t.call(officer, 'GET', `${base}/people?tierId=${tierA}&status=active`));
    expect(row.count).toBe(list.total);
    expect((await t.call(officer, 'GET', `${base}/export`)).statusCode).toBe(400);
    const x = await t.call(officer, 'GET', `${base}/export?purpose=${encodeURIComponent('年度人才工作统计')}&card=valid`);
    expect(x.statusCode).toBe(200);
  });

  it('filters by card state and shows the same counts on the dashboard panel', async () => {
    const count = async (q: string) => json(await t.call(officer, 'GET', `${base}/people?status=active${q}`)).total as number;
    const [all, none, valid, expiring, expired] = await Promise.all(
      ['', '&card=none', '&card=valid', '&card=expiring', '&card=expired'].map(count),
    );
    expect(valid).toBeGreaterThan(0);
    expect(none + valid + expired).toBe(all);
    const panel = json(await t.call(officer, 'GET', '/api/dashboard/talent'));
    expect(panel).toMatchObject({ total: all, carded: valid, expiring, expired });
    expect(panel.byTier.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(all);
    expect((await t.call(districtOfficer, 'GET', `/api/dashboard/talent?orgId=${districtB}`)).statusCode).toBe(404);
  });
});

describe('人才分类认定 review levels', () => {
  it('lets a district office take the district step but not the city’s (403, audited); the city office takes it', async () => {
    const p = json(await t.call(officer, 'POST', `${base}/people`, person({ name: '韩守拙', idNumber: null })));
    let r = json(
      await t.call(districtOfficer, 'POST', `${base}/recognitions`, { personId: p.id, tierId: tierA, basis: '省级项目（虚构）' }),
    );
    const decide = (who: string) => t.call(who, 'POST', `${base}/recognitions/${r.id}/decide`, { outcome: 'pass', version: r.version });
    const first = await decide(districtOfficer);
    expect(first.statusCode, first.body).toBe(200);
    r = json(first);
    expect(r.status).toBe('city_review');
    const refused = await decide(districtOfficer);
    expect(refused.statusCode).toBe(403);
    expect(json(refused).error.code).toBe('CITY_LEVEL');
    await expectAuditRow(t.db, { action: 'talent.review', result: 'denied', objectType: 'talent_recognition', objectId: r.id });
    expect(json(await t.call(officer, 'GET', `${base}/recognitions/${r.id}`))).toMatchObject({ status: 'city_review', version: r.version });
    const city = await decide(officer);
    expect(city.statusCode, city.body).toBe(200);
    expect(json(city).status).toBe('expert_review');
  });
});

describe('人才分类认定 through experts and 公示 to a card', () => {
  it('keeps scores sealed until all experts are in, then 公示, then grants the tier and card', async () => {
    const p = json(await t.call(officer, 'POST', `${base}/people`, person({ name: '宋清和', idNumber: null })));
    const created = await t.call(officer, 'POST', `${base}/recognitions`, {
      personId: p.id,
      tierId: tierA,
      basis: '主持国家级项目（虚构）',
    });
    expect(created.statusCode, created.body).toBe(201);
    let r = json(created);
    expect(r.status).toBe('district_review');
    const decide = async (body: Record<string, unknown>) => {
      const res = await t.call(officer, 'POST', `${base}/recognitions/${r.id}/decide`, { ...body, version: r.version });
      expect(res.statusCode, res.body).toBe(200);
      r = json(res);
    };
    expect(
      (await t.call(officer, 'POST', `${base}/recognitions/${r.id}/decide`, { outcome: 'return', reason: '', version: r.version }))
        .statusCode,
    ).toBe(400);
    await decide({ outcome: 'pass' });
    await decide({ outcome: 'pass' });
    expect(r.status).toBe('expert_review');
    const e1 = await buildUserWithRole(t.db, { role: 'talent_expert', orgId: t.city.sampleIds.city });
    const e2 = await buildUserWithRole(t.db, { role: 'talent_expert', orgId: t.city.sampleIds.city });
    const c1 = await t.login(e1.username, e1.password);
    const c2 = await t.login(e2.username, e2.password);
    const assigned = await t.call(officer, 'POST', `${base}/recognitions/${r.id}/experts`, {
      expertIds: [e1.id, e2.id],
      version: r.version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const s1 = await t.call(c1, 'POST', `${base}/expert/recognitions/${r.id}/score`, { scores: { achievement: 80, potential: 70 } });
    expect(s1.statusCode, s1.body).toBe(200);
    const seenBy2 = json(await t.call(c2, 'GET', `${base}/expert/recognitions/${r.id}`));
    expect(seenBy2.experts.find((x: { expertId: number }) => x.expertId === e1.id)).toMatchObject({
      scored: true,
      total: null,
      scores: null,
    });
    expect(
      json(await t.call(officer, 'GET', `${base}/recognitions/${r.id}`)).experts.every((x: { total: unknown }) => x.total === null),
    ).toBe(true);
    const s2 = await t.call(c2, 'POST', `${base}/expert/recognitions/${r.id}/score`, { scores: { achievement: 70, potential: 60 } });
    r = json(s2);
    expect(r).toMatchObject({ status: 'publicity', expertScore: 71 });
    expect(r.experts.find((x: { expertId: number }) => x.expertId === e1.id).total).toBe(76);
    expect(r.publicityUntil > r.publicityFrom).toBe(true);
    const early = await t.call(officer, 'POST', `${base}/recognitions/${r.id}/publicity-end`, { outcome: 'grant', version: r.version });
    expect(early.statusCode).toBe(409);
    t.clock.advanceMinutes(60 * 24 * 20);
    // Twenty days on, the session has expired: sign in again.
    officer = await t.login('talent-officer');
    const granted = await t.call(officer, 'POST', `${base}/recognitions/${r.id}/publicity-end`, { outcome: 'grant', version: r.version });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(json(granted).status).toBe('granted');
    const after = json(await t.call(officer, 'GET', `${base}/people/${p.id}`));
    expect(after).toMatchObject({ tierId: tierA, cardNo: expect.stringMatching(/^RC/) });
    expect(after.history[0].change).toBe('recognition.grant');
  });
});

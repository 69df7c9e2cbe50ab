// The applicant's side through the API: a talent and an employer register with a one-time code (a
// wrong, an expired and a reused code refused alike), a known identifier gets the same answer as an
// unknown one, the per-identifier limit, consent required and recorded, the employer adds its staff
// through the registry's writer, and nobody reads another's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { MemorySender } from './sender.js';
import { seedTalentPortalDemo } from './demo.js';
import { BAD_CODE, CODE_ATTEMPTS, CODE_MINUTES, CODES_PER_HOUR, CONSENT } from './service.js';

let t: TestApp;
const sender = new MemorySender();
let district: number;
let otherDistrict: number;
const pub = '/api/public/talent';
const PW = 'Qiu-shi#Lan7pine!';

beforeAll(async () => {
  t = await createTestApp({ codeSender: sender });
  const d = json(await t.call(null, 'GET', `${pub}/districts`)).items as { id: number }[];
  district = d[0]!.id;
  otherDistrict = d[1]!.id;
});
afterAll(async () => t.close());

const ask = (identifier: string) => t.call(null, 'POST', `${pub}/code`, { identifier });
const form = (identifier: string, code: string, more: Record<string, unknown> = {}) => ({
  kind: 'talent',
  identifier,
  code,
  password: PW,
  name: '林知远',
  districtOrgId: district,
  consentVersion: CONSENT.version,
  consent: true,
  ...more,
});
const reg = (body: object) => t.call(null, 'POST', `${pub}/register`, body);

async function registered(identifier: string, more: Record<string, unknown> = {}): Promise<string> {
  expect((await ask(identifier)).statusCode).toBe(200);
  const res = await reg(form(identifier, sender.lastCode(identifier)!, more));
  expect(res.statusCode, res.body).toBe(201);
  return t.login(identifier, PW);
}

describe('registration with a one-time code', () => {
  it('registers a talent bound to the city root with a registry row in the chosen district and the consent recorded', async () => {
    const cookie = await registered('13900000001');
    const u = await t.db.selectFrom('users').select(['id', 'org_id']).where('username', '=', '13900000001').executeTakeFirstOrThrow();
    expect(u.org_id).toBe(t.city.sampleIds.city);
    const p = await t.db
      .selectFrom('talent_people')
      .select(['district_org_id', 'phone', 'name'])
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ district_org_id: district, phone: '13900000001', name: '林知远' });
    expect(await t.db.selectFrom('talent_history').select('change').where('user_id', '=', u.id).execute()).toEqual([
      { change: 'self.register' },
    ]);
    const me = json(await t.call(cookie, 'GET', '/api/talent-portal/me'));
    expect(me.person.name).toBe('林知远');
    expect(me.consents).toEqual([{ version: CONSENT.version, acceptedAt: t.clock.now().toISOString() }]);
    // the code is kept only as a hash
    const rows = await t.db.selectFrom('talent_portal_codes').select('code_hash').execute();
    expect(rows.some((r) => r.code_hash === sender.lastCode('13900000001'))).toBe(false);
  });

  it('refuses a wrong code, counts attempts and then refuses even the right one', async () => {
    await ask('wrong@example.cn');
    const right = sender.lastCode('wrong@example.cn')!;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const r = await reg(form('wrong@example.cn', wrong));
      expect(r.statusCode).toBe(400);
      expect(json(r).error).toMatchObject({ message: BAD_CODE, field: 'code' });
    }
    expect((await reg(form('wrong@example.cn', right))).statusCode).toBe(400);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'wrong@example.cn').executeTakeFirst()).toBeUndefined();
  });

  it('refuses an expired code and a reused one', async () => {
    await ask('13900000002');
    const code = sender.lastCode('13900000002')!;
    t.clock.advanceMinutes(CODE_MINUTES + 1);
    expect(json(await reg(form('13900000002', code))).error.message).toBe(BAD_CODE);
    await ask('13900000002');
    const fresh = sender.lastCode('13900000002')!;
    expect((await reg(form('13900000002', fresh))).statusCode).toBe(201);
    expect(json(await reg(form('13900000002', fresh, { kind: 'employer', employerName: '某单位' }))).error.message).toBe(BAD_CODE);
  });

  it('answers alike for a known and an unknown identifier, and sends no code to the known one', async () => {
    const known = await ask('13900000001');
    const unknown = await ask('13900000099');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.body).toBe(unknown.body);
    expect(sender.sent.at(-2)).toMatchObject({ to: '13900000001', kind: 'known', code: undefined });
    expect(json(await reg(form('13900000001', '123456'))).error.message).toBe(BAD_CODE);
  });

  it('limits the codes one identifier may ask for in an hour, known or not', async () => {
    for (const id of ['13900000001', '13900000077']) {
      const before = (await t.db.selectFrom('talent_portal_codes').select('id').execute()).length;
      let last = 0;
      for (let i = 0; i < CODES_PER_HOUR + 1; i++) last = (await ask(id)).statusCode;
      expect(last).toBe(429);
      expect((await t.db.selectFrom('talent_portal_codes').select('id').execute()).length - before).toBeLessThanOrEqual(CODES_PER_HOUR);
    }
    t.clock.advanceMinutes(61);
    expect((await ask('13900000077')).statusCode).toBe(200);
  });

  it('refuses registration without consent, with an old notice, a weak password or a place that is not one of the city districts', async () => {
    await ask('13900000003');
    const code = sender.lastCode('13900000003')!;
    expect(json(await reg(form('13900000003', code, { consent: false }))).error).toMatchObject({ field: 'consent' });
    expect(json(await reg(form('13900000003', code, { consentVersion: '2000-1' }))).error).toMatchObject({ field: 'consentVersion' });
    expect(json(await reg(form('13900000003', code, { password: '12345678' }))).error).toMatchObject({ field: 'password' });
    expect(json(await reg(form('13900000003', code, { districtOrgId: t.city.sampleIds.branch }))).error).toMatchObject({
      field: 'districtOrgId',
    });
    // a first-level organization that is not a 县(区)委 (a 市直 committee or a city enterprise) is neither offered nor taken
    const notDistrict = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', t.city.sampleIds.city)
      .where('kind', '!=', 'county_committee')
      .executeTakeFirstOrThrow();
    const offered = (json(await t.call(null, 'GET', `${pub}/districts`)).items as { id: number }[]).map((d) => d.id);
    expect(offered).toContain(district);
    expect(offered).not.toContain(notDistrict.id);
    expect(json(await reg(form('13900000003', code, { districtOrgId: notDistrict.id }))).error).toMatchObject({
      field: 'districtOrgId',
      message: '所在区不存在',
    });
    // none of these used the code up
    expect((await reg(form('13900000003', code))).statusCode).toBe(201);
  });
});

describe('employers and isolation', () => {
  let a: string;
  let b: string;
  let aStaff: number;

  beforeAll(async () => {
    a = await registered('hr@alpha.example.cn', { kind: 'employer', name: '周敏', employerName: '示范市甲科技有限公司' });
    b = await registered('hr@beta.example.cn', {
      kind: 'employer',
      name: '吴涛',
      employerName: '示范市乙研究院',
      districtOrgId: otherDistrict,
    });
  });

  it('registers an employer with its district and adds staff through the writer', async () => {
    const res = await t.call(a, 'POST', '/api/talent-portal/employer/staff', { name: '陈立', phone: '13911112222', field: '集成电路' });
    expect(res.statusCode, res.body).toBe(201);
    aStaff = json(res).id;
    const row = await t.db
      .selectFrom('talent_people')
      .select(['employer_id', 'district_org_id'])
      .where('id', '=', aStaff)
      .executeTakeFirstOrThrow();
    const e = json(await t.call(a, 'GET', '/api/talent-portal/employer'));
    expect(row).toEqual({ employer_id: e.employer.id, district_org_id: district });
    expect(e.staff.map((s: { name: string }) => s.name)).toEqual(['陈立']);
    expect(json(await t.call(b, 'GET', '/api/talent-portal/employer')).staff).toEqual([]);
    expect((await t.call(a, 'POST', '/api/talent-portal/employer/staff', { name: '', phone: 'x' })).statusCode).toBe(400);
  });

  it("keeps each to its own: another employer's staff is 404 (audited), a talent cannot act as employer or read the registry", async () => {
    expect((await t.call(a, 'GET', `/api/talent-portal/employer/staff/${aStaff}`)).statusCode).toBe(200);
    expect((await t.call(b, 'GET', `/api/talent-portal/employer/staff/${aStaff}`)).statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('result', '=', 'denied')
      .where('object_type', '=', 'talent_person')
      .execute();
    expect(denied.map((d) => String(d.object_id))).toContain(String(aStaff));
    const talent = await t.login('13900000001', PW);
    expect((await t.call(talent, 'GET', `/api/talent-portal/employer/staff/${aStaff}`)).statusCode).toBe(403);
    expect((await t.call(talent, 'GET', `/api/talent/people/${aStaff}`)).statusCode).toBe(403);
    expect((await t.call(a, 'GET', '/api/talent-portal/me')).statusCode).toBe(403);
    // the talent's home shows their own record only
    expect(json(await t.call(talent, 'GET', '/api/talent-portal/me')).person.name).toBe('林知远');
  });
});

describe('demo', () => {
  it('links the demo employer account to its company and staff, once', async () => {
    await seedTalentPortalDemo(t.db, TEST_KEYS);
    await seedTalentPortalDemo(t.db, TEST_KEYS);
    const e = json(await t.call(await t.login('talent-employer'), 'GET', '/api/talent-portal/employer'));
    expect(e.staff.map((s: { name: string }) => s.name).sort()).toEqual(['程远航', '苏静怡'].sort());
    expect(e.consents).toHaveLength(1);
  });
});

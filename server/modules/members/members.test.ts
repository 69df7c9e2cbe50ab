import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { idNumberFor } from './id-numbers.js';

let t: TestApp;
let city: string;
let branchAdmin: string;
let districtAdmin: string;
let seq = 0;
beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
  branchAdmin = await t.login('branch-admin');
  districtAdmin = await t.login('district-admin');
});
afterAll(async () => {
  await t?.close();
});

const newMember = (over: Record<string, unknown> = {}, birth = '1985-04-12', gender: '男' | '女' = '男') => ({
  orgId: t.city.sampleIds.branch,
  name: '测试党员',
  ethnicity: '汉族',
  category: 'full',
  idNumber: idNumberFor('110105', birth, ++seq, gender),
  admittedOn: '2010-07-01',
  fullOn: '2011-07-01',
  eduFulltime: 'bachelor',
  occupation: 'professional',
  phone: '13800138000',
  ...over,
});
const create = async (cookie: string, over: Record<string, unknown> = {}, birth?: string, gender?: '男' | '女') => {
  const res = await t.call(cookie, 'POST', '/api/members', newMember(over, birth, gender));
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
};
const list = async (cookie: string, qs: string) => {
  const res = await t.call(cookie, 'GET', `/api/members?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};
const auditRows = (action: string, objectId?: number) => {
  let q = t.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (objectId !== undefined) q = q.where('object_id', '=', String(objectId));
  return q.execute();
};

describe('adding a member', () => {
  it('reads birth date and gender from the ID number, masks it, keeps the history and audits it', async () => {
    const m = await create(branchAdmin, { name: '韩晓梅' }, '1990-02-14', '女');
    expect(m).toMatchObject({
      name: '韩晓梅',
      gender: '女',
      birthDate: '1990-02-14',
      category: 'full',
      status: 'normal',
      orgId: t.city.sampleIds.branch,
      hasIdNumber: true,
      version: 1,
    });
    expect(m.idMasked).toMatch(/^1101\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(m)).not.toContain(newMember().idNumber.slice(6, 14));
    expect(m.partyYears).toBeGreaterThanOrEqual(14);
    expect(m.politicalBirthday).toMatchObject({ date: '2010-07-01', monthDay: '07-01' });
    const hist = json(await t.call(branchAdmin, 'GET', `/api/members/${m.id}/history`)).items;
    expect(hist.map((h: any) => h.action)).toEqual(['create']);
    expect((await auditRows('member.create', m.id))[0]).toMatchObject({ actor_name: 'branch-admin', result: 'success' });
    const stored = await t.db.selectFrom('members').select(['id_cipher', 'id_hash']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(stored.id_cipher).not.toContain('1990');
  });

  it('refuses a wrong check digit, naming the field, and writes nothing', async () => {
    const body = newMember();
    const last = body.idNumber.slice(-1);
    body.idNumber = body.idNumber.slice(0, -1) + (last === '0' ? '1' : '0');
    const res = await t.call(branchAdmin, 'POST', '/api/members', body);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'idNumber' });
    expect(json(res).error.message).toContain('校验位');
  });

  it('refuses a second record with the same ID number', async () => {
    const body = newMember();
    expect((await t.call(branchAdmin, 'POST', '/api/members', body)).statusCode).toBe(201);
    const again = await t.call(branchAdmin, 'POST', '/api/members', { ...body, name: '另一个人' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.field).toBe('idNumber');
  });

  it('refuses fields a client may not set, and dates the 党章 forbids', async () => {
    expect(json(await t.call(branchAdmin, 'POST', '/api/members', { ...newMember(), status: 'deceased' })).error).toMatchObject({
      code: 'UNKNOWN_FIELD',
      field: 'status',
    });
    const early = await t.call(branchAdmin, 'POST', '/api/members', newMember({ fullOn: '2011-01-01' }));
    expect(json(early).error).toMatchObject({ field: 'fullOn' });
    const probationaryWithDate = await t.call(
      branchAdmin,
      'POST',
      '/api/members',
      newMember({ category: 'probationary', admittedOn: '2026-01-10', fullOn: '2027-01-10' }),
    );
    expect(json(probationaryWithDate).error.field).toBe('fullOn');
    const young = await t.call(branchAdmin, 'POST', '/api/members', newMember({ admittedOn: '2010-07-01' }, '1995-01-01'));
    expect(json(young).error).toMatchObject({ field: 'admittedOn' });
    expect(json(young).error.message).toContain('十八');
  });

  it('holds members only in a branch of the actor’s subtree', async () => {
    const res = await t.call(districtAdmin, 'POST', '/api/members', newMember({ orgId: t.city.sampleIds.township }));
    expect(json(res).error).toMatchObject({ field: 'orgId' });
    expect((await t.call(branchAdmin, 'POST', '/api/members', newMember({ orgId: t.city.sampleIds.otherBranch }))).statusCode).toBe(404);
  });
});

describe('editing a member', () => {
  it('changes only the fields sent, records before and after, and audits the field names', async () => {
    const m = await create(branchAdmin, { name: '邱建平', phone: '13900000001', workUnit: '示范市第二中学' });
    const res = await t.call(branchAdmin, 'PATCH', `/api/members/${m.id}`, {
      phone: '13900000002',
      workUnit: '示范市第二中学',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ phone: '13900000002', version: 2 });
    const [last] = json(await t.call(branchAdmin, 'GET', `/api/members/${m.id}/history`)).items;
    expect(last).toMatchObject({
      action: 'update',
      actorName: expect.any(String),
      before: { phone: '13900000001' },
      after: { phone: '13900000002' },
    });
    expect(Object.keys(last.after)).toEqual(['phone']);
    expect((await auditRows('member.update', m.id))[0].detail).toEqual({ fields: ['phone'] });
  });

  it('refuses a stale version and fields owned by other workflows', async () => {
    const m = await create(branchAdmin, {});
    expect((await t.call(branchAdmin, 'PATCH', `/api/members/${m.id}`, { phone: '13900000003' })).statusCode).toBe(200);
    expect((await t.call(branchAdmin, 'PATCH', `/api/members/${m.id}`, { phone: '13900000004', version: 1 })).statusCode).toBe(409);
    for (const field of ['orgId', 'status', 'category']) {
      const res = await t.call(branchAdmin, 'PATCH', `/api/members/${m.id}`, {
        [field]: field === 'orgId' ? t.city.sampleIds.otherBranch : 'left',
      });
      expect(json(res).error).toMatchObject({ code: 'UNKNOWN_FIELD', field });
    }
    const p = await create(branchAdmin, { category: 'probationary', admittedOn: '2026-02-01', fullOn: null });
    expect(json(await t.call(branchAdmin, 'PATCH', `/api/members/${p.id}`, { fullOn: '2027-02-01' })).error.field).toBe('fullOn');
    expect(json(await t.call(branchAdmin, 'GET', `/api/members/${m.id}`))).toMatchObject({
      phone: '13900000003',
      status: 'normal',
      orgId: t.city.sampleIds.branch,
    });
  });

  it('re-reads birth date and gender from a corrected ID number', async () => {
    const m = await create(branchAdmin, {}, '1980-01-01', '男');
    const fixed = idNumberFor('110105', '1981-03-03', ++seq, '女');
    const res = json(await t.call(branchAdmin, 'PATCH', `/api/members/${m.id}`, { idNumber: fixed }));
    expect(res).toMatchObject({ birthDate: '1981-03-03', gender: '女' });
    expect(res.idMasked).toBe(`${fixed.slice(0, 4)}**********${fixed.slice(-4)}`);
  });
});

describe('scope', () => {
  it('answers 404 for another branch’s member, audits the refusal, and changes nothing', async () => {
    const other = await create(city, { orgId: t.city.sampleIds.otherBranch, name: '外支部党员' });
    for (const [method, url, body] of [
      ['GET', `/api/members/${other.id}`],
      ['GET', `/api/members/${other.id}/history`],
      ['PATCH', `/api/members/${other.id}`, { phone: '13700000000' }],
    ] as const) {
      const res = await t.call(branchAdmin, method, url, body);
      expect(res.statusCode).toBe(404);
    }
    expect(json(await t.call(branchAdmin, 'GET', '/api/members/99999999')).error).toEqual(
      json(await t.call(branchAdmin, 'GET', `/api/members/${other.id}`)).error,
    );
    expect(json(await t.call(city, 'GET', `/api/members/${other.id}`)).phone).toBe('13800138000');
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('object_type', '=', 'member')
      .where('object_id', '=', String(other.id))
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect((await t.call(branchAdmin, 'GET', `/api/members?orgId=${t.city.sampleIds.otherBranch}`)).statusCode).toBe(404);
    expect((await list(branchAdmin, `q=${encodeURIComponent('外支部党员')}`)).items).toEqual([]);
  });

  it('lets a member account read nothing but its own record', async () => {
    const member = await t.login('member');
    expect((await t.call(member, 'GET', '/api/members')).statusCode).toBe(403);
    expect((await t.call(member, 'GET', '/api/members/me')).statusCode).toBe(404);
  });
});

describe('the list', () => {
  it('pages by keyset in pinyin order without gaps or repeats, and counts the same rows', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await list(districtAdmin, `limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(json(await t.call(districtAdmin, 'GET', '/api/members/count')).total).toBe(all.length);
    const expected = await t.db
      .selectFrom('members as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select('m.id')
      .where(
        sql<boolean>`o.path <@ ${(await t.db.selectFrom('orgs').select('path').where('id', '=', t.city.sampleIds.district).executeTakeFirstOrThrow()).path}::ltree`,
      )
      .where('m.status', 'in', ['normal', 'flowing', 'lost_contact'])
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .execute();
    expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect((await t.call(districtAdmin, 'GET', '/api/members?cursor=garbage')).statusCode).toBe(400);
  });

  it('filters by category, gender, education, age and joining period', async () => {
    const a = await create(branchAdmin, { name: '柏青松', eduFulltime: 'postgraduate' }, '1960-05-05', '男');
    const b = await create(
      branchAdmin,
      {
        name: '柏青竹',
        category: 'probationary',
        admittedOn: '2026-03-01',
        fullOn: null,
        eduFulltime: 'associate',
        eduInservice: 'bachelor',
      },
      '2000-05-05',
      '女',
    );
    const ids = async (qs: string) => (await list(branchAdmin, `q=${encodeURIComponent('柏青')}&${qs}`)).items.map((r: any) => r.id);
    expect(await ids('')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('category=probationary')).toEqual([b.id]);
    expect(await ids('gender=男')).toEqual([a.id]);
    expect(await ids('education=bachelor')).toEqual([b.id]);
    expect(await ids('education=postgraduate')).toEqual([a.id]);
    expect(await ids('ageMin=60')).toEqual([a.id]);
    expect(await ids('ageMax=30')).toEqual([b.id]);
    expect(await ids('joinedFrom=2012-11-08')).toEqual([b.id]);
    expect(await ids('joinedTo=2012-11-07')).toEqual([a.id]);
    expect((await t.call(branchAdmin, 'GET', '/api/members?ageMin=50&ageMax=40')).statusCode).toBe(400);
  });

  it('finds a member by name infix, pinyin initials and exact ID number', async () => {
    const m = await create(branchAdmin, { name: '欧阳振华' });
    const body = await t.db.selectFrom('member_history').select('after').where('member_id', '=', m.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(body.after)).not.toMatch(/\d{17}[\dX]/);
    expect((await list(branchAdmin, `q=${encodeURIComponent('阳振')}`)).items.map((r: any) => r.id)).toContain(m.id);
    expect((await list(branchAdmin, 'q=OYZH')).items.map((r: any) => r.id)).toContain(m.id);
    const id = (await t.call(city, 'POST', `/api/members/${m.id}/reveal-id`)).json().idNumber;
    expect((await list(branchAdmin, `q=${id}`)).items.map((r: any) => r.id)).toEqual([m.id]);
    expect((await list(branchAdmin, `q=${id.toLowerCase()}`)).items.map((r: any) => r.id)).toEqual([m.id]);
  });
});

describe('revealing the full ID number', () => {
  it('gives it to the organization department and audits the view with the member id', async () => {
    const m = await create(branchAdmin, {}, '1975-09-09', '女');
    const res = await t.call(city, 'POST', `/api/members/${m.id}/reveal-id`);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toMatch(/^110105197509090\d{2}[\dX]$/);
    expect(res.headers['cache-control']).toContain('no-store');
    expect((await auditRows('member.reveal_id', m.id))[0]).toMatchObject({
      actor_name: 'city-admin',
      object_type: 'member',
      result: 'success',
    });
  });

  it('refuses a branch administrator (403) and audits the refusal', async () => {
    const m = await create(branchAdmin, {});
    expect((await t.call(branchAdmin, 'POST', `/api/members/${m.id}/reveal-id`)).statusCode).toBe(403);
    expect((await auditRows('member.reveal_id')).some((r) => r.result === 'denied' && r.actor_name === 'branch-admin')).toBe(true);
  });
});

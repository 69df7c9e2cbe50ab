import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { fakeIdNumber } from '../../../domain/rules/id-number.js';

let t: TestApp;
let sender: string; // branch-admin: the sending branch
let receiver: string; // an org_admin of otherBranch, created through the API
let city: string;
let district: string;
const ids = () => t.city.sampleIds;

const memberOf = async (orgId: number, skip = 0) =>
  await t.db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'status'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'normal')
    .orderBy('id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
const issue = (cookie: string, body: object) => t.call(cookie, 'POST', '/api/transfers', body);

/** Moves the clock by whole days; sessions idle out meanwhile, so everyone signs in again. */
async function advanceDays(days: number) {
  t.clock.advanceMinutes(days * 24 * 60);
  await relogin();
}
async function relogin() {
  sender = await t.login('branch-admin');
  city = await t.login('city-admin');
  district = await t.login('district-admin');
  if (receiver) receiver = await t.login('other-branch-admin', 'Zx!9qRt#2026');
}

beforeAll(async () => {
  t = await createTestApp();
  await relogin();
  const sec = await t.login('secadmin');
  const res = await t.call(sec, 'POST', '/api/users', {
    username: 'other-branch-admin',
    displayName: '另一支部管理员',
    orgId: ids().otherBranch,
    roles: ['org_admin'],
    password: 'Zx!9qRt#2026',
  });
  expect(res.statusCode).toBe(201);
  receiver = await t.login('other-branch-admin', 'Zx!9qRt#2026');
});
afterAll(async () => {
  await t?.close();
});

describe('a transfer within the city', () => {
  it('is seen by each side on its own list, confirmed by the receiver, and moves the member', async () => {
    const m = await memberOf(ids().branch);
    const res = await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '工作调动' });
    expect(res.statusCode).toBe(201);
    const letter = json(res);
    expect(letter).toMatchObject({ status: 'issued', validDays: 10, memberName: m.name, sides: ['sender'], memberId: m.id });
    expect(letter.letterNo).toMatch(/^\d{4}-.+-0001$/);

    const out = json(await t.call(sender, 'GET', '/api/transfers?box=out')).items.map((l: any) => l.id);
    expect(out).toContain(letter.id);
    expect(json(await t.call(sender, 'GET', '/api/transfers?box=in')).items.map((l: any) => l.id)).not.toContain(letter.id);
    const incoming = json(await t.call(receiver, 'GET', '/api/transfers?box=in')).items.find((l: any) => l.id === letter.id);
    // The receiver sees the letter's fields, not a link to the member record.
    expect(incoming).toMatchObject({ memberName: m.name, sides: ['receiver'], memberId: null });
    expect((await t.call(receiver, 'GET', `/api/members/${m.id}`)).statusCode).toBe(404);

    // Still counted by the sender until confirmation.
    expect((await t.db.selectFrom('members').select('org_id').where('id', '=', m.id).executeTakeFirstOrThrow()).org_id).toBe(ids().branch);
    expect((await t.call(receiver, 'POST', `/api/transfers/${letter.id}/confirm`, {})).statusCode).toBe(409);
    expect(json(await t.call(sender, 'POST', `/api/transfers/${letter.id}/receive`, {})).error.message).toMatch('接收方');
    expect(json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/receive`, {})).status).toBe('received');
    const done = json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/confirm`, {}));
    expect(done).toMatchObject({ status: 'confirmed', memberId: m.id });

    const row = await t.db
      .selectFrom('members as mm')
      .innerJoin('orgs as o', 'o.id', 'mm.org_id')
      .select(['mm.org_id', 'mm.org_path', 'o.path'])
      .where('mm.id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(ids().otherBranch);
    expect(row.org_path).toBe(row.path);
    const hist = await t.db
      .selectFrom('member_history')
      .selectAll()
      .where('member_id', '=', m.id)
      .where('action', '=', 'transfer')
      .execute();
    expect(hist).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'transfer')
      .where('object_id', '=', String(letter.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['transfer.issue', 'transfer.receive', 'transfer.confirm']);
  });

  it('refuses a second open letter for the same member', async () => {
    const m = await memberOf(ids().branch, 1);
    expect((await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '工作调动' })).statusCode).toBe(
      201,
    );
    const again = await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '工作调动' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.field).toBe('memberId');
  });

  it('lists an unconfirmed letter as overdue after its validity and lets the receiver return it with a reason', async () => {
    const m = await memberOf(ids().branch, 2);
    const letter = json(
      await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '随迁', validDays: 3 }),
    );
    expect(json(await t.call(sender, 'GET', '/api/transfers?box=overdue')).items.map((l: any) => l.id)).not.toContain(letter.id);
    await advanceDays(4);
    expect(json(await t.call(sender, 'GET', '/api/transfers?box=overdue')).items.map((l: any) => l.id)).toContain(letter.id);
    expect(json(await t.call(receiver, 'GET', '/api/transfers?box=overdue')).items.map((l: any) => l.id)).toContain(letter.id);
    expect(json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/receive`, {})).status).toBe('received');
    expect(json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/confirm`, {})).error.message).toMatch('已过有效期');
    const ret = json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/return`, { reason: '介绍信已过期' }));
    expect(ret).toMatchObject({ status: 'returned', returnReason: '介绍信已过期' });
    expect((await t.db.selectFrom('members').select('org_id').where('id', '=', m.id).executeTakeFirstOrThrow()).org_id).toBe(ids().branch);
  });

  it('answers 404 to anyone on neither side, and audits the refusal', async () => {
    const m = await memberOf(ids().branch, 3);
    const letter = json(await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '工作调动' }));
    // district-admin holds the sender's district but not the receiver's: sees it as the sender.
    expect(json(await t.call(district, 'GET', `/api/transfers/${letter.id}`)).sides).toEqual(['sender']);
    const sec = await t.login('secadmin');
    await t.call(sec, 'POST', '/api/users', {
      username: 'third-admin',
      displayName: '第三支部',
      orgId: ids().township,
      roles: ['org_admin'],
      password: 'Zx!9qRt#2026',
    });
    const stranger = await t.login('third-admin', 'Zx!9qRt#2026');
    // township holds the sender's branch; choose an org outside both: a branch elsewhere.
    const elsewhere = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'branch')
      .where('id', 'not in', [ids().branch, ids().otherBranch])
      .where(
        'parent_id',
        '!=',
        (await t.db.selectFrom('orgs').select('parent_id').where('id', '=', ids().branch).executeTakeFirstOrThrow()).parent_id!,
      )
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.call(sec, 'POST', '/api/users', {
      username: 'far-admin',
      displayName: '远方支部',
      orgId: elsewhere.id,
      roles: ['org_admin'],
      password: 'Zx!9qRt#2026',
    });
    const far = await t.login('far-admin', 'Zx!9qRt#2026');
    for (const url of [`/api/transfers/${letter.id}`, `/api/transfers/${letter.id}/letter.pdf`])
      expect((await t.call(far, 'GET', url)).statusCode).toBe(404);
    expect((await t.call(far, 'POST', `/api/transfers/${letter.id}/return`, { reason: '不是我的' })).statusCode).toBe(404);
    expect(json(await t.call(far, 'GET', '/api/transfers?box=in')).items.map((l: any) => l.id)).not.toContain(letter.id);
    expect(json(await t.call(stranger, 'GET', '/api/transfers/99999999')).error.code).toBe('NOT_FOUND');
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('object_type', '=', 'transfer')
      .where('object_id', '=', String(letter.id))
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect((await t.db.selectFrom('transfer_letters').select('status').where('id', '=', letter.id).executeTakeFirstOrThrow()).status).toBe(
      'issued',
    );
  });

  it('refuses a letter for a member of another branch, and an incoming letter to an organization outside the scope: 404, one audited refusal each', async () => {
    const letters = async () => (await t.db.selectFrom('transfer_letters').select('id').execute()).length;
    const deniedOf = (type: string, id: number) =>
      t.db
        .selectFrom('audit_log')
        .select('action')
        .where('result', '=', 'denied')
        .where('object_type', '=', type)
        .where('object_id', '=', String(id))
        .execute();
    const count = await letters();
    const other = await memberOf(ids().otherBranch, 2);
    const res = await issue(sender, { kind: 'out_of_city', memberId: other.id, toOrgName: '外地党委', reason: '工作调动' });
    expect(res.statusCode).toBe(404);
    expect(await deniedOf('member', other.id)).toEqual([{ action: 'transfer.write' }]);
    const incoming = await t.call(sender, 'POST', '/api/transfers/incoming', {
      toOrgId: ids().otherBranch,
      fromOrgName: '外市某街道党工委',
      externalNo: 'WS-2026-404',
      issuedOn: new Date(t.clock.now()).toISOString().slice(0, 10),
      reason: '回乡工作',
      member: {
        name: '越权转入',
        gender: '男',
        category: 'full',
        idNumber: fakeIdNumber(),
        admittedOn: '2015-07-01',
        fullOn: '2016-07-01',
      },
    });
    expect(incoming.statusCode).toBe(404);
    expect(await deniedOf('org', ids().otherBranch)).toEqual([{ action: 'transfer.write' }]);
    expect(await letters()).toBe(count);
  });

  it('prints the three-part letter as a PDF with an embedded Chinese font', async () => {
    const l = json(await t.call(sender, 'GET', '/api/transfers?box=out')).items[0];
    const res = await t.call(sender, 'GET', `/api/transfers/${l.id}/letter.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1')).toContain('NotoSansHans');
    expect(body.length).toBeLessThan(200_000);
  });
});

describe('transfers out of and into the city', () => {
  it('closes the record as transferred out when the sender records the receipt', async () => {
    const m = await memberOf(ids().branch, 4);
    const letter = json(
      await issue(sender, {
        kind: 'out_of_city',
        memberId: m.id,
        toOrgName: '外省某县委组织部',
        toAddress: '某省某县人民路 1 号',
        reason: '外出工作',
        duesPaidUntil: '2026-10',
      }),
    );
    expect(letter).toMatchObject({ validDays: 30, toOrgId: null, toOrgName: '外省某县委组织部' });
    const done = json(await t.call(sender, 'POST', `/api/transfers/${letter.id}/confirm`, {}));
    expect(done.status).toBe('confirmed');
    const row = await t.db.selectFrom('members').select(['status', 'org_id']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'transferred_out', org_id: ids().branch });
  });

  it('creates the member from a letter received from outside only on confirmation', async () => {
    const idNumber = fakeIdNumber();
    const res = await t.call(receiver, 'POST', '/api/transfers/incoming', {
      toOrgId: ids().otherBranch,
      fromOrgName: '外市某街道党工委',
      externalNo: 'WS-2026-088',
      issuedOn: new Date(t.clock.now()).toISOString().slice(0, 10),
      reason: '回乡工作',
      member: { name: '测试转入', gender: '女', category: 'full', idNumber, admittedOn: '2015-07-01', fullOn: '2016-07-01' },
    });
    expect(res.statusCode).toBe(201);
    const letter = json(res);
    expect(letter).toMatchObject({ kind: 'into_city', status: 'received', memberId: null });
    expect(letter.idMasked).not.toContain(idNumber.slice(4, 14));
    const stored = await t.db.selectFrom('transfer_letters').select('incoming').where('id', '=', letter.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.incoming)).not.toContain(idNumber);
    expect(await t.db.selectFrom('members').select('id').where('name', '=', '测试转入').executeTakeFirst()).toBeUndefined();
    const done = json(await t.call(receiver, 'POST', `/api/transfers/${letter.id}/confirm`, {}));
    const created = await t.db
      .selectFrom('members')
      .select(['id', 'org_id', 'id_masked'])
      .where('name', '=', '测试转入')
      .executeTakeFirstOrThrow();
    expect(done.memberId).toBe(created.id);
    expect(created.org_id).toBe(ids().otherBranch);
  });
});

describe('settings', () => {
  it('lets only city-level staff change the validity defaults', async () => {
    expect(json(await t.call(sender, 'GET', '/api/transfers/settings'))).toEqual({ withinCityDays: 10, outOfCityDays: 30, maxDays: 90 });
    expect(
      (await t.call(district, 'PUT', '/api/transfers/settings', { withinCityDays: 15, outOfCityDays: 30, maxDays: 90 })).statusCode,
    ).toBe(403);
    expect((await t.call(city, 'PUT', '/api/transfers/settings', { withinCityDays: 100, outOfCityDays: 30, maxDays: 90 })).statusCode).toBe(
      400,
    );
    expect(
      json(await t.call(city, 'PUT', '/api/transfers/settings', { withinCityDays: 15, outOfCityDays: 30, maxDays: 90 })).withinCityDays,
    ).toBe(15);
    const m = await memberOf(ids().branch, 5);
    expect(
      json(await issue(sender, { kind: 'within_city', memberId: m.id, toOrgId: ids().otherBranch, reason: '工作调动' })).validDays,
    ).toBe(15);
    expect(
      json(
        await issue(sender, {
          kind: 'out_of_city',
          memberId: (await memberOf(ids().branch, 6)).id,
          toOrgName: '外地党委',
          reason: '工作调动',
          validDays: 120,
        }),
      ).error.field,
    ).toBe('validDays');
  });
});

describe('the member picker', () => {
  it('offers only members without a letter in flight, and 404s for another branch', async () => {
    const items = json(await t.call(sender, 'GET', `/api/transfers/candidates?orgId=${ids().branch}`)).items.map((m: any) => m.id);
    const open = await t.db.selectFrom('transfer_letters').select('member_id').where('status', 'in', ['issued', 'received']).execute();
    expect(items.length).toBeGreaterThan(0);
    for (const o of open) expect(items).not.toContain(o.member_id);
    expect((await t.call(sender, 'GET', `/api/transfers/candidates?orgId=${ids().otherBranch}`)).statusCode).toBe(404);
  });
});

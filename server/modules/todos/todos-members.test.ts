// To-dos from the members areas (development, transfers and status, dues): each appears from the
// data and disappears when the work is done through the area's own API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { idNumberFor } from '../members/id-numbers.js';
import { addMonths } from '../../../domain/rules/dues.js';
import { currentMonth } from '../dues/service.js';
import { accountAt, dayFrom, itemOf, listOf, membersOf, monthFrom, todayOf } from './test-helpers.js';

let t: TestApp;
let branchAdmin: string, districtAdmin: string, cityAdmin: string, siblingAdmin: string;
let branch: number, sibling: number;
let members: { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  branch = t.city.sampleIds.branch;
  [branchAdmin, districtAdmin, cityAdmin] = await Promise.all(['branch-admin', 'district-admin', 'city-admin'].map((u) => t.login(u)));
  const parent = (await t.db.selectFrom('orgs').select('parent_id').where('id', '=', branch).executeTakeFirstOrThrow()).parent_id!;
  sibling = (
    await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', parent)
      .where('kind', '=', 'branch')
      .where('status', '=', 'active')
      .where('id', '<>', branch)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  siblingAdmin = await accountAt(t, 'sibling-admin', sibling, ['org_admin']);
  members = await membersOf(t, branch);
});
afterAll(async () => {
  await t?.close();
});

describe('development (发展党员)', () => {
  it('lists a step due for the branch, marks it overdue past its deadline, and drops it once the step is recorded', async () => {
    const res = await t.call(branchAdmin, 'POST', '/api/development/people', {
      orgId: branch,
      name: '待办测试人',
      idNumber: idNumberFor('110101', '1999-03-02', 1, '男'),
      appliedOn: dayFrom(t, -20),
    });
    expect(res.statusCode).toBe(201);
    const id = json(res).id;
    const due = await itemOf(t, branchAdmin, 'dev_step', id);
    expect(due).toMatchObject({ orgId: branch, overdue: false, link: `/development/${id}`, rule: expect.stringContaining('第七条') });
    expect(due!.title).toContain('待「党组织派人谈话」');
    expect(await itemOf(t, siblingAdmin, 'dev_step', id)).toBeUndefined();
    expect(await itemOf(t, districtAdmin, 'dev_step', id)).toBeUndefined();

    await t.db
      .updateTable('dev_people')
      .set({ next_by: dayFrom(t, -3) })
      .where('id', '=', id)
      .execute();
    expect(await itemOf(t, branchAdmin, 'dev_step', id)).toMatchObject({ overdue: true, severity: 'high' });

    expect(
      (await t.call(branchAdmin, 'POST', `/api/development/people/${id}/steps`, { stepNo: 2, doneOn: dayFrom(t, -1) })).statusCode,
    ).toBe(201);
    expect(await itemOf(t, branchAdmin, 'dev_step', id)).toBeUndefined();
  });

  it('lists probation ending (转正) as its own kind', async () => {
    const p = await t.db
      .insertInto('dev_people')
      .values({
        org_id: branch,
        name: '预备测试人',
        gender: '女',
        birth_date: '1996-05-01',
        applied_on: '2023-01-01',
        status: 'probationary',
        last_step: 21,
        admitted_on: monthFrom(t, -12),
        probation_end: dayFrom(t, 20),
        next_step: 22,
        next_from: dayFrom(t, -10),
        next_by: dayFrom(t, 20),
        id_cipher: null,
        id_hash: null,
        id_masked: null,
        education: null,
        occupation: null,
        work_unit: null,
        phone: null,
        extension_months: null,
        full_on: null,
        member_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await itemOf(t, branchAdmin, 'dev_probation', p.id);
    expect(item).toMatchObject({ dueOn: dayFrom(t, 20), overdue: false, rule: expect.stringContaining('第三十一条') });
    expect(item!.title).toContain(`预备期将于 ${dayFrom(t, 20)} 期满`);
  });
});

describe('transfers and member status', () => {
  it('puts a letter on the receiving branch’s list until it is received and confirmed, never on the sender’s', async () => {
    const m = members[0];
    const letter = json(
      await t.call(branchAdmin, 'POST', '/api/transfers', { kind: 'within_city', memberId: m.id, toOrgId: sibling, reason: '工作调动' }),
    );
    const incoming = await itemOf(t, siblingAdmin, 'transfer_incoming', letter.id);
    expect(incoming).toMatchObject({ orgId: sibling, dueOn: letter.expiresOn, link: '/transfers/in' });
    expect(incoming!.title).toContain('待接收');
    expect(await itemOf(t, branchAdmin, 'transfer_incoming', letter.id)).toBeUndefined();
    expect((await t.call(siblingAdmin, 'POST', `/api/transfers/${letter.id}/receive`, {})).statusCode).toBe(200);
    expect((await itemOf(t, siblingAdmin, 'transfer_incoming', letter.id))!.title).toContain('待确认');
    expect((await t.call(siblingAdmin, 'POST', `/api/transfers/${letter.id}/confirm`, {})).statusCode).toBe(200);
    expect(await itemOf(t, siblingAdmin, 'transfer_incoming', letter.id)).toBeUndefined();
  });

  it('gives an expired open letter back to the sender until it is returned', async () => {
    const letter = json(
      await t.call(branchAdmin, 'POST', '/api/transfers', {
        kind: 'within_city',
        memberId: members[1].id,
        toOrgId: sibling,
        reason: '搬迁',
      }),
    );
    await t.db
      .updateTable('transfer_letters')
      .set({ expires_on: dayFrom(t, -2) })
      .where('id', '=', letter.id)
      .execute();
    expect(await itemOf(t, branchAdmin, 'transfer_overdue', letter.id)).toMatchObject({ overdue: true, link: '/transfers/overdue' });
    expect(await itemOf(t, siblingAdmin, 'transfer_incoming', letter.id)).toBeUndefined();
    expect(await itemOf(t, siblingAdmin, 'transfer_overdue', letter.id)).toBeUndefined();
    expect((await t.call(branchAdmin, 'POST', `/api/transfers/${letter.id}/return`, { reason: '逾期未接收' })).statusCode).toBe(200);
    expect(await itemOf(t, branchAdmin, 'transfer_overdue', letter.id)).toBeUndefined();
  });

  it('asks for a status decision on a member out of contact for 6 months (第二十四条) until it is taken', async () => {
    const m = members[2];
    await t.db
      .updateTable('members')
      .set({ status: 'lost_contact', status_since: monthFrom(t, -7) })
      .where('id', '=', m.id)
      .execute();
    const item = await itemOf(t, branchAdmin, 'status_decision', m.id);
    expect(item).toMatchObject({ overdue: true, rule: expect.stringContaining('第二十四条'), link: '/transfers/status' });
    expect(item!.title).toContain(m.name);
    const res = await t.call(branchAdmin, 'POST', `/api/member-status/${m.id}`, {
      kind: 'suspend',
      basis: 'lost_contact',
      date: todayOf(t),
      reason: '失联满六个月，经多方查找无果',
    });
    expect(res.statusCode).toBe(200);
    expect(await itemOf(t, branchAdmin, 'status_decision', m.id)).toBeUndefined();
  });
});

describe('dues', () => {
  const ago = (n: number) => addMonths(currentMonth(t.clock.now()), -n);

  it('warns the branch of 3+ consecutive unpaid months (党章第九条) and drops the warning once paid', async () => {
    const m = members[3];
    expect(
      (
        await t.call(branchAdmin, 'POST', `/api/dues/members/${m.id}/bases`, {
          category: 'employed',
          baseFen: 540_000,
          effectiveFrom: ago(4),
          source: 'salary',
        })
      ).statusCode,
    ).toBe(201);
    const item = await itemOf(t, branchAdmin, 'dues_arrears', m.id);
    expect(item).toMatchObject({ orgId: branch, overdue: false, rule: '《中国共产党章程》第九条', link: '/dues' });
    expect(item!.title).toContain(`${m.name}已连续 4 个月未交纳党费`);
    expect(await itemOf(t, siblingAdmin, 'dues_arrears', m.id)).toBeUndefined();
    const pay = await t.call(branchAdmin, 'POST', `/api/dues/members/${m.id}/payments`, {
      months: [ago(4), ago(3), ago(2), ago(1)],
      paidOn: todayOf(t),
    });
    expect(pay.statusCode).toBe(200);
    expect(await itemOf(t, branchAdmin, 'dues_arrears', m.id)).toBeUndefined();
  });

  it('sends a reduction to the nearest higher level with an account, and off every list once decided', async () => {
    const m = members[4];
    const res = await t.call(branchAdmin, 'POST', `/api/dues/members/${m.id}/reductions`, {
      kind: 'exempt',
      monthFrom: ago(1),
      monthTo: ago(0),
      reason: '家庭生活困难，享受低保',
    });
    expect(res.statusCode).toBe(200);
    const r = json(res).reductions[0];
    // The 街道党工委 between the branch and the district has no account: the district decides.
    expect(await itemOf(t, districtAdmin, 'dues_reduction', r.id)).toMatchObject({
      orgId: branch,
      rule: expect.stringContaining('第七条'),
    });
    expect(await itemOf(t, cityAdmin, 'dues_reduction', r.id)).toBeUndefined();
    expect(await itemOf(t, branchAdmin, 'dues_reduction', r.id)).toBeUndefined();
    // Once the 街道 has an account able to approve, the request is its own.
    const township = (await t.db.selectFrom('orgs').select('parent_id').where('id', '=', branch).executeTakeFirstOrThrow()).parent_id!;
    const townAdmin = await accountAt(t, 'town-admin', township, ['org_admin']);
    expect(await itemOf(t, townAdmin, 'dues_reduction', r.id)).toBeDefined();
    expect(await itemOf(t, districtAdmin, 'dues_reduction', r.id)).toBeUndefined();
    // A disabled account no longer counts.
    await sql`update users set disabled = true where username = 'town-admin'`.execute(t.db);
    expect(await itemOf(t, districtAdmin, 'dues_reduction', r.id)).toBeDefined();
    expect((await t.call(districtAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'approve' })).statusCode).toBe(200);
    expect(await itemOf(t, districtAdmin, 'dues_reduction', r.id)).toBeUndefined();
  });

  it('counts exactly what the list holds', async () => {
    for (const c of [branchAdmin, districtAdmin, cityAdmin, siblingAdmin]) {
      const list = await listOf(t, c);
      const count = json(await t.call(c, 'GET', '/api/todos/count'));
      expect(count).toEqual({ total: list.items.length, overdue: list.items.filter((x) => x.overdue).length });
      expect(list.groups.reduce((n, g) => n + g.count, 0)).toBe(list.total);
    }
  });
});

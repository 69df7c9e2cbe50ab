import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { needingAttention } from './queries.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: string;
const ids = () => t.city.sampleIds;
const today = () => dayjs(t.clock.now()).format('YYYY-MM-DD');
const memberOf = async (orgId: number, skip: number) =>
  (
    await t.db
      .selectFrom('members')
      .select(['id', 'status'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'normal')
      .orderBy('id')
      .offset(skip)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
const change = (cookie: string, id: number, body: object) => t.call(cookie, 'POST', `/api/member-status/${id}`, body);
const statusOf = async (id: number) =>
  t.db.selectFrom('members').select(['status', 'status_since', 'left_reason']).where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('branch-admin');
});
afterAll(async () => {
  await t?.close();
});

describe('流动党员', () => {
  it('registers the 流动党员活动证 details and ends them on return, keeping both events', async () => {
    const id = await memberOf(ids().branch, 0);
    const res = await change(admin, id, {
      kind: 'flowing',
      date: today(),
      reason: '外出务工',
      flowing: { certificateNo: 'LD-0001', place: '广东省深圳市', contact: '13800000000', attendingOrg: '深圳市某流动党员党支部' },
    });
    expect(res.statusCode).toBe(200);
    expect(await statusOf(id)).toMatchObject({ status: 'flowing', status_since: today() });
    const list = json(await t.call(admin, 'GET', '/api/member-status/list?status=flowing')).items;
    expect(list.find((r: any) => r.memberId === id).flowing).toMatchObject({ certificateNo: 'LD-0001', place: '广东省深圳市' });
    expect((await change(admin, id, { kind: 'flowing_end', date: today(), reason: '返回本地' })).statusCode).toBe(200);
    expect((await statusOf(id)).status).toBe('normal');
    const events = json(await t.call(admin, 'GET', `/api/member-status/${id}/events`)).items;
    expect(events.map((e: any) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['flowing', 'normal', 'flowing'],
      ['flowing_end', 'flowing', 'normal'],
    ]);
    const flowing = await t.db.selectFrom('member_flowing').selectAll().where('member_id', '=', id).execute();
    expect(flowing).toHaveLength(1);
    expect(flowing[0].ended_on).toBe(today());
  });
});

describe('失联 and 停止党籍 (第二十四条)', () => {
  it('refuses 停止党籍 before 6 months out of contact, allows it after, and lists the member as needing attention', async () => {
    const id = await memberOf(ids().branch, 1);
    const lostOn = dayjs(today()).subtract(5, 'month').format('YYYY-MM-DD');
    expect((await change(admin, id, { kind: 'lost_contact', date: lostOn, reason: '多次联系未果' })).statusCode).toBe(200);
    const early = await change(admin, id, { kind: 'suspend', date: today(), reason: '失联', basis: 'lost_contact' });
    expect(early.statusCode).toBe(409);
    expect(json(early).error.message).toMatch('第二十四条');
    expect(json(await t.call(admin, 'GET', '/api/member-status/attention')).items.map((r: any) => r.memberId)).not.toContain(id);
    t.clock.advanceMinutes(31 * 24 * 60);
    admin = await t.login('branch-admin');
    const att = json(await t.call(admin, 'GET', '/api/member-status/attention')).items.find((r: any) => r.memberId === id);
    expect(att.attention).toMatchObject({ code: 'suspend_due' });
    expect(
      (
        await change(admin, id, {
          kind: 'suspend',
          date: today(),
          reason: '失联满六个月',
          basis: 'lost_contact',
          documentNo: '党字〔2026〕1号',
        })
      ).statusCode,
    ).toBe(200);
    expect((await statusOf(id)).status).toBe('suspended');
  });

  it('suspends a member abroad only after more than 5 years', async () => {
    const id = await memberOf(ids().branch, 2);
    const fourYears = dayjs(today()).subtract(4, 'year').format('YYYY-MM-DD');
    expect(
      (await change(admin, id, { kind: 'suspend', date: today(), reason: '出国定居', basis: 'abroad', abroadSince: fourYears })).statusCode,
    ).toBe(409);
    const sixYears = dayjs(today()).subtract(6, 'year').format('YYYY-MM-DD');
    expect(
      (await change(admin, id, { kind: 'suspend', date: today(), reason: '出国定居', basis: 'abroad', abroadSince: sixYears })).statusCode,
    ).toBe(200);
    // Restoration brings the member back with its own event; nothing is deleted.
    expect((await change(admin, id, { kind: 'restore', date: today(), reason: '回国恢复联系', documentNo: '恢字1号' })).statusCode).toBe(
      200,
    );
    expect((await statusOf(id)).status).toBe('normal');
    expect(await t.db.selectFrom('member_status_events').select('kind').where('member_id', '=', id).orderBy('id').execute()).toEqual([
      { kind: 'suspend' },
      { kind: 'restore' },
    ]);
  });
});

describe('the attention list (第二十四条)', () => {
  it('counts the 6 months forward from the day contact was lost, as the rule does, at a month end too', async () => {
    const id = await memberOf(ids().otherBranch, 5);
    await t.db.updateTable('members').set({ status: 'lost_contact', status_since: '2026-08-31' }).where('id', '=', id).execute();
    const { path } = await t.db
      .selectFrom('orgs')
      .select(sql<string>`path::text`.as('path'))
      .where('id', '=', ids().otherBranch)
      .executeTakeFirstOrThrow();
    const listed = async (day: string) => (await needingAttention(t.db, path, day, 500)).find((r) => r.memberId === id);
    // 2026-08-31 + 6 months is 2027-02-28 (the month end clamps).
    expect(await listed('2027-02-27')).toBeUndefined();
    expect((await listed('2027-02-28'))?.attention).toMatchObject({ code: 'suspend_due', dueOn: '2027-02-28' });
  });
});

describe('出党 and death', () => {
  it('records the kind of leaving and keeps the record', async () => {
    const id = await memberOf(ids().branch, 3);
    expect((await change(admin, id, { kind: 'leave', date: today(), reason: '本人申请', exitKind: 'withdrawal' })).statusCode).toBe(200);
    expect(await statusOf(id)).toMatchObject({ status: 'left', left_reason: '退党：本人申请' });
    // A member who has left cannot die in the records, nor leave twice.
    expect((await change(admin, id, { kind: 'death', date: today(), reason: '病故' })).statusCode).toBe(409);
    expect((await change(admin, id, { kind: 'leave', date: today(), reason: '重复', exitKind: 'removal' })).statusCode).toBe(409);
    const hist = await t.db
      .selectFrom('member_history')
      .select('action')
      .where('member_id', '=', id)
      .where('action', 'like', 'status.%')
      .execute();
    expect(hist.map((h) => h.action)).toEqual(['status.leave']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('object_type', '=', 'member')
      .where('object_id', '=', String(id))
      .execute();
    expect(audit).toContainEqual({ action: 'status.leave', result: 'success' });
  });

  it('refuses an unknown kind of leaving and a future date, naming the field', async () => {
    const id = await memberOf(ids().branch, 4);
    expect(json(await change(admin, id, { kind: 'leave', date: today(), reason: '本人申请', exitKind: 'vanished' })).error.field).toBe(
      'exitKind',
    );
    const future = dayjs(today()).add(3, 'day').format('YYYY-MM-DD');
    expect(json(await change(admin, id, { kind: 'death', date: future, reason: '病故' })).error.field).toBe('date');
    expect((await statusOf(id)).status).toBe('normal');
  });
});

describe('scope', () => {
  it('answers 404 for a member of another branch and changes nothing', async () => {
    const id = await memberOf(ids().otherBranch, 0);
    const res = await change(admin, id, { kind: 'death', date: today(), reason: '病故' });
    expect(res.statusCode).toBe(404);
    expect((await statusOf(id)).status).toBe('normal');
    expect((await t.call(admin, 'GET', `/api/member-status/${id}/events`)).statusCode).toBe(404);
    expect(
      json(await t.call(admin, 'GET', '/api/member-status/list?status=deceased')).items.every((r: any) => r.orgId === ids().branch),
    ).toBe(true);
  });
});

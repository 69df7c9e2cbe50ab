import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole } from '../../test/factories.js';
import { dayCn } from './changes.js';

let t: TestApp;
let branchAdmin: string, districtAdmin: string, cityAdmin: string;
let roster: { memberId: number; category: string; groupName: string | null }[];
const ids = () => t.city.sampleIds;
const today = () => dayCn(t.clock.now());
const daysAgo = (n: number) => dayjs(today()).subtract(n, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await createTestApp();
  [branchAdmin, districtAdmin, cityAdmin] = await Promise.all(['branch-admin', 'district-admin', 'city-admin'].map((u) => t.login(u)));
  roster = json(await t.call(branchAdmin, 'GET', `/api/meetings/roster?orgId=${ids().branch}`)).items;
});
afterAll(async () => {
  await t?.close();
});

const record = (cookie: string, body: object) => t.call(cookie, 'POST', '/api/meetings', body);
const held = (over: object = {}) => ({
  orgId: ids().branch,
  status: 'held',
  kinds: ['theme_day'],
  heldOn: today(),
  startTime: '09:30',
  place: '党员活动室',
  topic: '学习党的二十届四中全会精神',
  host: '王书记',
  recorder: '李委员',
  attendance: roster.slice(0, 4).map((r, i) => ({ memberId: r.memberId, present: i < 3, absenceReason: i < 3 ? null : '病假' })),
  ...over,
});
const purposes = (meetingId: number) =>
  t.db.selectFrom('meeting_purposes').selectAll().where('meeting_id', '=', meetingId).orderBy('kind').execute();
const audits = (action: string, objectId: number) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('object_id', '=', String(objectId)).execute();

describe('roster', () => {
  it('lists the counted members of the organization and its 党小组, and nobody from elsewhere', async () => {
    expect(roster.length).toBeGreaterThan(4);
    const direct = await t.db
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', ids().branch)
      .where('status', 'in', ['normal', 'flowing', 'lost_contact'])
      .execute();
    expect(
      roster
        .filter((r) => !r.groupName)
        .map((r) => r.memberId)
        .sort(),
    ).toEqual(direct.map((d) => d.id).sort());
    expect((await t.call(branchAdmin, 'GET', `/api/meetings/roster?orgId=${ids().otherBranch}`)).statusCode).toBe(404);
  });
});

describe('recording a meeting', () => {
  it('records a held meeting serving two purposes, counts attendance and writes one purpose row per kind, audited', async () => {
    const res = await record(branchAdmin, held({ kinds: ['theme_day', 'party_lecture'] }));
    expect(res.statusCode).toBe(201);
    const m = json(res);
    expect(m).toMatchObject({
      status: 'held',
      kinds: ['theme_day', 'party_lecture'],
      shouldAttend: 4,
      present: 3,
      late: false,
      heldOn: today(),
      version: 1,
    });
    expect(m.attendance).toHaveLength(4);
    expect(m.attendance.find((a: any) => !a.present)).toMatchObject({ absenceReason: '病假' });
    expect(m.attendance[0].name).toBeTruthy();
    expect(m.recordedAt).toBeTruthy();
    expect((await purposes(m.id)).map((p) => [p.kind, p.held_on, p.org_id])).toEqual([
      ['party_lecture', today(), ids().branch],
      ['theme_day', today(), ids().branch],
    ]);
    expect(await audits('meeting.create', m.id)).toHaveLength(1);
  });

  it('refuses an absentee without a reason, naming the row', async () => {
    const res = await record(branchAdmin, held({ attendance: [{ memberId: roster[0].memberId, present: false }] }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'attendance.0.absenceReason' });
    expect(json(res).error.message).toContain('缺席原因');
  });

  it('refuses attendance from outside the organization and duplicates', async () => {
    const other = await t.db.selectFrom('members').select('id').where('org_id', '=', ids().otherBranch).executeTakeFirstOrThrow();
    const res = await record(
      branchAdmin,
      held({
        attendance: [
          { memberId: roster[0].memberId, present: true },
          { memberId: other.id, present: true },
        ],
      }),
    );
    expect(json(res).error).toMatchObject({ code: 'INVALID', field: 'attendance.1.memberId' });
    const dup = await record(
      branchAdmin,
      held({
        attendance: [
          { memberId: roster[0].memberId, present: true },
          { memberId: roster[0].memberId, present: true },
        ],
      }),
    );
    expect(json(dup).error.field).toBe('attendance.1.memberId');
  });

  it('refuses a held date in the future, and kinds empty or repeated', async () => {
    const res = await record(branchAdmin, held({ heldOn: dayjs(today()).add(1, 'day').format('YYYY-MM-DD') }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'heldOn' });
    expect(json(res).error.message).toContain('不能晚于今天');
    expect(json(await record(branchAdmin, held({ kinds: [] }))).error.field).toBe('kinds');
    expect(json(await record(branchAdmin, held({ kinds: ['theme_day', 'theme_day'] }))).error.field).toBe('kinds');
  });

  it('accepts a record made more than 30 days after the meeting and marks it late, keeping the real dates', async () => {
    const onTime = json(await record(branchAdmin, held({ heldOn: daysAgo(30), kinds: ['committee_meeting'] })));
    expect(onTime.late).toBe(false);
    const late = json(await record(branchAdmin, held({ heldOn: daysAgo(31), kinds: ['committee_meeting'] })));
    expect(late).toMatchObject({ late: true, heldOn: daysAgo(31) });
    expect(dayCn(late.recordedAt)).toBe(today());
    expect((await purposes(late.id))[0].held_on).toBe(daysAgo(31));
    const list = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&late=true`)).items;
    expect(list.map((m: any) => m.id)).toContain(late.id);
    expect(list.map((m: any) => m.id)).not.toContain(onTime.id);
  });

  it('follows the late threshold setting, which only the city may change', async () => {
    expect((await t.call(districtAdmin, 'PUT', '/api/meetings/settings', { lateAfterDays: 10 })).statusCode).toBe(403);
    expect((await t.call(branchAdmin, 'PUT', '/api/meetings/settings', { lateAfterDays: 10 })).statusCode).toBe(403);
    expect(json(await t.call(cityAdmin, 'PUT', '/api/meetings/settings', { lateAfterDays: 10 }))).toEqual({ lateAfterDays: 10 });
    expect(json(await record(branchAdmin, held({ heldOn: daysAgo(11) }))).late).toBe(true);
    await t.call(cityAdmin, 'PUT', '/api/meetings/settings', { lateAfterDays: 30 });
    expect(json(await t.call(branchAdmin, 'GET', '/api/meetings/settings')).lateAfterDays).toBe(30);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'meeting.settings').execute()).toHaveLength(2);
  });

  it('refuses an organization outside the scope with 404 and writes nothing', async () => {
    const before = await t.db.selectFrom('meetings').select('id').execute();
    const res = await record(branchAdmin, held({ orgId: ids().otherBranch, attendance: [] }));
    expect(res.statusCode).toBe(404);
    expect(await t.db.selectFrom('meetings').select('id').execute()).toHaveLength(before.length);
  });
});

describe('planning, holding, editing and cancelling', () => {
  it('plans a meeting without purposes, then records it held (late when long after), with version checks', async () => {
    const plan = json(
      await record(branchAdmin, {
        orgId: ids().branch,
        status: 'planned',
        kinds: ['branch_congress'],
        plannedOn: daysAgo(40),
        topic: '第三季度支部党员大会',
      }),
    );
    expect(plan).toMatchObject({ status: 'planned', heldOn: null, shouldAttend: null, late: false });
    expect(await purposes(plan.id)).toEqual([]);
    const noAttendanceForPlans = await t.call(branchAdmin, 'PATCH', `/api/meetings/${plan.id}`, {
      version: 1,
      attendance: [{ memberId: roster[0].memberId, present: true }],
    });
    expect(json(noAttendanceForPlans).error.field).toBe('attendance');
    const att = roster.map((r) => ({
      memberId: r.memberId,
      present: r.category === 'full' ? true : false,
      absenceReason: r.category === 'full' ? null : '事假',
    }));
    const res = await t.call(branchAdmin, 'PATCH', `/api/meetings/${plan.id}`, {
      version: 1,
      status: 'held',
      heldOn: daysAgo(40),
      attendance: att,
      minutes: '会议记录……',
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'held', late: true, shouldAttend: roster.length, version: 2, minutes: '会议记录……' });
    expect((await purposes(plan.id)).map((p) => p.kind)).toEqual(['branch_congress']);
    const stale = await t.call(branchAdmin, 'PATCH', `/api/meetings/${plan.id}`, { version: 1, topic: '改一下' });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.field).toBe('version');
    expect(await audits('meeting.update', plan.id)).toHaveLength(1);
  });

  it('warns when a 支部党员大会 lacks half of its voting members (第十一条), without refusing it', async () => {
    const full = roster.filter((r) => r.category === 'full');
    const att = full.map((r, i) => ({ memberId: r.memberId, present: i * 2 < full.length - 2, absenceReason: '公差' }));
    const m = json(await record(branchAdmin, held({ kinds: ['branch_congress'], attendance: att })));
    expect(m.warnings.join()).toContain('第十一条');
  });

  it('moves the purpose rows when kinds or the held date change, and removes them on cancel', async () => {
    const m = json(await record(branchAdmin, held({ kinds: ['group_meeting'] })));
    const moved = json(
      await t.call(branchAdmin, 'PATCH', `/api/meetings/${m.id}`, {
        version: 1,
        kinds: ['group_meeting', 'heart_talk'],
        heldOn: daysAgo(2),
      }),
    );
    expect(moved.late).toBe(false);
    expect((await purposes(m.id)).map((p) => [p.kind, p.held_on])).toEqual([
      ['group_meeting', daysAgo(2)],
      ['heart_talk', daysAgo(2)],
    ]);
    const cancelled = await t.call(branchAdmin, 'PATCH', `/api/meetings/${m.id}`, { version: 2, status: 'cancelled' });
    expect(json(cancelled).status).toBe('cancelled');
    expect(await purposes(m.id)).toEqual([]);
    expect(await audits('meeting.cancel', m.id)).toHaveLength(1);
    expect((await t.call(branchAdmin, 'PATCH', `/api/meetings/${m.id}`, { version: 3, topic: '再改' })).statusCode).toBe(409);
  });

  it('refuses to turn a held meeting back into a plan', async () => {
    const m = json(await record(branchAdmin, held()));
    expect(
      json(await t.call(branchAdmin, 'PATCH', `/api/meetings/${m.id}`, { version: 1, status: 'planned', plannedOn: today() })).error.field,
    ).toBe('status');
  });
});

describe('the list', () => {
  it('pages newest first with a keyset cursor and filters by kind and status', async () => {
    const first = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&limit=3`));
    expect(first.items).toHaveLength(3);
    const all = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const p = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&limit=3&cursor=${cursor}`));
      all.push(...p.items);
      cursor = p.nextCursor;
    }
    const total = await t.db.selectFrom('meetings').select('id').where('org_id', '=', ids().branch).execute();
    expect(all.map((m) => m.id).sort()).toEqual(total.map((m) => m.id).sort());
    const dates = all.map((m) => m.heldOn ?? m.plannedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const lectures = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&kind=party_lecture`)).items;
    expect(lectures.length).toBeGreaterThan(0);
    expect(lectures.every((m: any) => m.kinds.includes('party_lecture'))).toBe(true);
    const cancelled = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&status=cancelled`)).items;
    expect(cancelled.every((m: any) => m.status === 'cancelled')).toBe(true);
    const range = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&from=${daysAgo(35)}&to=${daysAgo(1)}`)).items;
    expect(range.every((m: any) => (m.heldOn ?? m.plannedOn) >= daysAgo(35) && (m.heldOn ?? m.plannedOn) <= daysAgo(1))).toBe(true);
  });

  it('shows a district its branches’ meetings with the subtree flag; another district sees a 404 for them', async () => {
    const own = json(await t.call(districtAdmin, 'GET', `/api/meetings?orgId=${ids().district}`)).items;
    expect(own).toEqual([]);
    const sub = json(await t.call(districtAdmin, 'GET', `/api/meetings?orgId=${ids().district}&subtree=true&limit=200`)).items;
    expect(sub.length).toBeGreaterThan(5);
    expect(sub.every((m: any) => m.orgId === ids().branch)).toBe(true);
    const m = sub[0];
    expect((await t.call(districtAdmin, 'GET', `/api/meetings/${m.id}`)).statusCode).toBe(200);
    const other = await buildUserWithRole(t.db, {
      role: 'org_admin',
      orgId: ids().otherBranch,
      username: 'other-admin',
      displayName: '外区管理员',
    });
    const otherAdmin = await t.login(other.username, other.password);
    expect((await t.call(otherAdmin, 'GET', `/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await t.call(otherAdmin, 'PATCH', `/api/meetings/${m.id}`, { version: 1, topic: '外区修改' })).statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_name', '=', 'other-admin')
      .where('result', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });
});

describe('export', () => {
  it('exports exactly the listed rows, asks a purpose and is audited with filter and count', async () => {
    expect((await t.call(branchAdmin, 'GET', `/api/meetings/export?orgId=${ids().branch}`)).statusCode).toBe(400);
    const res = await t.call(
      branchAdmin,
      'GET',
      `/api/meetings/export?orgId=${ids().branch}&kind=theme_day&purpose=${encodeURIComponent('支部年度检查')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const listed = json(await t.call(branchAdmin, 'GET', `/api/meetings?orgId=${ids().branch}&kind=theme_day&limit=200`)).items;
    expect(ws.rowCount - 1).toBe(listed.length);
    expect(ws.getRow(2).getCell(8).value).toBe(listed[0].topic);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'meeting.export').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      purpose: '支部年度检查',
      rows: listed.length,
      filter: { orgId: ids().branch, kind: 'theme_day' },
    });
  });
});

describe('我的组织生活', () => {
  it('shows the member the meetings they were on the roster of, with their own attendance', async () => {
    const target = roster[3];
    await t.db.updateTable('users').set({ member_id: target.memberId }).where('username', '=', 'member').execute();
    const plan = json(
      await record(branchAdmin, {
        orgId: ids().branch,
        status: 'planned',
        kinds: ['theme_day'],
        plannedOn: dayjs(today()).add(3, 'day').format('YYYY-MM-DD'),
        topic: '下月主题党日',
      }),
    );
    const member = await t.login('member');
    const res = await t.call(member, 'GET', '/api/meetings/mine');
    expect(res.statusCode).toBe(200);
    const mine = json(res);
    expect(mine.member.id).toBe(target.memberId);
    const onRoster = await t.db
      .selectFrom('meeting_attendance as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select('m.id')
      .where('a.member_id', '=', target.memberId)
      .where('m.status', '=', 'held')
      .where('m.held_on', '>=', `${today().slice(0, 4)}-01-01`)
      .execute();
    expect(mine.items.map((i: any) => i.id).sort()).toEqual(onRoster.map((r) => r.id).sort());
    expect(mine.items.some((i: any) => !i.present && i.absenceReason === '病假')).toBe(true);
    expect(mine.counts.attended + mine.counts.absent).toBe(mine.items.length);
    expect(mine.upcoming.map((u: any) => u.id)).toContain(plan.id);
    expect((await t.call(member, 'GET', `/api/meetings?orgId=${ids().branch}`)).statusCode).toBe(403);
  });
});

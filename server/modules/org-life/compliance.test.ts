import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import { unitCompliance } from './compliance.js';

let t: TestApp;
let city: string;
let branchAdmin: string;
let today: string;
let thisMonth: string;
let lastMonth: string;
let township: number;
/** A branch made for these tests: no members, no committee, established long ago. */
let br: number;

const month = (offset: number) => dayjs(today).add(offset, 'month').format('YYYY-MM');
const dayOf = (m: string, d: number) => `${m}-${String(d).padStart(2, '0')}`;

async function meeting(orgId: number, kinds: string[], heldOn: string, late = false): Promise<number> {
  const m = await t.db
    .insertInto('meetings')
    .values({ org_id: orgId, kinds, status: 'held', held_on: heldOn, topic: '测试会议', late })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('meeting_purposes')
    .values(kinds.map((kind) => ({ meeting_id: m.id, org_id: orgId, kind, held_on: heldOn })))
    .execute();
  return m.id;
}

async function newBranch(name: string, parentId = township, kind = 'branch'): Promise<number> {
  const res = await t.call(city, 'POST', '/api/orgs', { parentId, name, kind, establishedOn: '2020-01-01' });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).id;
}

const unitChecks = async (cookie: string, orgId: number, period: string, key: string) => {
  const res = await t.call(cookie, 'GET', `/api/org-life/compliance/unit/${orgId}?period=${period}&key=${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res).checks as any[];
};
const find = (checks: any[], kind: string, key: string) => checks.find((c) => c.kind === kind && c.periodKey === key);

beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
  branchAdmin = await t.login('branch-admin');
  today = todayCn(t.clock.now());
  thisMonth = month(0);
  lastMonth = month(-1);
  township = t.city.sampleIds.township;
  br = await newBranch('合规测试党支部');
});
afterAll(async () => {
  await t?.close();
});

describe('the checks of one unit', () => {
  it('is held with a meeting in its window, missing once the window ended without one, due until then', async () => {
    expect(find(await unitChecks(city, br, 'month', lastMonth), 'theme_day', lastMonth)).toMatchObject({
      state: 'missing',
      heldCount: 0,
      article: expect.stringContaining('第十六条'),
    });
    expect(find(await unitChecks(city, br, 'month', thisMonth), 'theme_day', thisMonth)).toMatchObject({ state: 'due', heldCount: 0 });
    const id = await meeting(br, ['theme_day'], dayOf(lastMonth, 10), true);
    expect(find(await unitChecks(city, br, 'month', lastMonth), 'theme_day', lastMonth)).toMatchObject({
      state: 'held',
      heldCount: 1,
      lateCount: 1,
      meetingIds: [id],
    });
  });

  it('counts a meeting serving two purposes for both checks', async () => {
    const m = month(-2);
    const id = await meeting(br, ['theme_day', 'party_lecture'], dayOf(m, 5));
    const checks = await unitChecks(city, br, 'month', m);
    expect(find(checks, 'theme_day', m)).toMatchObject({ state: 'held', meetingIds: [id] });
    expect(find(checks, 'party_lecture', periodKeyOf('quarter', m))).toMatchObject({
      state: 'held',
      meetingIds: expect.arrayContaining([id]),
    });
  });

  it("does not count another branch's meeting, a planned one, or one of another kind", async () => {
    const m = month(-3);
    await meeting(t.city.sampleIds.otherBranch, ['theme_day'], dayOf(m, 8));
    await meeting(br, ['heart_talk'], dayOf(m, 9));
    await t.db
      .insertInto('meetings')
      .values({ org_id: br, kinds: ['theme_day'], status: 'planned', planned_on: dayOf(m, 20), topic: '计划' })
      .execute();
    expect(find(await unitChecks(city, br, 'month', m), 'theme_day', m).state).toBe('missing');
  });

  it('asks for 支委会 only of a branch that has a committee: 3 on record, or 7 full members', async () => {
    const kinds = async (id: number) => new Set((await unitChecks(city, id, 'month', lastMonth)).map((c) => c.kind));
    expect((await kinds(br)).has('committee_meeting')).toBe(false);
    const small = await newBranch('委员会测试党支部');
    await t.call(city, 'PUT', `/api/orgs/${small}/committee`, {
      members: [
        { personName: '王书记', post: 'secretary' },
        { personName: '李委员', post: 'member' },
        { personName: '赵委员', post: 'member' },
      ],
    });
    expect((await kinds(small)).has('committee_meeting')).toBe(true);
    const big = await newBranch('七人测试党支部');
    await t.db
      .insertInto('members')
      .values(Array.from({ length: 7 }, (_, i) => ({ org_id: big, name: `测试${i}`, gender: '男' as const, category: 'full' as const })))
      .execute();
    const res = json(await t.call(city, 'GET', `/api/org-life/compliance/unit/${big}?period=month&key=${lastMonth}`));
    expect(res.hasCommittee).toBe(true);
    expect(find(res.checks, 'committee_meeting', lastMonth).article).toContain('第十二条');
  });

  it('asks a 党小组 for its monthly meeting only', async () => {
    const group = await newBranch('第一党小组', br, 'party_group');
    await meeting(group, ['group_meeting'], dayOf(lastMonth, 12));
    const checks = await unitChecks(city, group, 'month', lastMonth);
    expect(checks.map((c) => `${c.kind}:${c.state}`)).toEqual(['group_meeting:held']);
    const rows = json(await t.call(city, 'GET', `/api/org-life/compliance?orgId=${br}&period=month&key=${lastMonth}`)).rows;
    expect(rows.map((r: any) => [r.orgId, r.isUnit, r.units])).toEqual([
      [br, true, 1],
      [group, true, 1],
    ]);
  });

  it('lists no window that has not begun, and only units answer for checks', async () => {
    const next = month(1);
    const checks = await unitChecks(city, br, 'month', next);
    expect(find(checks, 'theme_day', next)).toBeUndefined();
    expect(checks.every((c) => c.from <= today)).toBe(true);
    expect((await t.call(city, 'GET', `/api/org-life/compliance/unit/${township}`)).statusCode).toBe(400);
    expect((await t.call(city, 'GET', `/api/org-life/compliance?period=quarter&key=${thisMonth}`)).statusCode).toBe(400);
  });
});

describe('the drill-down', () => {
  it('rolls the subtree up to each direct child, with totals that add up', async () => {
    const year = today.slice(0, 4);
    const body = json(await t.call(city, 'GET', `/api/org-life/compliance?orgId=${township}&period=year&key=${year}`));
    expect(body.org.id).toBe(township);
    expect(body.path.at(-1)).toEqual({ id: township, name: body.org.name });
    expect(body.rows.length).toBeGreaterThan(1);
    const sum = (k: string) => body.rows.reduce((s: number, r: any) => s + r[k], 0);
    for (const k of ['units', 'compliantUnits', 'missing', 'due']) expect(sum(k)).toBe(body.total[k]);
    expect(body.total.missingByKind.theme_day).toBeGreaterThan(0);
    const mine = body.rows.find((r: any) => r.orgId === br);
    expect(mine).toMatchObject({ isUnit: true, units: 2 });
  });

  it('matches the engine the other areas call', async () => {
    const path = (await t.db.selectFrom('orgs').select('path').where('id', '=', township).executeTakeFirstOrThrow()).path;
    const units = await unitCompliance(t.db, path, { kind: 'month', key: lastMonth }, today);
    const api = json(await t.call(city, 'GET', `/api/org-life/compliance?orgId=${township}&period=month&key=${lastMonth}`));
    expect(units.length).toBe(api.total.units);
    expect(units.reduce((s, u) => s + u.missing, 0)).toBe(api.total.missing);
    expect(await unitCompliance(t.db, path, { kind: 'month', key: lastMonth }, today, { orgIds: [br] })).toHaveLength(1);
  });

  it('lists the units with gaps worst first, paged', async () => {
    const q = `orgId=${township}&period=quarter&key=${periodKeyOf('quarter', month(-3))}`;
    const all = json(await t.call(city, 'GET', `/api/org-life/compliance/missing?${q}&limit=200`));
    expect(all.total).toBeGreaterThan(2);
    const counts = all.items.map((i: any) => i.missing);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.items[0].missingChecks).toHaveLength(all.items[0].missing);
    const page2 = json(await t.call(city, 'GET', `/api/org-life/compliance/missing?${q}&offset=1&limit=1`));
    expect(page2.items.map((i: any) => i.orgId)).toEqual([all.items[1].orgId]);
  });

  it('exports the list with a purpose, audited', async () => {
    const q = `orgId=${township}&period=month&key=${lastMonth}`;
    expect((await t.call(city, 'GET', `/api/org-life/compliance/missing/export?${q}`)).statusCode).toBe(400);
    const res = await t.call(city, 'GET', `/api/org-life/compliance/missing/export?${q}&purpose=${encodeURIComponent('督促整改')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'life.compliance.export')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ purpose: '督促整改', filter: { orgId: township, period: 'month', key: lastMonth } });
  });

  it("answers 404 outside the caller's subtree and 403 without the right", async () => {
    const other = t.city.sampleIds.otherBranch;
    for (const url of [
      `/api/org-life/compliance?orgId=${other}`,
      `/api/org-life/compliance/unit/${other}`,
      `/api/org-life/compliance/missing?orgId=${other}`,
      `/api/org-life/compliance/missing/export?orgId=${other}&purpose=${encodeURIComponent('检查工作')}`,
    ]) {
      expect((await t.call(branchAdmin, 'GET', url)).statusCode, url).toBe(404);
    }
    const own = json(await t.call(branchAdmin, 'GET', '/api/org-life/compliance'));
    expect(own.org.id).toBe(t.city.sampleIds.branch);
    expect((await t.call(await t.login('member'), 'GET', '/api/org-life/compliance')).statusCode).toBe(403);
  });
});

describe('rule versions', () => {
  it('takes a new version only from its date, and keeps versions in force unchanged', async () => {
    const nextMonth = month(1);
    const from = `${nextMonth}-01`;
    const rules = json(await t.call(city, 'GET', '/api/org-life/rules'));
    expect(rules.versions.map((v: any) => [v.version, v.builtIn])).toEqual([['2018', true]]);
    const lectureMonthly = rules.versions[0].rules.map((r: any) =>
      r.kind === 'party_lecture' ? { ...r, frequency: 'month', article: '本市规定：党课每月1次' } : r,
    );
    const version = { effectiveFrom: from, title: '市委组织部关于加强党课的通知', rules: lectureMonthly };

    expect((await t.call(await t.login('district-admin'), 'PUT', '/api/org-life/rules', { versions: [version] })).statusCode).toBe(403);
    expect((await t.call(branchAdmin, 'PUT', '/api/org-life/rules', { versions: [version] })).statusCode).toBe(403);
    const past = await t.call(city, 'PUT', '/api/org-life/rules', { versions: [{ ...version, effectiveFrom: dayOf(lastMonth, 1) }] });
    expect(past.statusCode).toBe(400);
    expect(json(past).error.field).toBe('versions.0.effectiveFrom');
    const ok = await t.call(city, 'PUT', '/api/org-life/rules', { versions: [version] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).versions.map((v: any) => v.version)).toEqual(['2018', from]);
    expect(json(ok).inForce).toBe('2018');
    const audit = await t.db.selectFrom('audit_log').select(['object_id']).where('action', '=', 'life.rules').execute();
    expect(audit).toHaveLength(1);

    // Six weeks on: the month the version began asks for a monthly 党课; the months before keep the quarterly one.
    t.clock.advanceMinutes(60 * 24 * 45);
    const cookie = await t.login('city-admin');
    const after = await unitChecks(cookie, br, 'month', nextMonth);
    expect(find(after, 'party_lecture', nextMonth)).toMatchObject({ state: expect.any(String), article: '本市规定：党课每月1次' });
    const before = await unitChecks(cookie, br, 'month', thisMonth);
    expect(before.filter((c) => c.kind === 'party_lecture').map((c) => c.periodKey)).toEqual([periodKeyOf('quarter', thisMonth)]);
    const changed = await t.call(cookie, 'PUT', '/api/org-life/rules', { versions: [{ ...version, title: '改动已生效的版本' }] });
    expect(changed.statusCode).toBe(400);
    expect(json(changed).error.message).toContain('不能修改');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';
import { buildUserWithRole } from '../../test/factories.js';

let t: TestApp;
let districtAdmin: string, branchAdmin: string;
let branch: number, lax: number;
let Y: number, today: string;

beforeAll(async () => {
  t = await createTestApp();
  [districtAdmin, branchAdmin] = await Promise.all(['district-admin', 'branch-admin'].map((u) => t.login(u)));
  branch = t.city.sampleIds.branch;
  today = todayCn(t.clock.now());
  Y = Number(today.slice(0, 4));
  // A branch of the district that the data points at: two stars last year, an overdue term, three meetings.
  const d = await t.db.selectFrom('orgs').select('path').where('id', '=', t.city.sampleIds.district).executeTakeFirstOrThrow();
  lax = (
    await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'branch')
      .where('status', '=', 'active')
      .where('id', '<>', branch)
      .where(sql<boolean>`path <@ ${d.path}::ltree`)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto('star_ratings')
    .values({ org_id: lax, year: Y - 1, stars: 2, rated_on: `${Y - 1}-12-20` })
    .execute();
  await t.db
    .insertInto('org_terms')
    .values({ org_id: lax, term_kind: 'branch', term_years: 3, elected_on: '2020-05-01', ends_on: '2023-05-01' })
    .execute();
  for (const k of [1, 2, 3]) {
    const m = await t.db
      .insertInto('meetings')
      .values({
        org_id: lax,
        kinds: ['branch_committee'],
        held_on: dayjs(today).subtract(k, 'month').format('YYYY-MM-DD'),
        topic: '支委会',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('meeting_purposes')
      .values({ meeting_id: m.id, org_id: lax, kind: 'branch_committee', held_on: dayjs(today).subtract(k, 'month').format('YYYY-MM-DD') })
      .execute();
  }
});
afterAll(async () => {
  await t?.close();
});

const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('suggestions from the data', () => {
  it('names the facts behind each suggestion: low stars, few meetings, an overdue term', async () => {
    const res = json(await t.call(districtAdmin, 'GET', `/api/standards/weak-orgs/suggestions?year=${Y}`));
    const hit = res.items.find((i: any) => i.orgId === lax);
    expect(hit.suggestions.map((s: any) => s.text)).toEqual([
      `${Y - 1}年星级评定为二星（二星及以下）`,
      '近12个月记录组织生活 3 次（少于 12 次）',
      '任期已于 2023-05-01 届满，尚未换届',
    ]);
    expect(hit.suggestions.map((s: any) => s.reason)).toEqual(['low_rating', 'life_irregular', 'election_overdue']);
  });

  it('is for the higher level only: a branch sees none of its own', async () => {
    const res = json(await t.call(branchAdmin, 'GET', `/api/standards/weak-orgs/suggestions?year=${Y}`));
    expect(res.items).toEqual([]);
  });
});

describe('naming, rectification and acceptance (整改销号)', () => {
  let id: number;

  it('refuses the organization itself (403) and one outside the scope (404)', async () => {
    const own = await t.call(branchAdmin, 'POST', '/api/standards/weak-orgs', { orgId: branch, year: Y, reasons: ['life_irregular'] });
    expect(own.statusCode).toBe(403);
    const self = await t.call(districtAdmin, 'POST', '/api/standards/weak-orgs', {
      orgId: t.city.sampleIds.district,
      year: Y,
      reasons: ['other'],
    });
    expect(self.statusCode).toBe(403);
    const out = await t.call(districtAdmin, 'POST', '/api/standards/weak-orgs', {
      orgId: t.city.sampleIds.otherBranch,
      year: Y,
      reasons: ['other'],
    });
    expect(out.statusCode).toBe(404);
    const unknown = await t.call(districtAdmin, 'POST', '/api/standards/weak-orgs', { orgId: branch, year: Y, reasons: ['lazy'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets a higher organization name a branch once a year with its reasons, audited', async () => {
    const res = await t.call(districtAdmin, 'POST', '/api/standards/weak-orgs', {
      orgId: branch,
      year: Y,
      reasons: ['life_irregular', 'election_overdue'],
      note: '群众反映组织生活长期不正常',
    });
    expect(res.statusCode).toBe(201);
    const w = json(res);
    expect(w).toMatchObject({
      orgId: branch,
      status: 'rectifying',
      tasks: 0,
      canAccept: false,
      reasons: ['life_irregular', 'election_overdue'],
    });
    id = w.id;
    expect(
      (await t.call(districtAdmin, 'POST', '/api/standards/weak-orgs', { orgId: branch, year: Y, reasons: ['other'] })).statusCode,
    ).toBe(409);
    expect((await audits('standard.weak.name')).map((a) => a.object_id)).toEqual([String(id)]);
    const sug = json(await t.call(districtAdmin, 'GET', `/api/standards/weak-orgs/suggestions?year=${Y}`));
    expect(sug.items.map((i: any) => i.orgId)).not.toContain(branch);
  });

  it('refuses acceptance before there are tasks', async () => {
    const res = await t.call(districtAdmin, 'POST', `/api/standards/weak-orgs/${id}/accept`, {});
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('尚未制定整改任务');
  });

  it('lets the branch add tasks and report progress; overdue tasks are counted', async () => {
    const past = dayjs(today).subtract(3, 'day').format('YYYY-MM-DD');
    const later = dayjs(today).add(2, 'month').format('YYYY-MM-DD');
    await t.call(branchAdmin, 'POST', `/api/standards/weak-orgs/${id}/tasks`, {
      title: '按月召开支委会',
      measure: '每月第一周召开，纪要存档',
      owner: '支部书记',
      dueOn: past,
    });
    const res = await t.call(branchAdmin, 'POST', `/api/standards/weak-orgs/${id}/tasks`, {
      title: '按期换届',
      owner: '组织委员',
      dueOn: later,
    });
    expect(res.statusCode).toBe(201);
    const w = json(res);
    expect(w).toMatchObject({ tasks: 2, done: 0, overdue: 1 });
    const [first, second] = w.items;
    const p = json(
      await t.call(branchAdmin, 'PATCH', `/api/standards/rectification-tasks/${first.id}`, { progress: 60, note: '已召开 2 次' }),
    );
    expect(p).toMatchObject({ progress: 30, overdue: 1 });
    expect((await t.call(branchAdmin, 'PATCH', `/api/standards/rectification-tasks/${first.id}`, { progress: 101 })).statusCode).toBe(400);
    const list = json(await t.call(districtAdmin, 'GET', `/api/standards/weak-orgs?year=${Y}`));
    expect(list.items.find((x: any) => x.id === id)).toMatchObject({ tasks: 2, progress: 30, overdue: 1, canAccept: false });
    const blocked = await t.call(districtAdmin, 'POST', `/api/standards/weak-orgs/${id}/accept`, {});
    expect(json(blocked).error.message).toBe('还有 2 项整改任务未完成，不能整改销号');
    for (const task of [first, second])
      await t.call(branchAdmin, 'PATCH', `/api/standards/rectification-tasks/${task.id}`, { progress: 100 });
    const done = json(await t.call(districtAdmin, 'GET', `/api/standards/weak-orgs/${id}`));
    expect(done).toMatchObject({ done: 2, progress: 100, overdue: 0, canAccept: true });
    expect(done.items.every((x: any) => x.status === 'done' && x.doneOn === today)).toBe(true);
    expect((await audits('standard.rectify.progress')).length).toBe(3);
  });

  it('keeps the case from another district (404) and acceptance from the branch itself (403)', async () => {
    const u = await buildUserWithRole(t.db, { role: 'org_admin', orgId: t.city.sampleIds.otherBranch, username: 'weak-outsider' });
    const outsider = await t.login(u.username, u.password);
    expect((await t.call(outsider, 'GET', `/api/standards/weak-orgs/${id}`)).statusCode).toBe(404);
    const task = json(await t.call(branchAdmin, 'GET', `/api/standards/weak-orgs/${id}`)).items[0];
    expect((await t.call(outsider, 'PATCH', `/api/standards/rectification-tasks/${task.id}`, { progress: 10 })).statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'POST', `/api/standards/weak-orgs/${id}/accept`, {})).statusCode).toBe(403);
  });

  it('accepts once every task is done, then closes the tasks', async () => {
    const res = await t.call(districtAdmin, 'POST', `/api/standards/weak-orgs/${id}/accept`, { note: '整改到位' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'rectified', rectifiedOn: today, canAccept: false, canUpdate: false });
    const task = json(res).items[0];
    expect((await t.call(branchAdmin, 'PATCH', `/api/standards/rectification-tasks/${task.id}`, { progress: 50 })).statusCode).toBe(409);
    const [a] = await audits('standard.weak.accept');
    expect(a.detail).toMatchObject({ orgId: branch, note: '整改到位' });
  });
});

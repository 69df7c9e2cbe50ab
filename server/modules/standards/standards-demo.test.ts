import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { todayCn } from '../../dates.js';
import { seedStandardsDemo } from './demo.js';
import { seedJointTasksDemo } from '../joint-tasks/demo.js';

let t: TestApp;
let Y: number;
let branches: number;
beforeAll(async () => {
  t = await createTestApp();
  await seedStandardsDemo(t.db, t.city, TEST_KEYS, t.clock.now());
  await seedJointTasksDemo(t.db, t.city, TEST_KEYS, t.clock.now());
  Y = Number(todayCn(t.clock.now()).slice(0, 4));
  branches = Number(
    (
      await t.db
        .selectFrom('orgs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('kind', 'in', [...BRANCH_KINDS])
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  );
});
afterAll(async () => {
  await t?.close();
});

describe('the standards demo', () => {
  it('rates every branch for last year, mostly three and four stars', async () => {
    const admin = await t.login('city-admin');
    const o = json(await t.call(admin, 'GET', `/api/standards/ratings?year=${Y - 1}`));
    expect(o.branches).toBe(branches);
    expect(o.counts.unrated).toBeLessThan(branches * 0.05);
    expect(o.counts[3] + o.counts[4]).toBeGreaterThan(branches * 0.6);
    expect(o.counts[5]).toBeGreaterThan(0);
    expect(o.counts[1] + o.counts[2]).toBeGreaterThan(0);
    expect(o.counts[1] + o.counts[2]).toBeLessThan(branches * 0.3);
    expect(o.items.filter((i: any) => i.history.length === 2).length).toBeGreaterThan(branches * 0.9);
  });

  it('leaves the demo branch a draft for this year and the district assessments to review', async () => {
    const v = json(
      await t.call(await t.login('branch-admin'), 'GET', `/api/standards/orgs/${t.city.sampleIds.branch}/assessment?year=${Y}`),
    );
    expect(v.assessment.status).toBe('draft');
    expect(v.canEdit).toBe(true);
    const queue = json(await t.call(await t.login('district-admin'), 'GET', `/api/standards/assessments?year=${Y}&status=submitted`));
    expect(queue.items.filter((i: any) => i.canReview).length).toBeGreaterThanOrEqual(1);
  });

  it('names about 3 % of branches weak, each with 2–4 tasks, some of them late', async () => {
    const weak = await t.db.selectFrom('weak_orgs').select(['id', 'status']).where('year', '=', Y).execute();
    expect(weak.length).toBeGreaterThanOrEqual(Math.floor(branches * 0.02));
    expect(weak.length).toBeLessThanOrEqual(Math.ceil(branches * 0.04));
    const per = await sql<{ n: number }>`select count(*)::int as n from rectification_tasks group by weak_org_id`.execute(t.db);
    expect(per.rows.every((r) => r.n >= 2 && r.n <= 4)).toBe(true);
    const list = json(await t.call(await t.login('city-admin'), 'GET', `/api/standards/weak-orgs?year=${Y}`));
    expect(list.items.length).toBe(weak.length);
    expect(list.items.some((w: any) => w.overdue > 0)).toBe(true);
  });
});

describe('the joint-task demo', () => {
  it('spreads tasks over every stage, with late and checked ones, and an open task in the demo branch', async () => {
    const b = json(await t.call(await t.login('city-admin'), 'GET', '/api/joint-tasks'));
    for (const s of ['planned', 'deployed', 'in_progress', 'done', 'checked']) expect(b.counts[s], s).toBeGreaterThan(0);
    expect(b.counts.overdue).toBeGreaterThan(0);
    expect(b.items.filter((i: any) => i.checkResult).length).toBe(b.counts.checked);
    const own = json(await t.call(await t.login('branch-admin'), 'GET', '/api/joint-tasks?subtree=false'));
    expect(own.items.some((i: any) => i.stage === 'in_progress' && !i.overdue)).toBe(true);
    const detail = json(await t.call(await t.login('branch-admin'), 'GET', `/api/joint-tasks/${own.items[0].id}`));
    expect(detail.updates.length).toBeGreaterThanOrEqual(1);
  });
});

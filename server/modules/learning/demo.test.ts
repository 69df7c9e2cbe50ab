// The learning demo: the demo member sees the city plan (and the district's), with materials to study and
// a PDF that opens; the sample branch shows some completion; nothing is ranked.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
});
afterAll(async () => {
  await t?.close();
});

it('gives the demo member a city and a district plan, a PDF to open and the city some completion', async () => {
  const member = await t.login('member');
  const plans = json(await t.call(member, 'GET', '/api/learning/my/plans')).items as {
    title: string;
    orgId: number;
    materials: { refId: number }[];
  }[];
  expect(plans.map((p) => p.orgId).sort()).toEqual([t.city.sampleIds.city, t.city.sampleIds.district].sort());
  const mats = json(await t.call(member, 'GET', '/api/learning/my/materials?kind=document')).items;
  expect(mats).toHaveLength(1);
  const pdf = await t.app.inject({ method: 'GET', url: `/api/learning/my/materials/${mats[0].id}/file`, headers: { cookie: member } });
  expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([
    200,
    'application/pdf',
    '%PDF-',
  ]);
  const admin = await t.login('city-admin');
  const cityPlan = json(await t.call(admin, 'GET', '/api/learning/plans')).items.find(
    (p: { orgId: number }) => p.orgId === t.city.sampleIds.city,
  );
  const progress = json(await t.call(admin, 'GET', `/api/learning/plans/${cityPlan.id}/progress?orgId=${t.city.sampleIds.district}`));
  expect(progress.total.completed).toBeGreaterThan(0);
  expect(progress.total.completed).toBeLessThan(progress.total.learners);
});

it('issues the district plan to the district’s activists too, some of whom have studied', async () => {
  const admin = await t.login('district-admin');
  const plan = json(await t.call(admin, 'GET', '/api/learning/plans')).items.find(
    (p: { orgId: number }) => p.orgId === t.city.sampleIds.district,
  );
  expect(plan.audiences).toContain('activists');
  const studied = await t.db
    .selectFrom('learning_credits')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('dev_person_id', 'is not', null)
    .where('source_ref', '=', `material:${plan.items[0].refId}`)
    .executeTakeFirstOrThrow();
  expect(studied.n).toBeGreaterThan(0);
  const progress = json(await t.call(admin, 'GET', `/api/learning/plans/${plan.id}/progress`));
  const { n } = await t.db
    .selectFrom('members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'normal')
    .where(sql<boolean>`org_path <@ (select path from orgs where id = ${t.city.sampleIds.district})`)
    .executeTakeFirstOrThrow();
  const activists = await t.db
    .selectFrom('dev_people')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'activist')
    .where(sql<boolean>`org_path <@ (select path from orgs where id = ${t.city.sampleIds.district})`)
    .executeTakeFirstOrThrow();
  expect(activists.n).toBeGreaterThan(0);
  expect(progress.total.learners).toBe(n + activists.n);
});

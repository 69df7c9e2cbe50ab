// A plan's completion read from its summary (migration 040) equals the scan of members and ledger after
// every kind of change: credits written and withdrawn, a member transferred, made full or no longer
// counted, the plan's required hours and items edited; so does the to-dos' completion per holding
// organization. Activists (入党积极分子) as an audience: counted in the subtree they are trained in, and
// an activist's own account studies with server-credited time.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { buildMember, buildUserWithRole } from '../../test/factories.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { changeMember } from '../members/changes.js';
import { setCreditStatus, upsertCredit } from './credits.js';
import { completionByHoldingOrg, openPlansOver } from './behind.js';
import { loadPlan } from './plans.js';
import { planProgress, planProgressScan } from './progress.js';

let t: TestApp;
let city: string;
let district: string;
let ctx: Ctx;
let today: string;
let material: number;

const api = '/api/learning';
const orgOf = async (id: number) => {
  const o = await t.db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: Number(o.id), name: o.name, path: String(o.path) };
};
const membersOf = async (orgId: number, n: number) =>
  (
    await sql<{ id: number }>`select id from members where org_id = ${orgId} and status = 'normal' and category = 'full'
      order by id limit ${n}`.execute(t.db)
  ).rows.map((r) => Number(r.id));
const credit = (memberId: number, ref: string, hours: number) =>
  upsertCredit(ctx, {
    memberId,
    cadreId: null,
    source: ref.startsWith('quiz') ? 'quiz' : 'online',
    sourceRef: ref,
    title: '学习',
    hours,
    earnedOn: today,
  });
const writer = () => ({ db: t.db, actor: null, clock: t.clock });

/** The summary's reading and the scan, for the plan's organization and one district, must agree. */
async function expectSameAsScan(planId: number, orgIds: number[]) {
  const plan = await loadPlan(t.db, planId, today);
  for (const id of orgIds) {
    const org = await orgOf(id);
    const read = await planProgress(t.db, plan, org, today);
    expect(read).toEqual(await planProgressScan(t.db, plan, org, today));
    // The to-dos' completion per holding organization (a plan to all members read from its cells) equals the listing.
    const open = (await openPlansOver(t.db, org.path, today)).find((p) => p.id === planId)!;
    const byOrg = (exact: boolean, listAll: boolean) =>
      completionByHoldingOrg(t.db, open, org.path, exact, today, listAll).then((rows) => rows.sort((x, y) => x.orgId - y.orgId));
    for (const exact of [false, true]) expect(await byOrg(exact, false)).toEqual(await byOrg(exact, true));
  }
  return planProgress(t.db, plan, await orgOf(orgIds[0]), today);
}

async function newPlan(body: Record<string, unknown>) {
  const res = await t.call(city, 'POST', `${api}/plans`, {
    orgId: t.city.sampleIds.city,
    title: '计划',
    startsOn: today,
    endsOn: `${today.slice(0, 4)}-12-31`,
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return json(res).id as number;
}

beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.db, actor: { userId: null } as unknown as Actor } as Ctx;
  today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  [city, district] = [await t.login('city-admin'), await t.login('district-admin')];
  const m = await t.call(city, 'POST', `${api}/materials`, {
    orgId: t.city.sampleIds.city,
    kind: 'article',
    title: '学习材料',
    bodyHtml: '<p>正文</p>',
    lengthSeconds: 3600,
  });
  material = json(m).id;
});
afterAll(async () => {
  await t?.close();
});

describe('the summary equals the scan', () => {
  it('after credits, a transfer, a member no longer counted, and edits of the plan', async () => {
    const ids = t.city.sampleIds;
    const plan = await newPlan({
      audiences: ['all', 'cadres'],
      requiredHours: 0.5,
      items: [
        { kind: 'material', refId: material },
        { kind: 'quiz', refId: 9101 },
      ],
    });
    const scope = [ids.city, ids.district, ids.township];
    const [a, b, c, d] = await membersOf(ids.branch, 4);
    await credit(a, `material:${material}`, 0.6);
    await credit(a, 'quiz:9101', 0.5);
    await credit(b, `material:${material}`, 0.6);
    await credit(c, 'quiz:9101', 0.5);
    await credit(c, `material:${material}`, 0.2);
    await credit(d, 'material:999999', 3); // not the plan's
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(1);
    // c studies more: done too.
    await credit(c, `material:${material}`, 0.5);
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(2);
    // a is transferred to a branch in another district: the city still counts a, the district no longer.
    const before = (await expectSameAsScan(plan, [ids.district])).total;
    await changeMember(writer(), a, { action: 'transfer', set: { org_id: ids.otherBranch } });
    const after = (await expectSameAsScan(plan, [ids.district, ids.city])).total;
    expect([after.learners, after.completed]).toEqual([before.learners - 1, before.completed - 1]);
    expect((await expectSameAsScan(plan, [ids.city])).total.completed).toBe(2);
    // c is no longer counted (lost contact): out of the audience.
    await changeMember(writer(), c, { action: 'status.lost', set: { status: 'lost_contact' } });
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(1);
    // The quiz row of a withdrawn (rejected) credit no longer counts.
    const q = await credit(a, 'quiz:9101', 0.5);
    await setCreditStatus(ctx, q, 'rejected', '');
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(0);
    // Plan edits: fewer required hours, then a second material added to its items.
    await sql`update learning_plans set required_hours = 0.1 where id = ${plan}`.execute(t.db);
    await sql`update learning_credits set status = 'approved' where id = ${q}`.execute(t.db);
    await credit(b, 'quiz:9101', 0.5);
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(2);
    await sql`insert into learning_plan_items (plan_id, kind, ref_id, position) values (${plan}, 'quiz', 9102, 2)`.execute(t.db);
    expect((await expectSameAsScan(plan, scope)).total.completed).toBe(0);
  });

  it('after a probationary member is made full (a plan for probationary members)', async () => {
    const ids = t.city.sampleIds;
    const plan = await newPlan({
      audiences: ['probationary', 'committee'],
      requiredHours: 0.2,
      items: [{ kind: 'material', refId: material }],
    });
    const p = (await buildMember(t.db, { orgId: ids.branch, category: 'probationary', status: 'normal' })).id;
    const other = await buildMember(t.db, { orgId: ids.branch, category: 'probationary', status: 'normal' });
    await credit(p, `material:${material}`, 0.3);
    await credit(other.id, `material:${material}`, 0.1);
    const was = (await expectSameAsScan(plan, [ids.city, ids.district])).total;
    expect(was.completed).toBe(1);
    await changeMember(writer(), p, { action: 'full', set: { category: 'full', full_on: today } });
    const now = (await expectSameAsScan(plan, [ids.city, ids.district])).total;
    expect([now.learners, now.completed]).toEqual([was.learners - 1, 0]);
  });
});

describe('activists as an audience', () => {
  const activist = async (orgId: number, name: string) =>
    Number(
      (
        await sql<{ id: number }>`insert into dev_people (org_id, name, gender, birth_date, applied_on, status, last_step)
          values (${orgId}, ${name}, '女', '2000-03-01', '2025-01-10', 'activist', 5) returning id`.execute(t.db)
      ).rows[0].id,
    );

  it('counts an activist of the subtree, not one outside it, and credits the activist’s own study', async () => {
    const ids = t.city.sampleIds;
    const res = await t.call(district, 'POST', `${api}/plans`, {
      orgId: ids.district,
      title: '入党积极分子学习计划',
      audiences: ['activists'],
      requiredHours: 0.1,
      startsOn: today,
      endsOn: `${today.slice(0, 4)}-12-31`,
      items: [{ kind: 'material', refId: material }],
    });
    expect(res.statusCode).toBe(201);
    const plan = json(res);
    const progress = async () => json(await t.call(district, 'GET', `${api}/plans/${plan.id}/progress`)).total;
    const start = await progress();
    const inside = await activist(ids.branch, '积极分子甲');
    await activist(ids.otherBranch, '积极分子乙'); // another district's
    expect(await progress()).toMatchObject({ learners: start.learners + 1, completed: start.completed });

    // The activist's account: their plan, and study time the server counts, stored against the activist.
    const u = await buildUserWithRole(t.db, { role: 'member', orgId: ids.branch });
    await t.db.updateTable('users').set({ dev_person_id: inside }).where('id', '=', u.id).execute();
    const me = await t.login(u.username, u.password);
    const mine = json(await t.call(me, 'GET', `${api}/my/plans`)).items;
    expect(mine.map((p: { id: number }) => p.id)).toContain(plan.id);
    const s = json(await t.call(me, 'POST', `${api}/materials/${material}/sessions`));
    for (let i = 0; i < 12; i++) {
      t.clock.advanceMinutes(0.5);
      await t.call(me, 'POST', `${api}/sessions/${s.sessionId}/heartbeat`, { visible: true, position: 0, rate: 1 });
    }
    const rows = await t.db
      .selectFrom('learning_credits')
      .select(['member_id', 'cadre_id', 'dev_person_id', 'hours', 'source_ref'])
      .where('dev_person_id', '=', inside)
      .execute();
    expect(rows.map((r) => [r.member_id, r.cadre_id, r.source_ref, Number(r.hours)])).toEqual([[null, null, `material:${material}`, 0.1]]);
    const done = json(await t.call(me, 'GET', `${api}/my/plans`)).items.find((p: { id: number }) => p.id === plan.id);
    expect(done).toMatchObject({ earnedHours: 0.1, completed: true });
    expect(await progress()).toMatchObject({ learners: start.learners + 1, completed: start.completed + 1 });
    await expectSameAsScan(plan.id, [ids.district, ids.township]);
  });

  it('does not give an activist account the plans of members only', async () => {
    const ids = t.city.sampleIds;
    const plan = await newPlan({ audiences: ['all'], requiredHours: 1, items: [{ kind: 'material', refId: material }] });
    const u = await buildUserWithRole(t.db, { role: 'member', orgId: ids.branch });
    await t.db
      .updateTable('users')
      .set({ dev_person_id: await activist(ids.branch, '积极分子丙') })
      .where('id', '=', u.id)
      .execute();
    const mine = json(await t.call(await t.login(u.username, u.password), 'GET', `${api}/my/plans`)).items;
    expect(mine.map((p: { id: number }) => p.id)).not.toContain(plan);
  });
});

// To-dos from organizational life (meetings, terms, standards, joint tasks), a member's own items,
// and the digest: each item appears from hand-made rows and disappears when the work is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { addMonths } from '../../../domain/rules/dues.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import { currentMonth } from '../dues/service.js';
import { standardTodos } from './providers/standards.js';
import { contextOf, orgRef } from './service.js';
import { dayFrom, itemOf, listOf, membersOf, monthFrom, todayOf } from './test-helpers.js';

let t: TestApp;
let branchAdmin: string, districtAdmin: string, cityAdmin: string, member: string;
let branch: number, township: number;

beforeAll(async () => {
  t = await createTestApp();
  branch = t.city.sampleIds.branch;
  township = (await t.db.selectFrom('orgs').select('parent_id').where('id', '=', branch).executeTakeFirstOrThrow()).parent_id!;
  [branchAdmin, districtAdmin, cityAdmin, member] = await Promise.all(
    ['branch-admin', 'district-admin', 'city-admin', 'member'].map((u) => t.login(u)),
  );
});
afterAll(async () => {
  await t?.close();
});

const quarterRef = () => `${branch}:party_lecture:${periodKeyOf('quarter', todayOf(t))}`;

describe('meetings (三会一课, RULES.md §3)', () => {
  it('lists this quarter’s 党课 until a meeting serving it is recorded, with the page and the article', async () => {
    const item = await itemOf(t, branchAdmin, 'party_lecture', quarterRef());
    expect(item).toMatchObject({ orgId: branch, overdue: false, link: `/meetings?record=party_lecture&orgId=${branch}` });
    expect(item!.title).toMatch(/：本季度党课尚未开展$/);
    expect(item!.dueOn).toBe(
      (await itemOf(t, branchAdmin, 'branch_congress', `${branch}:branch_congress:${periodKeyOf('quarter', todayOf(t))}`))!.dueOn,
    );
    const theme = `${branch}:theme_day:${periodKeyOf('month', todayOf(t))}`;
    expect((await itemOf(t, branchAdmin, 'theme_day', theme))!.title).toContain('本月主题党日尚未开展');
    expect(await itemOf(t, districtAdmin, 'party_lecture', quarterRef())).toBeUndefined();

    // One meeting that is both a 主题党日 and a 党课 settles both.
    const res = await t.call(branchAdmin, 'POST', '/api/meetings', {
      orgId: branch,
      status: 'held',
      kinds: ['theme_day', 'party_lecture'],
      heldOn: todayOf(t),
      topic: '学习党章 专题党课',
    });
    expect(res.statusCode).toBe(201);
    expect(await itemOf(t, branchAdmin, 'party_lecture', quarterRef())).toBeUndefined();
    expect(await itemOf(t, branchAdmin, 'theme_day', theme)).toBeUndefined();
  });
});

describe('terms and elections (换届, RULES.md §4)', () => {
  it('reminds the branch and its nearest higher level with an account, then follows the request to its approval', async () => {
    const ends = monthFrom(t, 3);
    const term = await t.db
      .insertInto('org_terms')
      .values({ org_id: branch, term_kind: 'branch', term_years: 3, elected_on: monthFrom(t, -33), ends_on: ends })
      .returning('id')
      .executeTakeFirstOrThrow();
    const own = await itemOf(t, branchAdmin, 'term_ending', term.id);
    expect(own).toMatchObject({ link: `/terms?orgId=${branch}`, dueOn: monthFrom(t, 1) });
    expect(own!.title).toContain(`将于 ${ends} 届满`);
    // The 街道党工委 has no account: the district reminds.
    expect(await itemOf(t, districtAdmin, 'term_remind', term.id)).toMatchObject({ orgId: branch });
    expect(await itemOf(t, cityAdmin, 'term_remind', term.id)).toBeUndefined();

    const req = await t.call(branchAdmin, 'POST', `/api/terms/orgs/${branch}/elections`, { plannedOn: monthFrom(t, 2), plannedSeats: 5 });
    expect(req.statusCode).toBe(201);
    const e = json(req);
    expect(await itemOf(t, branchAdmin, 'term_ending', term.id)).toBeUndefined();
    expect(await itemOf(t, districtAdmin, 'term_remind', term.id)).toBeUndefined();
    expect(await itemOf(t, districtAdmin, 'election_request', e.id)).toMatchObject({ orgId: branch, dueOn: monthFrom(t, 2) });

    const ok = await t.call(districtAdmin, 'POST', `/api/terms/elections/${e.id}/decide`, { decision: 'approve', version: e.version });
    expect(ok.statusCode).toBe(200);
    expect(await itemOf(t, districtAdmin, 'election_request', e.id)).toBeUndefined();
    expect(await itemOf(t, branchAdmin, 'election_due', e.id)).toMatchObject({ dueOn: monthFrom(t, 2) });
  });

  it('sends a held election’s result and a proposed delay to the higher level until decided', async () => {
    const sibling = (
      await t.db
        .selectFrom('orgs')
        .select('id')
        .where('parent_id', '=', township)
        .where('kind', '=', 'branch')
        .where('id', '<>', branch)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const e = await t.db
      .insertInto('elections')
      .values({ org_id: sibling, status: 'held', held_on: dayFrom(t, -3), should_attend: 20, present: 19, quorate: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, districtAdmin, 'election_confirm', e.id)).toMatchObject({
      orgId: sibling,
      rule: expect.stringContaining('选举工作条例'),
    });
    await t.db.updateTable('elections').set({ status: 'confirmed' }).where('id', '=', e.id).execute();
    expect(await itemOf(t, districtAdmin, 'election_confirm', e.id)).toBeUndefined();

    const term = await t.db
      .insertInto('org_terms')
      .values({ org_id: sibling, term_kind: 'branch', term_years: 3, elected_on: monthFrom(t, -35), ends_on: monthFrom(t, 1) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await t.db
      .insertInto('term_adjustments')
      .values({
        term_id: term.id,
        org_id: sibling,
        kind: 'delay',
        original_end: monthFrom(t, 1),
        new_end: monthFrom(t, 7),
        reason: '村“两委”同步换届',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, districtAdmin, 'term_adjustment', a.id)).toMatchObject({
      dueOn: monthFrom(t, 1),
      rule: expect.stringContaining('第三条'),
    });
    expect(await itemOf(t, cityAdmin, 'term_adjustment', a.id)).toBeUndefined();
    const res = await t.call(districtAdmin, 'POST', `/api/terms/adjustments/${a.id}/decide`, { decision: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(await itemOf(t, districtAdmin, 'term_adjustment', a.id)).toBeUndefined();
  });

  it('marks a term past its end as an overdue election', async () => {
    const sibling = (
      await t.db
        .selectFrom('orgs')
        .select('id')
        .where('parent_id', '=', township)
        .where('kind', '=', 'branch')
        .where('id', '<>', branch)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    const term = await t.db
      .insertInto('org_terms')
      .values({ org_id: sibling, term_kind: 'branch', term_years: 3, elected_on: monthFrom(t, -40), ends_on: monthFrom(t, -4) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, districtAdmin, 'term_remind', term.id)).toMatchObject({ overdue: true });
    const digest = json(await t.call(districtAdmin, 'GET', `/api/todos/digest?orgId=${township}`));
    expect(digest.rows.find((r: any) => r.orgId === sibling).counts.election_overdue).toBe(1);
    // The higher level's reminder repeats the organization's own item: the digest counts it once.
    expect(digest.totals.counts.term_remind).toBeUndefined();
  });
});

describe('standards and joint tasks', () => {
  it('asks for the self-assessment from the fourth quarter until it is submitted, then for the review above', async () => {
    const org = await orgRef(t.db, branch);
    const at = (today: string) => ({ ...contextOf(t.db, t.clock.now()), today });
    const year = Number(todayOf(t).slice(0, 4));
    expect((await standardTodos.own(at(`${year}-06-15`), { org })).filter((x) => x.kind === 'standard_self')).toHaveLength(0);
    const q4 = (await standardTodos.own(at(`${year}-11-15`), { org })).filter((x) => x.kind === 'standard_self');
    expect(q4).toHaveLength(1);
    expect(q4[0]).toMatchObject({ dueOn: `${year}-12-31`, title: `${year}年度标准化规范化建设自评尚未提交` });

    const checklist = await t.db
      .insertInto('standard_checklists')
      .values({ name: '测试清单', effective_from: `${year}-01-01`, items: JSON.stringify([]), star_thresholds: JSON.stringify([]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await t.db
      .insertInto('standard_assessments')
      .values({ org_id: branch, year, checklist_id: checklist.id, status: 'submitted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await standardTodos.own(at(`${year}-11-15`), { org })).filter((x) => x.kind === 'standard_self')).toHaveLength(0);
    expect(await itemOf(t, districtAdmin, 'standard_review', a.id)).toMatchObject({ orgId: branch, link: `/standards?orgId=${branch}` });
    await t.db.updateTable('standard_assessments').set({ status: 'reviewed', stars: 4 }).where('id', '=', a.id).execute();
    expect(await itemOf(t, districtAdmin, 'standard_review', a.id)).toBeUndefined();
  });

  it('lists a rectification task due within two weeks until it is done', async () => {
    const weak = await t.db
      .insertInto('weak_orgs')
      .values({ org_id: branch, year: Number(todayOf(t).slice(0, 4)), reasons: ['life_irregular'], identified_on: dayFrom(t, -30) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await t.db
      .insertInto('rectification_tasks')
      .values({ weak_org_id: weak.id, org_id: branch, title: '健全组织生活制度', owner: '支部书记', due_on: dayFrom(t, 5) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const far = await t.db
      .insertInto('rectification_tasks')
      .values({ weak_org_id: weak.id, org_id: branch, title: '年底前完成', owner: '支部书记', due_on: dayFrom(t, 60) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, branchAdmin, 'rectification', task.id)).toMatchObject({ dueOn: dayFrom(t, 5), severity: 'medium' });
    expect(await itemOf(t, branchAdmin, 'rectification', far.id)).toBeUndefined();
    await t.db
      .updateTable('rectification_tasks')
      .set({ status: 'done', progress: 100, done_on: todayOf(t) })
      .where('id', '=', task.id)
      .execute();
    expect(await itemOf(t, branchAdmin, 'rectification', task.id)).toBeUndefined();
  });

  it('lists an unfinished joint task due within two weeks or overdue', async () => {
    const row = (title: string, due: string) => ({
      org_id: branch,
      year: 2026,
      title,
      party_side: '党员先锋岗',
      business_side: '窗口服务',
      party_owner: '书记',
      business_owner: '主任',
      due_on: due,
      stage: 'in_progress' as const,
    });
    const late = await t.db
      .insertInto('joint_tasks')
      .values(row('逾期任务', dayFrom(t, -3)))
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, branchAdmin, 'joint_task', late.id)).toMatchObject({ overdue: true, link: `/joint-tasks?orgId=${branch}` });
    await t.db.updateTable('joint_tasks').set({ stage: 'done', progress: 100 }).where('id', '=', late.id).execute();
    expect(await itemOf(t, branchAdmin, 'joint_task', late.id)).toBeUndefined();
  });
});

describe('a Party member’s own items', () => {
  it('shows their own arrears, probation ending and meetings in the coming week, and nothing of the branch’s', async () => {
    const [m] = await membersOf(t, branch);
    await sql`update users set member_id = ${m.id} where username = 'member'`.execute(t.db);
    const M = currentMonth(t.clock.now());
    expect(
      (
        await t.call(branchAdmin, 'POST', `/api/dues/members/${m.id}/bases`, {
          category: 'employed',
          baseFen: 300_000,
          effectiveFrom: addMonths(M, -2),
          source: 'salary',
        })
      ).statusCode,
    ).toBe(201);
    const dues = await itemOf(t, member, 'my_dues', m.id);
    expect(dues).toMatchObject({ link: '/my-dues' });
    expect(dues!.title).toContain('您有 2 个月党费未交纳');

    const p = await t.db
      .insertInto('dev_people')
      .values({
        org_id: branch,
        name: m.name,
        gender: '男',
        birth_date: '1995-01-01',
        applied_on: '2023-01-01',
        status: 'probationary',
        last_step: 21,
        member_id: m.id,
        admitted_on: monthFrom(t, -12),
        probation_end: dayFrom(t, 10),
        next_step: 22,
        next_from: dayFrom(t, -20),
        next_by: dayFrom(t, 10),
        id_cipher: null,
        id_hash: null,
        id_masked: null,
        education: null,
        occupation: null,
        work_unit: null,
        phone: null,
        extension_months: null,
        full_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await itemOf(t, member, 'my_probation', p.id)).toMatchObject({ dueOn: dayFrom(t, 10), link: '/my-record' });

    const soon = json(
      await t.call(branchAdmin, 'POST', '/api/meetings', {
        orgId: branch,
        status: 'planned',
        kinds: ['theme_day'],
        plannedOn: dayFrom(t, 3),
        topic: '重温入党誓词',
      }),
    );
    const later = json(
      await t.call(branchAdmin, 'POST', '/api/meetings', {
        orgId: branch,
        status: 'planned',
        kinds: ['branch_congress'],
        plannedOn: dayFrom(t, 20),
        topic: '季度党员大会',
      }),
    );
    expect((await itemOf(t, member, 'my_meeting', soon.id))!.title).toContain('重温入党誓词');
    expect(await itemOf(t, member, 'my_meeting', later.id)).toBeUndefined();

    const list = await listOf(t, member);
    expect(new Set(list.items.map((x) => x.kind))).toEqual(new Set(['my_dues', 'my_probation', 'my_meeting']));
    const pay = await t.call(branchAdmin, 'POST', `/api/dues/members/${m.id}/payments`, {
      months: [addMonths(M, -2), addMonths(M, -1)],
      paidOn: todayOf(t),
    });
    expect(pay.statusCode).toBe(200);
    expect(await itemOf(t, member, 'my_dues', m.id)).toBeUndefined();
    expect(json(await t.call(member, 'GET', '/api/todos/count')).total).toBe(list.total - 1);
  });
});

describe('the digest (下级汇总)', () => {
  it('counts each direct child’s subtree and the organization itself, and drills down', async () => {
    const d = json(await t.call(districtAdmin, 'GET', '/api/todos/digest'));
    expect(d.org.id).toBe(t.city.sampleIds.district);
    expect(d.rows[0]).toMatchObject({ orgId: t.city.sampleIds.district, self: true });
    const sum = d.rows.reduce((n: number, r: any) => n + r.total, 0);
    expect(d.totals.total).toBe(sum);
    expect(d.totals.overdueTotal).toBe(d.rows.reduce((n: number, r: any) => n + r.overdueTotal, 0));
    const town = d.rows.find((r: any) => r.orgId === township);
    expect(town.hasChildren).toBe(true);
    const down = json(await t.call(districtAdmin, 'GET', `/api/todos/digest?orgId=${township}`));
    expect(down.totals.total).toBe(town.total);
    // The branch's own list and its row in the digest agree, kind by kind.
    const mine = await listOf(t, branchAdmin);
    const row = down.rows.find((r: any) => r.orgId === branch);
    for (const g of mine.groups) expect(row.counts[g.kind], g.kind).toBe(g.count);
  });

  it('keeps its figures for a while, says when they were computed, and recomputes on request', async () => {
    const ref = `${branch}:branch_congress:${periodKeyOf('quarter', todayOf(t))}`;
    const rowOf = async (fresh: boolean) =>
      json(await t.call(districtAdmin, 'GET', `/api/todos/digest?orgId=${township}${fresh ? '&fresh=true' : ''}`)).rows.find(
        (r: any) => r.orgId === branch,
      );
    expect((await rowOf(false)).counts.branch_congress).toBe(1);
    const res = await t.call(branchAdmin, 'POST', '/api/meetings', {
      orgId: branch,
      status: 'held',
      kinds: ['branch_congress'],
      heldOn: todayOf(t),
      topic: '第四季度支部党员大会',
    });
    expect(res.statusCode).toBe(201);
    // The branch's own list changes at once; the digest when refreshed.
    expect(await itemOf(t, branchAdmin, 'branch_congress', ref)).toBeUndefined();
    expect((await rowOf(false)).counts.branch_congress).toBe(1);
    expect((await rowOf(true)).counts.branch_congress).toBeUndefined();
    const d = json(await t.call(districtAdmin, 'GET', `/api/todos/digest?orgId=${township}`));
    expect(Date.parse(d.computedAt)).toBeLessThanOrEqual(t.clock.now().getTime());
  });

  it('lists the items behind a count only for kinds the caller may act on', async () => {
    const items = json(await t.call(districtAdmin, 'GET', `/api/todos/digest/items?orgId=${branch}&kind=life_meeting`));
    expect(items.items.map((x: any) => x.ref)).toEqual([`${branch}:life_meeting:${todayOf(t).slice(0, 4)}`]);
    const sec = await t.login('secadmin');
    // The security administrator holds none of the business (三员分立): the digest is refused outright.
    expect((await t.call(sec, 'GET', `/api/todos/digest/items?orgId=${branch}`)).statusCode).toBe(403);
  });

  it('answers 404 outside the caller’s subtree', async () => {
    expect((await t.call(districtAdmin, 'GET', `/api/todos/digest?orgId=${t.city.sampleIds.otherBranch}`)).statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'GET', `/api/todos/digest?orgId=${township}`)).statusCode).toBe(404);
  });

  it('exports with a purpose, audited with the filter and row count', async () => {
    expect((await t.call(districtAdmin, 'GET', '/api/todos/digest/export')).statusCode).toBe(400);
    const res = await t.call(districtAdmin, 'GET', `/api/todos/digest/export?orgId=${township}&purpose=${encodeURIComponent('季度督办')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['detail', 'actor_name'])
      .where('action', '=', 'todos.export')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('district-admin');
    expect(audit.detail).toMatchObject({ purpose: '季度督办', filter: { orgId: township } });
  });
});

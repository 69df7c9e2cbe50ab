import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { currentMonth } from '../dues/service.js';
import { todayCn } from '../../dates.js';
import { addMonths } from '../../../domain/rules/dues.js';
import { unitCompliance } from '../org-life/compliance.js';

let t: TestApp;
let city: string;
let district: string;
let today: string;
let br: number;
let otherDistrict: number;

const health = async (cookie: string, orgId: number) => {
  const res = await t.call(cookie, 'GET', `/api/org-health?orgId=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};
/** The branch's own row (a branch without children is its own only row). */
const cellOf = async (signal: string) => {
  const d = await health(city, br);
  expect(d.rows.map((r: any) => r.orgId)).toEqual([br]);
  return d.rows[0].cells[signal];
};
const texts = (cell: any) => cell.reasons.map((r: any) => r.text).join('；');
const daysAgo = (n: number) => dayjs(today).subtract(n, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  // In January no monthly check of the year has ended yet: look from February on.
  if (todayCn(t.clock.now()).slice(5, 7) === '01') t.clock.advanceMinutes(40 * 24 * 60);
  today = todayCn(t.clock.now());
  city = await t.login('city-admin');
  district = await t.login('district-admin');
  const res = await t.call(city, 'POST', '/api/orgs', {
    parentId: t.city.sampleIds.township,
    name: '健康度测试党支部',
    kind: 'branch',
    establishedOn: '2020-01-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  br = json(res).id;
  otherDistrict = (
    await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', t.city.sampleIds.city)
      .where('id', '<>', t.city.sampleIds.district)
      .where('kind', '=', 'county_committee')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('the signals of one branch, with their reasons, and how they clear', () => {
  it('meetings: missing checks of the year are named; recording them turns the signal 正常', async () => {
    const before = await cellOf('meetings');
    expect(before.level).not.toBe('ok');
    expect(texts(before)).toMatch(/缺/);
    expect(before.reasons[0].link).toBe(`/compliance?orgId=${br}&period=quarter`);
    // Record a meeting for every missing check (late records are accepted: RULES.md §9).
    const [unit] = await unitCompliance(
      t.db,
      (await t.db.selectFrom('orgs').select('path').where('id', '=', br).executeTakeFirstOrThrow()).path,
      { kind: 'year', key: today.slice(0, 4) },
      today,
      { orgIds: [br] },
    );
    for (const c of unit.checks.filter((x) => x.state === 'missing')) {
      const m = await t.db
        .insertInto('meetings')
        .values({ org_id: br, kinds: [c.kind], status: 'held', held_on: c.from, topic: '补录', late: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db.insertInto('meeting_purposes').values({ meeting_id: m.id, org_id: br, kind: c.kind, held_on: c.from }).execute();
    }
    expect(await cellOf('meetings')).toMatchObject({ level: 'ok', reasons: [] });
  });

  it('terms: no term on record, then 换届已逾期 N 天, then 正常 once the new term is in', async () => {
    expect(await cellOf('terms')).toMatchObject({ level: 'attention', reasons: [{ text: '未录入本届任期', link: `/terms?orgId=${br}` }] });
    const ends = daysAgo(45);
    const term = await t.db
      .insertInto('org_terms')
      .values({
        org_id: br,
        term_kind: 'branch',
        term_years: 3,
        elected_on: dayjs(ends).subtract(3, 'year').format('YYYY-MM-DD'),
        ends_on: ends,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const overdue = await cellOf('terms');
    expect(overdue.level).toBe('warning');
    expect(texts(overdue)).toBe(`换届已逾期 45 天（任期 ${ends} 届满）`);
    await t.db.updateTable('org_terms').set({ ended_on: today }).where('id', '=', term.id).execute();
    const next = dayjs(today).add(3, 'year').format('YYYY-MM-DD');
    await t.db
      .insertInto('org_terms')
      .values({ org_id: br, term_kind: 'branch', term_years: 3, elected_on: today, ends_on: next })
      .execute();
    expect(await cellOf('terms')).toMatchObject({ level: 'ok', reasons: [], summary: `任期至 ${next}` });
  });

  it('dues: a member four months unpaid is named with the rate; paying clears it', async () => {
    const m = await t.db
      .insertInto('members')
      .values({ org_id: br, name: '欠缴测试', gender: '男', category: 'full', admitted_on: '2010-05-01', full_on: '2011-05-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const from = addMonths(currentMonth(t.clock.now()), -4);
    const base = await t.call(city, 'POST', `/api/dues/members/${m.id}/bases`, {
      category: 'employed',
      baseFen: 400_000,
      effectiveFrom: from,
      source: 'salary',
    });
    expect(base.statusCode, base.body).toBe(201);
    const owing = await cellOf('dues');
    expect(owing.level).toBe('warning'); // nothing paid this year: the rate is under 80%
    expect(texts(owing)).toContain('1 名党员连续欠缴党费满 3 个月');
    expect(texts(owing)).toContain('本年收缴率 0.0%');
    const months = [0, 1, 2, 3].map((i) => addMonths(from, i));
    const paid = await t.call(city, 'POST', `/api/dues/members/${m.id}/payments`, { months, paidOn: today });
    expect(paid.statusCode, paid.body).toBe(200);
    const cleared = await cellOf('dues');
    expect(cleared).toMatchObject({ level: 'ok', reasons: [] });
    expect(cleared.summary).toContain('本年收缴率 100.0%');
  });

  it('development: a step 40 days late is a warning; rescheduled, the signal clears', async () => {
    const p = await t.db
      .insertInto('dev_people')
      .values({
        org_id: br,
        name: '逾期测试',
        gender: '女',
        birth_date: '2000-03-01',
        applied_on: '2025-01-10',
        status: 'activist',
        last_step: 5,
        next_step: 6,
        next_from: daysAgo(60),
        next_by: daysAgo(40),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const late = await cellOf('development');
    expect(late).toMatchObject({
      level: 'warning',
      reasons: [{ text: '1 人发展党员步骤逾期（最长 40 天）', link: `/development?orgId=${br}&overdue=true` }],
    });
    await t.db
      .updateTable('dev_people')
      .set({ next_by: dayjs(today).add(30, 'day').format('YYYY-MM-DD') })
      .where('id', '=', p.id)
      .execute();
    expect(await cellOf('development')).toMatchObject({ level: 'ok', reasons: [], summary: '1 人在培养中，无逾期' });
  });

  it('standards: named weak is a warning until accepted (整改销号)', async () => {
    expect(await cellOf('standards')).toMatchObject({ level: 'ok', summary: '尚未评定星级' });
    const year = Number(today.slice(0, 4));
    const w = await t.db
      .insertInto('weak_orgs')
      .values({ org_id: br, year, reasons: ['life_irregular'], identified_on: today })
      .returning('id')
      .executeTakeFirstOrThrow();
    const weak = await cellOf('standards');
    expect(weak.level).toBe('warning');
    expect(texts(weak)).toBe(`列为 ${year} 年度软弱涣散党组织，整改中`);
    await t.db.updateTable('weak_orgs').set({ status: 'rectified', rectified_on: today }).where('id', '=', w.id).execute();
    expect((await cellOf('standards')).level).toBe('ok');
  });
});

describe('rows, roll-up and scope', () => {
  it('rolls the branch up into its township row, and counts the members of the subtree', async () => {
    await t.db.updateTable('org_terms').set({ ended_on: today }).where('org_id', '=', br).where('ended_on', 'is', null).execute();
    await t.db
      .insertInto('org_terms')
      .values({ org_id: br, term_kind: 'branch', term_years: 3, elected_on: '2020-01-01', ends_on: daysAgo(10) })
      .execute();
    const d = await health(city, t.city.sampleIds.district);
    const row = d.rows.find((r: any) => r.orgId === t.city.sampleIds.township);
    expect(row.hasChildren).toBe(true);
    expect(texts(row.cells.terms)).toMatch(/个组织换届已逾期/);
    const township = (await t.db.selectFrom('orgs').select('path').where('id', '=', t.city.sampleIds.township).executeTakeFirstOrThrow())
      .path;
    const members = await t.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('status', 'in', COUNTED_STATUSES)
      .where(sql<boolean>`org_path <@ ${township}::ltree`)
      .executeTakeFirstOrThrow();
    expect(row.members).toBe(Number(members.n));
    expect(d.total.members).toBe(d.rows.reduce((n: number, r: any) => n + r.members, 0));
    expect(d.path.map((c: any) => c.id)).toEqual([t.city.sampleIds.city, t.city.sampleIds.district]);
    // Each row counts its own signals at 预警 and 关注: the "needs attention first" order, no score.
    for (const r of d.rows) expect(r.warnings).toBe(Object.values(r.cells).filter((c: any) => c?.level === 'warning').length);
  });

  it('answers 404 for an organization outside the caller’s subtree, and 403 without stats.read', async () => {
    expect((await t.call(district, 'GET', `/api/org-health?orgId=${otherDistrict}`)).statusCode).toBe(404);
    expect(
      (await t.call(district, 'GET', `/api/org-health/export?orgId=${otherDistrict}&purpose=${encodeURIComponent('检查')}`)).statusCode,
    ).toBe(404);
    const own = await health(district, t.city.sampleIds.district);
    expect(own.org.id).toBe(t.city.sampleIds.district);
    const member = await t.login('member');
    expect((await t.call(member, 'GET', '/api/org-health')).statusCode).toBe(403);
  });

  it('exports the rows with a purpose, audited with the filter and row count', async () => {
    const url = `/api/org-health/export?orgId=${t.city.sampleIds.district}&order=attention`;
    expect((await t.call(city, 'GET', url)).statusCode).toBe(400);
    const res = await t.call(city, 'GET', `${url}&purpose=${encodeURIComponent('年度基层党建检查')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const view = await health(city, t.city.sampleIds.district);
    expect(ws.rowCount).toBe(view.rows.length + 2); // header and total
    expect(ws.getRow(1).getCell(1).value).toBe('党组织');
    expect(ws.getRow(1).getCell(4).value).toBe('组织生活');
    const worst = [...view.rows].sort((a: any, b: any) => b.warnings - a.warnings || b.attentions - a.attentions)[0];
    expect(ws.getRow(2).getCell(1).value).toBe(worst.orgName);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'stats.health.export').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      purpose: '年度基层党建检查',
      rows: view.rows.length,
      filter: { orgId: t.city.sampleIds.district, order: 'attention' },
    });
  });
});

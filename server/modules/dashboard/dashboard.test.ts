import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import { currentMonth, lastClosedMonth } from '../dues/service.js';
import { todayCn } from '../../dates.js';
import { unitCompliance } from '../org-life/compliance.js';

let t: TestApp;
let city: string;
let district: string;
let today: string;
let districtPath: string;
let otherDistrict: number;

const panel = async (name: string, cookie = city, orgId = t.city.sampleIds.district) => {
  const res = await t.call(cookie, 'GET', `/api/dashboard/${name}?orgId=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};
const inDistrict = (col: string) => sql<boolean>`${sql.ref(col)} <@ ${districtPath}::ltree`;
const count = (n: { n: number | string | bigint }) => Number(n.n);

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  today = todayCn(t.clock.now());
  city = await t.login('city-admin');
  district = await t.login('district-admin');
  districtPath = (await t.db.selectFrom('orgs').select('path').where('id', '=', t.city.sampleIds.district).executeTakeFirstOrThrow()).path;
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

describe('panel numbers equal direct counts of the district', () => {
  it('members: totals, structure and organizations from the summaries match a scan', async () => {
    const p = await panel('members');
    const members = t.db.selectFrom('members').where(inDistrict('org_path')).where('status', 'in', COUNTED_STATUSES);
    const byCat = await members
      .select(['category', (e) => e.fn.countAll<number>().as('n')])
      .groupBy('category')
      .execute();
    const cat = (c: string) => count(byCat.find((r) => r.category === c) ?? { n: 0 });
    expect(p.full).toBe(cat('full'));
    expect(p.probationary).toBe(cat('probationary'));
    expect(p.members).toBe(cat('full') + cat('probationary'));
    const women = await members
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('gender', '=', '女')
      .executeTakeFirstOrThrow();
    expect(p.gender.find((s: any) => s.key === '女').n).toBe(count(women));
    const college = await members
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('edu_highest', '=', 'bachelor')
      .executeTakeFirstOrThrow();
    expect(p.education.find((s: any) => s.key === 'bachelor').n).toBe(count(college));
    // Every breakdown adds up to the total (RULES.md §6: the numbers reconcile).
    for (const dim of ['gender', 'ageBands', 'education', 'occupation', 'joiningPeriod']) {
      expect(
        p[dim].reduce((n: number, s: any) => n + s.n, 0),
        dim,
      ).toBe(p.members);
    }
    // Ages at the end of this month: 30 and under means born after the same month 31 years ago.
    const young = await members
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(
        'birth_date',
        '>=',
        dayjs(`${currentMonth(t.clock.now())}-01`)
          .subtract(31, 'year')
          .add(1, 'month')
          .format('YYYY-MM-DD'),
      )
      .executeTakeFirstOrThrow();
    expect(p.ageBands[0]).toMatchObject({ key: 'age_0_30', n: count(young) });
    const orgs = await t.db
      .selectFrom('orgs')
      .select(['kind', (e) => e.fn.countAll<number>().as('n')])
      .where(inDistrict('path'))
      .where('status', '=', 'active')
      .groupBy('kind')
      .execute();
    expect(p.orgs).toBe(orgs.reduce((n, r) => n + count(r), 0));
    expect(p.branches).toBe(orgs.filter((r) => BRANCH_KINDS.includes(r.kind as never)).reduce((n, r) => n + count(r), 0));
  });

  it('development: people by stage and overdue as the development records, and this year’s admissions', async () => {
    const p = await panel('development');
    const rows = await t.db
      .selectFrom('dev_people')
      .select(['status', (e) => e.fn.countAll<number>().as('n'), sql<number>`count(*) filter (where next_by < ${today})`.as('late')])
      .where(inDistrict('org_path'))
      .groupBy('status')
      .execute();
    for (const r of rows)
      expect(p.byStatus.find((s: any) => s.status === r.status)).toMatchObject({ count: count(r), overdue: Number(r.late) });
    const admitted = await t.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(inDistrict('org_path'))
      .where('status', 'in', COUNTED_STATUSES)
      .where('admitted_on', '>=', `${today.slice(0, 4)}-01-01`)
      .where('admitted_on', '<=', today)
      .executeTakeFirstOrThrow();
    expect(p.admittedThisYear).toBe(count(admitted));
    expect(p.inPipeline).toBe(
      rows.filter((r) => ['applicant', 'activist', 'candidate', 'probationary'].includes(r.status)).reduce((n, r) => n + count(r), 0),
    );
  });

  it('compliance: this quarter’s checks as the compliance engine, by child and by kind adding up', async () => {
    const p = await panel('compliance');
    expect(p.quarter).toBe(periodKeyOf('quarter', today));
    const units = await unitCompliance(t.db, districtPath, { kind: 'quarter', key: p.quarter }, today);
    const checks = units.flatMap((u) => u.checks);
    expect(p.units).toBe(units.length);
    expect(p.compliantUnits).toBe(units.filter((u) => u.missing === 0).length);
    for (const state of ['held', 'missing', 'due'] as const) {
      expect(p[state], state).toBe(checks.filter((c) => c.state === state).length);
      expect(p.byChild.reduce((n: number, c: any) => n + c[state], 0)).toBe(p[state]);
      expect(p.byKind.reduce((n: number, c: any) => n + c[state], 0)).toBe(p[state]);
    }
    expect(p.held + p.missing).toBeGreaterThan(0);
  });

  it('dues: paid by month equals the payments recorded in the district, the rate over the closed months', async () => {
    const p = await panel('dues');
    const paid = await t.db
      .selectFrom('dues_payments as d')
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .select(['d.month', sql<number>`sum(d.amount_fen)::int`.as('n')])
      .where(inDistrict('o.path'))
      .where('d.kind', '=', 'regular')
      .where('d.month', '>=', p.rate.from)
      .groupBy('d.month')
      .execute();
    for (const m of p.byMonth) expect(m.paidFen, m.month).toBe(Number(paid.find((x) => x.month === m.month)?.n ?? 0));
    expect(p.byMonth.at(-1).month).toBe(lastClosedMonth(t.clock.now()));
    expect(p.rate.to).toBe(lastClosedMonth(t.clock.now()));
    expect(p.rate.paidFen).toBe(p.byMonth.reduce((n: number, m: any) => n + m.paidFen, 0));
    expect(p.rate.paidFen).toBeGreaterThan(0);
  });

  it('terms: states and the next 12 months of expiries as the terms on record', async () => {
    const p = await panel('terms');
    const current = t.db
      .selectFrom('org_terms as x')
      .innerJoin('orgs as o', 'o.id', 'x.org_id')
      .where('x.ended_on', 'is', null)
      .where('o.status', '=', 'active')
      .where(inDistrict('o.path'));
    const overdue = await current
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('x.ends_on', '<', today)
      .executeTakeFirstOrThrow();
    expect(p.overdue).toBe(count(overdue));
    const first = dayjs(today).startOf('month');
    const ending = await current
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('x.ends_on', '>=', first.format('YYYY-MM-DD'))
      .where('x.ends_on', '<', first.add(12, 'month').format('YYYY-MM-DD'))
      .executeTakeFirstOrThrow();
    expect(p.byMonth).toHaveLength(12);
    expect(p.byMonth.reduce((n: number, m: any) => n + m.n, 0)).toBe(count(ending));
    expect(Object.values(p.states).reduce((n: number, v: any) => n + v, 0)).toBeGreaterThan(0);
  });

  it('standards: the distribution of the latest year’s stars over the active branches, and the weak organizations', async () => {
    const p = await panel('standards');
    const branches = await t.db
      .selectFrom('orgs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(inDistrict('path'))
      .where('status', '=', 'active')
      .where('kind', 'in', BRANCH_KINDS)
      .executeTakeFirstOrThrow();
    expect(p.branches).toBe(count(branches));
    const stars = await t.db
      .selectFrom('star_ratings as s')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select(['s.stars', (e) => e.fn.countAll<number>().as('n')])
      .where(inDistrict('o.path'))
      .where('o.status', '=', 'active')
      .where('o.kind', 'in', BRANCH_KINDS)
      .where('s.year', '=', p.year)
      .groupBy('s.stars')
      .execute();
    for (const k of [1, 2, 3, 4, 5]) expect(p.stars[k], `${k} stars`).toBe(count(stars.find((s) => s.stars === k) ?? { n: 0 }));
    expect(Object.values(p.stars).reduce((n: number, v: any) => n + v, 0)).toBe(p.branches);
    const weak = await t.db
      .selectFrom('weak_orgs as w')
      .innerJoin('orgs as o', 'o.id', 'w.org_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(inDistrict('o.path'))
      .where('w.status', '=', 'rectifying')
      .executeTakeFirstOrThrow();
    expect(p.weak).toBe(count(weak));
  });

  it('follows a change at once: a new member counts in the members panel', async () => {
    const before = (await panel('members')).members;
    await t.db
      .insertInto('members')
      .values({ org_id: t.city.sampleIds.branch, name: '看板测试', gender: '女', category: 'probationary', admitted_on: today })
      .execute();
    const after = await panel('members');
    expect(after.members).toBe(before + 1);
    expect((await panel('development')).admittedThisYear).toBeGreaterThan(0);
  });
});

describe('scope', () => {
  it.each(['members', 'development', 'compliance', 'dues', 'terms', 'standards'])(
    '%s: 404 for another district, the caller’s own organization by default',
    async (name) => {
      expect((await t.call(district, 'GET', `/api/dashboard/${name}?orgId=${otherDistrict}`)).statusCode).toBe(404);
      const own = json(await t.call(district, 'GET', `/api/dashboard/${name}`));
      expect(own.org.id).toBe(t.city.sampleIds.district);
    },
  );

  it('records the refused look outside the scope, and refuses a member without stats.read', async () => {
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('object_id', '=', String(otherDistrict))
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    const member = await t.login('member');
    expect((await t.call(member, 'GET', '/api/dashboard/members')).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { seedDuesDemo } from './demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDuesDemo(t.db, t.city, TEST_KEYS, t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

describe('the demo year of dues', () => {
  it('gives every counted member a base, with the categories of a real city', async () => {
    const counted = await t.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('status', 'in', COUNTED_STATUSES)
      .executeTakeFirstOrThrow();
    const withBase = await sql<{ n: number }>`select count(distinct member_id)::int as n from dues_bases`.execute(t.db);
    expect(withBase.rows[0].n).toBe(Number(counted.n));
    const cats = await sql<{ category: string; n: number }>`select category, count(*)::int as n from dues_bases group by 1`.execute(t.db);
    const share = Object.fromEntries(cats.rows.map((r) => [r.category, r.n]));
    expect(share.employed).toBeGreaterThan(share.retired);
    expect(share.retired).toBeGreaterThan(0);
    expect(share.farmer).toBeGreaterThan(0);
  });

  it('keeps the indexes and foreign keys of the payments table after the bulk load', async () => {
    const idx = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'dues_payments'`.execute(t.db);
    expect(idx.rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(['dues_payments_member_month', 'dues_payments_org_month']));
    const fks = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_constraint where conrelid = 'dues_payments'::regclass and contype = 'f'`.execute(t.db);
    expect(fks.rows[0].n).toBe(2);
  });

  it('shows mostly paid-up members, some a few months behind and a few past six months', async () => {
    const admin = await t.login('city-admin');
    const a = json(await t.call(admin, 'GET', `/api/dues/orgs/${t.city.sampleIds.city}/arrears`));
    const members = Number(
      (
        await t.db
          .selectFrom('dues_bases')
          .select(sql<number>`count(distinct member_id)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(a.items.length).toBeLessThan(members * 0.2);
    expect(a.counts.warning).toBeGreaterThan(0);
    expect(a.counts.lapsed).toBeGreaterThan(0);
    expect(a.counts.lapsed).toBeLessThan(a.counts.warning + a.counts.notice);
    const tt = json(
      await t.call(admin, 'GET', `/api/dues/orgs/${t.city.sampleIds.city}/totals?from=${a.asOfMonth.slice(0, 4)}-01&to=${a.asOfMonth}`),
    );
    for (const m of tt.byMonth) expect(m.paidFen).toBeLessThanOrEqual(m.dueFen * 1.5);
    expect(tt.byMonth.every((m: any) => m.paidFen > 0)).toBe(true);
  });

  it('leaves a pending reduction in the demo branch for the higher committee', async () => {
    const admin = await t.login('district-admin');
    const items = json(await t.call(admin, 'GET', '/api/dues/reductions?status=proposed')).items;
    expect(items.some((r: any) => r.orgId === t.city.sampleIds.branch && r.canDecide)).toBe(true);
  });
});

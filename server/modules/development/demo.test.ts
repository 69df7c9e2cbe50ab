import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
});
afterAll(async () => {
  await t?.close();
});

describe('the development demo data', () => {
  it('puts someone at every one of the 25 steps in the demo branch', async () => {
    const rows = await t.db.selectFrom('dev_people').select('last_step').where('org_id', '=', t.city.sampleIds.branch).execute();
    expect(new Set(rows.map((r) => r.last_step))).toEqual(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));
  });

  it('spreads a few hundred people over the city, some overdue, and links every admitted one to a member', async () => {
    const { n, overdue, admitted, linked } = await t.db
      .selectFrom('dev_people')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number>`count(*) filter (where next_by < '2026-11-01')::int`.as('overdue'),
        sql<number>`count(*) filter (where last_step >= 17)::int`.as('admitted'),
        sql<number>`count(member_id)::int`.as('linked'),
      ])
      .executeTakeFirstOrThrow();
    expect(n).toBeGreaterThan(300);
    expect(overdue).toBeGreaterThan(10);
    expect(linked).toBe(admitted);
    const full = await t.db
      .selectFrom('dev_people as p')
      .innerJoin('members as m', 'm.id', 'p.member_id')
      .select(['m.category', 'm.full_on', 'p.full_on as pf'])
      .where('p.status', '=', 'full')
      .execute();
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((r) => r.category === 'full' && r.full_on === r.pf)).toBe(true);
  });

  it('shows the demo branch on the board of its administrator', async () => {
    const cookie = await t.login('branch-admin');
    const b = json(await t.call(cookie, 'GET', '/api/development/board'));
    expect(b.byStatus.reduce((s: number, x: any) => s + x.count, 0)).toBeGreaterThanOrEqual(25);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import { demoCalendar } from '../org-life/demo-plan.js';
import { unitCompliance, type UnitCompliance } from '../org-life/compliance.js';
import { seedMeetingsDemo } from './demo.js';

let t: TestApp;
let today: string;
let start: string;
let root: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedMeetingsDemo(t.db, t.city, TEST_KEYS, t.clock.now());
  today = todayCn(t.clock.now());
  start = demoCalendar(today).start;
  root = (await t.db.selectFrom('orgs').select('path').where('id', '=', t.city.sampleIds.city).executeTakeFirstOrThrow()).path;
});
afterAll(async () => {
  await t?.close();
});

/** Each unit's checks over the demo year: the windows that began on or after its first day. */
async function demoYear(): Promise<UnitCompliance[]> {
  const years = [...new Set([start.slice(0, 4), today.slice(0, 4)])];
  const byUnit = new Map<number, UnitCompliance>();
  for (const year of years) {
    for (const u of await unitCompliance(t.db, root, { kind: 'year', key: year }, today)) {
      const checks = u.checks.filter((c) => c.from >= start);
      const prev = byUnit.get(u.orgId);
      byUnit.set(u.orgId, { ...u, checks: [...(prev?.checks ?? []), ...checks] });
    }
  }
  return [...byUnit.values()].map((u) => ({ ...u, missing: u.checks.filter((c) => c.state === 'missing').length }));
}

describe('the demo year of meetings', () => {
  it('keeps most units to the rhythm, with some gaps and a few long ones', async () => {
    const units = await demoYear();
    expect(units.length).toBeGreaterThan(50);
    const share = (f: (u: UnitCompliance) => boolean) => units.filter(f).length / units.length;
    expect(share((u) => u.missing === 0)).toBeGreaterThan(0.6);
    expect(share((u) => u.missing === 0)).toBeLessThan(0.92);
    expect(share((u) => u.missing > 0 && u.missing <= 3)).toBeGreaterThan(0.04);
    expect(units.some((u) => u.missing > 3)).toBe(true);
  });

  it("leaves the demo branch this month's 主题党日 and 支委会 and this quarter's 党课 to record, the months before held", async () => {
    const month = today.slice(0, 7);
    const [branch] = await unitCompliance(t.db, root, { kind: 'month', key: month }, today, { orgIds: [t.city.sampleIds.branch] });
    const state = (kind: string, key: string) => branch.checks.find((c) => c.kind === kind && c.periodKey === key)?.state;
    expect(state('theme_day', month)).toBe('due');
    expect(state('committee_meeting', month)).toBe('due');
    expect(state('party_lecture', periodKeyOf('quarter', today))).toBe('due');
    const year = await unitCompliance(t.db, root, { kind: 'year', key: start.slice(0, 4) }, today, { orgIds: [t.city.sampleIds.branch] });
    const closed = year[0].checks.filter((c) => c.from >= start && c.to < today && ['theme_day', 'committee_meeting'].includes(c.kind));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((c) => c.state === 'held')).toBe(true);
    const planned = await t.db
      .selectFrom('meetings')
      .select('kinds')
      .where('org_id', '=', t.city.sampleIds.branch)
      .where('status', '=', 'planned')
      .execute();
    expect(planned.flatMap((p) => p.kinds)).toContain('theme_day');
  });

  it("grades last year's 民主评议 with 优秀 at most a third and probationary members ungraded", async () => {
    const rows = await sql<{ id: number; status: string; graded: number; excellent: number; probationary_graded: number }>`
      select a.id, a.status, count(g.grade)::int as graded, count(*) filter (where g.grade = 'excellent')::int as excellent,
        count(*) filter (where m.category = 'probationary' and g.grade is not null)::int as probationary_graded
      from appraisals a join appraisal_grades g on g.appraisal_id = a.id join members m on m.id = g.member_id
      where a.year = ${Number(today.slice(0, 4)) - 1} group by a.id, a.status`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThan(20);
    for (const r of rows.rows) {
      expect(r.excellent).toBeLessThanOrEqual(Math.floor(r.graded / 3));
      expect(r.probationary_graded).toBe(0);
      expect(r.status).toBe('final');
    }
    expect(rows.rows.some((r) => r.excellent > 0)).toBe(true);
  });

  it('marks some records late, names attendance for the last three months, plans the weeks ahead', async () => {
    const held = await sql<{ n: number; late: number; late_ok: number; two_kinds: number; counted: number }>`
      select count(*)::int as n, count(*) filter (where late)::int as late,
        count(*) filter (where late and recorded_at >= held_on + 30)::int as late_ok,
        count(*) filter (where cardinality(kinds) > 1)::int as two_kinds, count(should_attend)::int as counted
      from meetings where status = 'held'`.execute(t.db);
    const h = held.rows[0];
    expect(h.late / h.n).toBeGreaterThan(0.01);
    expect(h.late / h.n).toBeLessThan(0.1);
    expect(h.late_ok).toBe(h.late);
    expect(h.two_kinds).toBeGreaterThan(0);
    expect(h.counted).toBe(h.n);
    const purposes = await sql<{
      n: number;
    }>`select count(*)::int as n from meeting_purposes mp join meetings m on m.id = mp.meeting_id where m.status <> 'held' or not (mp.kind = any(m.kinds)) or mp.held_on <> m.held_on`.execute(
      t.db,
    );
    expect(purposes.rows[0].n).toBe(0);
    const named = await sql<{
      first: string;
    }>`select to_char(min(m.held_on), 'YYYY-MM-DD') as first from meeting_attendance a join meetings m on m.id = a.meeting_id`.execute(
      t.db,
    );
    const monthsBack =
      Number(today.slice(0, 4)) * 12 +
      Number(today.slice(5, 7)) -
      (Number(named.rows[0].first.slice(0, 4)) * 12 + Number(named.rows[0].first.slice(5, 7)));
    expect(monthsBack).toBeLessThanOrEqual(2);
    const planned = await sql<{
      n: number;
      past: number;
    }>`select count(*)::int as n, count(*) filter (where planned_on <= ${today}::date)::int as past from meetings where status = 'planned'`.execute(
      t.db,
    );
    expect(planned.rows[0].n).toBeGreaterThan(0);
    expect(planned.rows[0].past).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { electionResult, TERM_ORG_KINDS } from '../../../domain/rules/terms.js';
import { seedTermsDemo } from './demo.js';

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  await seedTermsDemo(t.db, t.city, TEST_KEYS, t.clock.now());
  seedMs = performance.now() - started;
});
afterAll(async () => {
  await t?.close();
});

describe('the demo terms', () => {
  it('gives every live organization that has a term exactly one current term, quickly', async () => {
    const kinds = Object.values(TERM_ORG_KINDS).flat();
    const r = await sql<{ orgs: number; with_term: number; without_rule: number }>`select
        (select count(*)::int from orgs where status = 'active' and kind = any(${kinds}::text[])) as orgs,
        (select count(distinct t.org_id)::int from org_terms t where t.ended_on is null) as with_term,
        (select count(*)::int from org_terms t join orgs o on o.id = t.org_id where not (o.kind = any(${kinds}::text[]))) as without_rule`.execute(
      t.db,
    );
    expect(r.rows[0].with_term).toBe(r.rows[0].orgs);
    expect(r.rows[0].without_rule).toBe(0);
    expect(seedMs).toBeLessThan(5000);
  });

  it('has about a tenth ending within 6 months, a few overdue and a few delayed', async () => {
    const city = json(await t.call(await t.login('city-admin'), 'GET', '/api/terms?limit=1'));
    const total = Object.values(city.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    const soon = (city.counts.ending ?? 0) + (city.counts.request_window ?? 0);
    expect(city.counts.missing ?? 0).toBe(0);
    expect(soon / total).toBeGreaterThan(0.05);
    expect(soon / total).toBeLessThan(0.25);
    expect(city.counts.overdue / total).toBeGreaterThan(0.005);
    expect(city.counts.overdue / total).toBeLessThan(0.1);
    expect(city.counts.delayed).toBeGreaterThan(0);
  });

  it('has elections in every state, with results the rule would give', async () => {
    const states = await sql<{ status: string; n: number }>`select status, count(*)::int as n from elections group by status`.execute(t.db);
    const n = Object.fromEntries(states.rows.map((s) => [s.status, s.n]));
    for (const s of ['requested', 'approved', 'rejected', 'held', 'failed', 'confirmed']) expect(n[s], s).toBeGreaterThan(0);
    const held = await t.db.selectFrom('elections').selectAll().where('status', 'in', ['held', 'confirmed']).execute();
    const cands = await t.db.selectFrom('election_candidates').selectAll().orderBy('id').execute();
    for (const e of held) {
      const cs = cands.filter((c) => c.election_id === e.id);
      const r = electionResult({
        shouldAttend: e.should_attend!,
        present: e.present!,
        seats: e.planned_seats!,
        candidates: cs.map((c) => ({ votesFor: c.votes_for! })),
      });
      expect(r.failure).toBeNull();
      expect(cs.map((c) => c.elected)).toEqual(r.candidates.map((c) => c.elected));
    }
    const failed = await t.db.selectFrom('elections').selectAll().where('status', '=', 'failed').execute();
    for (const e of failed) expect(e.present! * 5).toBeLessThanOrEqual(e.should_attend! * 4);
    // A confirmed election opened the current term on its day.
    const linked = await sql<{ n: number }>`select count(*)::int as n from org_terms t join elections e on e.id = t.election_id
      where e.status = 'confirmed' and e.held_on = t.elected_on and t.ended_on is null`.execute(t.db);
    expect(linked.rows[0].n).toBe(n.confirmed);
  });

  it('shows the demo branch its term ending within 6 months, with its sitting committee on the same dates', async () => {
    const branchAdmin = await t.login('branch-admin');
    const o = json(await t.call(branchAdmin, 'GET', `/api/terms/orgs/${t.city.sampleIds.branch}`));
    expect(['ending', 'request_window']).toContain(o.current.state);
    expect(o.current.daysLeft).toBeLessThanOrEqual(183);
    expect(o.can.request).toBe(true);
    expect(o.history).toHaveLength(1);
    expect(o.committee.length).toBeGreaterThan(0);
    expect(o.committee.every((c: { termStart: string }) => c.termStart === o.current.electedOn)).toBe(true);
  });

  it('leaves a request, a result and a delay waiting for the demo district', async () => {
    const admin = await t.login('district-admin');
    const mine = json(await t.call(admin, 'GET', '/api/terms/elections?mine=true')).items;
    expect(mine.some((e: { canDecide: boolean }) => e.canDecide)).toBe(true);
    expect(mine.some((e: { canConfirm: boolean }) => e.canConfirm)).toBe(true);
    const adj = json(await t.call(admin, 'GET', '/api/terms/adjustments?status=proposed')).items;
    expect(adj.some((a: { canDecide: boolean }) => a.canDecide)).toBe(true);
    const watch = json(await t.call(admin, 'GET', '/api/terms/overdue'));
    expect(watch.delays.length).toBeGreaterThan(0);
  });
});

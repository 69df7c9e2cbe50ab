// The batch evaluation (issue 15 point 9's bench, the office's list): on the demo's talents, every policy evaluated
// for many people at once gives each person exactly what the single evaluation gives (eligibility, amount and every
// condition's reason and source), including people with declared applications and items already paid; the paged
// route lists only the talents in the officer's scope.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole } from '../../test/factories.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { evaluateFor, evaluateMany } from './evaluate.js';

let t: TestApp;
let officer: string;
let sample: number[];
const ON = '2026-09-01';

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  officer = await t.login('talent-officer');
  // People whose facts come from every source: a declaring application, the ledger, neither; plus one unknown id.
  const declaring = await t.db
    .selectFrom('talent_applications')
    .select('person_id')
    .distinct()
    .where('social_insurance_months', 'is not', null)
    .where('status', 'not in', ['draft', 'withdrawn'])
    .orderBy('person_id')
    .limit(8)
    .execute();
  const paid = await t.db.selectFrom('talent_ledger').select('person_id').distinct().orderBy('person_id').limit(8).execute();
  const plain = await t.db.selectFrom('talent_people').select('id').orderBy('id').limit(8).execute();
  sample = [...new Set([...declaring.map((r) => r.person_id), ...paid.map((r) => r.person_id), ...plain.map((r) => r.id)])];
});
afterAll(async () => {
  await t?.close();
});

describe('evaluating a policy for many people at once', () => {
  it('gives every person of a sample the same result and reasons as the single evaluation, for every policy', async () => {
    const policies = await t.db.selectFrom('talent_policies').select('id').orderBy('id').execute();
    expect(policies.length).toBeGreaterThanOrEqual(5);
    // The sample is not trivial: someone has a declaration on record and someone has been paid.
    const reasons = new Set<string>();
    let eligible = 0;
    for (const { id } of policies) {
      const batch = await evaluateMany(t.db, id, [...sample, 999_999_999], ON);
      expect(batch.map((b) => b.personId)).toEqual(sample);
      for (const { personId, evaluation } of batch) {
        expect(evaluation).toEqual(await evaluateFor(t.db, id, { on: ON, personId }));
        if (evaluation.eligible) eligible++;
        for (const c of evaluation.conditions) reasons.add(c.reason);
      }
    }
    expect([...reasons].some((r) => r.includes('申报'))).toBe(true);
    expect([...reasons].some((r) => r.includes('已享受'))).toBe(true);
    expect(eligible).toBeGreaterThan(0);
  });

  it('pages the talents in scope through the route, each as the single evaluation explains them', async () => {
    const policy = await t.db.selectFrom('talent_policies').select('id').orderBy('id').executeTakeFirstOrThrow();
    const url = `/api/talent/policies/${policy.id}/evaluations?on=${ON}&limit=4`;
    const first = json(await t.call(officer, 'GET', url));
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toBe(first.items[3].personId);
    const second = json(await t.call(officer, 'GET', `${url}&cursor=${first.nextCursor}`));
    expect(second.items[0].personId).toBeGreaterThan(first.nextCursor);
    const one = json(
      await t.call(officer, 'POST', `/api/talent/policies/${policy.id}/evaluate`, { on: ON, personId: second.items[0].personId }),
    );
    expect(second.items[0]).toMatchObject({ eligible: one.eligible, amountFen: one.amountFen, conditions: one.conditions });
  });

  it("lists only the talents of a district officer's district, and of a call only those who applied", async () => {
    const district = await t.db
      .selectFrom('talent_people')
      .select(['district_org_id', sql<number>`count(*)::int`.as('n')])
      .groupBy('district_org_id')
      .orderBy('n')
      .executeTakeFirstOrThrow();
    const u = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: district.district_org_id });
    const cookie = await t.login(u.username, u.password);
    const policy = await t.db.selectFrom('talent_policies').select('id').orderBy('id').executeTakeFirstOrThrow();
    const page = json(await t.call(cookie, 'GET', `/api/talent/policies/${policy.id}/evaluations?on=${ON}&limit=500`));
    expect(page.items).toHaveLength(Math.min(district.n, 500));
    const theirs = await t.db.selectFrom('talent_people').select('id').where('district_org_id', '=', district.district_org_id).execute();
    const ids = new Set(theirs.map((r) => r.id));
    expect(page.items.every((i: { personId: number }) => ids.has(i.personId))).toBe(true);

    const call = await t.db.selectFrom('talent_calls').select(['id', 'policy_id']).orderBy('id').executeTakeFirstOrThrow();
    const applied = await t.db.selectFrom('talent_applications').select('person_id').distinct().where('call_id', '=', call.id).execute();
    const byCall = json(
      await t.call(officer, 'GET', `/api/talent/policies/${call.policy_id}/evaluations?on=${ON}&callId=${call.id}&limit=500`),
    );
    expect(byCall.items.map((i: { personId: number }) => i.personId).sort((a: number, b: number) => a - b)).toEqual(
      applied
        .map((r) => r.person_id)
        .sort((a, b) => a - b)
        .slice(0, 500),
    );
  });
});

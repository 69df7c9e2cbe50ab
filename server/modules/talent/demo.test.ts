// The talent demo as one coherent registry: two tier sets (one superseded), ~2,000 talents with cards spread
// over tiers, districts and employers, some linked to members and cadres (identity from the link), every row
// with its history; the 300 applications are theirs, in every state, each state agreeing with the evaluation
// stored at submission; the demo account `talent` has a record, a card, an application and a service request.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
});
afterAll(async () => {
  await t?.close();
});

it('registers about 2,000 talents under two tier sets, linked ones carrying their member or cadre identity', async () => {
  const sets = await t.db.selectFrom('talent_tier_sets').select(['code', 'superseded_on']).orderBy('effective_on').execute();
  expect(sets.map((s) => s.superseded_on === null)).toEqual([false, true]);
  const r = await sql<Record<string, number>>`select count(*)::int as talents,
      count(card_no)::int as cards, count(distinct tier_id)::int as tiers, count(distinct district_org_id)::int as districts,
      count(distinct employer_id)::int as employers, count(member_id)::int as members, count(cadre_id)::int as cadres,
      (select count(distinct set_id)::int from talent_tiers tt join talent_people p on p.tier_id = tt.id) as sets,
      count(*) filter (where not exists (select 1 from talent_history h where h.person_id = p.id))::int as without_history,
      count(*) filter (where member_id is not null and name is distinct from (select m.name from members m where m.id = member_id))::int as retyped
    from talent_people p`.execute(t.db);
  const c = r.rows[0];
  expect(c.talents).toBeGreaterThanOrEqual(2000);
  expect(c.cards / c.talents).toBeGreaterThan(0.8);
  expect(c).toMatchObject({ sets: 2, without_history: 0, retyped: 0 });
  expect(c.tiers).toBeGreaterThanOrEqual(8);
  expect(c.districts).toBeGreaterThan(1);
  expect(c.employers).toBeGreaterThan(20);
  expect(c.members).toBeGreaterThan(0);
  expect(c.cadres).toBeGreaterThan(0);
});

it('gives the registry’s talents 300 applications in every state, each agreeing with its stored evaluation', async () => {
  const apps = await t.db.selectFrom('talent_applications').select(['status', 'evaluation', 'person_id']).execute();
  expect(apps).toHaveLength(300);
  expect(new Set(apps.map((a) => a.person_id)).size).toBe(300);
  const states = new Set(apps.map((a) => a.status));
  for (const s of ['draft', 'employer_review', 'district_review', 'city_review', 'expert_review', 'publicity', 'paying', 'completed'])
    expect(states).toContain(s);
  expect(apps.filter((a) => a.status === 'clawed_back')).toHaveLength(1);
  const eligible = (a: (typeof apps)[number]) => (a.evaluation as { eligible: boolean }).eligible;
  expect(apps.filter((a) => ['publicity', 'paying', 'completed'].includes(a.status)).every(eligible)).toBe(true);
  expect(apps.filter((a) => a.status === 'refused').some(eligible)).toBe(false);
  const ledger = await t.db.selectFrom('talent_ledger').select(['kind']).execute();
  expect(ledger.some((l) => l.kind === 'clawback')).toBe(true);
});

it('gives the demo account `talent` a card, a document, an application being paid and a service request', async () => {
  const talent = await t.login('talent');
  const me = json(await t.call(talent, 'GET', '/api/talent-portal/me'));
  expect(me.person.cardNo).toMatch(/^RC\d{4}/);
  expect(me.documents).toHaveLength(1);
  const mine = json(await t.call(talent, 'GET', '/api/talent/my/applications'));
  expect(mine.items.map((a: { status: string }) => a.status)).toEqual(['paying']);
  expect(json(await t.call(talent, 'GET', '/api/talent-services/me/requests')).items.length).toBeGreaterThan(0);
});

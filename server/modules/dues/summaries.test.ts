// The dues summaries (migration 039) equal the ledger after every kind of write: payments one by one
// and by branch, base changes, approved reductions, transfers in and out, deaths and leavings, an
// organization moved, members and bases written in bulk (an import) — like the statistics' checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { addMonths } from '../../../domain/rules/dues.js';
import { arrearsOf, totals, type ArrearsRow } from './queries.js';
import { lastClosedMonth, currentMonth } from './service.js';
import { getDuesSettings } from './settings.js';
import { compactDues, refreshDuesSummaries, sumsArrears, sumsAsOf, duesSummariesOff } from './summaries.js';
import { totalsFromCells } from './totals-cells.js';

let t: TestApp;
let city: string;
let ids: number[];

const pathOf = async (id: number) =>
  (
    await t.db
      .selectFrom('orgs')
      .select(sql<string>`path::text`.as('p'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).p;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  city = await t.login('city-admin');
  const s = t.city.sampleIds;
  ids = [s.city, s.district, s.township, s.branch];
});
afterAll(async () => {
  await t?.close();
});

const strip = (r: ArrearsRow) => ({
  memberId: r.memberId,
  orgId: r.orgId,
  unpaidMonths: r.unpaidMonths,
  owedFen: r.owedFen,
  oldestUnpaid: r.oldestUnpaid,
  consecutiveUnpaid: r.consecutiveUnpaid,
});
const byMember = <T extends { memberId: number }>(xs: T[]) => [...xs].sort((a, b) => a.memberId - b.memberId);

/** Both readings of a totals query as one map, months and organizations without anything left out. */
function flatten(x: Awaited<ReturnType<typeof totals>>) {
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + Number(v));
  for (const d of x.due) add(`${d.key}|${d.month}|due`, d.due);
  for (const p of x.paid) {
    add(`${p.key}|${p.month}|paid`, p.paid);
    add(`${p.key}|${p.month}|voluntary`, p.voluntary);
    add(`${p.key}|${p.month}|centre`, p.centre);
    add(`${p.key}|${p.month}|payers`, p.payers);
  }
  return new Map([...out].filter(([, v]) => v !== 0).sort());
}

async function expectSameAsLedger(what: string) {
  const last = lastClosedMonth(t.clock.now());
  const s = await getDuesSettings(t.db);
  expect(await sumsAsOf(t.db), what).toBe(last);
  for (const p of await Promise.all(ids.map(pathOf))) {
    const ledger = byMember(await arrearsOf(t.db, { scopePath: p }, last, s)).map(strip);
    const sums = byMember(await sumsArrears(t.db, p, s)).map(strip);
    expect(sums, `${what}: arrears of ${p}`).toEqual(ledger);
    if (p === '1') expect(ledger.length, 'the demo city has members in arrears').toBeGreaterThan(100);
    const [from, to] = [addMonths(last, -14), addMonths(last, 8)];
    const org = await t.db
      .selectFrom('orgs')
      .select('id')
      .where(sql<boolean>`path::text = ${p}`)
      .executeTakeFirstOrThrow();
    expect(flatten(await totalsFromCells(t.db, { id: org.id, path: p }, from, to)), `${what}: totals of ${p}`).toEqual(
      flatten(await totals(t.db, p, from, to)),
    );
  }
}

const post = async (url: string, body: unknown) => {
  const res = await t.call(city, 'POST', url, body);
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return json(res);
};

describe('dues summaries', () => {
  it('equal the ledger for the demo data, and after payments, base changes and bulk pay', async () => {
    await expectSameAsLedger('demo');
    const branch = t.city.sampleIds.branch;
    const now = t.clock.now();
    const [last, cur] = [lastClosedMonth(now), currentMonth(now)];
    const sheet = json(await t.call(city, 'GET', `/api/dues/orgs/${branch}/sheet?month=${last}`));
    const unpaid = sheet.rows.filter((r: { dueFen: number | null; paidFen: number }) => r.dueFen && r.paidFen < r.dueFen);
    expect(unpaid.length).toBeGreaterThan(2);
    const today = now.toISOString().slice(0, 10);
    // One member pays an old month and the current one; the branch ticks the others for the last month.
    await post(`/api/dues/members/${unpaid[0].memberId}/payments`, { months: [addMonths(last, -2), cur], paidOn: today });
    await post(`/api/dues/orgs/${branch}/payments`, {
      month: last,
      paidOn: today,
      items: unpaid.slice(1, 3).map((r: { memberId: number }) => ({ memberId: r.memberId })),
    });
    await post(`/api/dues/members/${unpaid[3]?.memberId ?? unpaid[0].memberId}/voluntary`, { amountFen: 150_000, paidOn: today });
    // A raised base from three months ago changes what is owed since.
    await post(`/api/dues/members/${unpaid[0].memberId}/bases`, {
      category: 'employed',
      source: 'salary',
      baseFen: 1_234_500,
      effectiveFrom: addMonths(last, -3),
    });
    await expectSameAsLedger('payments and bases');
  });

  it('equal the ledger after an approved reduction, a transfer, a death, a moved organization and a bulk import', async () => {
    const s = t.city.sampleIds;
    const [last, cur] = [lastClosedMonth(t.clock.now()), currentMonth(t.clock.now())];
    const members = await t.db
      .selectFrom('members')
      .select(['id', 'org_id'])
      .where('org_id', '=', s.branch)
      .where('status', '=', 'normal')
      .orderBy('id')
      .execute();
    // An approved exemption over past and future months (written as the approval writes it).
    const reduction = await t.db
      .selectFrom('dues_reductions')
      .select('id')
      .where('status', '=', 'proposed')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('dues_reductions')
      .set({ status: 'approved', month_from: addMonths(last, -4) })
      .where('id', '=', reduction.id)
      .execute();
    // Transferred to another branch, and one member died.
    await t.db.updateTable('members').set({ org_id: s.otherBranch }).where('id', '=', members[0].id).execute();
    await t.db.updateTable('members').set({ status: 'deceased' }).where('id', '=', members[1].id).execute();
    await t.db.updateTable('members').set({ status: 'left' }).where('id', '=', members[2].id).execute();
    // A township moved under another district: its members' totals and collections move with it.
    const other = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', s.city)
      .where('id', '!=', s.district)
      .where('kind', '=', 'county_committee')
      .executeTakeFirst();
    expect(other).toBeDefined();
    await post(`/api/orgs/${s.township}/move`, { newParentId: other!.id });
    await expectSameAsLedger('reduction, transfer, death, move');

    // A bulk writer switches the triggers off and refreshes its members once at the end.
    const ids = members.slice(3, 6).map((m) => m.id);
    await t.db.transaction().execute(async (trx) => {
      await duesSummariesOff(trx);
      await trx
        .insertInto('dues_bases')
        .values(
          ids.map((id) => ({
            member_id: id,
            category: 'retired' as const,
            base_fen: 400_000,
            due_fen: 2000,
            effective_from: cur,
            source: 'pension' as const,
          })),
        )
        .onConflict((oc) => oc.columns(['member_id', 'effective_from']).doUpdateSet({ due_fen: 2000 }))
        .execute();
      await refreshDuesSummaries(trx, ids);
    });
    await compactDues(t.db);
    await expectSameAsLedger('bulk write and compaction');
  });
});

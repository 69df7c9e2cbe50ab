// Demo data of this area for 示范市 (called by server/demo/seed-demo.ts): a base for every counted
// member, a year of payments (one row per member and month, a quarterly payment is three rows
// under one receipt, as branches record it), a few voluntary payments and reductions.
// The year is the twelve closed months before the current one, so that arrears shown "today" are
// the ones planned here; every choice comes from the seeded PRNG.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { CityResult } from '../../demo/generate-city.js';
import { createRng } from '../../demo/prng.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { addMonths, duesStartMonth, goesToCentre, monthlyDuesFen } from '../../../domain/rules/dues.js';
import { DEFAULT_DUES_SETTINGS, duesOptions } from './settings.js';
import { currentMonth, lastClosedMonth } from './service.js';
import { todayCn } from '../../dates.js';
import { demoBase, demoCategory, demoPattern, paidMonths, yearOfMonths, type DemoMember } from './demo-plan.js';
import { insertColumns, withBulkLoad } from './bulk-load.js';
import { duesSummariesOff, rebuildDuesSummaries } from './summaries.js';

/** Months behind for the 3rd and 4th member of the demo branch. */
const FORCED_BEHIND: (number | undefined)[] = [undefined, undefined, 3, 5];

export async function seedDuesDemo(db: Db, city: CityResult, _keys: Keys, now: Date = new Date()): Promise<void> {
  const rng = createRng(2026, 41);
  const today = todayCn(now);
  const months = yearOfMonths(lastClosedMonth(now));
  const opts = duesOptions(DEFAULT_DUES_SETTINGS);
  const members: DemoMember[] = await db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.org_id',
      'm.occupation',
      sql<string | null>`to_char(m.birth_date, 'YYYY-MM-DD')`.as('birth_date'),
      sql<string | null>`to_char(m.admitted_on, 'YYYY-MM-DD')`.as('admitted_on'),
      'o.unit_type',
    ])
    .where('m.status', 'in', COUNTED_STATUSES)
    .orderBy('m.id')
    .execute();
  const secretaries = new Map(
    (await db.selectFrom('org_committee_members').select(['org_id', 'person_name']).where('post', '=', 'secretary').execute()).map((c) => [
      c.org_id,
      c.person_name,
    ]),
  );
  const users = new Map((await db.selectFrom('users').select(['id', 'username', 'org_id']).execute()).map((u) => [u.username, u]));

  const bases: unknown[][] = [[], [], [], [], [], []];
  const pays: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  const addPay = (
    m: DemoMember,
    month: string,
    kind: string,
    amount: number,
    due: number | null,
    paidOn: string,
    receipt: string,
    centre = false,
  ) => {
    for (const [k, v] of [m.id, m.org_id, month, kind, amount, due, paidOn, receipt, secretaries.get(m.org_id) ?? null, centre].entries())
      pays[k].push(v);
  };
  const addBase = (id: number, b: ReturnType<typeof demoBase>, from: string) => {
    for (const [k, v] of [id, b.category, b.baseFen, monthlyDuesFen(b.category, b.baseFen, opts), from, b.source].entries())
      bases[k].push(v);
  };
  const reductions: {
    m: DemoMember;
    kind: 'reduce' | 'exempt';
    amount: number;
    from: string;
    to: string;
    status: 'approved' | 'proposed';
  }[] = [];

  let inBranch = 0;
  for (const m of members) {
    const category = demoCategory(rng, m, today);
    const base = demoBase(rng, m, category);
    // art. 8: a member admitted during the year pays from the month of the 支部大会.
    const start = duesStartMonth(m.admitted_on, months[0]);
    if (start > months.at(-1)!) continue;
    addBase(m.id, base, start);
    // art. 10: about one in seven employed members had a pay change during the year.
    let raise: { from: string; due: number } | null = null;
    if (category === 'employed' && rng.chance(0.15)) {
      const from = months[rng.int(4, 10)];
      if (from > start) {
        const b2 = { ...base, baseFen: Math.round(base.baseFen * (1 + rng.int(4, 15) / 100)) };
        addBase(m.id, b2, from);
        raise = { from, due: monthlyDuesFen(category, b2.baseFen, opts) };
      }
    }
    // art. 7: a few members on relief are exempted for the year, approved by the higher committee.
    let exempt = false;
    if (category === 'relief' && rng.chance(0.4)) {
      exempt = true;
      reductions.push({ m, kind: 'exempt', amount: 0, from: start, to: months.at(-1)!, status: 'approved' });
    }
    const due0 = monthlyDuesFen(category, base.baseFen, opts);
    // The demo branch always shows a warning and an urgent case, whatever the draw.
    const pattern = demoPattern(rng);
    const forced = m.org_id === city.sampleIds.branch ? FORCED_BEHIND[inBranch++] : undefined;
    for (const { month, paidIn } of paidMonths(rng, forced ? { kind: 'behind', months: forced } : pattern, months)) {
      if (exempt || month < start) continue;
      const due = raise && month >= raise.from ? raise.due : due0;
      const day = `${paidIn}-${String(rng.int(3, 25)).padStart(2, '0')}`;
      addPay(m, month, 'regular', due, due, day > today ? today : day, `${paidIn.replace('-', '')}-${m.org_id}-${m.id}`);
    }
    // art. 11: voluntary extra payments; one of 1000 元 or more goes to the centre.
    if (rng.chance(0.01)) {
      const amount = rng.chance(0.15) ? rng.int(10, 50) * 10_000 : rng.int(2, 9) * 10_000;
      const month = months[rng.int(0, 11)];
      addPay(
        m,
        month,
        'voluntary',
        amount,
        null,
        `${month}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        `ZY-${m.id}`,
        goesToCentre(amount),
      );
    }
  }
  // Pending proposals in the demo branch, waiting for the township committee.
  const branchMembers = members.filter((m) => m.org_id === city.sampleIds.branch).slice(0, 2);
  for (const [i, m] of branchMembers.entries())
    reductions.push({
      m,
      kind: i === 0 ? 'exempt' : 'reduce',
      amount: i === 0 ? 0 : 20,
      from: currentMonth(now),
      to: addMonths(currentMonth(now), 5),
      status: 'proposed',
    });

  const proposer = users.get('branch-admin') ?? users.get('city-admin');
  const approver = users.get('district-admin') ?? users.get('city-admin');
  await db.transaction().execute(async (trx) => {
    // The summaries are built once at the end, set-based, rather than by the triggers batch by batch.
    await duesSummariesOff(trx);
    await insertColumns(
      trx,
      'dues_bases',
      [
        { name: 'member_id', type: 'bigint' },
        { name: 'category', type: 'text' },
        { name: 'base_fen', type: 'int' },
        { name: 'due_fen', type: 'int' },
        { name: 'effective_from', type: 'text' },
        { name: 'source', type: 'text' },
      ],
      bases,
    );
    await withBulkLoad(trx, 'dues_payments', () =>
      insertColumns(
        trx,
        'dues_payments',
        [
          { name: 'member_id', type: 'bigint' },
          { name: 'org_id', type: 'bigint' },
          { name: 'month', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'amount_fen', type: 'int' },
          { name: 'due_fen', type: 'int' },
          { name: 'paid_on', type: 'date' },
          { name: 'receipt_no', type: 'text' },
          { name: 'collected_by', type: 'text' },
          { name: 'to_centre', type: 'boolean' },
        ],
        pays,
      ),
    );
    if (reductions.length && proposer) {
      await trx
        .insertInto('dues_reductions')
        .values(
          reductions.map((r) => ({
            member_id: r.m.id,
            org_id: r.m.org_id,
            kind: r.kind,
            amount_fen: r.amount,
            month_from: r.from,
            month_to: r.to,
            reason: r.kind === 'exempt' ? '享受城乡最低生活保障，家庭生活困难' : '长期患病，收入明显减少',
            status: r.status,
            proposed_by: proposer.id,
            proposer_org_id: proposer.org_id,
            proposed_at: `${r.from}-01T09:00:00+08:00`,
            decided_by: r.status === 'approved' ? (approver?.id ?? null) : null,
            decided_at: r.status === 'approved' ? `${r.from}-10T10:00:00+08:00` : null,
            decision_note: r.status === 'approved' ? '同意' : null,
          })),
        )
        .execute();
    }
    await rebuildDuesSummaries(trx, lastClosedMonth(now));
  });
}

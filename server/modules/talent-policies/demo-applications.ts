// The 300 demo applications (fictional amounts) by the registry demo's talents, in every state: drafts, each review
// step, some in 公示, approved ones paid in yearly instalments, completed ones, returned, refused, withdrawn and one
// clawed back. Each applicant is chosen so that the evaluation stored at submission (the pure evaluator on the
// person's registry facts and the application's declared months, as submitApplication stores it) agrees with the
// state: paid and 公示 applicants meet every condition, a refused one misses one and the refusal quotes its reason,
// a returned one declared too few months. The demo account `talent` holds one being paid. Written set-based (ids
// drawn from the sequences first): a handful of statements, not a thousand.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { reserveIds } from '../../db/batches.js';
import {
  evaluatePolicy,
  payoutSchedule,
  publicityPeriod,
  type PolicyData,
  type PolicyEvaluation,
} from '../../../domain/rules/talent-policy.js';
import { factsOf } from './facts.js';

export interface DemoPolicy {
  code: string;
  itemId: number;
  callId: number;
  /** The closed call's dates (applications to it were all submitted within them); null: the open call. */
  call: { opensOn: string; closesOn: string } | null;
  instalments: number;
  publicityDays: number;
  data: PolicyData;
}

const STATES = [
  'draft',
  'employer_review',
  'district_review',
  'city_review',
  'expert_review',
  'publicity',
  'paying',
  'completed',
  'returned',
  'refused',
  'withdrawn',
] as const;
type State = (typeof STATES)[number] | 'clawed_back';
const PAID = new Set<State>(['paying', 'completed', 'clawed_back']);
/** States an applicant reaches only when every condition is met. */
const MEETS = new Set<State>(['city_review', 'expert_review', 'publicity', 'paying', 'completed']);
export const DEMO_APPLICATIONS = 300;
const BY = '演示';

async function chunked<T>(rows: T[], write: (part: T[]) => Promise<unknown>, size = 300): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** The registry's active talents with what the evaluator needs, the demo account's first. */
async function applicants(db: Db) {
  return db
    .selectFrom('talent_people as p')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .leftJoin('talent_employers as e', 'e.id', 'p.employer_id')
    .select([
      'p.id',
      'p.user_id',
      'p.employer_id',
      sql<string | null>`to_char(p.birth, 'YYYY-MM-DD')`.as('birth'),
      'p.degrees',
      sql<string | null>`to_char(p.returned_on, 'YYYY-MM-DD')`.as('returned_on'),
      'p.district_org_id',
      't.code as tier_code',
      'e.name as employer_name',
      sql<string | null>`to_char(e.verified_on, 'YYYY-MM-DD')`.as('verified_on'),
      'e.district_org_id as employer_district',
    ])
    .where('p.status', '=', 'active')
    .orderBy(sql`p.user_id is null`)
    .orderBy('p.id')
    .execute();
}
type Person = Awaited<ReturnType<typeof applicants>>[number];

export async function seedDemoApplications(db: Db, now: Date, policies: DemoPolicy[]): Promise<void> {
  const people = await applicants(db);
  if (people.length === 0) return;
  const ids = await reserveIds(db, 'talent_applications', DEMO_APPLICATIONS);
  const today = dayjs(now).format('YYYY-MM-DD');
  const decided = dayjs(now).subtract(40, 'day').format('YYYY-MM-DD');
  const own = people[0].user_id !== null ? people[0] : null;
  // The demo account's record waits for its paying application.
  const used = new Set<number>(own ? [own.id] : []);
  let ownPlaced = false;
  const cursor = policies.map((_, k) => Math.floor((k * people.length) / policies.length));
  const apps: Record<string, unknown>[] = [];
  const steps: Record<string, unknown>[] = [];
  const paid: { id: number; personId: number; policy: DemoPolicy; state: State }[] = [];
  let clawed = false;

  for (let n = 0; n < DEMO_APPLICATIONS; n++) {
    let k = n % policies.length;
    let state: State = STATES[n % STATES.length];
    // A paid-off application: the single-payment item (its instalments all lie in the past).
    if (state === 'completed') k = policies.findIndex((p) => p.instalments === 1);
    const pol = policies[k];
    const id = ids[n];
    // Submitted within the call: the closed call's window, else over the last seven weeks.
    const submitted =
      state === 'draft'
        ? null
        : pol.call
          ? dayjs(pol.call.opensOn)
              .add(n % 50, 'day')
              .format('YYYY-MM-DD')
          : dayjs(now)
              .subtract(50 - (n % 20), 'day')
              .format('YYYY-MM-DD');
    const declared = {
      id,
      social_insurance_months: state === 'returned' ? 2 : 6 + (n % 30),
      income_tax_months: 6 + ((n * 7) % 30),
      contract_years: 5 + (n % 4),
    };
    const on = submitted ?? today;
    const evaluate = (p: Person): PolicyEvaluation => evaluatePolicy(pol.data, factsOf(p, declared, []), on);
    // The applicant: the demo account for its paying application, else the next unused person whose evaluation fits.
    const want = MEETS.has(state) ? true : state === 'refused' ? false : null;
    let person: Person | undefined;
    let evaluation: PolicyEvaluation | undefined;
    if (own && !ownPlaced && state === 'paying' && (evaluation = evaluate(own)).eligible) [person, ownPlaced] = [own, true];
    for (let tries = 0; !person && tries < people.length; tries++) {
      const p = people[cursor[k]++ % people.length];
      if (used.has(p.id)) continue;
      const e = evaluate(p);
      if (want === null || e.eligible === want) [person, evaluation] = [p, e];
    }
    if (!person || !evaluation) continue;
    used.add(person.id);
    if (state === 'paying' && !clawed && pol.instalments > 1 && person !== own) [clawed, state] = [true, 'clawed_back'];
    const missed = evaluation.conditions.find((c) => !c.met);
    const pub =
      state === 'publicity'
        ? publicityPeriod(
            dayjs(now)
              .subtract(n % 10, 'day')
              .format('YYYY-MM-DD'),
            pol.publicityDays,
          )
        : null;
    const schedule = PAID.has(state) ? payoutSchedule(pol.data.items[0].versions.at(-1)!.amountFen, pol.instalments, decided) : [];
    const review = ['employer_review', 'district_review', 'city_review', 'expert_review'].includes(state);
    apps.push({
      call_id: pol.callId,
      item_id: pol.itemId,
      person_id: person.id,
      employer_id: person.employer_id,
      applied_as: n % 3 === 0 ? 'employer' : 'self',
      status: state,
      ...declared,
      statement: '演示申请（金额虚构）',
      submitted_on: submitted,
      step_due_on: review
        ? dayjs(now)
            .add((n % 20) - 8, 'day')
            .format('YYYY-MM-DD')
        : state === 'paying'
          ? (schedule[1]?.dueOn ?? null)
          : (pub?.endsOn ?? null),
      publicity_starts_on: pub?.startsOn ?? null,
      publicity_ends_on: pub?.endsOn ?? null,
      approved_on: schedule.length ? decided : null,
      amount_fen: schedule.length ? schedule.reduce((s, p) => s + p.amountFen, 0) : null,
      evaluation: submitted ? JSON.stringify(evaluation) : null,
    });
    const step = (s: string, outcome: string, from: string | null, to: string, reason = '') =>
      steps.push({ application_id: id, step: s, outcome, reason, from_status: from, to_status: to, by_name: BY, at: now });
    step('create', 'draft', null, 'draft');
    if (state === 'draft') continue;
    const short = evaluation.conditions.find((c) => !c.met && c.key.endsWith('.social_insurance_months')) ?? missed;
    if (state === 'returned')
      step('district', 'return', 'district_review', 'returned', `${short?.reason ?? '申报材料不全'}，请补充或更正后重新提交`);
    else if (state === 'refused') step('city', 'refuse', 'city_review', 'refused', `不符合申报条件：${missed?.reason ?? ''}`);
    else if (state === 'withdrawn') step('withdraw', 'withdrawn', 'employer_review', 'withdrawn', '申请人主动撤回');
    else step('submit', 'submitted', 'draft', PAID.has(state) ? 'publicity' : state);
    if (PAID.has(state)) step('approve', 'approved', 'publicity', 'paying');
    if (state === 'clawed_back') step('clawback', 'clawed_back', 'paying', 'clawed_back', '提前离职：服务期未满（演示）');
    if (PAID.has(state)) paid.push({ id, personId: person.id, policy: pol, state });
  }
  await chunked(apps, (part) =>
    db
      .insertInto('talent_applications')
      .values(part as never)
      .execute(),
  );
  await chunked(steps, (part) =>
    db
      .insertInto('talent_application_steps')
      .values(part as never)
      .execute(),
  );
  await seedPayouts(db, now, today, decided, paid);
}

/** Instalments (the first released after its on-the-job check), the ledger, and the clawback of one early leaver. */
async function seedPayouts(
  db: Db,
  now: Date,
  today: string,
  decided: string,
  paid: { id: number; personId: number; policy: DemoPolicy; state: State }[],
): Promise<void> {
  const rows = paid.flatMap((a) =>
    payoutSchedule(a.policy.data.items[0].versions.at(-1)!.amountFen, a.policy.instalments, decided).map((p) => ({ a, p })),
  );
  const ids = await reserveIds(db, 'talent_payouts', rows.length);
  const payouts: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];
  for (const [i, { a, p }] of rows.entries()) {
    const released = p.seq === 1 || a.state === 'completed';
    const status = released ? 'released' : a.state === 'clawed_back' ? 'cancelled' : 'scheduled';
    payouts.push({
      id: ids[i],
      application_id: a.id,
      seq: p.seq,
      due_on: p.dueOn,
      amount_fen: p.amountFen,
      status,
      released_on: released ? p.dueOn : null,
      checked_on: released ? p.dueOn : null,
      check_note: released ? '在岗（演示）' : status === 'cancelled' ? '追回：提前离职' : '',
    });
    const entry = { application_id: a.id, person_id: a.personId, item_id: a.policy.itemId, at: now };
    if (released)
      ledger.push({
        ...entry,
        payout_id: ids[i],
        kind: 'payout',
        amount_fen: p.amountFen,
        booked_on: p.dueOn,
        reason: `第 ${p.seq} 期（演示）`,
      });
    if (released && a.state === 'clawed_back')
      ledger.push({
        ...entry,
        payout_id: null,
        kind: 'clawback',
        amount_fen: -p.amountFen,
        booked_on: today,
        reason: '提前离职：服务期未满（演示）',
      });
  }
  await chunked(payouts, (part) =>
    db
      .insertInto('talent_payouts')
      .values(part as never)
      .execute(),
  );
  await chunked(ledger, (part) =>
    db
      .insertInto('talent_ledger')
      .values(part as never)
      .execute(),
  );
}

// The talent section of `npm run bench` (issue 15 point 9), on the demo city (BENCH_TALENT_ORGS organizations)
// with the talent demo on top (the registry's ~2,000 talents, five policies, 300 applications):
// (a) every policy evaluated for every registered talent: in batch mode (the default) through evaluateMany, the
//     path of the paged evaluations route (the policy once, every person's facts in three set-based queries, the
//     pure evaluator per person), beside the single evaluation the evaluate route calls (evaluateFor: the policy,
//     the person's facts, the evaluator) timed on a sample of BENCH_TALENT_SINGLE people per policy and checked
//     to agree; BENCH_TALENT_EVALUATE=single evaluates everyone one at a time as before;
// (b) the office's applications list once the applications are BENCH_TALENT_APPLICATIONS (100,000; generated
//     set-based with generate_series), first pages and filters through the API beside the same query called
//     directly (listApplications).
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions.js';
import { seedTalentDemo } from '../server/modules/talent/demo.js';
import { seedTalentPoliciesDemo } from '../server/modules/talent-policies/demo.js';
import { evaluateFor, evaluateMany } from '../server/modules/talent-policies/evaluate.js';
import { listApplications } from '../server/modules/talent-policies/queries.js';
import { ZApplicationListQuery } from '../domain/schemas/talent-policies.js';
import { todayCn } from '../server/dates.js';
import { fmt, measure, type Stat } from './stats.js';

const ORGS = Number(process.env.BENCH_TALENT_ORGS ?? 2_000);
const APPLICATIONS = Number(process.env.BENCH_TALENT_APPLICATIONS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_TALENT_SAMPLES ?? 50);
/** BENCH_TALENT_EVALUATE=batch (default) | single | 0 (skips (a), to time the list alone). */
const MODE = (process.env.BENCH_TALENT_EVALUATE ?? 'batch') as 'batch' | 'single' | '0';
const EVALUATE = MODE !== '0';
/** People per policy evaluated one at a time beside the batch, to compare. */
const SINGLE_SAMPLE = Number(process.env.BENCH_TALENT_SINGLE ?? 100);

export interface TalentBenchResult {
  engine: string;
  talents: number;
  policies: number;
  evaluations: { mode: string; count: number; seconds: number; eligible: number };
  /** The single evaluation on a sample beside the batch: how many, their time, and how many differed from the batch. */
  single: { count: number; seconds: number; differ: number } | null;
  applications: number;
  generateSeconds: number;
  rows: { call: string; api: Stat; sql: Stat }[];
}

/** Applications up to `total`, set-based: people, calls and states spread by the row number. */
async function generateApplications(engine: Engine, total: number): Promise<number> {
  const db = engine.db;
  const have = (
    await db
      .selectFrom('talent_applications')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  if (have >= total) return 0;
  const t0 = performance.now();
  await sql`insert into talent_applications (call_id, item_id, person_id, employer_id, applied_as, status,
      social_insurance_months, income_tax_months, contract_years, statement, submitted_on, step_due_on, amount_fen)
    select c.call_id, c.item_id, p.id, p.employer_id, case when g % 3 = 0 then 'employer' else 'self' end,
      (array['draft','employer_review','district_review','city_review','expert_review','publicity','paying','completed',
        'returned','refused','withdrawn'])[1 + g % 11],
      6 + g % 30, 6 + g % 30, 3 + g % 4, '基准测试申请', current_date - (g % 400), current_date + (g % 20), null
    from generate_series(1, ${total - have}) g
    join (select id, employer_id, row_number() over (order by id) - 1 as k, count(*) over () as n from talent_people) p
      on p.k = g % p.n
    join (select c.id as call_id, i.id as item_id, row_number() over (order by c.id) - 1 as k, count(*) over () as n
          from talent_calls c join talent_benefit_items i on i.policy_id = c.policy_id) c
      on c.k = (g / 7) % c.n`.execute(db);
  await sql`analyze`.execute(db);
  return (performance.now() - t0) / 1000;
}

export async function benchTalent(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<TalentBenchResult> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    await migrate(db);
    const keys = deriveKeys('bench');
    const city = await generateCity(db, { seed: 2026, orgCount: ORGS, demoAccounts: true });
    await seedTalentDemo(db, keys);
    await seedTalentPoliciesDemo(db);
    await sql`analyze`.execute(db);
    const today = todayCn(new Date());

    // (a) every policy for every registered talent.
    const people = await db.selectFrom('talent_people').select('id').orderBy('id').execute();
    const ids = people.map((p) => p.id);
    const policies = EVALUATE ? await db.selectFrom('talent_policies').select('id').orderBy('id').execute() : [];
    let eligible = 0;
    let single: TalentBenchResult['single'] = null;
    const e0 = performance.now();
    let evalSeconds = 0;
    if (MODE === 'single') {
      // One after another as the evaluate route would.
      for (const pol of policies)
        for (const p of people) if ((await evaluateFor(db, pol.id, { on: today, personId: p.id })).eligible) eligible++;
      evalSeconds = (performance.now() - e0) / 1000;
    } else {
      const batches = [];
      for (const pol of policies) {
        const batch = await evaluateMany(db, pol.id, ids, today);
        eligible += batch.filter((b) => b.evaluation.eligible).length;
        batches.push(batch);
      }
      evalSeconds = (performance.now() - e0) / 1000;
      // The single path on a sample, timed apart and compared with the batch's answer (reasons included).
      const s0 = performance.now();
      let count = 0;
      let differ = 0;
      for (const [k, pol] of policies.entries())
        for (const b of batches[k].slice(0, SINGLE_SAMPLE)) {
          const one = await evaluateFor(db, pol.id, { on: today, personId: b.personId });
          count++;
          if (JSON.stringify(one) !== JSON.stringify(b.evaluation)) differ++;
        }
      single = { count, seconds: (performance.now() - s0) / 1000, differ };
      console.log(
        `[${kind}] single path on a sample: ${count} evaluations in ${single.seconds.toFixed(1)} s, ${differ} differing from the batch`,
      );
    }
    console.log(
      `[${kind}] ${MODE}: ${policies.length} policies × ${people.length} talents evaluated in ${evalSeconds.toFixed(2)} s (${eligible} eligible)`,
    );

    // (b) the applications list at scale.
    const generateSeconds = await generateApplications(engine, APPLICATIONS);
    const applications = (
      await db
        .selectFrom('talent_applications')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    console.log(`[${kind}] ${applications} applications (generated in ${generateSeconds.toFixed(1)} s)`);
    const officer = await db.selectFrom('users').select(['id']).where('username', '=', 'talent-officer').executeTakeFirstOrThrow();
    const root = await db
      .selectFrom('orgs')
      .select(sql<string>`path::text`.as('path'))
      .where('id', '=', city.sampleIds.city)
      .executeTakeFirstOrThrow();
    const app = await buildApp({ engine, keys, demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const rows: TalentBenchResult['rows'] = [];
    try {
      const cookie = `${SESSION_COOKIE}=${await createSession(db, officer.id, new Date(), '127.0.0.1', 'bench')}`;
      const get = async (url: string) => {
        const r = await fetch(address + url, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json();
      };
      const calls = await db.selectFrom('talent_calls').select('id').orderBy('id').execute();
      const names = await db.selectFrom('talent_people').select('name').orderBy('id').limit(SAMPLES).execute();
      const middle = Math.floor(applications / 2);
      const cases: [string, (i: number) => Record<string, string | number>][] = [
        ['first page (50)', () => ({})],
        ['by status', (i) => ({ status: ['district_review', 'publicity', 'paying', 'refused'][i % 4] })],
        ['by call', (i) => ({ callId: calls[i % calls.length].id })],
        ['by name', (i) => ({ q: names[i % names.length].name.slice(0, 2) })],
        ['a page deep in (cursor)', (i) => ({ cursor: middle + i * 1000 })],
      ];
      const inputs = Array.from({ length: SAMPLES }, (_, i) => i);
      for (const [label, query] of cases) {
        const qs = (i: number) => new URLSearchParams(Object.entries(query(i)).map(([k, v]) => [k, String(v)])).toString();
        rows.push({
          call: `applications: ${label}`,
          api: await measure(inputs, (i) => get(`/api/talent/applications?${qs(i)}`)),
          sql: await measure(inputs, (i) => listApplications(db, { scopePath: root.path }, ZApplicationListQuery.parse(query(i)))),
        });
      }
    } finally {
      await app.close();
    }
    return {
      engine: kind,
      talents: people.length,
      policies: policies.length,
      evaluations: { mode: MODE, count: people.length * policies.length, seconds: evalSeconds, eligible },
      single,
      applications,
      generateSeconds,
      rows,
    };
  } finally {
    await cleanup();
  }
}

export function printTalent(results: TalentBenchResult[]): void {
  console.log('\n== talent: policy evaluation and the applications list ==');
  for (const r of results)
    console.log(
      `[${r.engine}] evaluate (${r.evaluations.mode}): ${r.policies} policies × ${r.talents} talents = ${r.evaluations.count} evaluations ` +
        `in ${r.evaluations.seconds.toFixed(2)} s, mean ${fmt((r.evaluations.seconds * 1000) / r.evaluations.count)} ms (${r.evaluations.eligible} eligible)` +
        (r.single
          ? `; single path on a sample: ${r.single.count} in ${r.single.seconds.toFixed(1)} s, mean ${fmt((r.single.seconds * 1000) / r.single.count)} ms, ` +
            `${r.single.differ} differing`
          : ''),
    );
  console.log(`\n| engine | applications | call | API p50 | API p95 | bare SQL p50 | bare SQL p95 |`);
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const r of results)
    for (const x of r.rows)
      console.log(
        `| ${r.engine} | ${r.applications.toLocaleString()} | ${x.call} | ${fmt(x.api.p50)} | ${fmt(x.api.p95)} | ${fmt(x.sql.p50)} | ${fmt(x.sql.p95)} |`,
      );
}

// The completion of a city-wide learning plan at about 500,000 members (issue 14 point 9), on PostgreSQL:
// the members bench's city (20,000 organizations, 10–70 members a branch), one plan to all members with a
// material and a quiz, 80% of the members credited with the hour and 70% with the quiz; the progress API
// (GET /api/learning/plans/:id/progress, the city and one district drilled) beside the same reading called
// directly (server/modules/learning/progress.ts planProgress: the summary of migration 040) and the scan of
// members and ledger it replaced (planProgressScan), which must give the same numbers. The ledger rows are
// inserted in bulk, so the summary's triggers run as they do for any writer. BENCH_LEARNING_CITY=0 skips it.
// BENCH_LEARNING_SCAN_CALLS sets how often the slow scan is timed (default 5).
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { planProgress, planProgressScan } from '../server/modules/learning/progress.js';
import { loadPlan } from '../server/modules/learning/plans.js';
import { todayCn } from '../server/dates.js';
import { fmt, measure, type Stat } from './stats.js';

const ORGS = Number(process.env.BENCH_MEMBER_ORGS ?? 20_000);
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];
const CALLS = Number(process.env.BENCH_LEARNING_CALLS ?? 20);
const SCAN_CALLS = Number(process.env.BENCH_LEARNING_SCAN_CALLS ?? 5);

export interface ScaleResult {
  engine: string;
  members: number;
  credits: number;
  setupSeconds: number;
  rows: { call: string; api: Stat; sql: Stat; scan: Stat; learners: number; completed: number; same: boolean }[];
}

export async function benchPlanCompletionAtScale(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<ScaleResult> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    const t0 = performance.now();
    await migrate(db);
    const city = await generateCity(db, { seed: 20_000, orgCount: ORGS, membersPerBranch: PER_BRANCH, demoAccounts: true });
    const clock = { now: () => new Date() };
    const app = await buildApp({ engine, keys: deriveKeys('bench'), clock, demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const root = await db.selectFrom('orgs').select(['id', 'name', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
      const admin = await db.selectFrom('users').select('id').where('username', '=', 'city-admin').executeTakeFirstOrThrow();
      const cookie = `${SESSION_COOKIE}=${await createSession(db, admin.id, clock.now(), '127.0.0.1', 'bench')}`;
      const post = async (url: string, body: unknown) => {
        const r = await fetch(address + url, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (r.status >= 400) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json() as Promise<Record<string, unknown>>;
      };
      const material = await post('/api/learning/materials', {
        orgId: root.id,
        kind: 'article',
        title: '基准测试学习材料',
        bodyHtml: '<p>基准测试</p>',
        lengthSeconds: 36_000,
      });
      const today = todayCn(clock.now());
      const year = Number(today.slice(0, 4));
      const QUIZ = 900_001;
      const plan = await post('/api/learning/plans', {
        orgId: root.id,
        title: '全市基准学习计划',
        audiences: ['all'],
        requiredHours: 1,
        startsOn: today,
        endsOn: `${year + 1}-12-31`,
        items: [
          { kind: 'material', refId: material.id },
          { kind: 'quiz', refId: QUIZ },
        ],
      });
      // The ledger as the study and quiz writers leave it: 80% credited with the hour, 70% with the quiz,
      // plus a year of other study (five other materials for every member) the query must step over.
      await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online)
        select id, ${year}, ${today}::date, 'online', ${`material:${material.id}`}, '基准', 1.0, true from members where status = 'normal' and id % 5 <> 0`.execute(
        db,
      );
      await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online)
        select id, ${year}, ${today}::date, 'quiz', ${`quiz:${QUIZ}`}, '基准测验', 0.5, true from members where status = 'normal' and id % 10 < 7`.execute(
        db,
      );
      await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online)
        select m.id, ${year}, ${today}::date, 'online', 'material:' || (1000000 + k), '其他材料', 0.5, true
          from members m cross join generate_series(1, 5) k where m.status = 'normal'`.execute(db);
      // As autovacuum leaves the table (visibility map set).
      await sql`vacuum analyze learning_credits`.execute(db);
      await sql`analyze`.execute(db);
      const credits = Number((await sql<{ n: string }>`select count(*) as n from learning_credits`.execute(db)).rows[0].n);
      const setupSeconds = (performance.now() - t0) / 1000;
      const planId = plan.id as number;
      const progressPlan = await loadPlan(db, planId, today);
      const district = await db
        .selectFrom('orgs')
        .select(['id', 'name', 'path'])
        .where('id', '=', city.sampleIds.district)
        .executeTakeFirstOrThrow();
      const rows: ScaleResult['rows'] = [];
      for (const [call, org, q] of [
        ['city-wide plan, the city', root, ''],
        ['city-wide plan, one district', district, `?orgId=${district.id}`],
      ] as const) {
        const url = `/api/learning/plans/${planId}/progress${q}`;
        const api = await measure(
          Array.from({ length: CALLS }),
          async () => {
            const r = await fetch(address + url, { headers: { cookie } });
            if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
            await r.json();
          },
          2,
        );
        const o = { id: Number(org.id), name: org.name, path: String(org.path) };
        const bare = await measure(Array.from({ length: CALLS }), () => planProgress(db, progressPlan, o, today), 2);
        const scan = await measure(Array.from({ length: SCAN_CALLS }), () => planProgressScan(db, progressPlan, o, today), 1);
        const total = await planProgress(db, progressPlan, o, today);
        const scanned = await planProgressScan(db, progressPlan, o, today);
        const same = JSON.stringify(total) === JSON.stringify(scanned);
        rows.push({ call, api, sql: bare, scan, learners: total.total.learners, completed: total.total.completed, same });
      }
      return { engine: kind, members: city.members, credits, setupSeconds, rows };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

export function printPlanCompletionAtScale(results: ScaleResult[]): void {
  for (const r of results) {
    console.log(
      `[${r.engine}] ${r.members.toLocaleString()} members, ${r.credits.toLocaleString()} ledger rows (set up in ${r.setupSeconds.toFixed(0)} s), ${CALLS} calls per row (ms)`,
    );
    console.log(
      '| engine | call | done / audience | API p50 | API p95 | bare SQL p50 | bare SQL p95 | scan p50 | scan p95 | summary = scan |',
    );
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const x of r.rows)
      console.log(
        `| ${r.engine} | ${x.call} | ${x.completed.toLocaleString()} / ${x.learners.toLocaleString()} | ${fmt(x.api.p50)} | ${fmt(x.api.p95)} | ${fmt(x.sql.p50)} | ${fmt(x.sql.p95)} | ${fmt(x.scan.p50)} | ${fmt(x.scan.p95)} | ${x.same ? 'yes' : 'NO'} |`,
      );
  }
}

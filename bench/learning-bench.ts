// The learning section of `npm run bench` (issue 14 point 9): (a) study sessions sending heartbeats
// concurrently over HTTP, on a clock the bench moves 30 s per round (the server credits server time
// between accepted beats, so a real bench would otherwise wait 30 s a round): accepted beats per second,
// p50/p95 latency and the process's CPU; (b) the completion of a city-wide plan through the API beside
// the same SQL called directly (server/modules/learning/progress.ts planProgress).
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { hashPassword } from '../server/auth/password.js';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { planProgress } from '../server/modules/learning/progress.js';
import { loadPlan } from '../server/modules/learning/plans.js';
import { todayCn } from '../server/dates.js';
import { fmt, measure, percentile, type Stat } from './stats.js';

const ORGS = Number(process.env.BENCH_LEARNING_ORGS ?? 2_000);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_BEAT_ROUNDS ?? 5);

/** Runs fn over items with at most `limit` calls in flight (2,000 sockets at once exhaust the listen backlog). */
async function pool<T, R>(items: T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 200);

export interface LearningResult {
  engine: string;
  members: number;
  learners: number;
  beats: { accepted: number; sent: number; perSecond: number; p50: number; p95: number; cpuPercent: number };
  completion: { api: Stat; sql: Stat; learners: number; completed: number };
}

export async function benchLearning(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<LearningResult> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    await migrate(db);
    const city = await generateCity(db, { seed: 14, orgCount: ORGS, demoAccounts: true });
    let t = Date.now();
    const clock = { now: () => new Date(t) };
    const app = await buildApp({ engine, keys: deriveKeys('bench'), clock, demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const root = await db.selectFrom('orgs').select(['id', 'name', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
      const admin = await db.selectFrom('users').select('id').where('username', '=', 'city-admin').executeTakeFirstOrThrow();
      const adminCookie = `${SESSION_COOKIE}=${await createSession(db, admin.id, clock.now(), '127.0.0.1', 'bench')}`;
      const post = async (cookie: string, url: string, body: unknown) => {
        const r = await fetch(address + url, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (r.status >= 400) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json() as Promise<Record<string, unknown>>;
      };
      const material = await post(adminCookie, '/api/learning/materials', {
        orgId: root.id,
        kind: 'article',
        title: '基准测试学习材料',
        bodyHtml: '<p>基准测试</p>',
        lengthSeconds: 36_000,
      });
      const today = todayCn(clock.now());
      const plan = await post(adminCookie, '/api/learning/plans', {
        orgId: root.id,
        title: '全市基准学习计划',
        audiences: ['all'],
        requiredHours: 1,
        startsOn: today,
        endsOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
        items: [{ kind: 'material', refId: material.id }],
      });

      // Learners: the first LEARNERS members, each with an account holding the member role and a session.
      const hash = await hashPassword('Bench#2026learner');
      const members = await db
        .selectFrom('members')
        .select(['id', 'org_id'])
        .where('status', '=', 'normal')
        .orderBy('id')
        .limit(LEARNERS)
        .execute();
      const users = await db
        .insertInto('users')
        .values(
          members.map((m) => ({
            username: `bench-learner-${m.id}`,
            display_name: `学员${m.id}`,
            org_id: m.org_id,
            password_hash: hash,
            member_id: m.id,
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('user_roles')
        .values(users.map((u) => ({ user_id: u.id, role: 'member' })))
        .execute();
      const cookies: string[] = [];
      for (const u of users) cookies.push(`${SESSION_COOKIE}=${await createSession(db, u.id, clock.now(), '10.0.0.1', 'bench')}`);
      const sessions = await Promise.all(
        cookies.map((c) => post(c, `/api/learning/materials/${material.id}/sessions`, {}).then((s) => s.sessionId as number)),
      );

      // Heartbeat rounds: the clock moves 30 s, then every learner beats at once.
      const times: number[] = [];
      let accepted = 0;
      let wall = 0;
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < ROUNDS; r++) {
        t += 30_000;
        const w0 = performance.now();
        const res = await pool(sessions, IN_FLIGHT, async (id, i) => {
          const t0 = performance.now();
          const body = await post(cookies[i], `/api/learning/sessions/${id}/heartbeat`, {
            visible: true,
            position: 30 * (r + 1),
            rate: 1,
          });
          times.push(performance.now() - t0);
          return body.outcome === 'credited';
        });
        wall += performance.now() - w0;
        accepted += res.filter(Boolean).length;
      }
      const cpu = process.cpuUsage(cpu0);
      times.sort((a, b) => a - b);
      const sent = ROUNDS * sessions.length;

      // Completion of the city-wide plan: a share of the members credited with the hour.
      await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online)
        select id, ${Number(today.slice(0, 4))}, ${today}::date, 'online', ${`material:${material.id}`}, '基准测试学习材料', 1.0, true
          from members where status = 'normal' and id % 5 <> 0
        on conflict do nothing`.execute(db);
      await sql`analyze`.execute(db);
      const planId = plan.id as number;
      const url = `/api/learning/plans/${planId}/progress`;
      const api = await measure(Array.from({ length: 20 }), async () => {
        const r = await fetch(address + url, { headers: { cookie: adminCookie } });
        if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
        await r.json();
      });
      const progressPlan = await loadPlan(db, planId, today);
      const bare = await measure(Array.from({ length: 20 }), () => planProgress(db, progressPlan, root, today));
      const total = await planProgress(db, progressPlan, root, today);
      return {
        engine: kind,
        members: city.members,
        learners: sessions.length,
        beats: {
          accepted,
          sent,
          perSecond: (sent / wall) * 1000,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
        },
        completion: { api, sql: bare, learners: total.total.learners, completed: total.total.completed },
      };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

export function printLearning(results: LearningResult[]): void {
  for (const r of results) {
    console.log(
      `[${r.engine}] ${r.learners} study sessions × ${ROUNDS} heartbeat rounds, ${IN_FLIGHT} in flight (${r.members} members): ${r.beats.accepted}/${r.beats.sent} accepted, ` +
        `${r.beats.perSecond.toFixed(0)} beats/s, p50 ${fmt(r.beats.p50)} ms, p95 ${fmt(r.beats.p95)} ms, CPU ${r.beats.cpuPercent.toFixed(0)}% of one core`,
    );
    console.log(
      `[${r.engine}] city-wide plan completion (${r.completion.completed} of ${r.completion.learners} done): API p50 ${fmt(r.completion.api.p50)} ms p95 ${fmt(r.completion.api.p95)} ms; ` +
        `SQL p50 ${fmt(r.completion.sql.p50)} ms p95 ${fmt(r.completion.sql.p95)} ms`,
    );
  }
}

// The pages section of `npm run bench` (issue 16 point 3): replays the API calls each staff page makes when
// it opens, as the city administrator (and the cadre and talent officers for their pages), on a city seeded like
// the demo (every area's demo data on top of generateCity). For each call: the first call after the app starts
// (cold), then p50/p95 of repeated calls (warm), against the goals (1 s cold and 300 ms warm on the demo city;
// 1 s p95 at the bench city). BENCH_PAGES_ORGS sets the city's size (2,000 = the demo city).
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { DEMO_SEED, seedAreaDemos } from '../server/demo/seed-demo.js';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { todayCn } from '../server/dates.js';
import { fmt, measure, type Stat } from './stats.js';
import { keptCity } from './kept-city.js';
import { printLoad, runLoad, type LoadResult } from './load-bench.js';

const REPEAT = Number(process.env.BENCH_PAGES_REPEAT ?? 20);
/** Members per branch of the PostgreSQL city (20,000 organizations × 10–70 ≈ 546,000 members, as members-bench). */
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];

export interface PageCall {
  page: string;
  user: string;
  url: string;
  status: number;
  cold: number;
  warm: Stat;
}

export interface PagesResult {
  engine: string;
  orgs: number;
  members: number;
  seedSeconds: number;
  calls: PageCall[];
  load: LoadResult | null;
}

/** The calls each staff page makes on opening (web/src/pages/*, read from their api clients), by the user who opens it. */
function pageCalls(ids: { city: number; district: number; branch: number; member: number; cadre: number | null; talent: number | null }) {
  const today = todayCn(new Date());
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const admin = 'city-admin';
  const list: { page: string; user: string; url: string }[] = [
    { page: 'layout', user: admin, url: '/api/auth/me' },
    { page: 'layout', user: admin, url: '/api/todos/count' },
    { page: 'orgs', user: admin, url: '/api/orgs/roots' },
    { page: 'orgs', user: admin, url: `/api/orgs/${ids.city}/children` },
    { page: 'orgs', user: admin, url: `/api/orgs/${ids.district}` },
    { page: 'orgs', user: admin, url: '/api/orgs/search?q=' + encodeURIComponent('第一') },
    { page: 'members', user: admin, url: `/api/members?orgId=${ids.city}` },
    { page: 'members', user: admin, url: `/api/members/count?orgId=${ids.city}` },
    { page: 'members', user: admin, url: `/api/members?orgId=${ids.district}` },
    { page: 'members', user: admin, url: `/api/members?orgId=${ids.city}&q=` + encodeURIComponent('王') },
    { page: 'members', user: admin, url: `/api/members/${ids.member}` },
    { page: 'member-status', user: admin, url: `/api/member-status/attention?orgId=${ids.city}` },
    { page: 'development', user: admin, url: `/api/development/board?orgId=${ids.city}` },
    { page: 'development', user: admin, url: `/api/development/people?orgId=${ids.city}` },
    { page: 'transfers', user: admin, url: '/api/transfers?box=out' },
    { page: 'dues', user: admin, url: `/api/dues/orgs/${ids.city}/arrears` },
    { page: 'dues', user: admin, url: `/api/dues/orgs/${ids.city}/totals?from=${year}-01&to=${month}` },
    { page: 'dues', user: admin, url: `/api/dues/orgs/${ids.branch}/sheet?month=${month}` },
    { page: 'meetings', user: admin, url: `/api/meetings?orgId=${ids.city}` },
    { page: 'compliance', user: admin, url: `/api/org-life/compliance?orgId=${ids.city}&period=month&key=${month}` },
    { page: 'compliance', user: admin, url: `/api/org-life/compliance/missing?orgId=${ids.city}&period=month&key=${month}` },
    { page: 'terms', user: admin, url: `/api/terms?orgId=${ids.city}` },
    { page: 'terms', user: admin, url: `/api/terms/overdue?orgId=${ids.city}` },
    { page: 'standards', user: admin, url: `/api/standards/ratings?orgId=${ids.city}&year=${year}` },
    { page: 'standards', user: admin, url: `/api/standards/weak-orgs?orgId=${ids.city}` },
    { page: 'joint-tasks', user: admin, url: `/api/joint-tasks?orgId=${ids.city}` },
    { page: 'todos', user: admin, url: '/api/todos' },
    { page: 'todos', user: admin, url: `/api/todos/digest?orgId=${ids.city}` },
    { page: 'statistics', user: admin, url: '/api/statistics/tables' },
    { page: 'statistics', user: admin, url: `/api/statistics/tables/basic?orgId=${ids.city}` },
    { page: 'health', user: admin, url: `/api/org-health?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/members?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/development?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/compliance?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/dues?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/terms?orgId=${ids.city}` },
    { page: 'dashboard', user: admin, url: `/api/dashboard/standards?orgId=${ids.city}` },
    { page: 'learning', user: admin, url: '/api/learning/plans' },
    { page: 'learning', user: admin, url: '/api/learning/materials' },
    { page: 'learning-hours', user: admin, url: `/api/learning/hours/behind?orgId=${ids.city}&year=${year}` },
    { page: 'learning-hours', user: admin, url: `/api/learning/hours/shares?orgId=${ids.city}&year=${year}` },
    { page: 'cadres', user: 'cadre-officer', url: '/api/cadres' },
    { page: 'cadres', user: 'cadre-officer', url: '/api/dashboard/cadres' },
    { page: 'cadre-units', user: 'cadre-officer', url: '/api/cadre-units' },
    { page: 'cadre-selections', user: 'cadre-officer', url: '/api/cadre-selections' },
    { page: 'cadre-supervision', user: 'cadre-officer', url: '/api/cadre-supervision/pool' },
    { page: 'talent', user: 'talent-officer', url: '/api/talent/people' },
    { page: 'talent', user: 'talent-officer', url: '/api/talent/structure?by=tier' },
    { page: 'talent', user: 'talent-officer', url: '/api/talent/applications' },
    { page: 'talent', user: 'talent-officer', url: '/api/talent-services/requests' },
  ];
  if (ids.cadre) list.push({ page: 'cadres', user: 'cadre-officer', url: `/api/cadres/${ids.cadre}` });
  if (ids.talent) list.push({ page: 'talent', user: 'talent-officer', url: `/api/talent/people/${ids.talent}` });
  return list;
}

export async function benchPages(
  kind: string,
  orgCount: number,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<PagesResult> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    await migrate(db);
    const keys = deriveKeys('bench');
    const t0 = performance.now();
    // A kept database (BENCH_PAGES_KEEP, PostgreSQL) is seeded once and measured again after each change.
    const kept = await keptCity(db);
    let city: { orgs: number; members: number; sampleIds: { city: number } };
    if (kept) city = kept;
    else {
      const made = await generateCity(db, {
        seed: DEMO_SEED,
        orgCount,
        demoAccounts: true,
        membersPerBranch: kind === 'pglite' ? undefined : PER_BRANCH,
      });
      await seedAreaDemos(db, made, keys);
      await sql`analyze`.execute(db);
      city = made;
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(
      `[${kind}] pages city: ${city.orgs} organizations, ${city.members} members, ${kept ? 'kept from an earlier run' : `seeded in ${seedSeconds.toFixed(0)} s`}`,
    );

    const app = await buildApp({ engine, keys, demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const cookies = new Map<string, string>();
      const cookieOf = async (username: string) => {
        if (!cookies.has(username)) {
          const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
          cookies.set(username, `${SESSION_COOKIE}=${await createSession(db, u.id, new Date(), '127.0.0.1', 'bench')}`);
        }
        return cookies.get(username)!;
      };
      const district = await db
        .selectFrom('orgs')
        .select('id')
        .where('parent_id', '=', city.sampleIds.city)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const member = await db.selectFrom('members').select(['id', 'org_id']).orderBy('id').executeTakeFirstOrThrow();
      const cadre = await db.selectFrom('cadres').select('id').orderBy('id').executeTakeFirst();
      const talent = await db.selectFrom('talent_people').select('id').orderBy('id').executeTakeFirst();
      const calls = pageCalls({
        city: city.sampleIds.city,
        district: district.id,
        branch: member.org_id,
        member: member.id,
        cadre: cadre?.id ?? null,
        talent: talent?.id ?? null,
      });
      const out: PageCall[] = [];
      // Cold: each call once, in page order, on the app just started (nothing of its answers cached yet).
      for (const c of calls) {
        const cookie = await cookieOf(c.user);
        const t = performance.now();
        const r = await fetch(address + c.url, { headers: { cookie } });
        await r.arrayBuffer();
        out.push({ ...c, status: r.status, cold: performance.now() - t, warm: { p50: 0, p95: 0, n: 0 } });
      }
      for (const row of out) {
        if (row.status !== 200) continue;
        const cookie = await cookieOf(row.user);
        row.warm = await measure(
          Array.from({ length: REPEAT }, () => row.url),
          (url) => fetch(address + url, { headers: { cookie } }).then((r) => r.arrayBuffer()),
          2,
        );
      }
      // The load (issue 16 point 6) on the same city and app: BENCH_LOAD=0 skips it.
      let load: LoadResult | null = null;
      if (process.env.BENCH_LOAD !== '0') {
        const users = Number(process.env.BENCH_LOAD_USERS ?? (kind === 'pglite' ? 20 : 200));
        load = await runLoad({ db, address, cookieOf, reads: calls }, users, Number(process.env.BENCH_LOAD_SECONDS ?? 180));
      }
      return { engine: kind, orgs: city.orgs, members: city.members, seedSeconds, calls: out, load };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

export function printPages(results: PagesResult[]): void {
  console.log('\n== pages: the calls each staff page makes on opening (ms) ==');
  for (const r of results) {
    const demo = r.orgs <= 2_000;
    const goalCold = 1000;
    const goalWarm = demo ? 300 : 1000;
    console.log(
      `\n${r.engine}: ${r.orgs.toLocaleString()} organizations, ${r.members.toLocaleString()} members; goals: first call ≤ ${goalCold} ms, ` +
        `warm p95 ≤ ${goalWarm} ms`,
    );
    console.log('| page | user | call | status | first call | warm p50 | warm p95 | goal |');
    console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
    for (const c of r.calls) {
      const ok = c.status === 200 && c.cold <= goalCold && c.warm.p95 <= goalWarm;
      console.log(
        `| ${c.page} | ${c.user} | ${c.url.split('?')[0]} | ${c.status} | ${fmt(c.cold)} | ${fmt(c.warm.p50)} | ${fmt(c.warm.p95)} | ${ok ? 'met' : 'MISSED'} |`,
      );
    }
    const missed = r.calls.filter((c) => c.status !== 200 || c.cold > goalCold || c.warm.p95 > goalWarm);
    console.log(`${r.calls.length - missed.length} of ${r.calls.length} calls meet the goals`);
    if (r.load) printLoad(r.engine, r.load);
  }
}

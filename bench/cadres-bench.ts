// The cadre part of `npm run bench` (issue 12 point 9), on ONE data set per engine: the bench city
// (BENCH_CADRE_ORGS organizations, default 20,000, with their members) and 60,000 cadres written by
// the demo generator at scale (seedCadresBench: units, posts, 内设机构, careers, family, assessments…).
// On it: the cadre searches (as the city's and a district's cadre officer), the structure analysis of
// the whole city and one structure table, the 配备一览表 first page, each through the API beside the
// bare SQL of the same answer; then the .lrmx import of 1,000 files in one zip (seconds, peak RSS).
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity, type CityResult } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { seedMembersDemo } from '../server/modules/members/demo.js';
import { seedCadresBench, type CadresDemoResult } from '../server/modules/cadres/demo/seed.js';
import { countCadres, searchPage } from '../server/modules/cadre-search/queries.js';
import { resolveQuery } from '../server/modules/cadre-search/service.js';
import { holdersOf, holdersOfFilter, postsOf, rosterUnits, teamsOf, type UnitFilter } from '../server/modules/cadre-units/queries.js';
import { decodeCursor } from '../server/http/keyset-cursor.js';
import { todayCn } from '../server/dates.js';
import { ZCadreQuery, type TCadreQueryInput } from '../domain/schemas/cadre-search.js';
import { cadreRecordsOf } from '../server/modules/cadre-selections/eligibility.js';
import { avoidanceOfList } from '../server/modules/cadre-selections/avoidance.js';
import { fmt, measure, sample, type Stat } from './stats.js';
import { benchLrmxImport, type LrmxImportResult } from './lrmx-bench.js';

const ORGS = Number(process.env.BENCH_CADRE_ORGS ?? 20_000);
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];
export const BENCH_CADRES = Number(process.env.BENCH_CADRES_N ?? 60_000);
const SAMPLES = Number(process.env.BENCH_CADRE_SAMPLES ?? 100);
/** The whole city's structure reads every holder: fewer calls per row. */
const STRUCTURE_SAMPLES = Number(process.env.BENCH_CADRE_STRUCTURE_SAMPLES ?? 20);
/** The eligibility of the whole city against a post reads every file: fewer calls. */
const SELECTION_SAMPLES = Number(process.env.BENCH_CADRE_SELECTION_SAMPLES ?? 5);
/** BENCH_CADRE_ONLY_SELECTION=1 measures the selection rows (e) alone on the same city. */
const ONLY_SELECTION = process.env.BENCH_CADRE_ONLY_SELECTION === '1';
const SELECTION_CALL = /^(eligibility|回避)/;
const LIMIT = 50;
const PASSWORD = 'Demo@2026';

export interface CadreBenchCity {
  city: CityResult;
  cadres: CadresDemoResult;
  /** Seconds: the city with its members, then the cadres alone. */
  citySeconds: number;
  cadreSeconds: number;
}

export interface CadreBenchRow {
  engine: string;
  call: string;
  api: Stat;
  sql: Stat | null;
}

export interface CadreBenchResult {
  built: CadreBenchCity;
  rows: CadreBenchRow[];
  lrmx: LrmxImportResult;
}

export async function buildCadreBenchCity(kind: string, engine: Engine): Promise<CadreBenchCity> {
  const db = engine.db;
  await migrate(db);
  const keys = deriveKeys('bench');
  const t0 = performance.now();
  const city = await generateCity(db, { seed: 20_000, orgCount: ORGS, membersPerBranch: PER_BRANCH, demoAccounts: true });
  await seedMembersDemo(db, city, keys);
  const t1 = performance.now();
  const cadres = await seedCadresBench(db, keys, BENCH_CADRES);
  const t2 = performance.now();
  await sql`analyze`.execute(db);
  const out = { city, cadres, citySeconds: (t1 - t0) / 1000, cadreSeconds: (t2 - t1) / 1000 };
  console.log(
    `[${kind}] ${city.members.toLocaleString()} members in ${city.orgs.toLocaleString()} organizations (${out.citySeconds.toFixed(1)} s); ` +
      `${cadres.cadres.toLocaleString()} cadres (${cadres.cityManaged.toLocaleString()} managed by the city, ${cadres.memberLinked.toLocaleString()} members) ` +
      `in ${cadres.units.toLocaleString()} units with ${cadres.posts.toLocaleString()} posts seeded in ${out.cadreSeconds.toFixed(1)} s`,
  );
  return out;
}

export async function benchCadres(
  kind: 'pglite' | 'postgres',
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<CadreBenchResult> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    const built = await buildCadreBenchCity(kind, engine);
    const { city } = built;
    const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = async (username: string) => {
      const r = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
      return r.headers.get('set-cookie')!.split(';')[0];
    };
    const cityCookie = await login('cadre-officer');
    const districtCookie = await login('cadre-officer-district');
    const get = async (url: string) => {
      const r = await fetch(address + url, { headers: { cookie: cityCookie } });
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return r.json();
    };
    const paths = new Map<number, string>();
    for (const o of await db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', 'in', [city.sampleIds.city, city.sampleIds.district])
      .execute())
      paths.set(Number(o.id), o.path);
    const today = todayCn(new Date());
    const rows: CadreBenchRow[] = [];
    const row = async <T>(call: string, inputs: T[], api: (x: T) => Promise<unknown>, bare: ((x: T) => Promise<unknown>) | null) => {
      if (ONLY_SELECTION && !SELECTION_CALL.test(call)) return;
      rows.push({ engine: kind, call, api: await measure(inputs, api), sql: bare ? await measure(inputs, bare) : null });
      const r = rows[rows.length - 1];
      console.log(`[${kind}] ${call}: API p95 ${fmt(r.api.p95)} ms${r.sql ? `, SQL p95 ${fmt(r.sql.p95)} ms` : ''}`);
    };

    // (a) The searches: one page (limit + 1) and, on a full first page, the count, as the service does.
    const search = async (cookie: string, query: TCadreQueryInput, cursor?: string) => {
      const r = await fetch(`${address}/api/cadre-search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, cursor, limit: LIMIT }),
      });
      if (!r.ok) throw new Error(`search: ${r.status} ${await r.text()}`);
      return (await r.json()) as { items: unknown[]; nextCursor: string | null };
    };
    const bareSearch = async (scopeOrg: number, query: TCadreQueryInput, cursor?: string) => {
      const f = resolveQuery(ZCadreQuery.parse(query), paths.get(scopeOrg)!, today);
      const page = await searchPage(db, f, decodeCursor(cursor), LIMIT + 1);
      if (!cursor && page.length > LIMIT) await countCadres(db, f);
      return page;
    };
    type Q = { q: TCadreQueryInput; cursor?: string };
    const searchRow = (call: string, cookie: string, scopeOrg: number, queries: Q[]) =>
      row(
        call,
        queries,
        (x) => search(cookie, x.q, x.cursor),
        (x) => bareSearch(scopeOrg, x.q, x.cursor),
      );
    const c = city.sampleIds.city;
    const d = city.sampleIds.district;
    const range = (n: number, f: (i: number) => TCadreQueryInput): Q[] => Array.from({ length: SAMPLES }, (_, i) => ({ q: f(i % n) }));
    const names = await db.selectFrom('cadres').select(['name', 'name_initials']).where('status', '=', 'active').execute();
    const picks = sample(names, SAMPLES, 3);

    await searchRow(
      'search: name infix (2 characters)',
      cityCookie,
      c,
      picks.map((p) => ({ q: { q: p.name.slice(-2) } })),
    );
    await searchRow(
      'search: pinyin initials (2 letters)',
      cityCookie,
      c,
      picks.map((p) => ({ q: { q: p.name_initials.slice(0, 2) } })),
    );
    await searchRow(
      'search: 县处级 women ≤ N years old with grassroots experience',
      cityCookie,
      c,
      range(10, (i) => ({ levelBand: '县处级', sex: '女', ageMax: 40 + i, grassroots: true })),
    );
    await searchRow(
      'search: 县处级, two posts at the level below, ≥ N years in post, by age',
      cityCookie,
      c,
      range(5, (i) => ({ levelBand: '县处级', twoPostsBelow: true, yearsInPostMin: 1 + i, sort: 'age' })),
    );
    await searchRow(
      'search: 乡镇街道 units, 本科+, posts in ≥ 2 kinds of unit (district officer)',
      districtCookie,
      d,
      range(4, (i) => ({ unitKinds: ['乡镇街道'], eduRankMax: 3, unitKindsMin: 2 + (i % 2), sort: i < 2 ? 'pinyin' : 'level' })),
    );
    await searchRow(
      'search: everyone in scope, first page with count (district officer)',
      districtCookie,
      d,
      range(1, () => ({})),
    );
    let cursor: string | undefined;
    for (let p = 0; p < 20; p++) cursor = (await search(cityCookie, {}, cursor)).nextCursor ?? undefined;
    await searchRow(
      'search: page 21 of everyone (keyset)',
      cityCookie,
      c,
      Array.from({ length: SAMPLES }, () => ({ q: {}, cursor })),
    );

    // (b) The structure of every team managed by the city and below: the API computes it from the
    // holders; the bare SQL is the read it stands on (the holders of the filter's units, one query).
    const root = paths.get(c)!;
    const whole: UnitFilter = { managerOrgId: c, managerPath: root, below: true };
    const bareHolders = () => holdersOfFilter(db, whole);
    const times = Array.from({ length: STRUCTURE_SAMPLES }, (_, i) => i);
    const holders = (await bareHolders()).length;
    const structure = (await get(`/api/cadre-units/structure?managerOrgId=${c}&below=true`)) as { total: number };
    console.log(
      `[${kind}] the whole city's teams: ${holders.toLocaleString()} open posts held, ${structure.total.toLocaleString()} people`,
    );
    await row(
      `structure of the whole city (${structure.total.toLocaleString()} people)`,
      times,
      () => get(`/api/cadre-units/structure?managerOrgId=${c}&below=true`),
      bareHolders,
    );
    await row(
      'structure table of the whole city by education',
      times,
      () => get(`/api/cadre-units/structure/table?managerOrgId=${c}&below=true&dim=education`),
      bareHolders,
    );

    // (c) The 配备一览表 first page (50 units with posts, holders and teams) of the whole city.
    await row(
      '配备一览表 first page (whole city)',
      Array.from({ length: SAMPLES }, (_, i) => i),
      () => get(`/api/cadre-units/roster?managerOrgId=${c}&below=true&limit=${LIMIT}`),
      async () => {
        const units = await rosterUnits(db, whole, undefined, null, LIMIT + 1);
        const ids = units.slice(0, LIMIT).map((u) => u.id);
        return Promise.all([postsOf(db, ids), holdersOf(db, ids), teamsOf(db, ids)]);
      },
    );
    await row(
      '配备一览表 first page, over-quota units only',
      Array.from({ length: STRUCTURE_SAMPLES }, (_, i) => i),
      () => get(`/api/cadre-units/roster?managerOrgId=${c}&below=true&flag=over&limit=${LIMIT}`),
      async () => {
        const units = await rosterUnits(db, whole, 'over', null, LIMIT + 1);
        const ids = units.slice(0, LIMIT).map((u) => u.id);
        return Promise.all([postsOf(db, ids), holdersOf(db, ids), teamsOf(db, ids)]);
      },
    );
    // (e) Selection (issue 13): the eligibility of every serving cadre in the city against one 正处 post (the rule
    // in memory over files read in five set-based queries; the bare SQL is those reads), and the 回避 check of a
    // proposed list of 50 appointments, cadres with relatives on file among them (set-based reads either way).
    const target = await db
      .selectFrom('cadre_posts as p')
      .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
      .select('p.id')
      .where('p.level', '=', '正处')
      .where('u.manager_org_id', '=', c)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const eligible = (await get(`/api/cadre-selections/eligible?postId=${target.id}`)) as {
      checked: number;
      eligible: number;
      exceptional: number;
      barred: number;
      notPromotion: number;
    };
    console.log(
      `[${kind}] eligibility against one 正处 post: ${eligible.checked.toLocaleString()} checked, ${eligible.eligible} eligible, ` +
        `${eligible.exceptional} by 破格 only, ${eligible.barred} barred, ${eligible.notPromotion} not a promotion`,
    );
    await row(
      `eligibility of all ${eligible.checked.toLocaleString()} cadres against one post`,
      Array.from({ length: SELECTION_SAMPLES }, (_, i) => i),
      () => get(`/api/cadre-selections/eligible?postId=${target.id}`),
      () => cadreRecordsOf(db, { scopePath: root }, today),
    );
    const related = await db
      .selectFrom('cadre_family')
      .select(['cadre_id', 'relative_cadre_id'])
      .where('relative_cadre_id', 'is not', null)
      .orderBy('id')
      .limit(25)
      .execute();
    const postIds = await db.selectFrom('cadre_posts').select('id').orderBy('id').limit(50).execute();
    const people = [...new Set(related.flatMap((r) => [r.cadre_id, r.relative_cadre_id!]))].slice(0, 50);
    const list = people.map((cadreId, i) => ({ cadreId, postId: postIds[i % postIds.length].id }));
    const post = async (url: string, body: object) => {
      const r = await fetch(address + url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cityCookie },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<{ flagged: number }>;
    };
    const checked = await post('/api/cadre-selections/avoidance-check', { items: list });
    console.log(`[${kind}] 回避 of a proposed list of ${list.length}: ${checked.flagged} flagged`);
    await row(
      `回避 of a proposed list of ${list.length} appointments`,
      Array.from({ length: SAMPLES }, (_, i) => i),
      () => post('/api/cadre-selections/avoidance-check', { items: list }),
      () => avoidanceOfList(db, list),
    );
    await app.close();

    // (d) The .lrmx import of 1,000 new cadres in one zip, committed (dryRun=false), through inject.
    const lrmx = ONLY_SELECTION
      ? { engine: kind, files: 0, ok: 0, seconds: 0, zipMb: 0, peakRssMb: 0 }
      : await benchLrmxImport(kind, engine);
    return { built, rows, lrmx };
  } finally {
    await cleanup();
  }
}

export function printCadres(results: CadreBenchResult[]): void {
  if (results.length === 0) return;
  const b = results[0].built;
  console.log(
    `\nCadres: ${b.city.orgs.toLocaleString()} organizations, ${b.cadres.cadres.toLocaleString()} cadres in ${b.cadres.units.toLocaleString()} units ` +
      `with ${b.cadres.posts.toLocaleString()} posts; ${SAMPLES} calls per search and 配备一览表 row, ${STRUCTURE_SAMPLES} per structure and ` +
      `over-quota row; pages of ${LIMIT} (ms)\n`,
  );
  console.log('| engine | call | API p50 | API p95 | bare SQL p50 | bare SQL p95 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of results.flatMap((x) => x.rows))
    console.log(
      `| ${r.engine} | ${r.call} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${r.sql ? fmt(r.sql.p50) : '–'} | ${r.sql ? fmt(r.sql.p95) : '–'} |`,
    );
  console.log('\n| engine | cadres seeded | seeding (s) | .lrmx files imported | zip (MB) | import (s) | peak RSS over resting (MB) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    console.log(
      `| ${r.lrmx.engine} | ${r.built.cadres.cadres.toLocaleString()} | ${r.built.cadreSeconds.toFixed(1)} | ${r.lrmx.ok}/${r.lrmx.files} | ` +
        `${r.lrmx.zipMb.toFixed(1)} | ${r.lrmx.seconds.toFixed(1)} | ${r.lrmx.peakRssMb.toFixed(0)} |`,
    );
}

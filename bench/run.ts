// npm run bench: a 20,000-organization city on PGlite (and on PostgreSQL when DATABASE_URL is set);
// p50/p95 through the HTTP API beside the bare SQL for the same answer.
import '../server/timezone.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openEngine, type Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { childrenOf, searchOrgs } from '../server/modules/orgs/queries.js';
import { verifyPassword } from '../server/auth/password.js';
import { fmt, measure, sample, type Stat } from './stats.js';
import { createBenchDatabase } from './pg-database.js';
import { deriveKeys } from '../server/crypto/keys.js';

const ORGS = Number(process.env.BENCH_ORGS ?? 20_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);

interface Row {
  engine: string;
  call: string;
  api: Stat;
  sql: Stat;
}

/** keep (PostgreSQL): a named database that is reused if it exists and left in place afterwards. */
async function openBenchEngine(kind: 'pglite' | 'postgres', keep?: string): Promise<{ engine: Engine; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'zugong-bench-'));
    const engine = await openEngine({ dataDir: dir });
    return {
      engine,
      cleanup: async () => {
        await engine.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (keep) {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${keep}`;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const exists = (await c.query('select 1 from pg_database where datname = $1', [keep])).rowCount;
    if (!exists) await c.query(`create database ${keep} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
    await c.end();
    const engine = await openEngine({ databaseUrl: u.toString(), dataDir: '' });
    return { engine, cleanup: () => engine.close() };
  }
  const created = await createBenchDatabase(process.env.DATABASE_URL!, `zugong_bench_${process.pid}`);
  const engine = await openEngine({ databaseUrl: created.url, dataDir: '' });
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      await created.drop();
    },
  };
}

async function benchEngine(kind: 'pglite' | 'postgres'): Promise<Row[]> {
  const { engine, cleanup } = await openBenchEngine(kind);
  try {
    const db = engine.db;
    await migrate(db);
    const city = await generateCity(db, { seed: 20_000, orgCount: ORGS, demoAccounts: true });
    await sql`analyze`.execute(db);
    console.log(`[${kind}] city generated: ${city.orgs} organizations, ${city.members} members in ${(city.ms / 1000).toFixed(1)} s`);
    const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const post = (url: string, body: unknown, cookie?: string) =>
      fetch(address + url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const login = await post('/api/auth/login', { username: 'city-admin', password: 'Demo@2026' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const get = async (url: string) => {
      const r = await fetch(address + url, { headers: { cookie } });
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    };
    const root = await db.selectFrom('orgs').select('path').where('id', '=', city.sampleIds.city).executeTakeFirstOrThrow();
    const parents = await db.selectFrom('orgs').select('id').where('child_count', '>', 0).execute();
    const names = await db.selectFrom('orgs').select(['name', 'name_initials']).execute();
    const rows: Row[] = [];

    const ids = sample(
      parents.map((p) => p.id),
      SAMPLES,
    );
    rows.push({
      engine: kind,
      call: 'children of an organization',
      api: await measure(ids, (id) => get(`/api/orgs/${id}/children`)),
      sql: await measure(ids, (id) => childrenOf(db, root.path, id, false)),
    });

    // Three-character infixes of real names, and pinyin-initial prefixes.
    const terms = sample(names, SAMPLES, 7).map((n, i) => {
      if (i % 3 === 2) return n.name_initials.slice(0, 4);
      const at = (i * 7) % Math.max(1, n.name.length - 3);
      return n.name.slice(at, at + 3);
    });
    rows.push({
      engine: kind,
      call: 'organization search',
      api: await measure(terms, (q) => get(`/api/orgs/search?q=${encodeURIComponent(q)}`)),
      sql: await measure(terms, (q) => searchOrgs(db, root.path, q, 20)),
    });

    // Login = user lookup + argon2id verify + session and audit rows; the bare SQL is the lookup.
    const users = Array.from({ length: 60 }, () => 'city-admin');
    const stored = await db.selectFrom('users').select('password_hash').where('username', '=', 'city-admin').executeTakeFirstOrThrow();
    const argon = await measure(users.slice(0, 20), () => verifyPassword(stored.password_hash, 'Demo@2026'));
    rows.push({
      engine: kind,
      call: 'login',
      api: await measure(users, (u) => post('/api/auth/login', { username: u, password: 'Demo@2026' }).then((r) => r.text())),
      sql: await measure(users, (u) => db.selectFrom('users').selectAll().where('username', '=', u).executeTakeFirst()),
    });
    console.log(`[${kind}] argon2id verify alone: p50 ${fmt(argon.p50)} ms, p95 ${fmt(argon.p95)} ms`);
    await app.close();
    return rows;
  } finally {
    await cleanup();
  }
}

// Organizations and login; BENCH_BASE=0 skips it.
if (process.env.BENCH_BASE !== '0') {
  const all: Row[] = [];
  all.push(...(await benchEngine('pglite')));
  if (process.env.DATABASE_URL) all.push(...(await benchEngine('postgres')));
  console.log(`\n${ORGS.toLocaleString()} organizations, ${SAMPLES} calls per row (ms)\n`);
  console.log('| engine | call | API p50 | API p95 | bare SQL p50 | bare SQL p95 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of all)
    console.log(`| ${r.engine} | ${r.call} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${fmt(r.sql.p50)} | ${fmt(r.sql.p95)} |`);
}

// Members (issue 3): list, search and import at about 500,000 members; BENCH_MEMBERS=0 skips it.
if (process.env.BENCH_MEMBERS !== '0') {
  const { benchMembers, printMemberTables } = await import('./members-bench.js');
  // BENCH_MEMBERS_PGLITE=0: PostgreSQL only (the embedded engine can run at a smaller BENCH_MEMBER_ORGS on its own).
  const results = process.env.BENCH_MEMBERS_PGLITE === '0' ? [] : [await benchMembers('pglite', () => openBenchEngine('pglite'))];
  // BENCH_MEMBERS_KEEP=<database>: measure a city already seeded there (e.g. the pages bench's BENCH_PAGES_KEEP), left in place.
  if (process.env.DATABASE_URL)
    results.push(await benchMembers('postgres', () => openBenchEngine('postgres', process.env.BENCH_MEMBERS_KEEP)));
  printMemberTables(
    results.flatMap((r) => r.rows),
    results.flatMap((r) => (r.imp ? [r.imp] : [])),
  );
}

// The member import (issue 16.1): 100,000 rows on each engine beside ExcelJS alone; BENCH_IMPORT=0 skips it.
if (process.env.BENCH_IMPORT !== '0') {
  const { benchImport, printImport } = await import('./import-bench.js');
  // BENCH_IMPORT_PGLITE=0: PostgreSQL only.
  const results = process.env.BENCH_IMPORT_PGLITE === '0' ? [] : [await benchImport('pglite')];
  if (process.env.DATABASE_URL) results.push(await benchImport('postgres'));
  printImport(results);
}

// The other imports (issue 16.1): the cadre roster and the 学时 records, 20,000 rows each, on each engine; BENCH_IMPORT_OTHER=0 skips them.
if (process.env.BENCH_IMPORT_OTHER !== '0') {
  const { benchOtherImports, printOtherImports } = await import('./other-imports-bench.js');
  const results = process.env.BENCH_IMPORT_PGLITE === '0' ? [] : await benchOtherImports('pglite', () => openBenchEngine('pglite'));
  if (process.env.DATABASE_URL) results.push(...(await benchOtherImports('postgres', () => openBenchEngine('postgres'))));
  printOtherImports(results);
}

// Statistics (issue 5): the city on both engines, the province (5M members) on PostgreSQL;
// BENCH_STATS=0 skips it, BENCH_PROVINCE=0 the province, BENCH_CITY=0 the city.
if (process.env.BENCH_STATS !== '0') {
  const { benchStatisticsCity, benchStatisticsProvince, printStatistics } = await import('./statistics-bench.js');
  const t0 = performance.now();
  const city = process.env.BENCH_CITY !== '0';
  const results = city ? [await benchStatisticsCity('pglite', () => openBenchEngine('pglite'))] : [];
  if (process.env.DATABASE_URL) {
    if (city) results.push(await benchStatisticsCity('postgres', () => openBenchEngine('postgres')));
    if (process.env.BENCH_PROVINCE !== '0') results.push(await benchStatisticsProvince(process.env.DATABASE_URL));
  }
  printStatistics(results);
  console.log(`statistics bench: ${((performance.now() - t0) / 60_000).toFixed(1)} min`);
}
// Cadres (issue 12): one city with 60,000 cadres per engine (BENCH_CADRE_ORGS organizations): searches,
// structure, 配备一览表, .lrmx import of 1,000 files; BENCH_CADRES=0 skips it.
if (process.env.BENCH_CADRES !== '0') {
  const { benchCadres, printCadres } = await import('./cadres-bench.js');
  const results = [await benchCadres('pglite', () => openBenchEngine('pglite'))];
  if (process.env.DATABASE_URL) results.push(await benchCadres('postgres', () => openBenchEngine('postgres')));
  printCadres(results);
}

// Learning (issue 14): heartbeats and completion at the demo city's size (BENCH_LEARNING_BEATS=0 skips it),
// and a city-wide plan's completion at about 500,000 members on PostgreSQL (BENCH_LEARNING_CITY=0 skips it).
if (process.env.BENCH_LEARNING !== '0') {
  if (process.env.BENCH_LEARNING_BEATS !== '0') {
    const { benchLearning, printLearning } = await import('./learning-bench.js');
    const results = [await benchLearning('pglite', () => openBenchEngine('pglite'))];
    if (process.env.DATABASE_URL) results.push(await benchLearning('postgres', () => openBenchEngine('postgres')));
    console.log('\n== learning: heartbeats and plan completion ==');
    printLearning(results);
  }
  if (process.env.DATABASE_URL && process.env.BENCH_LEARNING_CITY !== '0') {
    const { benchPlanCompletionAtScale, printPlanCompletionAtScale } = await import('./learning-scale-bench.js');
    const r = await benchPlanCompletionAtScale('postgres', () => openBenchEngine('postgres'));
    console.log('\n== learning: a city-wide plan at about 500,000 members ==');
    printPlanCompletionAtScale([r]);
  }
}
// Pages (issue 16 point 3): every staff page's opening calls on the demo city (PGlite) and on a city of
// BENCH_PAGES_ORGS organizations on PostgreSQL (default 20,000, about 546,000 members); BENCH_PAGES=0 skips it,
// BENCH_PAGES_PGLITE=0 skips the demo city on PGlite; BENCH_PAGES_KEEP=<database> seeds that PostgreSQL database
// once and measures it again on later runs (it is left in place).
if (process.env.BENCH_PAGES !== '0') {
  const { benchPages, printPages } = await import('./pages-bench.js');
  const results = process.env.BENCH_PAGES_PGLITE === '0' ? [] : [await benchPages('pglite', 2_000, () => openBenchEngine('pglite'))];
  if (process.env.DATABASE_URL)
    results.push(
      await benchPages('postgres', Number(process.env.BENCH_PAGES_ORGS ?? 20_000), () =>
        openBenchEngine('postgres', process.env.BENCH_PAGES_KEEP),
      ),
    );
  printPages(results);
}
// Talent (issue 15): every policy for the demo's ~2,000 talents, the applications list at 100,000 applications;
// BENCH_TALENT=0 skips it.
if (process.env.BENCH_TALENT !== '0') {
  const { benchTalent, printTalent } = await import('./talent-bench.js');
  const results = [await benchTalent('pglite', () => openBenchEngine('pglite'))];
  if (process.env.DATABASE_URL) results.push(await benchTalent('postgres', () => openBenchEngine('postgres')));
  printTalent(results);
}
process.exit(0);

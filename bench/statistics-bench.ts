// The statistics part of `npm run bench` (ISSUE 5 points 4–5): for the city (~546,000 members in
// 20,000 organizations, PGlite and PostgreSQL) and the province (5,000,000 members in 203,729
// organizations, PostgreSQL only): the statistics API beside the bare scan SQL for the same table,
// their ratio and whether every number agrees; then the cost of keeping the summaries current
// (member writes per second with the summary triggers on and off). BENCH_STATS=0 skips it all,
// BENCH_PROVINCE=0 the province.
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { openEngine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { seedMembersDemo } from '../server/modules/members/demo.js';
import { CELL_TABLES } from '../server/modules/statistics/cell-tables.js';
import { scanTable } from '../server/modules/statistics/scan.js';
import { scanCounts } from '../server/modules/statistics/counts.js';
import { compactSummaries, ensureRefs, vacuumSummaries } from '../server/modules/statistics/summaries.js';
import { DEFAULT_AGE_BANDS } from '../domain/rules/members.js';
import { monthEnd } from '../domain/rules/statistics.js';
import { fmt, measure, type Stat } from './stats.js';
import { generateProvince, levels } from './statistics-province.js';
import { createBenchDatabase } from './pg-database.js';

const ORGS = Number(process.env.BENCH_STATS_ORGS ?? 20_000);
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];
const API_CALLS = Number(process.env.BENCH_STATS_CALLS ?? 100);
const WRITES = Number(process.env.BENCH_STATS_WRITES ?? 400);
const TABLES = ['basic', 'age', 'party_age', 'org_kind'];

export interface ReadRow {
  engine: string;
  scale: string;
  table: string;
  scope: string;
  month: string;
  api: Stat;
  scan: Stat;
  equal: boolean;
  /** The goal for the API p95 in ms (issue 16: a kept past month end under 100 ms), when there is one. */
  goal?: number;
}
export interface WriteRow {
  engine: string;
  scale: string;
  op: string;
  on: number;
  off: number;
}
export interface StatsFigures {
  reads: ReadRow[];
  writes: WriteRow[];
  notes: string[];
}

type Open = () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>;
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

const TRIGGERS = ['stat_members_insert', 'stat_members_update', 'stat_members_delete'];
const setTriggers = (db: Engine['db'], on: boolean) =>
  Promise.all(TRIGGERS.map((t) => sql.raw(`alter table members ${on ? 'enable' : 'disable'} trigger ${t}`).execute(db)));

/** The reads: each table through the HTTP API (p50/p95) beside its bare scan, and a check that every number agrees. */
async function benchReads(
  engine: Engine,
  kind: string,
  scale: string,
  scopes: { name: string; orgId: number; user: string }[],
  months: string[],
  scanCalls: number,
  notes: string[],
): Promise<ReadRow[]> {
  const db = engine.db;
  // The ref cells of the kept month ends (13 months, two year ends), as the app keeps them (here before it starts, to time them).
  const t0 = performance.now();
  const refs = await ensureRefs(db, new Date().toISOString().slice(0, 10));
  const kept = new Set((await sql<{ ref: string }>`select ref from stat_refs`.execute(db)).rows.map((r) => r.ref));
  const refCells = (await sql<{ n: number }>`select count(*)::int as n from stat_ref_cells`.execute(db)).rows[0].n;
  notes.push(
    `[${kind} ${scale}] reference dates ${refs.join(', ')} filled in ${secs(t0)} s (${refCells.toLocaleString()} ref cells; member writes wait meanwhile)`,
  );
  // What the app's timer does within ten minutes (the rebuild left every old cell dead), here before the reads.
  const tv = performance.now();
  await vacuumSummaries(db, true);
  await sql`analyze stat_cells, stat_ref_cells, stat_deltas`.execute(db);
  notes.push(`[${kind} ${scale}] vacuum + analyze of the summaries after the rebuild: ${secs(tv)} s`);
  const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const out: ReadRow[] = [];
  try {
    const cookies = new Map<string, string>();
    for (const s of scopes) {
      const r = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: s.user, password: 'Demo@2026' }),
      });
      cookies.set(s.user, r.headers.get('set-cookie')!.split(';')[0]);
    }
    for (const code of TABLES) {
      const def = CELL_TABLES.find((d) => d.code === code)!;
      for (const s of scopes) {
        const org = await db.selectFrom('orgs').selectAll().where('id', '=', s.orgId).executeTakeFirstOrThrow();
        for (const month of months) {
          const url = `${address}/api/statistics/tables/${code}?orgId=${s.orgId}&month=${month}`;
          const call = async () => {
            const res = await fetch(url, { headers: { cookie: cookies.get(s.user)! } });
            if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
            return res.json();
          };
          // A slow row (a past month older than the kept ones, at province scale) gets 10 calls, not 100.
          const t0 = performance.now();
          await call();
          const calls = performance.now() - t0 > 200 ? 10 : API_CALLS;
          const api = await measure(
            Array.from({ length: calls }, () => 0),
            call,
            calls < API_CALLS ? 1 : 5,
          );
          const shape = def.shape({ month, ageBands: DEFAULT_AGE_BANDS, minorities: [] });
          const scan = await measure(
            Array.from({ length: scanCalls }, () => 0),
            () => scanCounts(db, def.source, org.path, shape.columns, monthEnd(month)),
            1,
          );
          const table = await call();
          const bare = await scanTable(db, { org, code, month, ageBands: DEFAULT_AGE_BANDS, scopePath: org.path });
          const equal = JSON.stringify(table.rows) === JSON.stringify(bare.rows);
          out.push({ engine: kind, scale, table: code, scope: s.name, month, api, scan, equal, goal: kept.has(month) ? 100 : undefined });
          console.log(
            `[${kind} ${scale}] ${code} ${s.name} ${month}: API ${fmt(api.p50)}/${fmt(api.p95)} ms, scan ${fmt(scan.p50)}/${fmt(scan.p95)} ms, ${equal ? 'equal' : 'DIFFERENT'}`,
          );
        }
      }
    }
  } finally {
    await app.close();
  }
  return out;
}

/**
 * Member writes per second with the summary triggers on and off: single-row inserts and updates (each its own transaction) and a bulk
 * insert.
 */
async function benchWrites(engine: Engine, kind: string, scale: string, branchIds: number[], notes: string[]): Promise<WriteRow[]> {
  const db = engine.db;
  const pick = (i: number) => branchIds[(i * 7919) % branchIds.length];
  const run = async (tag: string) => {
    const t0 = performance.now();
    for (let i = 0; i < WRITES; i++) {
      await sql`insert into members (org_id, name, gender, category, birth_date, edu_fulltime, occupation, admitted_on, full_on)
        values (${pick(i)}, ${`写入${tag}${i}`}, ${i % 3 ? '男' : '女'}, 'full', ${`19${60 + (i % 40)}-0${1 + (i % 9)}-15`}, 'bachelor', 'worker', '2010-07-01', '2011-07-01')`.execute(
        db,
      );
    }
    const insert = WRITES / ((performance.now() - t0) / 1000);
    const ids = (await sql<{ id: number }>`select id from members where name like ${`写入${tag}%`} order by id`.execute(db)).rows.map(
      (r) => r.id,
    );
    const t1 = performance.now();
    for (const [i, id] of ids.entries())
      await sql`update members set birth_date = ${`19${55 + (i % 40)}-1${i % 3}-0${1 + (i % 9)}`}, occupation = 'manager' where id = ${id}`.execute(
        db,
      );
    const update = ids.length / ((performance.now() - t1) / 1000);
    const bulkRows = WRITES * 25;
    const t2 = performance.now();
    for (let k = 0; k < bulkRows; k += 2000) {
      await sql`insert into members (org_id, name, gender, category, birth_date, edu_fulltime, occupation, admitted_on, full_on)
        select b.id, ${`批量${tag}`} || g, case when g % 3 = 0 then '女' else '男' end, 'full', date '1950-01-01' + (g * 37) % 20000, 'associate', 'farmer', date '2012-03-01', date '2013-03-01'
        from generate_series(${k}::int, ${Math.min(k + 2000, bulkRows) - 1}::int) g
        join orgs b on b.id = (${sql.raw(`array[${branchIds.slice(0, 500).join(',')}]`)})[1 + g % ${Math.min(500, branchIds.length)}]`.execute(
        db,
      );
    }
    const bulk = bulkRows / ((performance.now() - t2) / 1000);
    return { insert, update, bulk };
  };
  const on = await run('on');
  const t0 = performance.now();
  const folded = await compactSummaries(db);
  notes.push(`[${kind} ${scale}] compaction after those writes: ${folded.toLocaleString()} cells in ${secs(t0)} s`);
  await setTriggers(db, false);
  const off = await run('off');
  await setTriggers(db, true);
  const t1 = performance.now();
  await db.transaction().execute((trx) => sql`select stat_rebuild()`.execute(trx));
  const t2 = performance.now();
  const bad = (await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(db)).rows[0].n;
  notes.push(`[${kind} ${scale}] rebuild of all summaries ${((t2 - t1) / 1000).toFixed(1)} s, verify ${secs(t2)} s (${bad} cells differ)`);
  return [
    { engine: kind, scale, op: `single-row insert (${WRITES}, own transaction each)`, on: on.insert, off: off.insert },
    { engine: kind, scale, op: `single-row update of birth date + occupation (${WRITES})`, on: on.update, off: off.update },
    { engine: kind, scale, op: `bulk insert (${(WRITES * 25).toLocaleString()} rows, 2,000 a statement)`, on: on.bulk, off: off.bulk },
  ];
}

const lastYearEnd = (month: string) => `${Number(month.slice(0, 4)) - 1}-12`;
/** Months back: 3 is a kept past month end (ref cells), 15 one older than the kept ones (counted by one scan, counts.ts). */
const monthsBack = (month: string, n: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

export async function benchStatisticsCity(kind: 'pglite' | 'postgres', open: Open): Promise<StatsFigures> {
  const { engine, cleanup } = await open();
  const notes: string[] = [];
  try {
    const db = engine.db;
    await migrate(db);
    const t0 = performance.now();
    await setTriggers(db, false);
    const city = await generateCity(db, { seed: 20_000, orgCount: ORGS, membersPerBranch: PER_BRANCH, demoAccounts: true });
    await seedMembersDemo(db, city, deriveKeys('bench'));
    await setTriggers(db, true);
    const t1 = performance.now();
    const cells = Number((await db.transaction().execute((trx) => sql<{ n: number }>`select stat_rebuild() as n`.execute(trx))).rows[0].n);
    notes.push(
      `[${kind} city] ${city.members.toLocaleString()} members, ${city.orgs.toLocaleString()} organizations generated in ${((t1 - t0) / 1000).toFixed(1)} s; summaries built in ${secs(t1)} s (${cells.toLocaleString()} cells)`,
    );
    await sql`analyze`.execute(db);
    const month = new Date().toISOString().slice(0, 7);
    const reads = await benchReads(
      engine,
      kind,
      'city',
      [
        { name: 'city', orgId: city.sampleIds.city, user: 'city-admin' },
        { name: 'district', orgId: city.sampleIds.district, user: 'district-admin' },
      ],
      [month, lastYearEnd(month), monthsBack(month, 3), monthsBack(month, 15)],
      10,
      notes,
    );
    const branches = (await db.selectFrom('orgs').select('id').where('kind', '=', 'branch').where('status', '=', 'active').execute()).map(
      (r) => r.id,
    );
    const writes = await benchWrites(engine, kind, 'city', branches, notes);
    return { reads, writes, notes };
  } finally {
    await cleanup();
  }
}

export async function benchStatisticsProvince(url: string): Promise<StatsFigures> {
  const created = await createBenchDatabase(url, `zugong_bench_province_${process.pid}`);
  const engine = await openEngine({ databaseUrl: created.url, dataDir: '' });
  const notes: string[] = [];
  try {
    await migrate(engine.db);
    const t0 = performance.now();
    const p = await generateProvince(created.url, (s) => console.log(`[postgres province]${s}`));
    const t1 = performance.now();
    const cells = Number(
      (await engine.db.transaction().execute((trx) => sql<{ n: number }>`select stat_rebuild() as n`.execute(trx))).rows[0].n,
    );
    notes.push(
      `[postgres province] ${p.members.toLocaleString()} members, ${p.orgs.toLocaleString()} organizations generated in ${((t1 - t0) / 1000).toFixed(1)} s; summaries built in ${secs(t1)} s (${cells.toLocaleString()} cells); trigram name indexes dropped in this database`,
    );
    await sql`analyze`.execute(engine.db);
    const month = new Date().toISOString().slice(0, 7);
    const reads = await benchReads(
      engine,
      'postgres',
      'province',
      [
        { name: 'province', orgId: 1, user: 'province-admin' },
        { name: 'city', orgId: 2, user: 'city-admin' },
      ],
      [month, lastYearEnd(month), monthsBack(month, 3), monthsBack(month, 15)],
      3,
      notes,
    );
    const b = levels()[5];
    const writes = await benchWrites(
      engine,
      'postgres',
      'province',
      Array.from({ length: 5000 }, (_, i) => b.first + ((i * 7919) % b.count)),
      notes,
    );
    return { reads, writes, notes };
  } finally {
    await engine.close();
    await created.drop();
  }
}

export function printStatistics(all: StatsFigures[]): void {
  console.log(
    `\nStatistics: ${API_CALLS} API calls per row (10 where a call takes over 200 ms), bare scan 10 calls (city) or 3 (province), ms; ratio = scan p50 / API p50\n`,
  );
  console.log(
    '| engine | scale | table | organization | month | API p50 | API p95 | bare scan p50 | bare scan p95 | ratio | same numbers | goal p95 (kept past month) |',
  );
  console.log('| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const r of all.flatMap((a) => a.reads)) {
    const goal = r.goal === undefined ? '' : `≤ ${r.goal} ${r.api.p95 <= r.goal ? 'met' : 'NOT met'}`;
    console.log(
      `| ${r.engine} | ${r.scale} | ${r.table} | ${r.scope} | ${r.month} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${fmt(r.scan.p50)} | ${fmt(r.scan.p95)} | ${(r.scan.p50 / r.api.p50).toFixed(0)}× | ${r.equal ? 'yes' : 'NO'} | ${goal} |`,
    );
  }
  console.log('\n| engine | scale | member writes | rows/s, summaries on | rows/s, triggers off | time per row with the summaries |');
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
  for (const w of all.flatMap((a) => a.writes)) {
    console.log(
      `| ${w.engine} | ${w.scale} | ${w.op} | ${w.on.toFixed(0)} | ${w.off.toFixed(0)} | ${w.off >= w.on ? '+' : ''}${(100 * (w.off / w.on - 1)).toFixed(0)}% |`,
    );
  }
  console.log('');
  for (const n of all.flatMap((a) => a.notes)) console.log(n);
}

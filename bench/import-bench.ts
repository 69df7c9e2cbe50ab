// The import part of `npm run bench` (ISSUE 16 point 1): a 100,000-row member file (written once
// and kept in the temp folder) imported into a city on each engine, beside ExcelJS alone reading
// the same file. Each measurement runs in a child process of its own, so its peak resident memory
// is its own. Goals: at most 3× ExcelJS's time, at most 300 MB above the app's resting size.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openEngine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { generateCity } from '../server/demo/generate-city.js';
import { writeImportFile } from './members-bench.js';
import { createBenchDatabase } from './pg-database.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ORGS = Number(process.env.BENCH_IMPORT_ORGS ?? 5_000);
const SEED = 20_000;
const GOAL_TIMES = 3;
const GOAL_MB = 300;
const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

export interface ImportBench {
  engine: string;
  rows: number;
  fileMb: number;
  membersBefore: number;
  readS: number;
  readAboveMb: number;
  importS: number;
  importAboveMb: number;
  restMb: number;
  statMismatches: number;
  /** The progress polls the page makes during the import (ms): the server answering while it imports. */
  poll: { n: number; p50: number; p95: number; max: number };
}

async function child(args: string[]): Promise<Record<string, any>> {
  // BENCH_IMPORT_PROF=<folder>: each child writes a V8 CPU profile there (open it in Chrome's DevTools).
  const prof = process.env.BENCH_IMPORT_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_IMPORT_PROF}`] : [];
  // ExcelJS's own reader (the baseline) inflates a sheet that comes before the shared strings into a temporary file,
  // 79 MB for this one, and left it behind: each child gets a temporary folder of its own, removed after it.
  const tmp = mkdtempSync(path.join(tmpdir(), 'zugong-import-child-'));
  try {
    const { stdout } = await run(
      process.execPath,
      [...prof, '--expose-gc', '--import', 'tsx', path.join(here, 'import-child.ts'), ...args],
      {
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: '', TMPDIR: tmp },
      },
    );
    return JSON.parse(stdout.trim().split('\n').pop()!);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The file, written once per (rows, organizations) and kept: later runs reuse it. */
async function importFile(codes: string[]): Promise<string> {
  const dir = path.join(tmpdir(), 'zugong-import-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `members-${ROWS}-${ORGS}-${SEED}.xlsx`);
  if (!existsSync(file)) {
    await writeImportFile(`${file}.part`, ROWS, codes);
    renameSync(`${file}.part`, file);
  }
  return file;
}

export async function benchImport(kind: 'pglite' | 'postgres'): Promise<ImportBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zugong-import-db-'));
  const created = kind === 'postgres' ? await createBenchDatabase(process.env.DATABASE_URL!, `zugong_import_${process.pid}`) : null;
  const where = created ? created.url : dir;
  try {
    // The city is built here, then closed: the child opens it as the app would at start.
    let engine = await openEngine(created ? { databaseUrl: created.url, dataDir: '' } : { dataDir: dir });
    await migrate(engine.db);
    const city = await generateCity(engine.db, { seed: SEED, orgCount: ORGS, demoAccounts: true });
    await sql`analyze`.execute(engine.db);
    const codes = (
      await engine.db
        .selectFrom('orgs')
        .select('code')
        .where('kind', '=', 'branch')
        .where('status', '=', 'active')
        .orderBy('id')
        .limit(2000)
        .execute()
    ).map((o) => o.code);
    await engine.close();
    const file = await importFile(codes);
    const read = await child(['read', file]);
    const imp = await child(['import', file, where]);
    console.log(`[${kind}] import phases first seen at (s): ${JSON.stringify(imp.phases)}`);
    // Nothing exact became approximate: every summary cell against a fresh count.
    engine = await openEngine(created ? { databaseUrl: created.url, dataDir: '' } : { dataDir: dir });
    const bad = await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(engine.db);
    await engine.close();
    const importPeak = imp.peakMb > imp.startPeakMb ? imp.peakMb : imp.sampledPeakMb;
    return {
      engine: kind,
      rows: imp.rows,
      fileMb: statSync(file).size / 1048576,
      membersBefore: city.members,
      readS: read.seconds,
      readAboveMb: read.peakMb - read.restMb,
      importS: imp.seconds,
      importAboveMb: importPeak - imp.restMb,
      restMb: imp.restMb,
      statMismatches: bad.rows[0].n,
      poll: imp.poll,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await created?.drop();
  }
}

export function printImport(rows: ImportBench[]): void {
  console.log(
    `\nMember import: ${ROWS.toLocaleString()} rows into a city of ${ORGS.toLocaleString()} organizations (goal beside each figure)\n`,
  );
  console.log(
    '| engine | members before | file MB | ExcelJS alone s (peak above its start MB) | import s | ratio (goal ≤ 3×) | import peak above resting MB (goal ≤ 300) | resting MB | summaries vs scan | progress polls during the import p50 / p95 / max ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const r of rows) {
    const ratio = r.importS / r.readS;
    console.log(
      `| ${r.engine} | ${r.membersBefore.toLocaleString()} | ${r.fileMb.toFixed(1)} | ${r.readS.toFixed(1)} (${r.readAboveMb}) | ${r.importS.toFixed(1)} | ${ratio.toFixed(1)}× ${ratio <= GOAL_TIMES ? 'met' : 'NOT met'} | ${r.importAboveMb} ${r.importAboveMb <= GOAL_MB ? 'met' : 'NOT met'} | ${r.restMb} | ${r.statMismatches === 0 ? 'exact' : `${r.statMismatches} mismatches`} | ${r.poll.p50} / ${r.poll.p95} / ${r.poll.max} (${r.poll.n}) |`,
    );
  }
}

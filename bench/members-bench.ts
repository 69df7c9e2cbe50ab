// The member part of `npm run bench` (ISSUE 3 point 8): a city of about 500,000 members (20,000
// organizations, then the demo enrichment), the member list and search through the API beside the
// bare SQL, and the import of a 100,000-row file (seconds and peak memory) beside ExcelJS alone.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { IdCrypto } from '../server/crypto/id-crypto.js';
import { seedMembersDemo } from '../server/modules/members/demo.js';
import { listPage, type ResolvedFilter } from '../server/modules/members/queries.js';
import { encodeCursor } from '../server/http/keyset-cursor.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';
import { IMPORT_COLUMNS, headerText } from '../server/modules/members/import/columns.js';
import { ON_BOOKS_STATUSES } from '../domain/member-status.js';
import { fmt, measure, sample, type Stat } from './stats.js';
import { keptCity, type KeptCity } from './kept-city.js';

const ORGS = Number(process.env.BENCH_MEMBER_ORGS ?? 20_000);
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

export interface MemberRow {
  engine: string;
  call: string;
  api: Stat;
  sql: Stat;
  /** The goal for the API p95 in ms (issue 16), when there is one. */
  goal?: number;
}
export interface ImportFigures {
  engine: string;
  rows: number;
  fileMb: number;
  importS: number;
  importPeakMb: number;
  readS: number;
  readPeakMb: number;
  baseMb: number;
}

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - t0) / 1000, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

/** A 100,000-row import file in the template's layout, written with ExcelJS's streaming writer. */
export async function writeImportFile(file: string, rows: number, orgCodes: string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(IMPORT_COLUMNS.map(headerText)).commit();
  for (let i = 0; i < rows; i++) {
    const birth = `${1950 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const year = Number(birth.slice(0, 4)) + 25;
    const gender = i % 3 === 0 ? '女' : '男';
    // Area 110108 is not used by the demo members; birth dates repeat every 2,100 rows, so (birth, sequence) is unique.
    const id = idNumberFor('110108', birth, Math.floor(i / 2100), gender);
    ws.addRow([
      '导入测试',
      gender,
      '汉族',
      birth,
      id,
      '示范市',
      '大学本科',
      '学士',
      '专业技术人员',
      '示范市第一中学 教师',
      '13600000000',
      '示范市东城区人民路1号',
      '正式党员',
      `${year}-07-01`,
      `${year + 1}-07-01`,
      orgCodes[i % orgCodes.length],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

async function readWithExcelJs(file: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) n++;
  return n;
}

export async function benchMembers(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<{ rows: MemberRow[]; imp: ImportFigures | null }> {
  const { engine, cleanup } = await open();
  const work = mkdtempSync(path.join(tmpdir(), 'zugong-members-bench-'));
  try {
    const db = engine.db;
    await migrate(db);
    const keys = deriveKeys('bench');
    const t0 = performance.now();
    // A database kept by an earlier run (BENCH_MEMBERS_KEEP) already holds a city with the demo accounts: measured as it is.
    const kept = await keptCity(db);
    let city: KeptCity;
    if (kept) {
      city = kept;
      console.log(
        `[${kind}] ${city.members.toLocaleString()} members in ${city.orgs.toLocaleString()} organizations, kept from an earlier run`,
      );
    } else {
      const made = await generateCity(db, { seed: 20_000, orgCount: ORGS, membersPerBranch: PER_BRANCH, demoAccounts: true });
      const t1 = performance.now();
      await seedMembersDemo(db, made, keys);
      await sql`analyze`.execute(db);
      city = made;
      console.log(
        `[${kind}] ${city.members.toLocaleString()} members in ${city.orgs.toLocaleString()} organizations: city ${((t1 - t0) / 1000).toFixed(1)} s, member details ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
    }

    const app = await buildApp({ engine, keys, demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = async (username: string) => {
      const r = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Demo@2026' }),
      });
      return r.headers.get('set-cookie')!.split(';')[0];
    };
    const cookies = { city: await login('city-admin'), district: await login('district-admin') };
    const get = async (cookie: string, url: string) => {
      const r = await fetch(address + url, { headers: { cookie } });
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return r.json();
    };
    const pathOf = async (id: number) => (await db.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
    const scopes = { city: await pathOf(city.sampleIds.city), district: await pathOf(city.sampleIds.district) };
    const filter = (p: string, search: ResolvedFilter['search'] = null): ResolvedFilter => ({
      path: p,
      statuses: ON_BOOKS_STATUSES,
      search,
    });
    const rows: MemberRow[] = [];
    const n = SAMPLES;

    for (const scope of ['city', 'district'] as const) {
      const first = Array.from({ length: Math.min(n, 100) }, () => 0);
      rows.push({
        engine: kind,
        call: `list, first page (${scope})`,
        api: await measure(first, () => get(cookies[scope], '/api/members?limit=50')),
        sql: await measure(first, () => listPage(db, filter(scopes[scope]), null, 51)),
        goal: scope === 'district' ? 10 : undefined,
      });
      // Deep pages: cursors taken at random depths of the scope's list (not timed).
      const total = Number(
        (
          await db
            .selectFrom('members')
            .select(sql<number>`count(*)`.as('n'))
            .where(sql<boolean>`org_path <@ ${scopes[scope]}::ltree`)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const offsets = sample(
        Array.from({ length: 1000 }, (_, i) => Math.floor((i / 1000) * total * 0.95)),
        Math.min(n, 60),
        3,
      );
      const cursors = [];
      for (const off of offsets) {
        const r = await db
          .selectFrom('members')
          .select(['sort_key', 'id'])
          .where(sql<boolean>`org_path <@ ${scopes[scope]}::ltree`)
          .where('status', 'in', ON_BOOKS_STATUSES)
          .orderBy('sort_key')
          .orderBy('id')
          .offset(off)
          .limit(1)
          .executeTakeFirstOrThrow();
        cursors.push(r);
      }
      rows.push({
        engine: kind,
        call: `list, deep keyset page (${scope})`,
        api: await measure(cursors, (c) => get(cookies[scope], `/api/members?limit=50&cursor=${encodeCursor(c)}`)),
        sql: await measure(cursors, (c) => listPage(db, filter(scopes[scope]), { key: c.sort_key, id: c.id }, 51)),
      });
    }

    const people = sample(await db.selectFrom('members').select(['name', 'name_initials', 'id_cipher']).limit(50_000).execute(), n, 11);
    const names = people.map((p) => p.name);
    rows.push({
      engine: kind,
      call: 'search by name (city)',
      api: await measure(names, (q) => get(cookies.city, `/api/members?limit=50&q=${encodeURIComponent(q)}`)),
      sql: await measure(names, (q) => listPage(db, filter(scopes.city, { kind: 'name', infix: q }), null, 51)),
    });
    // The usual search: two characters of a name (a given name, 建国), which trigrams cannot serve.
    const pairs = people.map((p) => [...p.name].slice(-2).join(''));
    rows.push({
      engine: kind,
      call: 'search by 2-character name infix (city)',
      api: await measure(pairs, (q) => get(cookies.city, `/api/members?limit=50&q=${encodeURIComponent(q)}`)),
      sql: await measure(pairs, (q) => listPage(db, filter(scopes.city, { kind: 'name', infix: q }), null, 51)),
      goal: 50,
    });
    const initials = people.map((p) => p.name_initials);
    rows.push({
      engine: kind,
      call: 'search by pinyin initials (city)',
      api: await measure(initials, (q) => get(cookies.city, `/api/members?limit=50&q=${q}`)),
      sql: await measure(initials, (q) => listPage(db, filter(scopes.city, { kind: 'initials', prefix: q }), null, 51)),
    });
    const crypto = new IdCrypto(keys);
    const ids = people.map((p) => crypto.decrypt(p.id_cipher!));
    rows.push({
      engine: kind,
      call: 'search by exact ID number (city)',
      api: await measure(ids, (q) => get(cookies.city, `/api/members?limit=50&q=${q}`)),
      sql: await measure(ids, (q) => listPage(db, filter(scopes.city, { kind: 'idHash', hash: crypto.hash(q) }), null, 51)),
    });

    // The import: a 100,000-row file into the city's branches, uploaded and polled like the web page does
    // (BENCH_IMPORT_ROWS=0 skips it).
    if (IMPORT_ROWS === 0) {
      await app.close();
      return { rows, imp: null };
    }
    const codes = (
      await db.selectFrom('orgs').select('code').where('kind', '=', 'branch').where('status', '=', 'active').limit(2000).execute()
    ).map((o) => o.code);
    const file = path.join(work, 'members.xlsx');
    await writeImportFile(file, IMPORT_ROWS, codes);
    const fileMb = statSync(file).size / 1048576;
    const baseMb = Math.round(process.memoryUsage().rss / 1048576);
    const read = await peakRss(() => readWithExcelJs(file));
    const imported = await peakRss(async () => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)]), 'members.xlsx');
      const up = await fetch(`${address}/api/members/import`, { method: 'POST', body: form, headers: { cookie: cookies.city } });
      if (up.status !== 202) throw new Error(`import upload: ${up.status} ${await up.text()}`);
      let job = await up.json();
      while (!['done', 'failed'].includes(job.phase)) {
        await new Promise((r) => setTimeout(r, 200));
        job = await get(cookies.city, `/api/members/import/${job.id}`);
      }
      if (job.phase !== 'done') throw new Error(`import failed: ${job.message} ${JSON.stringify(job.errors.slice(0, 3))}`);
      return job.rowsWritten as number;
    });
    await app.close();
    return {
      rows,
      imp: {
        engine: kind,
        rows: imported.result,
        fileMb,
        importS: imported.seconds,
        importPeakMb: imported.peakMb,
        readS: read.seconds,
        readPeakMb: read.peakMb,
        baseMb,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    await cleanup();
  }
}

export function printMemberTables(rows: MemberRow[], imports: ImportFigures[]): void {
  console.log(`\nMembers: ${SAMPLES} calls per row (ms); goal = API p95 (issue 16)\n`);
  console.log('| engine | call | API p50 | API p95 | bare SQL p50 | bare SQL p95 | goal p95 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows)
    console.log(
      `| ${r.engine} | ${r.call} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${fmt(r.sql.p50)} | ${fmt(r.sql.p95)} | ${r.goal === undefined ? '' : `≤ ${r.goal} ${r.api.p95 <= r.goal ? 'met' : 'NOT met'}`} |`,
    );
  if (!imports.length) return;
  console.log(
    '\n| engine | import rows | file MB | import s | import peak RSS MB | ExcelJS read alone s | ExcelJS peak RSS MB | RSS before MB |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const i of imports)
    console.log(
      `| ${i.engine} | ${i.rows.toLocaleString()} | ${i.fileMb.toFixed(1)} | ${i.importS.toFixed(1)} | ${i.importPeakMb} | ${i.readS.toFixed(1)} | ${i.readPeakMb} | ${i.baseMb} |`,
    );
}

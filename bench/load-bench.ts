// Load (issue 16 point 6): concurrent simulated users against a running app for a few minutes, a realistic mix
// of page reads, two-character name searches, meeting records, dues payments and a member import every few
// seconds; p50/p95/p99 per call kind, errors, and afterwards the counts reconciled: every write that answered 2xx
// is in the database exactly once, nothing else was written, and the statistics summaries equal a scan.
import ExcelJS from 'exceljs';

import type { Db } from '../server/db/engine.js';
import { verifySummaries } from '../server/modules/statistics/summaries.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';
import { IMPORT_COLUMNS, headerText } from '../server/modules/members/import/columns.js';
import { todayCn } from '../server/dates.js';
import { fmt, percentile } from './stats.js';

export interface LoadKind {
  kind: string;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult {
  users: number;
  seconds: number;
  kinds: LoadKind[];
  errorSample: string[];
  reconciled: { check: string; expected: number; actual: number }[];
  summaryMismatches: number;
}

export interface LoadTarget {
  db: Db;
  address: string;
  cookieOf: (username: string) => Promise<string>;
  reads: { user: string; url: string }[];
}

const MARK = '负载测试';
const IMPORT_ROWS = 200;

/** An import file of IMPORT_ROWS new members in the template's layout; ID numbers unique per batch (area 110109). */
async function importFile(batch: number, orgCode: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(IMPORT_COLUMNS.map(headerText));
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const birth = `${1960 + (batch % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`;
    const year = Number(birth.slice(0, 4)) + 25;
    const gender = i % 2 ? '女' : '男';
    ws.addRow([
      `${MARK}导入`,
      gender,
      '汉族',
      birth,
      idNumberFor('110109', birth, Math.floor(batch / 40), gender),
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
      orgCode,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the load's writes leave behind, counted by their marks (topic, receipt number, name). */
async function writtenCounts(db: Db): Promise<{ meetings: number; payments: number; imported: number }> {
  const n = (r: { n: unknown }) => Number(r.n);
  return {
    meetings: n(
      await db
        .selectFrom('meetings')
        .select((e) => e.fn.countAll().as('n'))
        .where('topic', 'like', `${MARK}%`)
        .executeTakeFirstOrThrow(),
    ),
    payments: n(
      await db
        .selectFrom('dues_payments')
        .select((e) => e.fn.countAll().as('n'))
        .where('receipt_no', 'like', 'LOAD-%')
        .executeTakeFirstOrThrow(),
    ),
    imported: n(
      await db
        .selectFrom('members')
        .select((e) => e.fn.countAll().as('n'))
        .where('name', 'like', `${MARK}%`)
        .executeTakeFirstOrThrow(),
    ),
  };
}

export async function runLoad(t: LoadTarget, users: number, seconds: number): Promise<LoadResult> {
  const { db, address } = t;
  const admin = await t.cookieOf('city-admin');
  const city = await db.selectFrom('orgs').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const branches = await db
    .selectFrom('orgs')
    .select(['id', 'code'])
    .where('kind', '=', 'branch')
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(2_000)
    .execute();
  const names = await db.selectFrom('members').select('name').orderBy('id').limit(5_000).execute();
  const terms = names.filter((n) => n.name.length >= 2).map((n) => n.name.slice(0, 2));
  // Payers: each user pays for members of its own slice, so no two users pay the same member's month.
  const payers = await db
    .selectFrom('members')
    .select('id')
    .where('status', '=', 'normal')
    .orderBy('id')
    .limit(users * 20)
    .execute();
  const today = todayCn(new Date());
  const before = await writtenCounts(db);

  const times = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const errorSample: string[] = [];
  const ok = { meetings: 0, payments: 0, imported: 0 };
  const record = (kind: string, ms: number, good: boolean, what: string) => {
    if (!times.has(kind)) times.set(kind, []);
    times.get(kind)!.push(ms);
    if (!good) {
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
      if (errorSample.length < 10) errorSample.push(`${kind}: ${what}`);
    }
  };
  const call = async (kind: string, url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
    const t0 = performance.now();
    try {
      const r = await fetch(address + url, { ...init, headers: { cookie: admin, ...(init.headers ?? {}) } });
      const text = await r.text();
      const good = r.status < 400;
      record(kind, performance.now() - t0, good, `${url} ${r.status} ${good ? '' : text.slice(0, 200)}`);
      return { status: r.status, body: text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    } catch (e) {
      record(kind, performance.now() - t0, false, `${url} ${(e as Error).message}`);
      return { status: 0, body: null };
    }
  };
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  let receipt = 0;
  const end = performance.now() + seconds * 1000;
  const user = async (u: number) => {
    const cookieUser = await t.cookieOf('city-admin');
    let rng = Math.imul(u + 1, 2654435761) >>> 0;
    const next = () => (rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const mine = payers.filter((_, i) => i % users === u);
    let payIndex = 0;
    while (performance.now() < end) {
      const r = next();
      if (r < 0.55) {
        const read = t.reads[Math.floor(next() * t.reads.length)];
        await call('page read', read.url, { headers: { cookie: await t.cookieOf(read.user) } });
      } else if (r < 0.75) {
        const q = terms[Math.floor(next() * terms.length)];
        await call('name search', `/api/members?orgId=${city.id}&q=${encodeURIComponent(q)}`);
      } else if (r < 0.87) {
        const b = branches[Math.floor(next() * branches.length)];
        const res = await call('meeting record', '/api/meetings', {
          ...json({ orgId: b.id, status: 'held', kinds: ['theme_day'], heldOn: today, topic: `${MARK}主题党日 ${u}` }),
          headers: { cookie: cookieUser, 'content-type': 'application/json' },
        });
        if (res.status < 300) ok.meetings++;
      } else if (mine.length) {
        const m = mine[payIndex++ % mine.length];
        const dues = await call('dues read', `/api/dues/members/${m.id}`);
        const ledger = (dues.body as { ledger?: { month: string; dueFen: number; paidFen: number; reduced: boolean }[] })?.ledger ?? [];
        const unpaid = ledger.find((l) => l.paidFen < l.dueFen && !l.reduced && l.month <= today.slice(0, 7));
        if (!unpaid) continue;
        const res = await call('dues payment', `/api/dues/members/${m.id}/payments`, {
          ...json({ months: [unpaid.month], paidOn: today, receiptNo: `LOAD-${++receipt}` }),
          headers: { cookie: cookieUser, 'content-type': 'application/json' },
        });
        if (res.status < 300) ok.payments++;
      }
    }
  };
  // One import of IMPORT_ROWS members every 10 s, uploaded and polled like the web page.
  const importer = async () => {
    let batch = 0;
    while (performance.now() < end - 10_000) {
      const b = branches[batch % branches.length];
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await importFile(batch++, b.code))]), 'load.xlsx');
      const t0 = performance.now();
      const up = await call('import upload', '/api/members/import', { method: 'POST', body: form });
      let job = up.body as { id?: number; phase?: string; rowsWritten?: number };
      while (job?.id && job.phase !== 'done' && job.phase !== 'failed') {
        await new Promise((r) => setTimeout(r, 250));
        job = (await call('import poll', `/api/members/import/${job.id}`)).body as typeof job;
      }
      record('import end to end', performance.now() - t0, job?.phase === 'done', `import ${JSON.stringify(job).slice(0, 300)}`);
      if (job?.phase === 'done') ok.imported += job.rowsWritten ?? 0;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  };
  await Promise.all([...Array.from({ length: users }, (_, u) => user(u)), importer()]);

  const after = await writtenCounts(db);
  const verify = await verifySummaries(db, false);
  const kinds = [...times.entries()].map(([kind, list]) => {
    const s = list.slice().sort((a, b) => a - b);
    return { kind, n: s.length, errors: errors.get(kind) ?? 0, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
  });
  return {
    users,
    seconds,
    kinds,
    errorSample,
    reconciled: [
      { check: 'meetings recorded', expected: ok.meetings, actual: after.meetings - before.meetings },
      { check: 'dues payments', expected: ok.payments, actual: after.payments - before.payments },
      { check: 'members imported', expected: ok.imported, actual: after.imported - before.imported },
    ],
    summaryMismatches: verify.mismatches,
  };
}

export function printLoad(engine: string, r: LoadResult): void {
  console.log(`\n== load: ${r.users} users for ${r.seconds} s on ${engine} (ms) ==`);
  console.log('| call kind | calls | errors | p50 | p95 | p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const k of r.kinds) console.log(`| ${k.kind} | ${k.n} | ${k.errors} | ${fmt(k.p50)} | ${fmt(k.p95)} | ${fmt(k.p99)} |`);
  const errs = r.kinds.reduce((a, k) => a + k.errors, 0);
  console.log(`errors: ${errs} (goal 0)${r.errorSample.length ? '\n  ' + r.errorSample.join('\n  ') : ''}`);
  for (const c of r.reconciled)
    console.log(
      `${c.check}: ${c.actual} in the database, ${c.expected} answered 2xx — ${c.actual === c.expected ? 'reconciled' : 'MISMATCH'}`,
    );
  console.log(`statistics summaries against a scan: ${r.summaryMismatches} mismatches (goal 0)`);
}

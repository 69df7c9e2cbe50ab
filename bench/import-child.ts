// One measurement of the import bench (import-bench.ts) in a process of its own, so its peak
// resident memory (resourceUsage().maxRSS) is the measurement's alone. Prints one JSON line.
//   read <file>                 ExcelJS's streaming reader alone, every row of the file
//   import <file> <url|dir>     the app on that database: upload the file as the page does, poll to the end
import '../server/timezone.js';
import ExcelJS from 'exceljs';
import { openEngine } from '../server/db/engine.js';
import { buildApp } from '../server/app.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { readFileSync } from 'node:fs';

const mb = (bytes: number) => Math.round(bytes / 1048576);
/** Peak RSS so far: resourceUsage reports kilobytes. */
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds of this process (every thread, the embedded engine's included) since `c0`: steadier than the clock on a shared machine. */
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 1e4) / 100;
};

async function readAlone(file: string) {
  const rest = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) rows++;
  return { rows, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSince(c0), restMb: mb(rest), peakMb: maxRssMb() };
}

async function importFile(file: string, where: string) {
  const engine = await openEngine(where.startsWith('postgres') ? { databaseUrl: where, dataDir: '' } : { dataDir: where });
  const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city-admin', password: 'Demo@2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const get = async (url: string) => (await fetch(address + url, { headers: { cookie } })).json();
  // Resting: the app up, signed in, one page served; the peak so far (start-up) is noted beside it.
  await get('/api/members?limit=50');
  global.gc?.();
  const rest = process.memoryUsage().rss;
  const startPeak = maxRssMb();
  let sampled = rest;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), 'members.xlsx');
  const up = await fetch(`${address}/api/members/import`, { method: 'POST', body: form, headers: { cookie } });
  if (up.status !== 202) throw new Error(`import upload: ${up.status} ${await up.text()}`);
  let job = await up.json();
  // When each phase was first seen (seconds from the upload), for the report.
  const phases: Record<string, number> = {};
  // Each progress poll is a request the server answers while it imports: its time shows whether
  // the import leaves the server free for its other users.
  const polls: number[] = [];
  while (!['done', 'failed'].includes(job.phase)) {
    await new Promise((r) => setTimeout(r, 100));
    const p0 = performance.now();
    job = await get(`/api/members/import/${job.id}`);
    polls.push(performance.now() - p0);
    phases[job.phase] ??= Math.round(performance.now() - t0) / 1000;
  }
  polls.sort((a, b) => a - b);
  const pollMs = (q: number) => Math.round(polls[Math.min(polls.length - 1, Math.floor(q * polls.length))] ?? 0);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSince(c0);
  clearInterval(timer);
  if (job.phase !== 'done') throw new Error(`import failed: ${job.message} ${JSON.stringify(job.errors.slice(0, 3))}`);
  await app.close();
  await engine.close();
  return {
    rows: job.rowsWritten as number,
    seconds,
    cpuSeconds,
    phases,
    poll: { n: polls.length, p50: pollMs(0.5), p95: pollMs(0.95), max: pollMs(1) },
    restMb: mb(rest),
    startPeakMb: startPeak,
    sampledPeakMb: mb(sampled),
    peakMb: maxRssMb(),
  };
}

const [mode, file, where] = process.argv.slice(2);
const out = mode === 'read' ? await readAlone(file) : await importFile(file, where);
console.log(JSON.stringify(out));
process.exit(0);

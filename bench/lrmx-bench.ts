// The .lrmx part of the cadre bench (cadres-bench.ts): 1,000 distinct 任免审批表 files in one zip,
// imported through the API as a cadre officer would upload them (seconds, peak RSS over resting).
import { zipSync } from 'fflate';
import type { Engine } from '../server/db/engine.js';
import { buildApp } from '../server/app.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { writeLrmx } from '../server/modules/cadres/lrmx/write-lrmx.js';
import { sampleSheet } from '../server/modules/cadres/lrmx/sample.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';

const LRMX_FILES = Number(process.env.BENCH_LRMX_FILES ?? 1000);
const PASSWORD = 'Demo@2026';

export interface LrmxImportResult {
  engine: string;
  files: number;
  ok: number;
  seconds: number;
  zipMb: number;
  peakRssMb: number;
}

/** A multipart body of files, as a browser sends it. */
function multipart(files: { name: string; data: Buffer }[]): { payload: Buffer; contentType: string } {
  const boundary = '----zugong-bench-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    f.data,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文';

/** `n` distinct sheets: the sample 任免审批表 with its own name, birth and ID number each. */
export function lrmxZip(n: number): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(1970, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
    const sex = i % 3 === 0 ? '女' : '男';
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length];
    const sheet = sampleSheet({ name, sex, birth: day.slice(0, 7), idNumber: idNumberFor('350322', day, i, sex) });
    files[`任免审批表/${String(i + 1).padStart(4, '0')}_${name}.lrmx`] = new Uint8Array(writeLrmx(sheet));
  }
  return Buffer.from(zipSync(files));
}

export async function benchLrmxImport(kind: string, engine: Engine): Promise<LrmxImportResult> {
  const zip = lrmxZip(LRMX_FILES);
  const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cadre-officer', password: PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const body = multipart([{ name: '任免审批表.zip', data: zip }]);
    const rest = process.memoryUsage().rss;
    let peak = rest;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/cadres/lrmx?dryRun=false',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie },
    });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (res.statusCode !== 200) throw new Error(`lrmx import: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const out = res.json() as {
      counts: { ok: number; errors: number; skipped: number };
      files: { file: string; status: string; message: string }[];
    };
    const bad = out.files.filter((f) => f.status !== 'created');
    if (bad.length) console.log(`[${kind}] lrmx import: ${bad.length} files not created, e.g. ${JSON.stringify(bad.slice(0, 3))}`);
    const result = {
      engine: kind,
      files: out.files.length,
      ok: out.counts.ok,
      seconds,
      zipMb: zip.length / 1024 / 1024,
      peakRssMb: (peak - rest) / 1024 / 1024,
    };
    console.log(
      `[${kind}] lrmx import: ${result.ok}/${result.files} files in ${seconds.toFixed(1)} s, peak RSS +${result.peakRssMb.toFixed(0)} MB`,
    );
    return result;
  } finally {
    await app.close();
  }
}

// The other spreadsheet imports in `npm run bench` (issue 16 point 1: every import writes set-based),
// each at its bound of 20,000 rows, through the API as its officer uploads it, beside ExcelJS alone
// reading the same file (goal ≤ 3× its time; peak RSS sampled in this process, a rough figure):
// - the 干部花名册, three times: every row a new cadre with its post and rank, the same file again
//   (nothing changes), and the file with one column changed in every row;
// - the 上级调训 学时 records of the city's members (half by identity number, half by name and
//   organization), then the same file again (each record updated in place, nothing counted twice).
// Question banks (5,000 questions at most) were set-based already (learning-quizzes/banks.ts).
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { generateCity } from '../server/demo/generate-city.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';
import { fakeIdNumber } from '../domain/rules/id-number.js';
import { IdCrypto } from '../server/crypto/id-crypto.js';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 20_000);
const GOAL_TIMES = 3;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文';

export interface ImportRun {
  engine: string;
  file: string;
  run: string;
  rows: number;
  readS: number;
  importS: number;
  peakAboveMb: number;
  /** What the run wrote, as its own table counts it (history rows, ledger rows). */
  written: string;
}

/** The roster: distinct people (name, birth day, identity number), each a 科长 of the unit with a rank; `health` varies the file. */
async function rosterFile(unit: string, health: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部花名册');
  ws.addRow(['姓名', '性别', '出生年月', '身份证号', '现任职务', '职务层次', '单位', '全日制学历学位', '任职时间', '职级', '健康状况']);
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(1965, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const sex = i % 3 ? '男' : '女';
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length];
    const row = [name, sex, day.slice(0, 7).replace('-', '.'), idNumberFor('350322', day, i, sex), '科长', '正科', unit];
    ws.addRow([...row, '大学 法学学士', '2020.03', '一级主任科员', health]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 上级调训 records of the city's members: half are given an identity number (the generated city has
 * none) and named by it, the others by name and organization (a name unique in its organization).
 */
async function trainingFile(db: Engine['db']): Promise<Buffer> {
  const crypto = new IdCrypto(deriveKeys('bench'));
  const members = (
    await sql<{ id: string; name: string; org: string; n: number; hashed: boolean }>`
      select m.id, m.name, o.name as org, count(*) over (partition by m.name, o.id)::int as n, m.id_hash is not null as hashed
        from members m join orgs o on o.id = m.org_id order by m.id`.execute(db)
  ).rows;
  const ids = new Map<string, string>();
  const byId = members.filter((m, i) => i % 2 === 0 && !m.hashed);
  const used = new Set<string>();
  for (let i = 0; i < byId.length; i += 5000) {
    const part = byId.slice(i, i + 5000).map((m) => {
      let n = fakeIdNumber();
      while (used.has(n)) n = fakeIdNumber();
      used.add(n);
      ids.set(m.id, n);
      return { id: m.id, h: crypto.hash(n) };
    });
    await sql`update members m set id_hash = x.h from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(id bigint, h text)
      where m.id = x.id`.execute(db);
  }
  const usable = members.filter((m) => ids.has(m.id) || m.n === 1);
  const year = new Date().getFullYear() - 1;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学时');
  ws.addRow(['身份证号', '姓名', '所在党组织', '培训名称', '举办单位', '开始日期', '结束日期', '学时']);
  for (let i = 0; i < ROWS; i++) {
    const m = usable[i % usable.length];
    const d = String(1 + (i % 28)).padStart(2, '0');
    const id = ids.get(m.id);
    const title = `专题培训班第${Math.floor(i / usable.length) + 1}期`;
    ws.addRow([id ?? '', m.name, id ? '' : m.org, title, '市委党校', `${year}-05-${d}`, `${year}-06-${d}`, 8 + (i % 5) / 2]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** ExcelJS's streaming reader alone over every row: the baseline of the goal. */
async function readAlone(file: Buffer): Promise<number> {
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet as AsyncIterable<ExcelJS.Row>);
  return (performance.now() - t0) / 1000;
}

function multipart(file: Buffer): { payload: Buffer; contentType: string } {
  const boundary = '----zugong-roster-bench';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export async function benchOtherImports(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<ImportRun[]> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    await migrate(db);
    const city = await generateCity(db, { seed: 20_000, orgCount: 500, demoAccounts: true });
    const unit = '示范市花名册测试局';
    await db
      .insertInto('cadre_units')
      .values({ manager_org_id: city.sampleIds.city, name: unit, kind: '政府部门', level: '正处' })
      .execute();
    await sql`analyze`.execute(db);
    const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const count = async (table: 'cadre_history' | 'learning_credits') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      const cookieOf = async (username: string) => {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Demo@2026' } });
        return String(login.headers['set-cookie']).split(';')[0];
      };
      const out: ImportRun[] = [];
      const once = async (file: string, run: string, buf: Buffer, url: string, cookie: string, written: () => Promise<string>) => {
        global.gc?.();
        const readS = await readAlone(buf);
        global.gc?.();
        const rest = process.memoryUsage().rss;
        let peak = rest;
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        const body = multipart(buf);
        const t0 = performance.now();
        const res = await app.inject({ method: 'POST', url, payload: body.payload, headers: { 'content-type': body.contentType, cookie } });
        const importS = (performance.now() - t0) / 1000;
        clearInterval(timer);
        const r = res.json() as { ok: boolean; rows: number };
        if (res.statusCode !== 200 || !r.ok) throw new Error(`${file} import: ${res.statusCode} ${res.body.slice(0, 300)}`);
        out.push({
          engine: kind,
          file,
          run,
          rows: r.rows,
          readS,
          importS,
          peakAboveMb: Math.round((peak - rest) / 1048576),
          written: await written(),
        });
        console.log(`[${kind}] ${file} import, ${run}: ${importS.toFixed(1)} s (ExcelJS alone ${readS.toFixed(1)} s)`);
      };

      const officer = await cookieOf('cadre-officer');
      const roster = { first: await rosterFile(unit, '健康'), changed: await rosterFile(unit, '良好') };
      for (const [run, buf] of [
        ['every row a new cadre with post and rank', roster.first],
        ['the same file again (no change)', roster.first],
        ['one column changed in every row', roster.changed],
      ] as const) {
        const before = await count('cadre_history');
        await once(
          '干部花名册',
          run,
          buf,
          '/api/cadre-search/import',
          officer,
          async () => `${(await count('cadre_history')) - before} history rows`,
        );
      }

      const admin = await cookieOf('city-admin');
      const training = await trainingFile(db);
      for (const run of ['first import', 'the same file again (updated in place)'])
        await once(
          '上级调训学时',
          run,
          training,
          '/api/learning/imports?kind=assigned',
          admin,
          async () => `${await count('learning_credits')} ledger rows`,
        );
      return out;
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

export function printOtherImports(rows: ImportRun[]): void {
  console.log(`\nThe other imports: ${ROWS.toLocaleString()} rows each through the API (goal beside each figure)\n`);
  console.log(
    '| engine | file | run | rows | ExcelJS alone s | import s | ratio (goal ≤ 3×) | peak above resting MB (sampled) | written |',
  );
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const ratio = r.importS / r.readS;
    console.log(
      `| ${r.engine} | ${r.file} | ${r.run} | ${r.rows.toLocaleString()} | ${r.readS.toFixed(1)} | ${r.importS.toFixed(1)} | ${ratio.toFixed(1)}× ${ratio <= GOAL_TIMES ? 'met' : 'NOT met'} | ${r.peakAboveMb} | ${r.written} |`,
    );
  }
}

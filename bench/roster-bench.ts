// The other spreadsheet imports in `npm run bench` (issue 16 point 1: every import writes set-based):
// a 20,000-row 干部花名册 (the roster's bound) imported through the API as a cadre officer uploads it,
// three times: every row a new cadre with its post and rank, the same file again (nothing changes),
// and the file with one column changed for every row. Each beside ExcelJS alone reading the same
// file; goal ≤ 3× its time. Peak RSS is sampled in this process (a rough figure).
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { generateCity } from '../server/demo/generate-city.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 20_000);
const GOAL_TIMES = 3;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文';

export interface RosterBenchRow {
  engine: string;
  run: string;
  rows: number;
  readS: number;
  importS: number;
  peakAboveMb: number;
  historyRows: number;
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

export async function benchRoster(kind: string, open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>): Promise<RosterBenchRow[]> {
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
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cadre-officer', password: 'Demo@2026' } });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const files = { first: await rosterFile(unit, '健康'), changed: await rosterFile(unit, '良好') };
      const out: RosterBenchRow[] = [];
      for (const [run, file] of [
        ['20,000 new cadres with post and rank', files.first],
        ['the same file again (no change)', files.first],
        ['one column changed in every row', files.changed],
      ] as const) {
        global.gc?.();
        const readS = await readAlone(file);
        const history0 = await db.selectFrom('cadre_history').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        global.gc?.();
        const rest = process.memoryUsage().rss;
        let peak = rest;
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        const body = multipart(file);
        const t0 = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: '/api/cadre-search/import',
          payload: body.payload,
          headers: { 'content-type': body.contentType, cookie },
        });
        const importS = (performance.now() - t0) / 1000;
        clearInterval(timer);
        const r = res.json() as { ok: boolean; rows: number; errors: unknown[] };
        if (res.statusCode !== 200 || !r.ok) throw new Error(`roster import: ${res.statusCode} ${res.body.slice(0, 300)}`);
        const history1 = await db.selectFrom('cadre_history').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        out.push({
          engine: kind,
          run,
          rows: r.rows,
          readS,
          importS,
          peakAboveMb: Math.round((peak - rest) / 1048576),
          historyRows: Number(history1.n) - Number(history0.n),
        });
        console.log(`[${kind}] roster import, ${run}: ${importS.toFixed(1)} s (ExcelJS alone ${readS.toFixed(1)} s)`);
      }
      return out;
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

export function printRoster(rows: RosterBenchRow[]): void {
  console.log(`\nCadre roster import (干部花名册): ${ROWS.toLocaleString()} rows through the API (goal beside each figure)\n`);
  console.log('| engine | run | rows | ExcelJS alone s | import s | ratio (goal ≤ 3×) | peak above resting MB (sampled) | history rows written |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const ratio = r.importS / r.readS;
    console.log(
      `| ${r.engine} | ${r.run} | ${r.rows.toLocaleString()} | ${r.readS.toFixed(1)} | ${r.importS.toFixed(1)} | ${ratio.toFixed(1)}× ${ratio <= GOAL_TIMES ? 'met' : 'NOT met'} | ${r.peakAboveMb} | ${r.historyRows.toLocaleString()} |`,
    );
  }
}

// Imports of 上级调训 and 党校 records from Excel (issue 14 point 6): a person by identity number (its
// keyed hash, as members and cadres keep it) or by name and organization; training title, dates, 学时.
// All rows or none: every problem is reported with its row and column, and nothing is written unless
// every row is good. The upload is bounded and checked by the member import's guard before parsing.
import { cellText as sheetCellText } from '../members/import/read-rows.js';
import type ExcelJS from 'exceljs';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import type { TImportResult } from '../../../domain/schemas/learning-hours.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { inTrx, type Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { toXlsx } from '../../export/xlsx.js';
import { upsertCredits } from '../learning/credits.js';
import { parseDate } from '../members/import/validate-row.js';
import { Utf8WorkbookReader } from '../members/import/utf8-workbook-reader.js';
import { detectAndMarkAll } from './duplicates.js';
import { learnersByHash, membersByNameAndOrg, nameAndOrgKey, type ByNumber, type NameAndOrg } from './import-learners.js';

/** A year's 调训 or 党校 records of a district: bounded well below the member import. */
export const TRAINING_MAX_ROWS = 20_000;

const COLUMNS = [
  { key: 'idNumber', header: '身份证号', required: false },
  { key: 'name', header: '姓名', required: true },
  { key: 'org', header: '所在党组织', required: false },
  { key: 'title', header: '培训名称', required: true },
  { key: 'organizer', header: '举办单位', required: false },
  { key: 'startedOn', header: '开始日期', required: true },
  { key: 'endedOn', header: '结束日期', required: true },
  { key: 'hours', header: '学时', required: true },
] as const;
type Key = (typeof COLUMNS)[number]['key'];
const headerOf = (k: Key) => COLUMNS.find((c) => c.key === k)!.header;

interface Row {
  row: number;
  cells: Partial<Record<Key, string>>;
}

/** A cell as trimmed text (the members import's reader, shared by every spreadsheet import). */
const cellText = (v: ExcelJS.CellValue): string => sheetCellText(v).text;

async function readTrainingRows(file: Buffer): Promise<Row[]> {
  const reader = new Utf8WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const out: Row[] = [];
  let positions: Map<Key, number> | null = null;
  let sheets = 0;
  for await (const sheet of reader) {
    const first = sheets++ === 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (!first) continue;
      const values = row.values as ExcelJS.CellValue[];
      if (!positions) {
        const texts = values.slice(1).map(cellText);
        if (texts.every((t) => t === '')) continue;
        positions = new Map();
        for (const c of COLUMNS) {
          const i = texts.findIndex((t) => t.replace(/\s|（.*）|\(.*\)|\*/g, '') === c.header);
          if (i >= 0) positions.set(c.key, i + 1);
        }
        const missing = COLUMNS.filter((c) => c.required && !positions!.has(c.key)).map((c) => c.header);
        if (missing.length) throw invalid(`缺少必填列：${missing.join('、')}（第 ${row.number} 行应为表头）`, 'file');
        continue;
      }
      const cells: Row['cells'] = {};
      for (const [k, col] of positions) {
        const t = cellText(values[col]);
        if (t) cells[k] = t;
      }
      if (!Object.keys(cells).length) continue;
      if (out.length >= TRAINING_MAX_ROWS) throw invalid(`行数超过 ${TRAINING_MAX_ROWS} 行，请拆分后导入`, 'file');
      out.push({ row: row.number, cells });
    }
  }
  if (!positions) throw invalid('缺少必填列：姓名（文件中没有表头）', 'file');
  return out;
}

export async function trainingTemplate(): Promise<Buffer> {
  const sample = [
    {
      idNumber: '',
      name: '张三',
      org: '示范市某某党支部',
      title: '市委党校中青年干部培训班（第12期）',
      organizer: '中共示范市委党校',
      startedOn: '2026-03-02',
      endedOn: '2026-03-06',
      hours: '30',
    },
  ];
  return toXlsx(
    '培训学时',
    COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: 20, value: (r: Record<Key, string>) => r[c.key] })),
    sample,
  );
}

interface Good {
  memberId: number | null;
  cadreId: number | null;
  title: string;
  organizer: string;
  startedOn: string;
  endedOn: string;
  hours: number;
}
type ImportError = TImportResult['errors'][number];

/** A row checked on its own: its errors so far, and how its person is to be found (none when it cannot be). */
interface Checked {
  errors: ImportError[];
  name: string;
  hash: string | null;
  pair: NameAndOrg | null;
  fields: Omit<Good, 'memberId' | 'cadreId'> | null;
}

/** Everything about a row that needs no query; the person is looked up after, for all rows at once. */
function checkRow(ctx: Ctx, today: string, r: Row): Checked {
  const c = r.cells;
  const errors: ImportError[] = [];
  const err = (key: Key, message: string) => errors.push({ row: r.row, column: headerOf(key), message });
  const title = c.title ?? '';
  if (!title) err('title', '请填写培训名称');
  else if (title.length > 200) err('title', '培训名称不超过 200 字');
  const startedOn = parseDate(c.startedOn ?? '');
  const endedOn = parseDate(c.endedOn ?? '');
  if (!startedOn) err('startedOn', '开始日期不是有效日期');
  if (!endedOn) err('endedOn', '结束日期不是有效日期');
  if (startedOn && endedOn && endedOn < startedOn) err('endedOn', '结束日期早于开始日期');
  if (endedOn && endedOn > today) err('endedOn', '结束日期晚于今天');
  const hours = Number(c.hours);
  if (!c.hours || !Number.isFinite(hours) || hours <= 0 || hours > 500) err('hours', '学时应为 0 到 500 之间的数字');
  const name = c.name ?? '';
  if (!name) err('name', '请填写姓名');
  let hash: string | null = null;
  let pair: NameAndOrg | null = null;
  if (c.idNumber) {
    const chk = checkIdNumber(c.idNumber);
    if (!chk.ok) err('idNumber', chk.message);
    else hash = ctx.crypto.hash(chk.normalized);
  } else if (name) {
    if (!c.org) err('org', '未填身份证号时须填写所在党组织');
    else pair = { name, org: c.org };
  }
  const fields = startedOn && endedOn ? { title, organizer: (c.organizer ?? '').slice(0, 100), startedOn, endedOn, hours } : null;
  return { errors, name, hash, pair, fields };
}

/** The row's person from the lookups' answers, or the row's error (after its other errors, as before). */
function learnerOf(
  x: Checked,
  byHash: Map<string, ByNumber>,
  byPair: Map<string, { n: number; id: number }>,
): { memberId: number | null; cadreId: number | null } | { key: Key; message: string } | null {
  if (x.hash) {
    const hit = byHash.get(x.hash);
    if (!hit || !hit.inside) return { key: 'idNumber', message: '在您管理的范围内找不到该身份证号的党员或干部' };
    if (x.name && hit.name !== x.name) return { key: 'name', message: `姓名与身份证号不符（档案中为“${hit.name}”）` };
    return hit.kind === 'member' ? { memberId: hit.id, cadreId: null } : { memberId: null, cadreId: hit.id };
  }
  if (x.pair) {
    const hit = byPair.get(nameAndOrgKey(x.pair));
    if (!hit) return { key: 'name', message: '在所填党组织中找不到此人（请核对姓名和组织，或填写身份证号）' };
    if (hit.n > 1) return { key: 'name', message: '该组织有同名党员，请填写身份证号' };
    return { memberId: hit.id, cadreId: null };
  }
  return null;
}

/** Checks every row, then (unless a dry run or any row failed) writes them all in one transaction with one audit row. */
export async function importTraining(
  ctx: Ctx,
  kind: 'assigned' | 'party_school',
  file: Buffer,
  fileName: string,
  dryRun: boolean,
): Promise<TImportResult> {
  const rows = await readTrainingRows(file);
  if (!rows.length) throw invalid('文件中没有数据行', 'file');
  // Today once: working it out takes longer than checking a row.
  const today = ctx.today();
  const checked = rows.map((r) => checkRow(ctx, today, r));
  const byHash = await learnersByHash(
    ctx,
    checked.flatMap((x) => (x.hash ? [x.hash] : [])),
  );
  const byPair = await membersByNameAndOrg(
    ctx,
    checked.flatMap((x) => (x.pair ? [x.pair] : [])),
  );
  const errors: ImportError[] = [];
  const good: Good[] = [];
  checked.forEach((x, i) => {
    errors.push(...x.errors);
    const who = learnerOf(x, byHash, byPair);
    if (who && 'key' in who) errors.push({ row: rows[i].row, column: headerOf(who.key), message: who.message });
    else if (who && x.fields && !x.errors.length) good.push({ ...who, ...x.fields });
  });
  const base = { rows: rows.length, errors, duplicates: 0 };
  if (errors.length) return { ok: false, written: false, importId: null, ...base };
  if (dryRun) return { ok: true, written: false, importId: null, ...base };
  const res = await audited(
    ctx,
    {
      action: 'learning.hours.import',
      objectType: 'learning_import',
      objectId: (x) => x.importId,
      detail: (x) => ({ kind, fileName, rows: rows.length, duplicates: x.duplicates }),
    },
    async (trx: Trx) => {
      const c = inTrx(ctx, trx);
      const imp = await trx
        .insertInto('learning_imports')
        .values({ kind, file_name: fileName, rows: rows.length, org_id: ctx.actor.orgId, created_by: ctx.actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      const note = `${kind === 'assigned' ? '上级调训' : '党校'}导入 #${imp.id}`;
      await upsertCredits(
        c,
        good.map((g) => ({
          memberId: g.memberId,
          cadreId: g.cadreId,
          source: kind,
          // The same record imported again updates its row instead of counting twice (in one file too: the later row wins).
          sourceRef: `${g.title}|${g.startedOn}|${g.endedOn}`.slice(0, 300),
          title: g.title,
          hours: g.hours,
          earnedOn: g.endedOn,
          note: `${note}${g.organizer ? `（${g.organizer}）` : ''}`,
        })),
      );
      const duplicates = await detectAndMarkAll(c, good, null);
      return { importId: imp.id, duplicates };
    },
  );
  return { ok: true, written: true, importId: res.importId, ...base, duplicates: res.duplicates };
}

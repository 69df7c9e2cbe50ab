// Streams the rows of the first worksheet with ExcelJS's streaming reader: one row in memory at a
// time, whatever the file's size (ISSUE 3 point 2). Cells come out as trimmed strings; dates as
// YYYY-MM-DD; an identity number typed as a number is flagged, because Excel has already rounded it.
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import { invalid } from '../../../errors.js';
import { IMPORT_LIMITS } from './xlsx-guard.js';
import { matchHeaders, type ImportKey } from './columns.js';
import { Utf8WorkbookReader } from './utf8-workbook-reader.js';

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: Partial<Record<ImportKey, string>>;
  /** Keys whose cell held a number (an identity number there has lost digits). */
  numeric: Set<ImportKey>;
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included).
const fromSerial = (n: number) => dayjs('1899-12-30').add(Math.floor(n), 'day').format('YYYY-MM-DD');

/** A cell as trimmed text, and whether it held a number (shared by every spreadsheet import). */
export function cellText(v: ExcelJS.CellValue): { text: string; numeric: boolean } {
  if (v === null || v === undefined) return { text: '', numeric: false };
  // ExcelJS gives date cells as UTC midnight of the calendar date.
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), numeric: false };
  if (typeof v === 'number') return { text: String(v), numeric: true };
  if (typeof v === 'string') return { text: v.trim(), numeric: false };
  if (typeof v === 'boolean') return { text: v ? '是' : '否', numeric: false };
  if (typeof v === 'object') {
    if ('richText' in v)
      return {
        text: v.richText
          .map((r) => r.text)
          .join('')
          .trim(),
        numeric: false,
      };
    if ('text' in v && typeof v.text === 'string') return { text: v.text.trim(), numeric: false };
    // A formula: only its cached result is read, never evaluated.
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  }
  return { text: '', numeric: false };
}

/** A date cell as a number of days (Excel serial) becomes YYYY-MM-DD; text is left for the validator. */
export function serialDate(text: string): string {
  return /^\d{5}(\.\d+)?$/.test(text) ? fromSerial(Number(text)) : text;
}

export async function* readRows(file: string | Buffer, onHeaderMissing: (missing: string[]) => never): AsyncGenerator<SheetRow> {
  // An upload is held in memory (never written to disk in clear, issue 11.9): each pass reads it afresh.
  const reader = new Utf8WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let positions: Map<ImportKey, number> | null = null;
  let count = 0;
  let sheets = 0;
  for await (const sheet of reader) {
    // Only the first worksheet holds members; the template's other sheets (notes, lists) are drained unread.
    if (sheets++ > 0) {
      for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) {
        /* skip */
      }
      continue;
    }
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      if (!positions) {
        const texts = values.slice(1).map((v) => cellText(v).text);
        if (texts.every((t) => t === '')) continue;
        const m = matchHeaders(texts);
        if (m.missing.length) onHeaderMissing(m.missing);
        positions = m.positions;
        continue;
      }
      const cells: SheetRow['cells'] = {};
      const numeric = new Set<ImportKey>();
      let any = false;
      for (const [key, col] of positions) {
        const c = cellText(values[col]);
        if (c.text) {
          cells[key] = c.text;
          any = true;
        }
        if (c.numeric) numeric.add(key);
      }
      if (!any) continue;
      if (++count > IMPORT_LIMITS.maxRows) throw invalid(`行数超过 ${IMPORT_LIMITS.maxRows} 行，请拆分后导入`, 'file');
      yield { row: row.number, cells, numeric };
    }
  }
  if (!positions) onHeaderMissing(['姓名']);
}

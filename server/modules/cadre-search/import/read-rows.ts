// Reads the rows of a roster's first worksheet with the members import's streaming reader (the
// UTF-8-safe ExcelJS reader): cells as trimmed strings, dates as YYYY-MM-DD, and which cells held a
// number (1975.1 typed as a number has lost its month: October or January?).
import type ExcelJS from 'exceljs';
import { invalid } from '../../../errors.js';
import { Utf8WorkbookReader } from '../../members/import/utf8-workbook-reader.js';
import { cellText } from '../../members/import/read-rows.js';
import { matchRosterHeaders, type RosterImportKey } from './columns.js';

/** A roster is a department's or a district's cadres, not a city's members: bounded lower than the member import. */
export const ROSTER_MAX_ROWS = 20_000;

export interface RosterSheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: Partial<Record<RosterImportKey, string>>;
  numeric: Set<RosterImportKey>;
}

/** Every data row of the first worksheet (blank rows skipped); throws a 400 naming a missing required header. */
export async function readRosterRows(file: Buffer): Promise<RosterSheetRow[]> {
  const reader = new Utf8WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const out: RosterSheetRow[] = [];
  let positions: Map<RosterImportKey, number> | null = null;
  let sheets = 0;
  for await (const sheet of reader) {
    // Only the first worksheet is the roster; others (notes, code lists) are drained unread.
    const first = sheets++ === 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (!first) continue;
      const values = row.values as ExcelJS.CellValue[];
      if (!positions) {
        const texts = values.slice(1).map((v) => cellText(v).text);
        if (texts.every((t) => t === '')) continue;
        const m = matchRosterHeaders(texts);
        if (m.missing.length) throw invalid(`缺少必填列：${m.missing.join('、')}（第 ${row.number} 行应为表头）`, 'file');
        positions = m.positions;
        continue;
      }
      const cells: RosterSheetRow['cells'] = {};
      const numeric = new Set<RosterImportKey>();
      for (const [key, col] of positions) {
        const c = cellText(values[col]);
        if (c.text) cells[key] = c.text;
        if (c.numeric) numeric.add(key);
      }
      if (!Object.keys(cells).length) continue;
      if (out.length >= ROSTER_MAX_ROWS) throw invalid(`行数超过 ${ROSTER_MAX_ROWS} 行，请拆分后导入`, 'file');
      out.push({ row: row.number, cells, numeric });
    }
  }
  if (!positions) throw invalid('缺少必填列：姓名（文件中没有表头）', 'file');
  return out;
}

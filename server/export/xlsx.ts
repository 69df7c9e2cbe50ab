// Writes a simple sheet (frozen header row + rows) with ExcelJS's streaming writer; every string cell
// is neutralized against formula injection. Rows may arrive asynchronously (a paged query), so a
// large export never holds all its rows in memory.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../domain/security/spreadsheet.js';

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T> | AsyncIterable<T>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const r of rows) ws.addRow(columns.map((c) => neutralizeCell(c.value(r)))).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 file name so Chinese names survive every browser. */
export function attachmentHeader(name: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// A statistics table as an .xlsx in the usual 党内统计 layout: the title, 填报单位 / 统计截止日期 /
// 计量单位, the grouped header rows (merged), 合计 first, and the definition under the table.
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../../domain/security/spreadsheet.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';

const cn = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Header cells of one level: consecutive columns with the same path up to that level merge. */
function headerSpans(table: TStatsTable, level: number): { from: number; to: number; text: string; down: boolean }[] {
  const spans: { from: number; to: number; text: string; down: boolean }[] = [];
  table.columns.forEach((c, i) => {
    if (c.path.length <= level) return;
    const key = c.path
      .slice(0, level + 1)
      .map((p) => p.zh)
      .join('\u0001');
    const last = spans[spans.length - 1];
    const lastKey = last
      ? table.columns[last.from].path
          .slice(0, level + 1)
          .map((p) => p.zh)
          .join('\u0001')
      : null;
    if (last && !last.down && last.to === i - 1 && lastKey === key && level < c.path.length - 1) last.to = i;
    else spans.push({ from: i, to: i, text: c.path[level].zh, down: level === c.path.length - 1 });
  });
  return spans;
}

export async function tableXlsx(table: TStatsTable, generatedOn: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧组工';
  const ws = wb.addWorksheet(table.title.zh.slice(0, 31), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = table.columns.length + 1;
  const depth = Math.max(...table.columns.map((c) => c.path.length));

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = table.title.zh;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };

  const period = table.period ? `统计区间：${cn(table.period.from)}至${cn(table.period.to)}` : '';
  ws.getCell(2, 1).value = neutralizeCell(`填报单位：${table.org.name}`);
  ws.getCell(2, Math.max(2, Math.floor(width / 2))).value = [`统计截止日期：${cn(table.asOf)}`, period].filter(Boolean).join('  ');
  ws.getCell(2, width).value = `单位：${table.unit.zh}`;
  ws.getCell(2, width).alignment = { horizontal: 'right' };

  const top = 3;
  ws.mergeCells(top, 1, top + depth - 1, 1);
  ws.getCell(top, 1).value = '单位名称';
  for (let level = 0; level < depth; level++) {
    for (const s of headerSpans(table, level)) {
      const bottom = s.down ? top + depth - 1 : top + level;
      if (s.to > s.from || bottom > top + level) ws.mergeCells(top + level, s.from + 2, bottom, s.to + 2);
      ws.getCell(top + level, s.from + 2).value = s.text;
    }
  }
  for (let r = top; r < top + depth; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }

  table.rows.forEach((row, i) => {
    const r = ws.getRow(top + depth + i);
    r.getCell(1).value = neutralizeCell(row.kind === 'total' ? `合计（${row.name}）` : row.name);
    table.columns.forEach((c, j) => {
      r.getCell(j + 2).value = row.cells[c.key] ?? 0;
    });
    for (let c = 1; c <= width; c++) {
      r.getCell(c).border = BORDER;
      if (row.kind === 'total') r.getCell(c).font = { bold: true };
    }
  });

  const foot = top + depth + table.rows.length + 1;
  ws.mergeCells(foot, 1, foot, width);
  ws.getCell(foot, 1).value = `统计口径：${table.definition.zh}`;
  ws.getCell(foot, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(foot).height = 60;
  ws.getCell(foot + 1, 1).value = `制表：智慧组工 ${cn(generatedOn)}`;

  ws.getColumn(1).width = 36;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = 11;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: top + depth - 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

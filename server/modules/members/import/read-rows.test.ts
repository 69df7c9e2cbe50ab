import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readRows } from './read-rows.js';
import { IMPORT_COLUMNS, headerText } from './columns.js';

// The temporary-file module ExcelJS's reader uses (required as ExcelJS requires it).
const tmp = createRequire(import.meta.url)('tmp') as { file: (...args: unknown[]) => void };
const dir = mkdtempSync(path.join(tmpdir(), 'zugong-read-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(file: string, rows: number, sharedStrings: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: false });
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(IMPORT_COLUMNS.map(headerText)).commit();
  // Varying widths move the chunk boundaries around, so some fall inside a Chinese character.
  for (let i = 0; i < rows; i++)
    ws.addRow([
      `党员${'甲乙丙丁'.slice(0, 1 + (i % 4))}`,
      '男',
      '汉族',
      null,
      `1101081990${String(i).padStart(8, '0')}`,
      null,
      '大学本科',
      '学士',
      '专业技术人员',
      `示范市第${i % 97}中学 教师`,
    ]).commit();
  ws.commit();
  await wb.commit();
}

describe('reading a sheet with the streaming reader', () => {
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('keeps every Chinese character whole across chunk boundaries (%s)', async (_n, shared) => {
    const file = path.join(dir, `${String(shared)}.xlsx`);
    await write(file, 6000, shared);
    // ExcelJS's own reader writes a sheet that comes before the shared strings (or a file without any) to a temporary
    // file, inflated: identity numbers in clear on disk. This writer puts the shared strings after the sheet.
    const tempFile = vi.spyOn(tmp, 'file');
    let rows = 0;
    const broken: number[] = [];
    for await (const r of readRows(file, (m) => {
      throw new Error(m.join());
    })) {
      rows++;
      if (
        r.cells.education !== '大学本科' ||
        r.cells.degree !== '学士' ||
        r.cells.occupation !== '专业技术人员' ||
        !/^党员[甲乙丙丁]+$/.test(r.cells.name ?? '')
      )
        broken.push(r.row);
    }
    expect(rows).toBe(6000);
    expect(broken).toEqual([]);
    expect(tempFile).not.toHaveBeenCalled();
    tempFile.mockRestore();
  });
});

// Excel exports of the statistics: the table in the usual layout (title, unit, 截止日期, grouped
// header, 合计) with the numbers of the API; the people list with masked identity numbers; a
// purpose asked, audited with filter and rows, rate-limited, scoped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cityAdmin: string, districtAdmin: string;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  [cityAdmin, districtAdmin] = await Promise.all(['city-admin', 'district-admin'].map((u) => t.login(u)));
});
afterAll(async () => {
  await t?.close();
});

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('statistics exports', () => {
  it('write a table in the 党内统计 layout with the numbers of the table, audited with its purpose', async () => {
    const d = t.city.sampleIds.district;
    const table = json(await t.call(districtAdmin, 'GET', `/api/statistics/tables/age?orgId=${d}`));
    const res = await t.call(
      districtAdmin,
      'GET',
      `/api/statistics/tables/age/export?orgId=${d}&purpose=${encodeURIComponent('年度党内统计报表')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('党员年龄情况');
    const ws = await sheetOf(res.rawPayload);
    expect(ws.getCell('A1').value).toBe('党员年龄情况');
    expect(String(ws.getCell('A2').value)).toBe(`填报单位：${table.org.name}`);
    const row2 = ws.getRow(2).values as unknown[];
    expect(row2.some((v) => String(v).startsWith('统计截止日期：'))).toBe(true);
    expect(row2).toContain('单位：人');
    // Two header rows: 党员总数 spans both; 年龄 spans the bands; the bands are on the second row.
    expect(ws.getCell('A3').value).toBe('单位名称');
    expect(ws.getCell('B3').value).toBe('党员总数');
    expect(ws.getCell('B4').isMerged).toBe(true);
    expect(ws.getCell('C3').value).toBe('年龄');
    expect(ws.getCell('C4').value).toBe('30岁及以下');
    expect(String(ws.getCell('A5').value)).toContain('合计');
    table.rows.forEach((r: { cells: Record<string, number> }, i: number) => {
      table.columns.forEach((c: { key: string }, j: number) => expect(ws.getRow(5 + i).getCell(2 + j).value).toBe(r.cells[c.key]));
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'stats.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: 'district-admin',
      detail: { purpose: '年度党内统计报表', filter: { code: 'age', orgId: d }, rows: table.rows.length },
    });
  });

  it('write the people behind a number with masked identity numbers, audited with the row count', async () => {
    const table = json(await t.call(cityAdmin, 'GET', '/api/statistics/tables/basic'));
    const n = table.rows[0].cells.minority;
    expect(n).toBeGreaterThan(0);
    const res = await t.call(
      cityAdmin,
      'GET',
      `/api/statistics/tables/basic/people/export?col=minority&row=total&purpose=${encodeURIComponent('核对少数民族党员')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const ws = await sheetOf(res.rawPayload);
    expect(ws.rowCount).toBe(n + 1);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const idCol = header.indexOf('身份证号');
    expect(idCol).toBeGreaterThan(0);
    for (let r = 2; r <= ws.rowCount; r++) expect(String(ws.getRow(r).getCell(idCol).value)).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'stats.export.people').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ purpose: '核对少数民族党员', filter: { code: 'basic', col: 'minority', row: 'total' }, rows: n });
  });

  it('refuse without a purpose, outside the scope, and past ten exports a minute', async () => {
    expect((await t.call(cityAdmin, 'GET', '/api/statistics/tables/age/export')).statusCode).toBe(400);
    const other = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'county_committee')
      .where('id', '<>', t.city.sampleIds.district)
      .executeTakeFirstOrThrow();
    expect((await t.call(districtAdmin, 'GET', `/api/statistics/tables/age/export?orgId=${other.id}&purpose=xx`)).statusCode).toBe(404);
    const member = await t.login('member');
    expect((await t.call(member, 'GET', '/api/statistics/tables/age/export?purpose=xx')).statusCode).toBe(403);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await t.call(cityAdmin, 'GET', '/api/statistics/tables/org_kind/export?purpose=%E6%A0%B8%E5%AF%B9')).statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
  });
});

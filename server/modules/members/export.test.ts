import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { idNumberFor } from './id-numbers.js';

let t: TestApp;
let branchAdmin: string;
beforeAll(async () => {
  t = await createTestApp();
  branchAdmin = await t.login('branch-admin');
});
afterAll(async () => {
  await t?.close();
});

async function sheetRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

describe('exporting members', () => {
  it('holds exactly the rows the list shows, masked, formula-safe, and audits purpose, filter and count', async () => {
    const idNumber = idNumberFor('110106', '1979-10-10', 7, '女');
    const created = await t.call(branchAdmin, 'POST', '/api/members', {
      orgId: t.city.sampleIds.branch,
      name: '伍丽华',
      ethnicity: '回族',
      category: 'full',
      idNumber,
      admittedOn: '2003-07-01',
      fullOn: '2004-07-01',
      address: '=HYPERLINK("http://evil.example","点我")',
      workUnit: '+SUM(A1)',
      jobPost: '科员',
    });
    expect(created.statusCode).toBe(201);
    const qs = `orgId=${t.city.sampleIds.branch}&category=full`;
    const listed: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = json(await t.call(branchAdmin, 'GET', `/api/members?${qs}&limit=10${cursor ? `&cursor=${cursor}` : ''}`));
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    const res = await t.call(branchAdmin, 'GET', `/api/members/export?${qs}&purpose=${encodeURIComponent('年度党员信息核对')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['姓名', '性别', '民族', '出生日期', '年龄', '身份证号']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((m) => m.name));
    const mine = rows.find((r) => r[0] === '伍丽华')!;
    expect(mine[5]).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(rows.flat().some((c) => c.includes(idNumber))).toBe(false);
    expect(mine[14]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(mine[12]).toBe("'+SUM(A1) 科员");

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.export').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      purpose: '年度党员信息核对',
      rows: listed.length,
      filter: { orgId: t.city.sampleIds.branch, category: 'full' },
    });
  });

  it('asks for a purpose and keeps to the subtree', async () => {
    expect(json(await t.call(branchAdmin, 'GET', '/api/members/export')).error.field).toBe('purpose');
    expect(
      (
        await t.call(
          branchAdmin,
          'GET',
          `/api/members/export?orgId=${t.city.sampleIds.otherBranch}&purpose=${encodeURIComponent('核对数据')}`,
        )
      ).statusCode,
    ).toBe(404);
    const member = await t.login('member');
    expect((await t.call(member, 'GET', `/api/members/export?purpose=${encodeURIComponent('核对数据')}`)).statusCode).toBe(403);
  });
});

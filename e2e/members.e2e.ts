// Browser tests of the member record (issue 3 point 9): a branch administrator adds a member through
// the form and finds them in the list; an import with one bad row writes nothing and names the row
// and the column on screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login, docShot } from './browser.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';
import { IMPORT_COLUMNS, headerText } from '../server/modules/members/import/columns.js';

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'zugong-e2e-members-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function branchAdminPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await login(page, 'branch-admin');
  await page.goto(`${baseUrl()}/members`);
  await page.getByTestId('member-table').waitFor();
  return { page, close: () => ctx.close() };
}

// Area 110109 is used neither by the demo data nor by the other tests; the minute keeps reruns apart.
const stamp = Math.floor(Date.now() / 60_000) % 499;

describe('the member record in the browser', () => {
  it('a branch administrator adds a member through the form and sees them in the list', async () => {
    const { page, close } = await branchAdminPage();
    const me = await api(page, '/api/auth/me');
    const name = `浏览器${'甲乙丙丁戊'[stamp % 5]}${'春夏秋冬'[stamp % 4]}`;
    await expect.poll(() => page.getByTestId('member-total').count()).toBe(1);
    await docShot(page, 'members-list');
    await page.getByTestId('member-create').click();
    await page.getByTestId('member-name').fill(name);
    await page.getByTestId('member-id-number').fill(idNumberFor('110109', '1991-03-15', stamp, '女'));
    // Birth date and gender are read from the number on the spot.
    await expect.poll(() => page.getByText('1991-03-15，女').count()).toBeGreaterThan(0);
    await page.getByTestId('member-org').locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: me.orgName }).first().click();
    await page.getByTestId('member-admitted-on').fill('2015-06-20');
    await page.keyboard.press('Enter');
    await page.getByTestId('member-full-on').fill('2016-06-20');
    await page.keyboard.press('Enter');
    await page.getByTestId('member-form-ok').click();
    const table = page.getByTestId('member-table');
    await expect.poll(() => table.getByText(name).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const found = (await api(page, `/api/members?q=${encodeURIComponent(name)}`)).items;
    expect(found[0]).toMatchObject({ name, gender: '女', birthDate: '1991-03-15', category: 'full', orgId: me.orgId });
    // The new record opens with its history.
    await table.getByText(name).first().click();
    await expect.poll(() => page.getByTestId('member-detail-name').textContent()).toBe(name);
    await page.getByRole('tab', { name: '变更历史' }).click();
    await expect.poll(() => page.getByTestId('member-history').getByText('新增').count()).toBeGreaterThan(0);
    await docShot(page, 'members');
    await close();
  });

  it('an import with one bad row writes nothing and names the row and the column', async () => {
    const { page, close } = await branchAdminPage();
    const me = await api(page, '/api/auth/me');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员信息');
    ws.addRow(IMPORT_COLUMNS.map(headerText));
    const names = ['导入甲', '导入乙', '导入丙'];
    names.forEach((n, i) => {
      const id = idNumberFor('110109', `1980-0${i + 1}-1${i}`, stamp, '男');
      // The second data row (sheet row 3) gets a wrong check digit.
      const idCell = i === 1 ? id.slice(0, 17) + (id.endsWith('0') ? '1' : '0') : id;
      ws.addRow([
        n,
        '男',
        '汉族',
        null,
        idCell,
        '示范市',
        '大学本科',
        '学士',
        '工人',
        '示范市机械厂 技术员',
        '13700000000',
        '示范市东城区建设路8号',
        '正式党员',
        '2008-05-04',
        '2009-05-04',
        me.orgName,
      ]);
    });
    const file = path.join(dir, '党员信息.xlsx');
    await wb.xlsx.writeFile(file);

    await page.getByTestId('member-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible(), { timeout: 30_000 }).toBe(true);
    const row = errors.locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('3');
    await expect.poll(() => row.textContent()).toContain('身份证号');
    await expect.poll(() => row.textContent()).toContain('校验位');
    expect(await page.getByTestId('import-message').textContent()).toContain('未导入任何数据');
    for (const n of names) expect((await api(page, `/api/members?q=${encodeURIComponent(n)}`)).items).toEqual([]);
    await docShot(page, 'members-import');
    await close();
  });
});

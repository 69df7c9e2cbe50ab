// Statistics in the browser: a district administrator opens the 党内统计 of their district, drills
// into a township (the URL and breadcrumbs follow), clicks a number and sees exactly that many
// people, and exports the table as an .xlsx with its title.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, docShot, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

describe('党内统计', () => {
  it('a district administrator drills from the district to a township, then from a number to its people, and exports the table', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await login(page, 'district-admin');
    const me = await api(page, '/api/auth/me');
    const district = await api(page, '/api/statistics/tables/basic');
    expect(district.org.id).toBe(me.orgId);
    const child = district.rows.find((r: any) => r.kind === 'child' && r.hasChildren && r.cells.total > 0);

    await page.goto(`${baseUrl()}/statistics`);
    await page.waitForURL((u) => u.pathname === '/statistics/basic');
    const table = page.getByTestId('stats-table');
    await expect.poll(() => page.getByTestId('stats-title').textContent(), { timeout: 20_000 }).toBe('党员基本情况');
    await expect
      .poll(() => table.getByTestId('stats-cell-total-total').textContent(), { timeout: 20_000 })
      .toBe(district.rows[0].cells.total.toLocaleString('zh-CN'));

    // Drill into the township: the URL carries it, the breadcrumbs lead back to the district.
    await table.getByTestId(`stats-row-${child.key}`).click();
    await page.waitForURL((u) => u.searchParams.get('orgId') === String(child.orgId));
    await expect
      .poll(() => table.getByTestId('stats-cell-total-total').textContent(), { timeout: 20_000 })
      .toBe(child.cells.total.toLocaleString('zh-CN'));
    await expect.poll(() => page.getByTestId(`stats-crumb-${me.orgId}`).isVisible()).toBe(true);

    // A number → the people behind it: the drawer's count equals the number, and every row is there.
    const cell = table.getByTestId('stats-cell-total-female');
    const n = digits(await cell.textContent());
    expect(n).toBeGreaterThan(0);
    await cell.click();
    const list = page.getByTestId('people-list');
    await expect.poll(() => page.getByTestId('people-total').textContent(), { timeout: 20_000 }).toBe(`共 ${n} 人`);
    while (await page.getByTestId('load-more').isVisible()) {
      await page.getByTestId('load-more').click();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(n);
    await docShot(page, 'statistics-people');
    await page.keyboard.press('Escape');

    // Export: the purpose is asked, the download is an .xlsx of the table with its title.
    await page.getByTestId('stats-export').click();
    await page.getByTestId('stats-export-purpose').fill('年度党内统计报表核对');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ant-modal-footer .ant-btn-primary').click()]);
    expect(download.suggestedFilename()).toMatch(/^党员基本情况-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A1').value).toBe('党员基本情况');
    expect(String(wb.worksheets[0].getCell('A5').value)).toContain('合计');
    await docShot(page, 'statistics');
    await ctx.close();
  });

  it('a city administrator switches to the age table of last year-end and sees the bands', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'city-admin');
    const month = `${new Date().getFullYear() - 1}-12`;
    await page.goto(`${baseUrl()}/statistics/basic?month=${month}`);
    await page.getByTestId('stats-pick-age').click();
    await page.waitForURL((u) => u.pathname === '/statistics/age' && u.searchParams.get('month') === month);
    const expected = await api(page, `/api/statistics/tables/age?month=${month}`);
    const table = page.getByTestId('stats-table');
    await expect
      .poll(() => table.getByTestId('stats-cell-total-age_31_35').textContent(), { timeout: 20_000 })
      .toBe(expected.rows[0].cells.age_31_35.toLocaleString('zh-CN'));
    await expect.poll(() => page.getByText(`统计截止日期：${month.slice(0, 4)}年12月31日`).isVisible()).toBe(true);
    await ctx.close();
  });
});

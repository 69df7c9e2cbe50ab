// Dashboards and organization health in the browser: the city administrator opens the dashboard (the
// ECharts canvases draw, Chinese titles show, the charts fit an A4 column when printing), then the
// health view (rows with their reasons, the weakest first) and drills into a district.
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

const CHARTS = [
  'chart-gender',
  'chart-age',
  'chart-education',
  'chart-occupation',
  'chart-joining',
  'chart-pipeline',
  'chart-compliance-kind',
  'chart-compliance-child',
  'chart-dues',
  'chart-terms',
  'chart-stars',
];

describe('dashboards and organization health', () => {
  it('the city administrator sees the dashboard drawn, in Chinese, and printable', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'city-admin');
    await page.goto(`${baseUrl()}/dashboard`);
    const members = await api(page, '/api/dashboard/members');
    await expect
      .poll(async () => (await page.getByTestId('kpi-members').textContent())?.replace(/,/g, ''), { timeout: 30_000 })
      .toContain(String(members.members));
    await expect.poll(() => page.getByTestId('kpi-dues').textContent(), { timeout: 60_000 }).toMatch(/\d+\.\d%/);
    for (const id of CHARTS) {
      await expect.poll(() => page.getByTestId(id).locator('canvas').count(), { timeout: 60_000, message: id }).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByText('党员年龄结构').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/党费收缴（\d{4}-\d{2} 至 \d{4}-\d{2}，按月）/).isVisible()).toBe(true);
    await docShot(page, 'dashboard');

    // Print: the page switches to the A4 layout and the charts resize to a half-page column before printing.
    await page.evaluate(() => {
      const w = window as unknown as { printedWidth: number };
      w.printedWidth = 0;
      window.print = () => {
        w.printedWidth = document.querySelector('[data-testid="chart-dues"] canvas')!.getBoundingClientRect().width;
      };
    });
    const screenWidth = await page
      .getByTestId('chart-dues')
      .locator('canvas')
      .first()
      .evaluate((c) => c.getBoundingClientRect().width);
    await page.getByTestId('dashboard-print').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printedWidth: number }).printedWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const printed = await page.evaluate(() => (window as unknown as { printedWidth: number }).printedWidth);
    // 186 mm is about 703 px at 96 dpi: two columns of about 350 px.
    expect(printed).toBeLessThan(360);
    expect(printed).toBeLessThan(screenWidth);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    await ctx.close();
  });

  it('the health view lists the organizations with their reasons, weakest first, and drills into a district', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const page = await ctx.newPage();
    await login(page, 'city-admin');
    await page.goto(`${baseUrl()}/org-health`);
    const table = page.getByTestId('health-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 90_000 }).toBeGreaterThan(5);
    await expect.poll(() => table.getByTestId('health-reason').count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('预警').first().isVisible()).toBe(true);
    // Needs attention first (the default): the first row has at least as many 预警 signals as any other.
    const warnings = await table
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-warnings'))));
    expect(warnings[0]).toBe(Math.max(...warnings));
    await docShot(page, 'org-health');

    const view = await api(page, '/api/org-health');
    const district = view.rows.find((r: any) => r.orgKind === 'county_committee');
    await table.getByTestId(`health-drill-${district.orgId}`).click();
    await page.waitForURL((u) => u.searchParams.get('orgId') === String(district.orgId));
    await expect.poll(() => page.getByTestId('health-crumbs').textContent(), { timeout: 60_000 }).toContain(district.orgName);
    const inDistrict = await api(page, `/api/org-health?orgId=${district.orgId}`);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 60_000 }).toBe(inDistrict.rows.length);
    const first = inDistrict.rows.find((r: any) => r.warnings + r.attentions > 0);
    await expect.poll(() => table.getByTestId(`health-row-${first.orgId}`).getByTestId('health-reason').count()).toBeGreaterThan(0);
    // A reason leads to the page where it is dealt with.
    const link = table.getByTestId(`health-row-${first.orgId}`).getByTestId('health-reason').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/(compliance|terms|dues|development|standards)\?orgId=\d+/);
    await ctx.close();
  });
});

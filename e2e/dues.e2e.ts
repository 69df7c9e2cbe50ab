// Dues in the browser: a branch secretary opens a member in arrears, records the back payment,
// and the arrears disappear from the member's account and from the arrears list.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login, docShot } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('party dues', () => {
  it('a branch administrator records a back payment and the arrears disappear', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'branch-admin');
    const me = await api(page, '/api/auth/me');
    const before = await api(page, `/api/dues/orgs/${me.orgId}/arrears?minLevel=warning`);
    const target = before.items[0];
    expect(target.consecutiveUnpaid).toBeGreaterThanOrEqual(3);
    await page.goto(`${baseUrl()}/dues`);
    await page.getByRole('tab', { name: '欠缴预警' }).click();
    const table = page.getByTestId('arrears-table');
    await table.getByText(target.name, { exact: true }).first().click();
    const drawer = page.getByTestId('member-dues');
    await expect
      .poll(() => drawer.getByTestId('member-arrears').textContent(), { timeout: 15_000 })
      .toContain(`欠缴 ${target.unpaidMonths} 个月`);
    await drawer.getByRole('tab', { name: '补缴 / 预缴' }).click();
    await drawer.getByTestId('pay-submit').click();
    await expect.poll(() => drawer.getByTestId('member-arrears').textContent(), { timeout: 15_000 }).toContain('正常');
    const after = await api(page, `/api/dues/orgs/${me.orgId}/arrears?minLevel=none`);
    expect(after.items.map((i: any) => i.memberId)).not.toContain(target.memberId);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '按月收缴' }).click();
    await expect.poll(() => page.getByTestId('sheet-summary').isVisible(), { timeout: 15_000 }).toBe(true);
    await docShot(page, 'dues');
    await ctx.close();
  });

  it('a district administrator sees totals rolled up by organization and approves a branch reduction', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'district-admin');
    await page.goto(`${baseUrl()}/dues`);
    await page.getByRole('tab', { name: '收缴统计' }).click();
    const byChild = page.getByTestId('totals-by-child');
    await expect.poll(() => byChild.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.getByRole('tab', { name: '减免审批' }).click();
    const pending = (await api(page, '/api/dues/reductions?status=proposed')).items.find((r: any) => r.canDecide);
    await page.getByTestId(`approve-${pending.id}`).click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(async () => (await api(page, '/api/dues/reductions?status=approved')).items.some((r: any) => r.id === pending.id), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.getByRole('tab', { name: '欠缴预警' }).click();
    await expect
      .poll(() => page.getByTestId('arrears-table').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await ctx.close();
  });
});

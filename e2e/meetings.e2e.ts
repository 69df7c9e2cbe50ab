// Organizational life in the browser: a branch secretary records this month's 主题党日 from the
// prefilled 登记会议 drawer, and the compliance monitor turns the month's check to 已开展.
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

/** This month as the server counts it (China Standard Time). */
const monthCn = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

describe('organizational life', () => {
  it('record a meeting and see the compliance view change', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'branch-admin');
    const me = await api(page, '/api/auth/me');
    const key = monthCn();
    const checkOf = async () => {
      const v = await api(page, `/api/org-life/compliance/unit/${me.orgId}?period=month&key=${key}`);
      return v.checks.find((c: any) => c.kind === 'theme_day' && c.periodKey === key);
    };
    // The demo leaves the sample branch's 主题党日 of this month unheld.
    expect((await checkOf()).state).not.toBe('held');

    await page.goto(`${baseUrl()}/meetings?record=theme_day&orgId=${me.orgId}`);
    const form = page.getByTestId('meeting-form');
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    // Prefilled: the kind asked for, held today; attendance drawn from the branch's roster.
    await expect.poll(() => form.locator('.ant-select-selection-item', { hasText: '主题党日' }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('attendance-table').locator('tbody tr.ant-table-row').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const topic = `浏览器测试主题党日${Date.now() % 100000}`;
    await page.getByTestId('meeting-topic').fill(topic);
    await page.getByTestId('meeting-submit').click();
    // Saved: the record opens as a 会议记录 and the list shows it.
    const detail = page.getByTestId('meeting-detail');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain(topic);
    await docShot(page, 'meeting-record');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('meetings-table').textContent(), { timeout: 15_000 }).toContain(topic);
    expect((await checkOf()).state).toBe('held');

    await page.goto(`${baseUrl()}/compliance?orgId=${me.orgId}&period=month&key=${key}`);
    const cell = page.getByTestId(`check-theme_day-${key}`);
    await expect.poll(() => cell.first().textContent(), { timeout: 20_000 }).toContain('已开展');
    await ctx.close();
  });
});

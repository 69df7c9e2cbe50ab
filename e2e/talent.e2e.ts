// Browser test of the talent registry (issue 15 point 1): the talent office opens the structure by tier, drills a
// tier's count into the registry (the filter carried in the address) and sees exactly that many rows' total, then
// opens a person and sees their talent card.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the talent registry in the browser', () => {
  it('drills a tier of the structure into the registry and opens a person’s card', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await login(page, 'talent-officer');
    await page.goto(`${baseUrl()}/talent/structure`);
    const drill = page.locator('[data-testid^="drill-tier-"]:not([data-testid$="-flex"]):not([data-testid$="-blank"])').first();
    await drill.waitFor();
    const count = Number(await drill.textContent());
    expect(count).toBeGreaterThan(0);
    await drill.click();
    await page.waitForURL((u) => u.pathname === '/talent' && u.search.includes('tier'));
    const query = new URL(page.url()).search;
    const listed = await api<{ total: number }>(page, `/api/talent/people${query}`);
    expect(listed.total).toBe(count);
    const person = page.getByTestId('talent-table').locator('a[href^="/talent/people/"]').first();
    await person.waitFor();
    await person.click();
    await page.getByTestId('talent-card').waitFor();
    expect(await page.getByTestId('talent-card').textContent()).toMatch(/\S/);
    await ctx.close();
  });
});

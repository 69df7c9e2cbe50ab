// Theory learning in the browser, on a 375-px phone: the demo member opens the city plan, studies a
// material and the server credits the time; a hidden page earns nothing. The e2e server cannot have its
// clock moved, so it runs with 2-second heartbeats (ZUGONG_E2E_SHORT_HEARTBEATS, global-setup.ts) and
// the test waits a few real seconds instead of the 30-second beats of a real server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const credited = async (page: Page) => Number(await page.getByTestId('study-credited').getAttribute('data-seconds'));

describe('theory learning', () => {
  it('a member studies a material of the city plan on a phone until the server credits it; a hidden page earns nothing', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await login(page, 'member');
    await page.goto(`${baseUrl()}/my/learning/plans`);
    const plans = await api(page, '/api/learning/my/plans');
    const plan = plans.items.find((p: { materials: unknown[]; orgName: string }) => p.materials.length > 1);
    const material = plan.materials[1];
    await page.getByTestId(`study-${material.refId}`).first().click();
    await page.waitForURL((u) => u.pathname === `/my/learning/materials/${material.refId}`);
    await expect.poll(() => credited(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    // No horizontal scrolling on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The page goes to the background: a hidden beat at once, then nothing is credited while hidden.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => page.getByTestId('study-paused').isVisible(), { timeout: 10_000 }).toBe(true);
    const paused = await credited(page);
    await page.waitForTimeout(5_000);
    expect(await credited(page)).toBe(paused);
    const mine = await api(page, '/api/learning/my/plans');
    const m = mine.items.find((p: { id: number }) => p.id === plan.id).materials.find((x: { refId: number }) => x.refId === material.refId);
    expect(m.creditedSeconds).toBe(paused);
    await ctx.close();
  });
});

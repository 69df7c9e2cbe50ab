// The learner's pages on a 375-px phone (issue 14 point 7): the member lands on the learning hub, and
// the hub, the plans, quizzes, classes, certificates and hours pages and the member's record, dues and
// meetings fit the width (no horizontal scroll of the page or of its content box); a self-report with
// its evidence is filed from the phone and shows as pending.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The page's and the content box's overflow beyond the viewport, in pixels (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const doc = document.documentElement;
    const box = document.querySelector('.app-content');
    return Math.max(doc.scrollWidth - 375, box ? box.scrollWidth - box.clientWidth : 0);
  });

describe('the learner on a phone', () => {
  it('lands on the hub; the hub, hours, record, dues and meetings pages fit 375 px', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await login(page, 'member');
    await page.waitForURL((u) => u.pathname === '/my/learning');
    await expect.poll(() => page.getByTestId('hours-summary').isVisible(), { timeout: 15_000 }).toBe(true);
    const pages = ['/my/learning', '/my/learning/hours', '/my/learning/plans', '/my/learning/quizzes', '/my/learning/classes'];
    for (const path of [...pages, '/my/learning/certificates', '/my-record', '/my-dues', '/my-meetings']) {
      await page.goto(`${baseUrl()}${path}`);
      await expect.poll(() => page.locator('.page-card, .lc-phone').first().isVisible(), { timeout: 15_000 }).toBe(true);
      await page.waitForLoadState('networkidle');
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await ctx.close();
  });

  it('files a self-report with evidence from the phone; it shows as pending', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await login(page, 'member');
    await page.goto(`${baseUrl()}/my/learning/hours`);
    await page.getByTestId('open-self-report').click();
    const form = page.getByTestId('self-report-form');
    const title = `手机申报的专题读书班 ${Date.now() % 100000}`;
    await form.getByLabel('培训名称').fill(title);
    const day = new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const label of ['开始日期', '结束日期']) {
      await form.getByLabel(label).fill(day);
      await form.getByLabel(label).press('Enter');
    }
    await form.getByLabel('学时').fill('3');
    await form.locator('input[type=file]').setInputFiles({ name: '结业证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('submit-self-report').click();
    const mine = page.getByTestId('my-self-report').filter({ hasText: title });
    await expect.poll(() => mine.textContent(), { timeout: 15_000 }).toContain('待审核');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await ctx.close();
  });
});

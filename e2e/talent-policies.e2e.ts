// Browser test of talent policies (issue 15 points 4 and 5): an officer evaluates a demo policy for typed facts and
// sees which one condition the applicant misses, with its reason, while the others are met; and a 公示 that would
// start before 国庆 ends past it, the holiday named (counted in working days by the Chinese holiday calendar).
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

const input = (page: import('playwright-core').Page, id: string) => page.getByTestId(id).locator('xpath=self::input | .//input').first();

describe('talent policies in the browser', () => {
  it('an evaluation shows why an applicant misses one condition', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await login(page, 'talent-officer');
    await page.goto(`${baseUrl()}/talent-policies/evaluate`);
    await page.getByTestId('eval-policy').click();
    await page.locator('.ant-select-item-option', { hasText: '青年博士生活补贴' }).first().click();
    await input(page, 'eval-birth').fill('1990-01-01');
    await input(page, 'eval-birth').press('Enter');
    await page.getByTestId('eval-add-degree').click();
    await input(page, 'eval-si').fill('2');
    await input(page, 'eval-tax').fill('6');
    await page.getByTestId('eval-run').click();
    await page.getByTestId('evaluation').waitFor();
    expect(await page.getByTestId('evaluation-verdict').textContent()).toBe('不符合条件');
    const missed = page.locator('[data-testid^="cond-"][data-met="0"]');
    expect(await missed.count()).toBe(1);
    expect(await missed.getAttribute('data-testid')).toBe('cond-LIVE-DR.social_insurance_months');
    const row = page.locator('tr', { has: missed });
    expect(await row.textContent()).toContain('2');
    expect(await page.locator('[data-testid^="cond-"][data-met="1"]').count()).toBeGreaterThan(3);
    await ctx.close();
  });

  it('a 公示 starting before 国庆 ends after it, the holiday named', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await login(page, 'talent-officer');
    // An application at the step whose pass opens the 公示 (expert review, or city review without experts).
    const lists = await Promise.all(
      ['expert_review', 'city_review'].map((s) => api<{ items: { id: number }[] }>(page, `/api/talent/applications?status=${s}`)),
    );
    let found = false;
    for (const { id } of lists.flatMap((l) => l.items).slice(0, 6)) {
      await page.goto(`${baseUrl()}/talent-policies/applications/${id}`);
      await page.getByTestId('tp-application').waitFor();
      if (await page.getByTestId('tp-pub-start').count()) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await input(page, 'tp-pub-start').fill('2026-09-28');
    await input(page, 'tp-pub-start').press('Enter');
    await expect.poll(async () => (await page.getByTestId('tp-pub-end').textContent()) ?? '').toMatch(/^2026-10-(0[89]|[12]\d)$/);
    expect(await page.getByTestId('tp-pub-holidays').textContent()).toContain('国庆');
    await ctx.close();
  });
});

// Browser test of 民主测评 (issue 13 point 10): the cadre officer creates an evaluation of a team, generates
// the code slips and opens it; two voters vote with their codes on a phone-sized page (a code used twice is
// refused); the officer sees the turnout, closes it and reads the counted results.
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

const confirmPopover = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

async function voteOnPhone(code: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(`${baseUrl()}/vote`);
  await page.getByTestId('vote-code').fill(code);
  await page.getByTestId('vote-start').click();
  return { page, close: () => ctx.close() };
}

describe('民主测评 in the browser', () => {
  it('an officer runs an evaluation, two voters vote with codes on a phone, the officer closes it and sees the counts', async (t) => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const officer = await ctx.newPage();
    await login(officer, 'cadre-officer');
    // The teams come from the cadre demo; without it there is nothing to evaluate.
    const teams = (await api<{ items: { id: number; name: string; members: unknown[] }[] }>(officer, '/api/cadre-evaluations/teams')).items;
    const team = teams.find((x) => x.members.length > 0);
    if (!team) {
      await ctx.close();
      t.skip();
      return;
    }
    await officer.goto(`${baseUrl()}/cadre-evaluations`);
    await officer.getByTestId('evaluation-create').click();
    const title = `浏览器测试民主测评${Date.now() % 10_000}`;
    await officer.getByTestId('evaluation-title').fill(title);
    await officer.getByTestId('evaluation-team').click();
    await officer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: team.name }).first().click();
    await officer.getByTestId('evaluation-submit').click();
    await officer.getByTestId('evaluation-codes').click();
    await officer.locator('.ant-modal:visible .ant-btn-primary').click();
    const slips = officer.getByTestId('evaluation-slip-code');
    await expect.poll(() => slips.count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const codes = await slips.allInnerTexts();
    expect(codes.every((c) => /^[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(c.trim()))).toBe(true);
    await officer.getByTestId('evaluation-open').click();
    await confirmPopover(officer);
    await officer.getByTestId('evaluation-close').waitFor();

    for (const code of codes.slice(0, 2)) {
      const { page, close } = await voteOnPhone(code.trim());
      const options = page.locator('.vote-item .ant-radio-button-wrapper:first-child');
      await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(1);
      // The ballot fits the phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      for (const o of await options.all()) await o.click();
      await page.getByTestId('vote-submit').click();
      await confirmPopover(page);
      await page.getByTestId('vote-done').waitFor();
      await close();
    }

    // The first code again: refused with a clear message.
    const again = await voteOnPhone(codes[0].trim());
    await expect.poll(() => again.page.getByTestId('vote-error').innerText(), { timeout: 15_000 }).toContain('只能使用一次');
    await again.close();

    await officer.getByRole('button', { name: /刷\s*新/ }).click();
    await expect.poll(() => officer.getByTestId('evaluation-used-total').innerText(), { timeout: 15_000 }).toBe('2');
    await officer.getByTestId('evaluation-close').click();
    await confirmPopover(officer);
    await officer.getByTestId('evaluation-results').click();
    const ballots = officer.getByTestId('evaluation-ballots');
    await ballots.waitFor();
    // Both ballots are counted, in the first voter category (the slips list it first).
    expect(await ballots.innerText()).toMatch(/班子成员 2/);
    expect(await officer.getByTestId('evaluation-total').first().innerText()).toBe('100');
    await ctx.close();
  });
});

// Browser test of the talent registry (issue 15 point 1): the talent office opens the structure by tier, drills a
// tier's count into the registry (the filter carried in the address) and sees exactly that many rows' total, then
// opens a person and sees their talent card. An officer registers a talent linked to a Party member (found by
// name, identity taken from the member record) and finds them in the registry.
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

  it('registers a talent linked to a Party member and finds them in the registry', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'talent-officer');
    await page.goto(`${baseUrl()}/talent`);
    await page.getByTestId('talent-table').waitFor();
    // A member in scope not yet on the registry, whose name is unique among the candidates.
    type Hit = { kind: string; id: number; name: string; talentId: number | null };
    const hits = (await api<{ items: Hit[] }>(page, '/api/talent/link-candidates?q=w')).items;
    const member = hits.find((h) => h.kind === 'member' && h.talentId === null && hits.filter((x) => x.name === h.name).length === 1);
    expect(member).toBeDefined();
    await page.getByTestId('talent-create').click();
    const form = page.getByTestId('talent-form');
    await form.waitFor();
    await page.getByTestId('talent-form-link').click();
    await page.getByTestId('talent-form-link').locator('input').fill(member!.name);
    await page.getByTestId(`link-option-member-${member!.id}`).click();
    await page.getByTestId('talent-form-linked').waitFor();
    // Identity comes from the member record: no name field to type.
    expect(await form.getByTestId('talent-form-name').count()).toBe(0);
    await page.getByTestId('talent-form-employer').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('talent-form-save').click();
    await page.waitForURL((u) => /^\/talent\/people\/\d+$/.test(u.pathname));
    await expect.poll(() => page.getByTestId('talent-person-name').textContent()).toBe(member!.name);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await api(page, `/api/talent/people/${id}`)).toMatchObject({ memberId: member!.id, name: member!.name, linked: 'member' });
    await page.goto(`${baseUrl()}/talent?q=${encodeURIComponent(member!.name)}`);
    const row = page.getByTestId('talent-table').locator(`a[href="/talent/people/${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toBe(member!.name);
    await ctx.close();
  });

  it('fits the talent office’s pages into 1440 px: dense tables scroll inside themselves, never the page', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'talent-officer');
    const person = (await api<{ items: { id: number }[] }>(page, '/api/talent/people?card=valid&limit=1')).items[0];
    const wide: string[] = [];
    for (const path of [
      '/talent',
      '/talent/structure',
      '/talent/recognitions',
      '/talent/tier-sets',
      `/talent/people/${person.id}`,
      '/talent-policies',
      '/talent-policies/calls',
      '/talent-policies/applications',
      '/talent-policies/ledger',
      '/talent-agreements',
      '/talent-services',
      '/talent-indicators',
      '/dashboard',
    ]) {
      await page.goto(`${baseUrl()}${path}`);
      await page.locator('.page-card, .ant-table').first().waitFor();
      await page.waitForLoadState('networkidle');
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) wide.push(`${path}: ${over} px`);
    }
    expect(wide).toEqual([]);
    // The dashboard (last page above) shows the talent panel with the registry's figures and its charts.
    const panel = await api<{ total: number }>(page, '/api/dashboard/talent');
    await expect
      .poll(() => page.getByTestId('talent-kpi-total').locator('.ant-statistic-content').textContent())
      .toBe(panel.total.toLocaleString('en-US'));
    await page.getByTestId('talent-by-tier-chart').locator('canvas').waitFor();
    await ctx.close();
  });
});

// 干部配备一览表 in the browser: the city's cadre officer creates a unit with two posts through the API
// (the demo cadres come from another part of the issue), finds it in the 一览表 among the units with a
// vacant post, drills to its team page, and sees the vacancies on the dashboard's cadre panel.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, docShot, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function post<T = any>(page: Page, path: string, body: object): Promise<T> {
  const res = await page.request.post(`${baseUrl()}${path}`, { data: body, headers: { Origin: baseUrl() } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('the 干部配备一览表', () => {
  it('shows a unit with its vacant posts and drills to its team', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'cadre-officer');
    const me = await api(page, '/api/auth/me');
    const name = `浏览器测试局${Date.now() % 100000}`;
    const unit = await post(page, '/api/cadre-units', { managerOrgId: me.orgId, name, kind: '政府部门', level: '正处', sort: 0 });
    await post(page, `/api/cadre-units/${unit.unit.id}/posts`, { title: '局长', level: '正处', principal: true, quota: 1 });
    await post(page, `/api/cadre-units/${unit.unit.id}/posts`, { title: '副局长', level: '副处', principal: false, quota: 2 });

    await page.goto(`${baseUrl()}/cadre-units/roster`);
    const table = page.getByTestId('roster-table');
    await page.getByText('只看缺配').click();
    const link = table.getByTestId('roster-unit').filter({ hasText: name });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    const row = table.locator('tr').filter({ hasText: '副局长' }).filter({ hasText: '缺配' });
    expect(await row.count()).toBeGreaterThan(0);
    await docShot(page, 'cadre-roster');

    await link.click();
    await page.waitForURL((u) => u.pathname === `/cadre-units/teams/${unit.unit.id}`);
    await expect.poll(() => page.getByTestId('team-title').textContent(), { timeout: 15_000 }).toBe(name);
    expect(await page.getByTestId('team-page').textContent()).toContain('未录入届期');

    // The cadre officer's dashboard shows the cadre panel, counting the new unit's vacant posts.
    await page.goto(`${baseUrl()}/dashboard`);
    const overview = page.getByTestId('cadre-overview');
    await expect.poll(() => overview.textContent(), { timeout: 20_000 }).toContain('缺配职位');
    expect((await api(page, '/api/dashboard/cadres')).vacantPosts).toBeGreaterThanOrEqual(1);
    await ctx.close();
  });
});

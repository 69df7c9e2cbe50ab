// The foundation's browser tests: log in, open an organization in the tree, create a branch under
// it, see the change in the audit log; a branch administrator who types another branch's URL sees
// "not found".
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

describe('organization tree and audit log', () => {
  it('a city administrator creates a branch under a district found in the tree; the auditor sees it', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    // Demo mode: the banner says the demo accounts skip the second factor (issue 11.4), and they sign in with the password alone.
    await page.goto(`${baseUrl()}/login`);
    expect(await page.getByTestId('demo-second-factor').textContent()).toContain('动态验证码');
    await login(page, 'city-admin');
    const me = await api(page, '/api/auth/me');
    const districts = (await api(page, `/api/orgs/${me.orgId}/children`)).items;
    const district = districts.find((d: any) => d.kind === 'county_committee');
    // The root starts open in the tree: click the district there.
    const tree = page.getByTestId('org-tree');
    await tree
      .getByText(district.shortName || district.name, { exact: true })
      .first()
      .click();
    await page.waitForURL(`**/orgs/${district.id}`);
    await expect.poll(() => page.locator('h1, h2, h3, h4, .ant-descriptions').first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: /下级组织/ }).click();
    await page.getByTestId('org-create-child').click();
    const name = `浏览器测试${Date.now() % 100000}党支部`;
    await page.getByTestId('org-form-name').fill(name);
    await page.getByTestId('org-form-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^党支部$/ }).click();
    await page.getByTestId('org-form-submit').click();
    await expect.poll(() => page.getByText(name).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const created = (await api(page, `/api/orgs/search?q=${encodeURIComponent(name)}`)).items[0];
    expect(created).toMatchObject({ name, kind: 'branch' });
    await docShot(page, 'orgs');
    await ctx.close();

    const actx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const audit = await actx.newPage();
    await login(audit, 'auditor');
    await audit.goto(`${baseUrl()}/audit`);
    const table = audit.getByTestId('audit-table');
    // The action in words and the organization by its name, never `org.create` and an id.
    await expect.poll(() => table.getByText('新建组织').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const row = table.locator('tr', { hasText: '新建组织' }).first();
    await expect.poll(() => row.textContent()).toContain(name);
    await expect.poll(() => row.textContent()).toContain('city-admin');
    await actx.close();
  });

  it('a branch administrator who types another branch’s URL sees “not found”', async () => {
    const cityCtx = await browser.newContext();
    const cityPage = await cityCtx.newPage();
    await login(cityPage, 'city-admin');
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await login(page, 'branch-admin');
    const mine = (await api(page, '/api/auth/me')).orgId;
    const branches = (await api(cityPage, `/api/orgs/search?q=${encodeURIComponent('党支部')}&limit=50`)).items;
    const other = branches.find((b: any) => b.id !== mine && b.status === 'active');
    await page.goto(`${baseUrl()}/orgs/${other.id}`);
    await expect.poll(() => page.getByTestId('not-found').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('not-found').textContent()).toContain('未找到');
    await expect.poll(() => page.getByText(other.name).count()).toBe(0);
    await ctx.close();
    await cityCtx.close();
  });
});

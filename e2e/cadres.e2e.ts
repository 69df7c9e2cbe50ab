// Browser test of the cadre's own page (issue 12 points 6 and 9): a cadre asks, on a phone-width
// screen, to correct a field of their file; an officer approves it in the queue; the cadre's file
// then shows the corrected value and the request as approved. Until the demo city links the demo
// account `cadre` to a file, the test files one through the API as the cadre officer.
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

async function newPage(width: number, height: number): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
  return ctx.newPage();
}

describe('a cadre’s correction request', () => {
  it('is made on a phone, approved by an officer, and only then changes the file', async () => {
    const cadre = await newPage(375, 740);
    await login(cadre, 'cadre');
    const officer = await newPage(1440, 900);
    await login(officer, 'cadre-officer');

    // The demo account's file, or one filed now and linked to the account.
    const mine = await cadre.request.get(`${baseUrl()}/api/cadres/me`);
    if (mine.status() === 404) {
      const [me, off] = [await api(cadre, '/api/auth/me'), await api(officer, '/api/auth/me')];
      const created = await officer.request.post(`${baseUrl()}/api/cadres`, {
        data: { managerOrgId: off.orgId, name: me.displayName, sex: '男', nativePlace: '江苏南京' },
      });
      expect(created.status(), await created.text()).toBe(201);
      const file = await created.json();
      const linked = await officer.request.patch(`${baseUrl()}/api/cadres/${file.id}`, { data: { version: file.version, userId: me.id } });
      expect(linked.status(), await linked.text()).toBe(200);
    }
    const proposed = `江苏扬州${Date.now() % 10_000}`;

    await cadre.goto(`${baseUrl()}/my-cadre`);
    await cadre.getByTestId('cadre-form-view').waitFor();
    await cadre.getByTestId('my-cadre-request').click();
    await cadre.locator('.ant-modal .ant-select').first().click();
    await cadre.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '籍贯' }).first().click();
    await cadre.getByTestId('my-cadre-proposed').fill(proposed);
    await cadre.getByTestId('my-cadre-reason').fill('籍贯填写有误，以户口簿为准');
    await cadre.getByTestId('my-cadre-request-ok').click();
    await expect.poll(async () => (await api(cadre, '/api/cadres/me/corrections')).items.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const request = (await api(cadre, '/api/cadres/me/corrections')).items[0];
    expect(request).toMatchObject({ field: 'nativePlace', proposedValue: proposed, status: 'pending' });
    await expect.poll(() => cadre.getByTestId(`my-correction-status-${request.id}`).textContent(), { timeout: 15_000 }).toBe('待处理');
    // Not yet in the file.
    expect((await api(cadre, '/api/cadres/me')).form.nativePlace).not.toBe(proposed);

    await officer.goto(`${baseUrl()}/cadres/corrections`);
    await officer.getByTestId(`correction-approve-${request.id}`).click();
    await officer.locator('.ant-modal textarea').fill('已核对户口簿');
    await officer.getByTestId('correction-decide-ok').click();
    await expect
      .poll(async () => (await api(officer, '/api/cadres/corrections?status=approved')).items.some((k: any) => k.id === request.id), {
        timeout: 15_000,
      })
      .toBe(true);

    await cadre.reload();
    await expect.poll(() => cadre.getByTestId('cadre-form-nativePlace').textContent(), { timeout: 15_000 }).toBe(proposed);
    await expect.poll(() => cadre.getByTestId(`my-correction-status-${request.id}`).textContent()).toBe('已同意');
    // The phone layout does not scroll sideways.
    expect(await cadre.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  });
});

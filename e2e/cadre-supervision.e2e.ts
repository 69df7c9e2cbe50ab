// 因私出国（境） in the browser, as the cadre officer: a new cadre's passport is handed into custody, a trip is
// recorded and approved, the passport is taken out for it (due back 10 days after the planned return, the
// versioned local rule) and handed back — each through the supervision page's forms, asserting what it shows.
import dayjs from 'dayjs';
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

const modal = (page: Page) => page.locator('.ant-modal:visible');
const pickExact = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .first()
    .click();
/** Saves the open modal and waits until it has closed (the page then shows the answer's records). */
async function save(page: Page, testId: string) {
  await page.getByTestId(`${testId}-ok`).click();
  await expect.poll(() => modal(page).count()).toBe(0);
}
const rowText = (page: Page, table: string) => page.getByTestId(table).locator('tbody tr').first().textContent();

describe('cadre supervision', () => {
  it('a trip is recorded and approved, the passport taken out for it and handed back', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'cadre-officer');
    const me = await api(page, '/api/auth/me');
    const created = await page.request.post(`${baseUrl()}/api/cadres`, { data: { managerOrgId: me.orgId, name: '监督测试干部' } });
    expect(created.status(), await created.text()).toBe(201);
    const cadreId: number = (await created.json()).id;
    const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');

    await page.goto(`${baseUrl()}/cadre-supervision/cadres/${cadreId}`);
    // The passport is handed into custody.
    await page.getByTestId('sup-add-passport').click();
    await modal(page).locator('.ant-select').first().click();
    await pickExact(page, '护照');
    await modal(page).getByLabel('证件号码').fill('E12345678');
    await save(page, 'sup-passport-in');
    await expect.poll(() => rowText(page, 'sup-passports')).toContain(day(0));

    // The trip: a refusal-free approval.
    await page.getByTestId('sup-add-trip').click();
    await page.getByTestId('sup-trip-destinations').fill('新加坡');
    await page.getByTestId('sup-trip-purpose').fill('探亲');
    await page.getByTestId('sup-trip-funded').fill('自费');
    const range = modal(page).locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill(day(10));
    await range.nth(0).press('Enter');
    await range.nth(1).fill(day(20));
    await range.nth(1).press('Enter');
    await save(page, 'sup-trip-apply');
    await expect.poll(() => rowText(page, 'sup-trips')).toContain('待审批');
    expect(await rowText(page, 'sup-trips')).toContain(`${day(10)} – ${day(20)}`);

    await page.locator('[data-testid^="sup-trip-decide-"]').click();
    await page.getByTestId('sup-trip-decided-by').fill('区委组织部');
    await save(page, 'sup-trip-decide');
    await expect.poll(() => rowText(page, 'sup-trips')).not.toContain('待审批');
    expect(await rowText(page, 'sup-trips')).toContain('批准');

    // The passport is taken out for the trip: due 10 days after the planned return.
    await page.locator('[data-testid^="sup-trip-passport-"]').click();
    await save(page, 'sup-trip-passport');
    await expect.poll(() => rowText(page, 'sup-trips')).toContain(day(30));
    expect(await rowText(page, 'sup-passports')).toContain(day(30));

    // Handed back from the trip's row: the passport shows it returned, nothing overdue.
    await page.locator('[data-testid^="sup-trip-return-"]').click();
    await save(page, 'sup-passport-return');
    await expect.poll(async () => (await api(page, `/api/cadre-supervision/cadres/${cadreId}`)).passports[0].returnedOn).toBe(day(0));
    const passportRow = await rowText(page, 'sup-passports');
    expect(passportRow).not.toContain('逾期');
    expect(await page.locator('[data-testid^="sup-trip-return-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="sup-passport-out-"]').count()).toBe(1);
    await ctx.close();
  });
});

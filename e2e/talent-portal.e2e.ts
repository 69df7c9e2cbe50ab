// Browser test of the applicant's side (issue 15 point 8): on a 375-px phone an applicant asks for a
// code (read through the e2e-only hook, ZUGONG_E2E=1), fills in the form, is refused without consent,
// agrees, registers and lands on their own home with their record and the consent they gave. Then (point 5) the
// same applicant applies to an open call, uploads the call's required attachments through the page's upload
// buttons and submits; the office returns it with a reason (through the API) and the applicant sees the outcome
// and the reason on their applications page. The employer's applications page fits the phone too.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** How far the page, its content box or an open dialog reaches beyond the 375-px viewport (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('.app-content');
    const dialogs = [...document.querySelectorAll('.ant-modal')].map((m) => m.getBoundingClientRect().right - 375);
    return Math.max(0, document.documentElement.scrollWidth - 375, box ? box.scrollWidth - box.clientWidth : 0, ...dialogs);
  });
/** A button's right edge lies within the phone's width. */
async function reachable(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= 375;
}

// The registered applicant's phone, kept for the application test that follows.
let phoneCtx: BrowserContext;
let phone: Page;

describe('talent self-registration in the browser', () => {
  it('an applicant registers on a phone with a code and lands on their home', async () => {
    phoneCtx = await browser.newContext(PHONE);
    const page = (phone = await phoneCtx.newPage());
    const phoneNo = `139${String(Date.now()).slice(-8)}`;
    await page.goto(`${baseUrl()}/register`);
    await page.getByTestId('register-identifier').fill(phoneNo);
    await page.getByTestId('register-send-code').click();
    await page.getByTestId('register-info').waitFor();
    const { code } = (await (await page.request.get(`${baseUrl()}/api/public/talent/e2e-code?to=${phoneNo}`)).json()) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('register-code').fill(code);
    await page.getByTestId('register-password').fill('Qiu-shi#Lan7pine!');
    await page.getByTestId('register-name').fill('林知远');
    // The district is chosen: a click that misses the list while it opens leaves the field empty, and a person
    // would open the list again (three tries at most).
    const chosen = page.getByTestId('register-district').locator('.ant-select-content-has-value');
    for (let tries = 0; tries < 3 && (await chosen.count()) === 0; tries++) {
      await page.getByTestId('register-district').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.waitForTimeout(300);
    }
    expect(await chosen.count()).toBe(1);
    await page.getByTestId('register-consent-notice').waitFor();
    // without consent the form does not go
    await page.getByTestId('register-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await page.getByTestId('register-consent').check();
    // with consent given no field is in error (the texts are what a failure reports)
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([]);
    await page.getByTestId('register-submit').click();
    // The home opens; if it does not, the failure's report gives what the page said (e2e/on-failure.ts).
    await page.waitForURL((u) => u.pathname === '/my/talent', { timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/my/talent');
    expect(await page.getByTestId('my-talent-name').textContent()).toBe('林知远');
    expect(await page.getByTestId('my-talent-consent').count()).toBe(1);
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('the new applicant applies with attachments from the phone and sees the office return it with the reason', async () => {
    const page = phone;
    await page.locator('a[href="/my/talent/applications"]').click();
    await page.waitForURL((u) => u.pathname === '/my/talent/applications');
    const apply = page.locator('[data-testid^="my-apply-"]').first();
    await apply.waitFor();
    expect(await overflow(page)).toBe(0);
    const applyId = (await apply.getAttribute('data-testid'))!;
    expect(await reachable(page, applyId)).toBe(true);
    await apply.click();
    await page.getByTestId('apply-si').fill('14');
    await page.getByTestId('apply-tax').fill('14');
    expect(await overflow(page)).toBe(0);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    // The new draft opens below; every required attachment is uploaded through its own button's file chooser.
    const own = page.locator('[data-testid^="own-app-"]');
    await page.locator('.ant-collapse-header').first().click();
    await own.waitFor();
    const appId = Number((await own.getAttribute('data-testid'))!.replace('own-app-', ''));
    const uploads = page.locator('[data-testid^="upload-"]');
    const kinds = await uploads.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('upload-'.length)));
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    for (const [k, kind] of kinds.entries()) {
      expect(await reachable(page, `upload-${kind}`), kind).toBe(true);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(`upload-${kind}`).click()]);
      await chooser.setFiles(
        k % 2
          ? { name: `${kind}.png`, mimeType: 'image/png', buffer: PNG }
          : { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF },
      );
      await expect.poll(() => own.locator('.ant-tag-green').count()).toBe(k + 1);
    }
    expect(await overflow(page)).toBe(0);
    expect(await reachable(page, `submit-${appId}`)).toBe(true);
    await page.getByTestId(`submit-${appId}`).click();
    await expect.poll(() => page.getByTestId(`submit-${appId}`).count()).toBe(0);

    // The district's first review returns it with a reason (the office's own route).
    const office = await browser.newContext({ locale: 'zh-CN' });
    const op = await office.newPage();
    await login(op, 'talent-officer');
    const reason = '劳动合同页缺少单位盖章，请补充后重新提交';
    const res = await op.request.post(`${baseUrl()}/api/talent/applications/${appId}/review`, {
      data: { outcome: 'return', reason },
      headers: { Origin: baseUrl() },
    });
    expect(res.status()).toBe(200);
    await office.close();

    await page.reload();
    await page.locator('.ant-collapse-header').first().click();
    await page.getByTestId(`own-app-${appId}`).waitFor();
    expect(await page.locator('.ant-collapse-header').first().textContent()).toContain('退回修改');
    expect(await page.getByTestId(`own-app-${appId}`).textContent()).toContain(`退回理由：${reason}`);
    // A returned application can be corrected: the declared months under their label, the resubmit button on screen.
    const fixSi = page.getByTestId(`fix-si-${appId}`).locator('xpath=self::input | .//input').first();
    expect(await fixSi.inputValue()).toBe('14');
    expect(await page.locator('label.talent-fix', { has: fixSi }).textContent()).toContain('社保月数');
    expect(await reachable(page, `submit-${appId}`)).toBe(true);
    expect(await overflow(page)).toBe(0);
    await phoneCtx.close();
  });

  it("the employer's applications page fits a phone, applying for a staff member included", async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await login(page, 'talent-employer');
    await page.goto(`${baseUrl()}/my/employer/applications`);
    await page.getByTestId('my-applications').waitFor();
    await page.locator('[data-testid^="my-apply-"]').first().click();
    await page.locator('.ant-modal .ant-select').nth(1).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    expect(await overflow(page)).toBe(0);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-collapse-header').first().click();
    const own = page.locator('[data-testid^="own-app-"]').first();
    await own.waitFor();
    const appId = (await own.getAttribute('data-testid'))!.replace('own-app-', '');
    await page.waitForLoadState('networkidle');
    expect(await overflow(page)).toBe(0);
    expect(await reachable(page, `submit-${appId}`)).toBe(true);
    await ctx.close();
  });
});

// Browser test of the applicant's side (issue 15 point 8): on a 375-px phone an applicant asks for a
// code (read through the e2e-only hook, ZUGONG_E2E=1), fills in the form, is refused without consent,
// agrees, registers and lands on their own home with their record and the consent they gave.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('talent self-registration in the browser', () => {
  it('an applicant registers on a phone with a code and lands on their home', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const phone = `139${String(Date.now()).slice(-8)}`;
    await page.goto(`${baseUrl()}/register`);
    await page.getByTestId('register-identifier').fill(phone);
    await page.getByTestId('register-send-code').click();
    await page.getByTestId('register-info').waitFor();
    const { code } = (await (await page.request.get(`${baseUrl()}/api/public/talent/e2e-code?to=${phone}`)).json()) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('register-code').fill(code);
    await page.getByTestId('register-password').fill('Qiu-shi#Lan7pine!');
    await page.getByTestId('register-name').fill('林知远');
    await page.getByTestId('register-district').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('register-consent-notice').waitFor();
    // without consent the form does not go
    await page.getByTestId('register-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await page.getByTestId('register-consent').check();
    await page.getByTestId('register-submit').click();
    await page.waitForURL((u) => u.pathname === '/my/talent');
    expect(await page.getByTestId('my-talent-name').textContent()).toBe('林知远');
    expect(await page.getByTestId('my-talent-consent').count()).toBe(1);
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await ctx.close();
  });
});

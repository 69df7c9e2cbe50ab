// Debian's chromium through playwright-core (no browser download), with the flags this machine needs.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

// The browsers this file's tests launched, for the report of a failed test (onScreen).
const launched = new Set<Browser>();

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  return browser;
}

// What a page says when something went wrong or is asked: alerts (role="alert": antd 6 names an alert's parts
// -title and -description, no longer -message), field errors, messages, notifications, dialog and result titles.
const SAID =
  '[role="alert"], .ant-form-item-explain-error, .ant-message-notice, .ant-notification-notice, .ant-modal-title, .ant-result-title';

/**
 * Each open page's address and what it says (SAID), for the report of a failed test (e2e/on-failure.ts):
 * the CI keeps only the tail of its output, so a timeout alone would not tell what the screen showed.
 * A page that does not answer within 3 s is reported as such.
 */
export async function onScreen(): Promise<string[]> {
  const pages = [...launched].flatMap((b) => b.contexts().flatMap((c) => c.pages())).filter((p) => !p.isClosed());
  const within = <T>(p: Promise<T>, fallback: T) =>
    Promise.race([p.catch(() => fallback), new Promise<T>((done) => setTimeout(() => done(fallback), 3000))]);
  return Promise.all(
    pages.map(async (page) => {
      const said = await within(page.locator(SAID).allTextContents(), ['(the page did not answer)']);
      return `${page.url()} ${JSON.stringify(said.map((t) => t.trim()).filter(Boolean)).slice(0, 600)}`;
    }),
  );
}

export async function login(page: Page, username: string, password = 'Demo@2026'): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** JSON from the API with the page's own session cookie. */
export async function api<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
  return (await res.json()) as T;
}

/** Refreshes a documentation screenshot in docs/img only when asked (E2E_SCREENSHOTS=1): a test run leaves the tree clean. */
export async function docShot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS === '1') await page.screenshot({ path: `docs/img/${name}.png` });
}

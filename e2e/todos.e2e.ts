// To-dos in the browser: a to-do that disappears when its work is done. The branch administrator
// finds "本季度党课尚未开展" in the list, follows it to the prefilled meeting form, records the
// lecture, and back on the list the item is gone and the header count is one less.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login, docShot } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const badgeCount = async (page: Page) => Number(await page.getByTestId('todo-badge').getAttribute('data-count'));

describe('待办事项', () => {
  it('a to-do disappears when its work is done', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await login(page, 'branch-admin');
    const me = await api(page, '/api/auth/me');
    const before = await api(page, '/api/todos');
    const lecture = before.items.find((x: any) => x.kind === 'party_lecture' && x.orgId === me.orgId);
    expect(lecture, 'the meetings demo leaves this quarter’s 党课 unheld for the sample branch').toBeDefined();
    expect(lecture.title).toContain('本季度党课尚未开展');
    const n = before.total;

    await page.goto(`${baseUrl()}/todos`);
    const item = page.locator(`[data-testid="todo-item"][data-kind="party_lecture"][data-ref="${lecture.ref}"]`);
    await item.waitFor();
    await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBe(n);
    await docShot(page, 'todos');

    await item.getByRole('link', { name: lecture.title }).click();
    await page.waitForURL(
      (u) =>
        u.pathname === '/meetings' && u.searchParams.get('record') === 'party_lecture' && u.searchParams.get('orgId') === String(me.orgId),
    );
    const form = page.getByTestId('meeting-form');
    await form.waitFor();
    await page.getByTestId('meeting-topic').fill('学习贯彻党的二十届四中全会精神专题党课');
    await page.getByTestId('meeting-submit').click();
    await expect.poll(() => form.isVisible(), { timeout: 15_000 }).toBe(false);
    // The saved record opens for reading; close it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-mask:visible').count(), { timeout: 10_000 }).toBe(0);

    // Back through the header badge: the list and the count follow the record.
    await page.getByTestId('todo-badge').click();
    await page.waitForURL((u) => u.pathname === '/todos');
    await page.getByTestId('todo-summary').waitFor();
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBe(n - 1);
    expect((await api(page, '/api/todos/count')).total).toBe(n - 1);
    await ctx.close();
  });
});

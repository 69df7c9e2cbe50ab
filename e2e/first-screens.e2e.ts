// The first screen of a city's staff at 1440 × 900 (issue 10 point 13): each page shows rows or says
// plainly what to choose, and the header cells of its key columns are in the window, not covered by a
// fixed column and not cut short.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login } from './browser.js';

let browser: Browser;
let page: Page;
let orgId: number;

beforeAll(async () => {
  browser = await launch();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page = await ctx.newPage();
  await login(page, 'city-admin');
  orgId = (await api(page, '/api/auth/me')).orgId;
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the table shows rows or the page shows its prompt, and says which. */
async function firstScreen(table: string): Promise<'rows' | 'prompt'> {
  const rows = page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);
  const prompt = page.getByTestId('first-screen-prompt');
  await expect.poll(async () => (await rows.count()) > 0 || (await prompt.isVisible()), { timeout: 30_000 }).toBe(true);
  return (await rows.count()) > 0 ? 'rows' : 'prompt';
}

/** Header cells of the table named, each: inside the window, on top at its centre (no fixed column over it) and its text not cut. */
async function headerProblems(table: string, names: string[]): Promise<string[]> {
  return page.evaluate(
    ({ table, names }) => {
      const ths = [...document.querySelectorAll<HTMLElement>(`[data-testid="${table}"] .ant-table-thead th`)];
      return names.flatMap((name) => {
        const th = ths.find((x) => x.textContent?.trim() === name);
        if (!th) return [`${name}: no header cell`];
        const r = th.getBoundingClientRect();
        if (r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight)
          return [`${name}: outside the window (${Math.round(r.left)}–${Math.round(r.right)})`];
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || !th.contains(top)) return [`${name}: covered`];
        const text = [...th.querySelectorAll<HTMLElement>('*')]
          .concat(th)
          .some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden');
        return text ? [`${name}: text cut`] : [];
      });
    },
    { table, names },
  );
}

describe('the first screens of a city administrator at 1440 × 900', () => {
  it('transfer letters: rows, and the actions column in view', async () => {
    await page.goto(`${baseUrl()}/transfers`);
    expect(await firstScreen('letters-table')).toBe('rows');
    expect(await headerProblems('letters-table', ['介绍信编号', '状态', '操作'])).toEqual([]);
  });

  it('organization health: rows, and every signal column in view', async () => {
    await page.goto(`${baseUrl()}/org-health`);
    expect(await firstScreen('health-table')).toBe('rows');
    expect(await headerProblems('health-table', ['党组织', '党员数', '组织生活', '换届', '党费', '发展党员', '标准化建设'])).toEqual([]);
  });

  it('the to-do digest: rows, the organization and the totals in view, the first area named', async () => {
    await page.goto(`${baseUrl()}/todos`);
    await page.getByTestId('todo-tab-digest').click();
    expect(await firstScreen('digest-table')).toBe('rows');
    expect(await headerProblems('digest-table', ['党组织', '发展党员', '合计', '其中逾期'])).toEqual([]);
  });

  it('meetings: the subtree’s meetings, with the topic column in view', async () => {
    await page.goto(`${baseUrl()}/meetings`);
    expect(await firstScreen('meetings-table')).toBe('rows');
    const subtree = page.getByTestId('meetings-subtree');
    expect(await subtree.evaluate((e) => (e instanceof HTMLInputElement ? e : e.querySelector('input'))!.checked)).toBe(true);
    expect(await headerProblems('meetings-table', ['日期', '会议主题', '党组织', '状态', '出席'])).toEqual([]);
    const topic = await page.locator('[data-testid="meetings-table"] tbody tr.ant-table-row td:nth-child(3)').first().boundingBox();
    expect(topic!.width).toBeGreaterThanOrEqual(150);
  });

  it('民主评议党员 of the city: a prompt to choose a branch', async () => {
    await page.goto(`${baseUrl()}/meetings`);
    await page.getByRole('tab', { name: '民主评议党员' }).click();
    expect(await firstScreen('appraisal-grid')).toBe('prompt');
    await expect.poll(() => page.getByTestId('first-screen-prompt').textContent()).toContain('党支部');
  });

  it('monthly dues of the city: a prompt, and one click to the totals by organization', async () => {
    await page.goto(`${baseUrl()}/dues`);
    expect(await firstScreen('sheet-table')).toBe('prompt');
    await page.getByTestId('dues-see-totals').click();
    await expect
      .poll(() => page.getByTestId('totals-by-child').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
  });

  it('the standards self-assessment of the city: a prompt, and one click to the star ratings', async () => {
    await page.goto(`${baseUrl()}/standards`);
    expect(await firstScreen('self-sheet')).toBe('prompt');
    await page.getByTestId('standards-see-ratings').click();
    await expect.poll(() => page.getByRole('tab', { name: '星级', selected: true }).count()).toBe(1);
  });

  it('the change history of the city: a prompt naming where the changes below are', async () => {
    await page.goto(`${baseUrl()}/orgs/${orgId}?tab=history`);
    expect(await firstScreen('org-history')).toBe('prompt');
    await page.getByTestId('org-history-children').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('children');
  });

  it('the statistics of appraisals before the year is finalized: a prompt, and one click to the year before', async () => {
    await page.goto(`${baseUrl()}/statistics/appraisal`);
    const screen = await firstScreen('stats-table');
    if (screen === 'prompt') {
      await page.getByTestId('stats-previous-year').click();
      await expect.poll(() => page.getByTestId('first-screen-prompt').count(), { timeout: 20_000 }).toBe(0);
    }
  });
});

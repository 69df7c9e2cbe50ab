// The annual assessment in the browser: a unit of five grades two people 优秀 where its quota (20% of 5,
// rounded down) allows one. The page shows the counter over the quota and the refusal with the rule and
// its article, the submit button stays disabled, and the server refuses a submission too; once one 优秀
// is changed to 称职 in the grading table the unit is submitted.
// Its people are created through the cadre file's API (POST /api/cadres, the cadre file branch).
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

const ARTICLE = '《公务员考核规定》（2020）';

async function signedIn(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

const pickExact = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .first()
    .click();

describe('annual assessment', () => {
  it('a unit over its 优秀 quota is refused on screen, and submitted once within it', async () => {
    const page = await signedIn('cadre-officer');
    const me = await api(page, '/api/auth/me');
    const post = (path: string, data: unknown) => page.request.post(`${baseUrl()}${path}`, { data });

    const cadreIds: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await post('/api/cadres', { managerOrgId: me.orgId, name: `考核测试干部${i}` });
      expect(res.status(), await res.text()).toBe(201);
      cadreIds.push((await res.json()).id);
    }
    const year = new Date().getFullYear();
    const created = await post('/api/cadre-assessments/units', { year, name: '浏览器测试考核单位', cadreIds });
    expect(created.status(), await created.text()).toBe(201);
    const unit = await created.json();
    const entries = unit.entries.map((e: { cadreId: number }, i: number) => ({
      cadreId: e.cadreId,
      grade: i < 2 ? '优秀' : '称职',
      comment: '',
      newHireUntil: null,
    }));
    const saved = await page.request.put(`${baseUrl()}/api/cadre-assessments/units/${unit.id}/entries`, {
      data: { version: unit.version, entries },
    });
    expect(saved.status()).toBe(200);

    // The server refuses the submission, naming the rule and its article.
    const refused = await post(`/api/cadre-assessments/units/${unit.id}/submit`, {});
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain(ARTICLE);

    // The grading table shows it: the counter over the quota, the refusal, the disabled button.
    await page.goto(`${baseUrl()}/cadre-assessments/units/${unit.id}`);
    await expect.poll(() => page.getByTestId('assess-quota').textContent(), { timeout: 20_000 }).toContain('2/1');
    const reason = page.getByTestId('assess-submit-reason');
    await expect.poll(() => reason.textContent()).toContain('超过本单位限额 1 人');
    expect(await reason.textContent()).toContain(ARTICLE);
    expect(await page.getByTestId('assess-submit').isDisabled()).toBe(true);

    // One 优秀 becomes 称职: within the quota, the unit is submitted from the page.
    await page.getByTestId(`assess-grade-${cadreIds[1]}`).click();
    await pickExact(page, '称职');
    await expect.poll(() => page.getByTestId('assess-quota').textContent()).toContain('1/1');
    expect(await page.getByTestId('assess-submit').isDisabled()).toBe(false);
    await page.getByTestId('assess-submit').click();
    await expect
      .poll(async () => (await api(page, `/api/cadre-assessments/units/${unit.id}`)).status, { timeout: 15_000 })
      .toBe('submitted');
    await page.context().close();
  });
});

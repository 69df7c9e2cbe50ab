// Branch standards and joint tasks in the browser: a branch completes and submits its self-assessment,
// the district reviews and rates it and sees the star distribution; a joint task is created and moved
// from 谋划 to 部署 on the board.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, docShot, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const Y = new Date().getFullYear();
const newPage = async (user: string) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await login(page, user);
  return { ctx, page };
};

describe('branch standards', () => {
  it('a branch completes its draft, submits it, and the district rates it', async () => {
    const { ctx, page } = await newPage('branch-admin');
    const me = await api(page, '/api/auth/me');
    const before = await api(page, `/api/standards/orgs/${me.orgId}/assessment?year=${Y}`);
    expect(before.assessment.status).toBe('draft');
    await page.goto(`${baseUrl()}/standards`);
    await expect.poll(() => page.getByTestId('self-status').textContent(), { timeout: 20_000 }).toBe('自评中');
    // Score every item still open at its maximum.
    for (const item of before.checklist.items) {
      if (before.assessment.selfScores[item.code]?.score != null) continue;
      await page.locator(`input[data-testid="score-${item.code}"], [data-testid="score-${item.code}"] input`).fill(String(item.maxScore));
    }
    await expect.poll(() => page.getByTestId('score-total').textContent()).not.toContain('未评分');
    await page.getByTestId('self-submit').click();
    await page.getByTestId('self-submit-ok').click();
    await expect.poll(() => page.getByTestId('self-status').textContent(), { timeout: 15_000 }).toBe('待审核');
    await ctx.close();

    const d = await newPage('district-admin');
    await d.page.goto(`${baseUrl()}/standards`);
    await d.page.getByRole('tab', { name: '审核' }).click();
    await d.page.getByTestId(`review-${me.orgId}`).click();
    const drawer = d.page.getByTestId('review-drawer');
    await expect.poll(() => drawer.getByTestId('score-total').textContent(), { timeout: 15_000 }).toContain('合计');
    await drawer.getByTestId('review-note').fill('材料齐全，符合标准');
    await drawer.getByTestId('review-rate').click();
    await expect
      .poll(async () => (await api(d.page, `/api/standards/orgs/${me.orgId}/assessment?year=${Y}`)).assessment.status, { timeout: 15_000 })
      .toBe('reviewed');
    await d.page.locator('.ant-drawer-close').click();
    await d.page.getByRole('tab', { name: '星级' }).click();
    await expect.poll(() => d.page.getByTestId('ratings-counts').textContent(), { timeout: 20_000 }).toContain('党支部');
    await expect
      .poll(() => d.page.getByTestId('ratings-table').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await docShot(d.page, 'standards');
    await d.ctx.close();
  });
});

describe('joint tasks', () => {
  it('a branch creates a joint task and moves it from 谋划 to 部署', async () => {
    const { ctx, page } = await newPage('branch-admin');
    await page.goto(`${baseUrl()}/joint-tasks`);
    await expect
      .poll(() => page.getByTestId('column-in_progress').locator('[data-testid^="task-card-"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('task-create').click();
    await page.getByTestId('task-title').fill('党员先锋岗助力社区养老服务');
    await page.getByTestId('task-party').fill('党员认领助老服务岗，每月开展主题党日');
    await page.getByTestId('task-business').fill('辖区独居老人探访全覆盖');
    await page.getByTestId('task-party-owner').fill('王建华');
    await page.getByTestId('task-business-owner').fill('李海燕');
    await page.getByTestId('task-form-ok').click();
    const drawer = page.getByTestId('task-drawer');
    await expect.poll(() => drawer.isVisible(), { timeout: 15_000 }).toBe(true);
    await drawer.getByTestId('report-stage').click();
    await page.locator('.ant-select-dropdown:visible').getByText('部署', { exact: true }).click();
    await drawer.getByTestId('report-note').fill('支委会与业务部门共同部署');
    await drawer.getByTestId('report-submit').click();
    await expect.poll(() => drawer.locator('.ant-timeline-item').count(), { timeout: 15_000 }).toBe(2);
    await page.locator('.ant-drawer-close').click();
    await expect
      .poll(() => page.getByTestId('column-deployed').getByText('党员先锋岗助力社区养老服务').count(), { timeout: 15_000 })
      .toBe(1);
    await docShot(page, 'joint-tasks');
    await ctx.close();
  });
});

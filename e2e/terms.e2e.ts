// Terms and elections in the browser: the demo branch, whose term ends within 6 months, requests its
// election; the district (a strictly higher organization) approves it; the branch records a vote where
// too few voters came (present ≤ ⅘ of those who should attend). The form says so as the numbers are typed,
// and the election is recorded as failed with the ⅘ rule, in the page and in the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, docShot, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const QUORUM_FAILED = '到会人数未超过应到会人数的五分之四，选举无效';
const OPEN = ['requested', 'approved', 'held'];

async function signedIn(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

describe('terms and elections', () => {
  it('an election that fails its quorum', async () => {
    const branchPage = await signedIn('branch-admin');
    const me = await api(branchPage, '/api/auth/me');
    const orgUrl = `${baseUrl()}/terms?orgId=${me.orgId}`;
    const before = await api(branchPage, `/api/terms/orgs/${me.orgId}`);
    expect(['ending', 'request_window']).toContain(before.current.state);

    // 1. The branch sees the reminder and requests the election (unless one is already under way).
    await branchPage.goto(orgUrl);
    const drawer = branchPage.getByTestId('org-terms');
    await expect.poll(() => drawer.getByTestId('term-reminder').isVisible(), { timeout: 20_000 }).toBe(true);
    let election = before.elections.find((e: { status: string }) => OPEN.includes(e.status));
    if (!election) {
      await drawer.getByTestId('request-election').click();
      await branchPage.getByTestId('request-submit').click();
      await expect
        .poll(async () => (await api(branchPage, `/api/terms/orgs/${me.orgId}`)).elections[0]?.status, { timeout: 15_000 })
        .toBe('requested');
      election = (await api(branchPage, `/api/terms/orgs/${me.orgId}`)).elections[0];
    }
    expect(election.status).not.toBe('held');

    // 2. The district, a strictly higher organization, approves it from the same drawer.
    if (election.status === 'requested') {
      expect(election.canDecide).toBe(false);
      const district = await signedIn('district-admin');
      await district.goto(orgUrl);
      await district.getByTestId('org-terms').getByTestId('election-approve').click();
      await district.getByTestId('decide-submit').click();
      await expect
        .poll(async () => (await api(district, `/api/terms/elections/${election.id}`)).status, { timeout: 15_000 })
        .toBe('approved');
      await district.context().close();
    }

    // 3. The branch records a vote with 8 of 10 present: not more than ⅘, so the election is invalid.
    await branchPage.reload();
    await drawer.getByTestId('election-record').click();
    await branchPage.getByTestId('vote-should-attend').fill('10');
    await branchPage.getByTestId('vote-present').fill('8');
    await expect
      .poll(() => branchPage.getByTestId('vote-quorum').textContent(), { timeout: 10_000 })
      .toContain('未超过应到 10 人的五分之四（至少 9 人），选举无效');
    await branchPage.getByTestId('vote-present').fill('9');
    await expect.poll(() => branchPage.getByTestId('vote-quorum').textContent()).toContain('选举有效');
    await branchPage.getByTestId('vote-present').fill('8');
    await expect.poll(() => branchPage.getByTestId('vote-quorum').textContent()).toContain('选举无效');
    await docShot(branchPage, 'terms-vote');
    await branchPage.getByTestId('vote-submit').click();

    await expect.poll(() => drawer.getByTestId('election-failure').textContent(), { timeout: 15_000 }).toContain(QUORUM_FAILED);
    expect(await drawer.getByTestId('election-status').textContent()).toBe('选举无效');
    expect(await drawer.getByTestId('request-election').isVisible()).toBe(true);
    const failed = await api(branchPage, `/api/terms/elections/${election.id}`);
    expect(failed).toMatchObject({ status: 'failed', quorate: false, shouldAttend: 10, present: 8, failureReason: QUORUM_FAILED });
    await docShot(branchPage, 'terms');
    await branchPage.context().close();
  });
});

// A transfer between two branches seen from both sides: the sender issues the letter and sees it
// going out; the receiver sees it coming in, receives and confirms it; the member then belongs to
// the receiving branch. The receiving branch's administrator is created by secadmin in the test.
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

const PASSWORD = 'Zx!9qRt#2026';
const newPage = async () => (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
const pickOption = (page: Page, text?: string) =>
  page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', text ? { hasText: text } : {})
    .first()
    .click();

describe('组织关系转接 between two branches', () => {
  it('the sender sees the letter going out, the receiver receives and confirms it, and the member moves', async () => {
    // secadmin creates an administrator for a second branch of the city.
    const sec = await newPage();
    await login(sec, 'secadmin');
    const senderOrg = (await api(sec, '/api/users?q=branch-admin')).items.find((u: any) => u.username === 'branch-admin').orgId;
    const target = (await api(sec, `/api/orgs/search?q=${encodeURIComponent('党支部')}&limit=50`)).items.find(
      (o: any) => o.kind === 'branch' && o.status === 'active' && o.id !== senderOrg,
    );
    const created = await sec.request.post(`${baseUrl()}/api/users`, {
      data: { username: 'e2e-receiver', displayName: '接收支部管理员', orgId: target.id, roles: ['org_admin'], password: PASSWORD },
    });
    expect(created.status()).toBe(201);

    // The sender issues a within-city letter through the form.
    const sender = await newPage();
    await login(sender, 'branch-admin');
    await sender.goto(`${baseUrl()}/transfers`);
    await sender.getByTestId('transfer-new').click();
    await sender.getByTestId('transfer-member').click();
    await pickOption(sender);
    await sender.getByTestId('transfer-target').click();
    await sender.keyboard.type(target.name);
    await pickOption(sender, target.name);
    await sender.getByTestId('transfer-reason').fill('工作调动');
    await sender.getByTestId('transfer-new-ok').click();
    await expect
      .poll(
        async () => (await api(sender, '/api/transfers?box=out&status=issued')).items.filter((l: any) => l.toOrgId === target.id).length,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const letter = (await api(sender, '/api/transfers?box=out&status=issued')).items.find((l: any) => l.toOrgId === target.id);
    expect(letter.sides).toEqual(['sender']);
    await expect.poll(() => sender.getByTestId(`transfer-row-${letter.letterNo}`).count(), { timeout: 15_000 }).toBe(1);
    await docShot(sender, 'transfers');

    // The receiver sees it coming in (letter fields only), receives and confirms.
    const receiver = await newPage();
    await login(receiver, 'e2e-receiver', PASSWORD);
    await receiver.goto(`${baseUrl()}/transfers/in`);
    const row = receiver.getByTestId(`transfer-row-${letter.letterNo}`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain(letter.memberName);
    const incoming = await api(receiver, `/api/transfers/${letter.id}`);
    expect(incoming).toMatchObject({ sides: ['receiver'], memberId: null });
    expect((await api(receiver, `/api/transfers/candidates?orgId=${target.id}`)).items.map((m: any) => m.id)).not.toContain(
      letter.memberId,
    );
    await receiver.getByTestId(`transfer-receive-${letter.letterNo}`).click();
    await expect.poll(async () => (await api(receiver, `/api/transfers/${letter.id}`)).status, { timeout: 15_000 }).toBe('received');
    await receiver.getByTestId(`transfer-confirm-${letter.letterNo}`).click();
    await receiver.getByTestId('transfer-confirm-ok').click();
    await expect.poll(async () => (await api(receiver, `/api/transfers/${letter.id}`)).status, { timeout: 15_000 }).toBe('confirmed');

    // The member now belongs to the receiving branch, and no longer to the sender's.
    expect((await api(receiver, `/api/transfers/candidates?orgId=${target.id}`)).items.map((m: any) => m.id)).toContain(letter.memberId);
    expect((await api(sender, `/api/transfers/candidates?orgId=${senderOrg}`)).items.map((m: any) => m.id)).not.toContain(letter.memberId);
    expect((await api(sender, `/api/transfers/${letter.id}`)).status).toBe('confirmed');
    const pdf = await sender.request.get(`${baseUrl()}/api/transfers/${letter.id}/letter.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    for (const p of [sec, sender, receiver]) await p.context().close();
  });
});

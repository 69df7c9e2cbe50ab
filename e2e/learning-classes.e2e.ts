// Browser test of training classes (issue 14 point 9): an organizer shows the changing sign-in code on screen
// and a trainee types it on a 375-px phone; a certificate of the demo's finished class is checked on the
// public page by someone not logged in, who sees only the name, the class and the dates.
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

/** A POST from the page itself (same origin, its session cookie). */
async function post<T = any>(page: Page, path: string, body: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      return { status: res.status, body: await res.json() };
    },
    [path, body],
  );
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** Now in China time: the date and HH:MM. */
function chinaNow(): { date: string; time: string } {
  const iso = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

describe('training classes in the browser', () => {
  it('the organizer shows the sign-in code; the trainee types it on a phone and is signed in', async () => {
    const desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const organizer = await desk.newPage();
    await login(organizer, 'district-admin');
    const me = await api<{ orgId: number }>(organizer, '/api/auth/me');
    const now = chinaNow();
    // A session of today that has started: sign-in is open until the end of the day.
    const created = await post<{ id: number; sessions: { id: number }[] }>(organizer, '/api/learning/classes', {
      orgId: me.orgId,
      title: `浏览器测试培训班${Date.now() % 10_000}`,
      openForApplication: true,
      sessions: [{ date: now.date, startTime: now.time < '00:10' ? '00:00' : now.time, endTime: '23:59', hours: 1 }],
    });
    const sessionId = created.sessions[0].id;

    const phoneCtx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const phone = await phoneCtx.newPage();
    await login(phone, 'member');
    await phone.goto(`${baseUrl()}/my/learning/classes`);
    await phone.getByTestId(`apply-${created.id}`).click();
    await expect.poll(async () => (await api(organizer, `/api/learning/classes/${created.id}`)).pending, { timeout: 15_000 }).toBe(1);
    const detail = await api<{ trainees: { id: number; status: string }[] }>(organizer, `/api/learning/classes/${created.id}`);
    const applied = detail.trainees.find((x) => x.status === 'applied')!;
    await post(organizer, `/api/learning/classes/${created.id}/trainees/${applied.id}/decision`, { approve: true });

    await organizer.goto(`${baseUrl()}/learning/classes/${created.id}`);
    await organizer.getByTestId(`show-code-${sessionId}`).click();
    const codeEl = organizer.getByTestId('sign-code');
    await expect.poll(async () => (await codeEl.innerText()).trim(), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    const code = (await codeEl.innerText()).trim();

    await phone.reload();
    const session = phone.getByTestId(`my-session-${sessionId}`);
    await session.getByTestId('sign-code-input').fill(code);
    await session.getByTestId('sign-in').click();
    await expect
      .poll(async () => (await session.innerText()).includes('到课') || (await session.innerText()).includes('迟到'), { timeout: 15_000 })
      .toBe(true);
    // No horizontal scrolling on the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phoneCtx.close();
    await desk.close();
  });

  it('a certificate is verified on the public page while logged out', async () => {
    const desk = await browser.newContext({ locale: 'zh-CN' });
    const page = await desk.newPage();
    await login(page, 'district-admin');
    const classes = (await api<{ items: { id: number; status: string; title: string }[] }>(page, '/api/learning/classes')).items;
    const done = classes.find((c) => c.status === 'completed');
    expect(done, 'the demo has a finished class').toBeTruthy();
    const d = await api<{ title: string; trainees: { name: string; certificateCode: string | null }[] }>(
      page,
      `/api/learning/classes/${done!.id}`,
    );
    const holder = d.trainees.find((x) => x.certificateCode)!;
    await desk.close();

    const anon = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true });
    const pub = await anon.newPage();
    await pub.goto(`${baseUrl()}/verify/${holder.certificateCode}`);
    const card = pub.getByTestId('certificate');
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    expect(text).toContain(holder.name);
    expect(text).toContain(d.title);
    expect(pub.url()).toContain('/verify/');
    await pub.goto(`${baseUrl()}/verify/AAAA-BBBB-CCCC`);
    await pub.locator('.ant-alert-error').waitFor({ timeout: 15_000 });
    await anon.close();
  });
});

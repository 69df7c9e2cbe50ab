// Changes only from Zugong's own pages: every state-changing route refuses a foreign or null Origin,
// a cross-site fetch and a body that is neither JSON nor multipart, before it looks at the session.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  const web = mkdtempSync(path.join(tmpdir(), 'zg-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>shell</title>');
  t = await createTestApp({ orgCount: 50, webDist: web });
});
afterAll(async () => {
  await t?.close();
});

const unsafeRoutes = () => t.app.deps.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
const concrete = (url: string) => url.replace(/:\w+/g, '1');

describe('requests that change something', () => {
  it('are refused from a foreign origin, a null origin and a cross-site fetch, on every route', async () => {
    const routes = unsafeRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const bad: string[] = [];
    for (const r of routes) {
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }]) {
        const res = await t.app.inject({ method: r.method as 'POST', url: concrete(r.url), headers, payload: {} });
        if (res.statusCode !== 403 || json(res).error.code !== 'CSRF')
          bad.push(`${r.method} ${r.url} ${JSON.stringify(headers)} → ${res.statusCode}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('are refused as text/plain or a form post, on every route', async () => {
    const bad: string[] = [];
    for (const r of unsafeRoutes()) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await t.app.inject({
          method: r.method as 'POST',
          url: concrete(r.url),
          headers: { 'content-type': type },
          payload: 'a=1',
        });
        if (res.statusCode !== 415) bad.push(`${r.method} ${r.url} ${type} → ${res.statusCode}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('leave the session alive when a foreign page tries to log the user out, and work from our own page', async () => {
    const cookie = await t.login('branch-admin');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBeLessThan(300);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('answers outside the routes', () => {
  it('gives an unknown API path a JSON 404 while client routes get the app shell', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(json(api).error.code).toBe('NOT_FOUND');
    const page = await t.app.inject({ method: 'GET', url: '/orgs/12' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('puts the content security policy on the API browser', async () => {
    for (const url of ['/api/docs', '/api/docs/static/index.html']) {
      const docs = await t.app.inject({ method: 'GET', url });
      expect(docs.statusCode).toBeLessThan(400);
      expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });
});

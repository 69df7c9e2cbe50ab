import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { currentCode } from '../auth/totp.js';
import { buildApp } from '../app.js';
import { createAdmin, initRootOrg, resetAdminSecondFactor } from './bootstrap.js';
import { verifyAuditChain } from '../audit/verify-chain.js';
import { TEST_KEYS as keys } from '../test/test-app.js';

let te: TestEngine;
beforeAll(async () => {
  te = await openTestEngine();
});
afterAll(async () => {
  await te?.dispose();
});

describe('a production install (SECURITY.md 7)', () => {
  it('starts with no account at all: nothing can log in with a demo password', async () => {
    const app = await buildApp({ engine: te.engine, keys, logLevel: 'silent', demo: false });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city-admin', password: 'Demo@2026' } });
    expect(res.statusCode).toBe(401);
    expect((await te.engine.db.selectFrom('users').select('id').execute()).length).toBe(0);
    expect(res.json()).toMatchObject({ error: { code: 'AUTH_FAILED' } });
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.demo).toBe(false);
    await app.close();
  });

  it('creates the root organization and the first administrator from the command line', async () => {
    await expect(createAdmin(te.engine.db, { username: 'first.sec', role: 'secadmin', password: 'First#Admin1' })).rejects.toThrow(/init/);
    const root = await initRootOrg(te.engine.db, '某某市委');
    await expect(initRootOrg(te.engine.db, '另一个市委')).rejects.toThrow(/已存在/);
    await expect(createAdmin(te.engine.db, { username: 'first.sec', role: 'secadmin', password: 'password' })).rejects.toThrow(/密码/);
    const id = await createAdmin(te.engine.db, { username: 'first.sec', role: 'secadmin', password: 'First#Admin1' });
    const user = await te.engine.db.selectFrom('users').select(['org_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.org_id).toBe(root);
    const app = await buildApp({ engine: te.engine, keys, logLevel: 'silent' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'first.sec', password: 'First#Admin1' } });
    // An administrator's first login enrols the second factor (SECURITY.md 6) before any session.
    expect(res.json()).toEqual({ secondFactor: 'enrol' });
    const pending = { zg_pending: res.cookies.find((c) => c.name === 'zg_pending')!.value };
    const { secret } = (await app.inject({ method: 'POST', url: '/api/auth/totp/enrol', cookies: pending })).json();
    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      cookies: pending,
      payload: { code: currentCode(secret, new Date()) },
    });
    expect(done.json()).toMatchObject({ roles: ['secadmin'], orgId: root });
    // Lost authenticator: the CLI clears the enrolment, the next login enrols again.
    await resetAdminSecondFactor(te.engine.db, 'first.sec');
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'first.sec', password: 'First#Admin1' },
    });
    expect(again.json()).toEqual({ secondFactor: 'enrol' });
    await app.close();
    const chain = await verifyAuditChain(te.engine.db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown role', async () => {
    await expect(createAdmin(te.engine.db, { username: 'x.y', role: 'root', password: 'First#Admin1' })).rejects.toThrow(/未知角色/);
  });
});

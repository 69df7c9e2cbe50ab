import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('login and sessions (SECURITY.md 1–10)', () => {
  it('logs in, sets an HttpOnly SameSite cookie and answers /me with roles and organization', async () => {
    const res = await t.call(null, 'POST', '/api/auth/login', { username: 'city-admin', password: 'Demo@2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const me = json(await t.call(`zg_session=${cookie.value}`, 'GET', '/api/auth/me'));
    expect(me).toMatchObject({ username: 'city-admin', roles: ['org_dept_admin'], orgId: t.city.sampleIds.city, demo: true });
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await t.login('district-admin');
    const token = cookie.split('=')[1];
    const found = await t.db.selectFrom('sessions').select('id').where('id', '=', token).executeTakeFirst();
    expect(found).toBeUndefined();
  });

  it('answers an unknown user and a wrong password with the same status and body', async () => {
    const a = await t.call(null, 'POST', '/api/auth/login', { username: 'nobody-here', password: 'Wrong@2026' });
    const b = await t.call(null, 'POST', '/api/auth/login', { username: 'member', password: 'Wrong@2026' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.body).toBe(b.body);
    expect(json(a).error.message).toBe('用户名或密码错误');
  });

  it('locks after 5 failures for 30 minutes; while locked the right password fails the same way', async () => {
    for (let i = 0; i < 5; i++) await t.call(null, 'POST', '/api/auth/login', { username: 'cadre', password: `Bad@pass${i}` });
    const locked = await t.call(null, 'POST', '/api/auth/login', { username: 'cadre', password: 'Demo@2026' });
    expect(locked.statusCode).toBe(401);
    expect(json(locked).error.message).toBe('用户名或密码错误');
    t.clock.advanceMinutes(29);
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'cadre', password: 'Demo@2026' })).statusCode).toBe(401);
    t.clock.advanceMinutes(2);
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'cadre', password: 'Demo@2026' })).statusCode).toBe(200);
  });

  it('four failures then a success resets the counter', async () => {
    for (let i = 0; i < 4; i++) await t.call(null, 'POST', '/api/auth/login', { username: 'talent', password: 'Bad@pass1' });
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'talent', password: 'Demo@2026' })).statusCode).toBe(200);
    const u = await t.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'talent')
      .executeTakeFirstOrThrow();
    expect(u).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('ends a session after 30 idle minutes, not before', async () => {
    const cookie = await t.login('talent-officer');
    t.clock.advanceMinutes(29);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(29); // active 29 minutes ago: still alive
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const cookie = await t.login('cadre-officer');
    // A request every 20 minutes for 12 hours: never idle, still ended at the 12-hour mark.
    for (let i = 0; i < 36; i++) {
      t.clock.advanceMinutes(20);
      expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(1);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('logout revokes the session server-side: the old cookie then gets 401', async () => {
    const cookie = await t.login('branch-admin');
    expect((await t.call(cookie, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await t.call(cookie, 'GET', '/api/orgs/roots')).statusCode).toBe(401);
  });

  it('changes the password by the policy, refuses the last 5, and ends the other sessions', async () => {
    const first = await t.login('member');
    const second = await t.login('member');
    const weak = await t.call(first, 'POST', '/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(json(weak).error.field).toBe('newPassword');
    const pw = ['Hv7#river-Lw2', 'Kx9#stone-Mq3', 'Pz4#cloud-Rn5', 'Wd8#maple-Ts6', 'Yb2#ocean-Fj7'];
    let old = 'Demo@2026';
    for (const p of pw) {
      expect((await t.call(first, 'POST', '/api/auth/password', { oldPassword: old, newPassword: p })).statusCode).toBe(204);
      old = p;
    }
    expect((await t.call(second, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.call(first, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const reused = await t.call(first, 'POST', '/api/auth/password', { oldPassword: old, newPassword: 'Kx9#stone-Mq3' });
    expect(json(reused).error.code).toBe('PASSWORD_REUSED');
  });

  it('after 90 days the password must be changed before anything else', async () => {
    const cookie = await t.login('sysadmin');
    t.clock.advanceMinutes(91 * 24 * 60);
    const fresh = await t.login('sysadmin');
    expect(json(await t.call(fresh, 'GET', '/api/auth/me')).mustChangePassword).toBe(true);
    expect(json(await t.call(fresh, 'GET', '/api/system/settings')).error.code).toBe('PASSWORD_EXPIRED');
    expect((await t.call(fresh, 'POST', '/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Sys#admin2027' })).statusCode).toBe(
      204,
    );
    expect((await t.call(fresh, 'GET', '/api/system/settings')).statusCode).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses unknown fields with 400 naming the field', async () => {
    const res = await t.call(null, 'POST', '/api/auth/login', { username: 'x', password: 'y', role: 'sysadmin' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'role' });
  });
});

describe('rate limit on login (SECURITY.md 26)', () => {
  it('answers 429 past the limit', async () => {
    const small = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await small.call(null, 'POST', '/api/auth/login', { username: 'x', password: 'y' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await small.close();
    }
  });
});

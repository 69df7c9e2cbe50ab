// The second factor (SECURITY.md 6, 8, 26; issue 11.4). The clock moves; nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { currentCode } from '../../auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const cookieOf = (res: LightMyRequestResponse, name: string) => {
  const c = res.cookies.find((k) => k.name === name && k.value);
  return c ? `${name}=${c.value}` : null;
};
const password = (username: string, pw: string) => t.call(null, 'POST', '/api/auth/login', { username, password: pw });
const totp = (pending: string | null, code: string) => t.call(pending, 'POST', '/api/auth/totp', { code });
const nextStep = () => t.clock.advanceMinutes(0.5);

/** A fresh organization-department administrator, enrolled through the API; returns its secret. */
async function enrolled(username: string) {
  const u = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: t.city.sampleIds.city, username });
  const res = await password(u.username, u.password);
  const pending = cookieOf(res, 'zg_pending')!;
  const { secret } = json(await t.call(pending, 'POST', '/api/auth/totp/enrol'));
  const done = await totp(pending, currentCode(secret, t.clock.now()));
  expect(done.statusCode, done.body).toBe(200);
  return { ...u, secret, recoveryCodes: json(done).recoveryCodes as string[] };
}

describe('the second factor for administrators (issue 11.4)', () => {
  it('a password alone gives only a pending state: no session, and the pending cookie opens nothing else', async () => {
    const u = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: t.city.sampleIds.city, username: 'tf.pending' });
    const res = await password(u.username, u.password);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ secondFactor: 'enrol' });
    expect(cookieOf(res, 'zg_session')).toBeNull();
    const pending = res.cookies.find((k) => k.name === 'zg_pending')!;
    expect(pending).toMatchObject({ httpOnly: true, path: '/api/auth/totp', sameSite: 'Strict' });
    // Neither as itself nor passed off as a session cookie does it reach anything.
    expect((await t.call(`zg_pending=${pending.value}`, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.call(`zg_session=${pending.value}`, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.call(`zg_session=${pending.value}`, 'GET', '/api/orgs/roots')).statusCode).toBe(401);
    await expectAuditRow(t.db, { action: 'auth.password', result: 'success', actorName: 'tf.pending' });
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toHaveLength(0);
  });

  it('enrols with a server-side secret sealed with the instance key, a QR code and a first code; 10 recovery codes shown once', async () => {
    const u = await buildUserWithRole(t.db, { role: 'secadmin', orgId: t.city.sampleIds.city, username: 'tf.enrol' });
    const pending = cookieOf(await password(u.username, u.password), 'zg_pending')!;
    const e = json(await t.call(pending, 'POST', '/api/auth/totp/enrol'));
    expect(e.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(e.otpauthUri).toContain(`secret=${e.secret}`);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
    // Asking again shows the same secret; a wrong first code enrols nothing.
    expect(json(await t.call(pending, 'POST', '/api/auth/totp/enrol')).secret).toBe(e.secret);
    const wrong = await totp(pending, currentCode(e.secret, t.clock.now()) === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error).toMatchObject({ code: 'TOTP_FAILED', field: 'code' });
    const ok = await totp(pending, currentCode(e.secret, t.clock.now()));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toMatchObject({ username: 'tf.enrol', roles: ['secadmin'] });
    const codes: string[] = json(ok).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const session = cookieOf(ok, 'zg_session')!;
    expect(session.slice('zg_session='.length)).not.toBe(pending.slice('zg_pending='.length));
    expect((await t.call(session, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const row = await t.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.totp_enabled_at).not.toBeNull();
    expect(row.totp_secret).not.toContain(e.secret);
    const stored = await t.db.selectFrom('totp_recovery_codes').select('code_hash').where('user_id', '=', u.id).execute();
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((s) => s.code_hash).join()).not.toContain(c.replace('-', ''));
    await expectAuditRow(t.db, { action: 'auth.totp_enrol', result: 'success', actorName: 'tf.enrol' });
    // The pending login is spent: the same cookie cannot be used again.
    nextStep();
    expect((await totp(pending, currentCode(e.secret, t.clock.now()))).statusCode).toBe(401);
    // Later logins ask for a code, and enrolment is over.
    const again = await password(u.username, u.password);
    expect(json(again)).toEqual({ secondFactor: 'totp' });
    expect((await t.call(cookieOf(again, 'zg_pending'), 'POST', '/api/auth/totp/enrol')).statusCode).toBe(409);
  });

  it('issues a new session token for a right code, and refuses the same code again (replay)', async () => {
    const u = await enrolled('tf.replay');
    nextStep();
    const code = currentCode(u.secret, t.clock.now());
    const first = await totp(cookieOf(await password(u.username, u.password), 'zg_pending'), code);
    expect(first.statusCode).toBe(200);
    const replay = await totp(cookieOf(await password(u.username, u.password), 'zg_pending'), code);
    expect(replay.statusCode).toBe(401);
    expect(json(replay).error.code).toBe('TOTP_FAILED');
    // A code of the step before is within the window but older than the accepted one: refused too.
    const older = currentCode(u.secret, new Date(t.clock.now().getTime() - 30_000));
    expect((await totp(cookieOf(await password(u.username, u.password), 'zg_pending'), older)).statusCode).toBe(401);
    nextStep();
    expect(
      (await totp(cookieOf(await password(u.username, u.password), 'zg_pending'), currentCode(u.secret, t.clock.now()))).statusCode,
    ).toBe(200);
  });

  it('two logins racing with the same code: exactly one gets a session', async () => {
    const u = await enrolled('tf.race');
    nextStep();
    const a = cookieOf(await password(u.username, u.password), 'zg_pending');
    const b = cookieOf(await password(u.username, u.password), 'zg_pending');
    const code = currentCode(u.secret, t.clock.now());
    const codes = (await Promise.all([totp(a, code), totp(b, code)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 401]);
  });

  it('counts wrong codes toward the password lockout; while locked the right code fails too', async () => {
    const u = await enrolled('tf.lockout');
    nextStep();
    const wrong = currentCode(u.secret, t.clock.now()) === '123456' ? '654321' : '123456';
    // Two wrong passwords and three wrong codes: five failures, the default threshold.
    for (let i = 0; i < 2; i++) expect((await password(u.username, 'Wrong#pass-99')).statusCode).toBe(401);
    const pending = cookieOf(await password(u.username, u.password), 'zg_pending');
    for (let i = 0; i < 3; i++) expect((await totp(pending, wrong)).statusCode).toBe(401);
    await expectAuditRow(t.db, { action: 'auth.totp', result: 'failure', actorName: 'tf.lockout' });
    const row = await t.db.selectFrom('users').select('locked_until').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    expect((await totp(pending, currentCode(u.secret, t.clock.now()))).statusCode).toBe(401);
    expect((await password(u.username, u.password)).statusCode).toBe(401);
    t.clock.advanceMinutes(31);
    expect(
      (await totp(cookieOf(await password(u.username, u.password), 'zg_pending'), currentCode(u.secret, t.clock.now()))).statusCode,
    ).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    const u = await enrolled('tf.recovery');
    const use = async (code: string) => totp(cookieOf(await password(u.username, u.password), 'zg_pending'), code);
    const ok = await use(u.recoveryCodes[3].toUpperCase());
    expect(ok.statusCode, ok.body).toBe(200);
    await expectAuditRow(t.db, { action: 'auth.login', result: 'success', actorName: 'tf.recovery' });
    expect((await use(u.recoveryCodes[3])).statusCode).toBe(401);
    expect((await use(u.recoveryCodes[4])).statusCode).toBe(200);
  });

  it('a pending login expires after 5 minutes', async () => {
    const u = await enrolled('tf.expiry');
    const pending = cookieOf(await password(u.username, u.password), 'zg_pending');
    t.clock.advanceMinutes(6);
    const res = await totp(pending, currentCode(u.secret, t.clock.now()));
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('TOTP_PENDING_EXPIRED');
    expect((await totp(null, '123456')).statusCode).toBe(401);
  });

  it('is configured per role in the security settings, on by default for the four administrator roles only', async () => {
    const sys = await t.login('sysadmin');
    const s = json(await t.call(sys, 'GET', '/api/system/settings'));
    expect([...s.totpRoles].sort()).toEqual(['auditor', 'org_dept_admin', 'secadmin', 'sysadmin']);
    const branch = await buildUserWithRole(t.db, { role: 'org_admin', orgId: t.city.sampleIds.branch, username: 'tf.branch' });
    expect(cookieOf(await password(branch.username, branch.password), 'zg_session')).not.toBeNull();
    const dept = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: t.city.sampleIds.city, username: 'tf.dept' });
    expect(json(await password(dept.username, dept.password))).toEqual({ secondFactor: 'enrol' });
    const put = await t.call(sys, 'PUT', '/api/system/settings', { ...s, totpRoles: ['sysadmin', 'secadmin', 'auditor', 'org_admin'] });
    expect(put.statusCode, put.body).toBe(200);
    expect(cookieOf(await password(dept.username, dept.password), 'zg_session')).not.toBeNull();
    expect(json(await password(branch.username, branch.password))).toEqual({ secondFactor: 'enrol' });
    expect((await t.call(sys, 'PUT', '/api/system/settings', s)).statusCode).toBe(200);
  });

  it('demo accounts skip it in demo mode only', async () => {
    expect(cookieOf(await password('city-admin', 'Demo@2026'), 'zg_session')).not.toBeNull();
    expect(cookieOf(await password('sysadmin', 'Demo@2026'), 'zg_session')).not.toBeNull();
    const prod = await createTestApp({ orgCount: 50, demo: false });
    try {
      const res = await prod.call(null, 'POST', '/api/auth/login', { username: 'city-admin', password: 'Demo@2026' });
      expect(json(res)).toEqual({ secondFactor: 'enrol' });
      expect(cookieOf(res, 'zg_session')).toBeNull();
    } finally {
      await prod.close();
    }
  });
});

describe('rate limit on the second factor (SECURITY.md 26)', () => {
  it('answers 429 past the limit', async () => {
    const small = await createTestApp({ orgCount: 50, loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await small.call(null, 'POST', '/api/auth/totp', { code: '123456' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await small.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let sec: string;
beforeAll(async () => {
  t = await createTestApp();
  sec = await t.login('secadmin');
});
afterAll(async () => { await t?.close(); });

const create = (body: Record<string, unknown>) => t.call(sec, 'POST', '/api/users', { displayName: '测试用户', orgId: t.city.sampleIds.district, password: 'Strong#Pass1', ...body });

describe('account administration by the security administrator', () => {
  it('creates an account bound to an organization that can log in with its roles', async () => {
    const res = await create({ username: 'zhang.wei', roles: ['org_admin'] });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ username: 'zhang.wei', roles: ['org_admin'], orgId: t.city.sampleIds.district, disabled: false });
    const me = json(await t.call(await t.login('zhang.wei', 'Strong#Pass1'), 'GET', '/api/auth/me'));
    expect(me).toMatchObject({ roles: ['org_admin'], orgId: t.city.sampleIds.district });
  });

  it.each([
    [['sysadmin', 'auditor']],
    [['secadmin', 'sysadmin']],
    [['auditor', 'secadmin', 'member']],
  ])('never lets one account hold two separated administrator roles: %j', async (roles) => {
    const res = await create({ username: `mix-${roles.join('-')}`.slice(0, 30), roles });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'roles' });
    expect(json(res).error.message).toContain('三员分立');
  });

  it('refuses the same through an edit', async () => {
    const u = json(await create({ username: 'audit.two', roles: ['auditor'] }));
    const res = await t.call(sec, 'PATCH', `/api/users/${u.id}`, { roles: ['auditor', 'sysadmin'] });
    expect(res.statusCode).toBe(400);
    expect(json(await t.call(sec, 'GET', `/api/users?q=audit.two`)).items[0].roles).toEqual(['auditor']);
  });

  it('applies the password policy to new accounts', async () => {
    const res = await create({ username: 'weak.user', roles: ['member'], password: 'weak.user1A' });
    expect(json(res).error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
  });

  it('ends the sessions of an account whose roles change or that is disabled', async () => {
    const u = json(await create({ username: 'li.na', roles: ['member'] }));
    const cookie = await t.login('li.na', 'Strong#Pass1');
    await t.call(sec, 'PATCH', `/api/users/${u.id}`, { roles: ['org_admin'] });
    expect((await t.call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.login('li.na', 'Strong#Pass1');
    await t.call(sec, 'PATCH', `/api/users/${u.id}`, { disabled: true });
    expect((await t.call(again, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'li.na', password: 'Strong#Pass1' })).statusCode).toBe(401);
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await t.call(null, 'POST', '/api/auth/login', { username: 'zhang.wei', password: 'Nope#nope1' });
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'zhang.wei', password: 'Strong#Pass1' })).statusCode).toBe(401);
    const u = json(await t.call(sec, 'GET', '/api/users?q=zhang.wei')).items[0];
    expect(u.lockedUntil).not.toBeNull();
    expect((await t.call(sec, 'POST', `/api/users/${u.id}/unlock`)).statusCode).toBe(204);
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'zhang.wei', password: 'Strong#Pass1' })).statusCode).toBe(200);
  });

  it('a reset password must be changed at the next login', async () => {
    const u = json(await t.call(sec, 'GET', '/api/users?q=zhang.wei')).items[0];
    expect((await t.call(sec, 'POST', `/api/users/${u.id}/reset-password`, { password: 'Reset#Pass22' })).statusCode).toBe(204);
    const c = await t.login('zhang.wei', 'Reset#Pass22');
    expect(json(await t.call(c, 'GET', '/api/auth/me')).mustChangePassword).toBe(true);
  });

  it('sees only accounts in its own subtree', async () => {
    const districtSec = json(await create({ username: 'district.sec', roles: ['secadmin'] }));
    expect(districtSec.id).toBeGreaterThan(0);
    const c = await t.login('district.sec', 'Strong#Pass1');
    const names = json(await t.call(c, 'GET', '/api/users?limit=200')).items.map((u: any) => u.username);
    expect(names).toContain('district-admin');
    expect(names).not.toContain('city-admin');
    const cityAdmin = json(await t.call(sec, 'GET', '/api/users?q=city-admin')).items[0];
    expect((await t.call(c, 'PATCH', `/api/users/${cityAdmin.id}`, { disabled: true })).statusCode).toBe(404);
  });
});

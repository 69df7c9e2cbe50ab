import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEPARATED_ADMIN_ROLES, can as canDo, type Role } from '../../../domain/permissions.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole } from '../../test/factories.js';

let t: TestApp;
let sec: string;
beforeAll(async () => {
  t = await createTestApp();
  sec = await t.login('secadmin');
});
afterAll(async () => {
  await t?.close();
});

const create = (body: Record<string, unknown>) =>
  t.call(sec, 'POST', '/api/users', { displayName: '测试用户', orgId: t.city.sampleIds.district, password: 'Strong#Pass1', ...body });

describe('account administration by the security administrator', () => {
  it('creates an account bound to an organization that can log in with its roles', async () => {
    const res = await create({ username: 'zhang.wei', roles: ['org_admin'] });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ username: 'zhang.wei', roles: ['org_admin'], orgId: t.city.sampleIds.district, disabled: false });
    const me = json(await t.call(await t.login('zhang.wei', 'Strong#Pass1'), 'GET', '/api/auth/me'));
    expect(me).toMatchObject({ roles: ['org_admin'], orgId: t.city.sampleIds.district });
  });

  it.each([[['sysadmin', 'auditor']], [['secadmin', 'sysadmin']], [['auditor', 'secadmin', 'member']]])(
    'never lets one account hold two separated administrator roles: %j',
    async (roles) => {
      const res = await create({ username: `mix-${roles.join('-')}`.slice(0, 30), roles });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ field: 'roles' });
      expect(json(res).error.message).toContain('三员分立');
    },
  );

  it('refuses the same through an edit', async () => {
    const u = await buildUserWithRole(t.db, { role: 'auditor', orgId: t.city.sampleIds.city, username: 'audit.two' });
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
    // Administrators come from the command line (issue 11.5); the factory stands in for it.
    const districtSec = await buildUserWithRole(t.db, {
      role: 'secadmin',
      orgId: t.city.sampleIds.district,
      username: 'district.sec',
      password: 'Strong#Pass1',
    });
    expect(districtSec.id).toBeGreaterThan(0);
    const c = await t.login('district.sec', 'Strong#Pass1');
    const names = json(await t.call(c, 'GET', '/api/users?limit=200')).items.map((u: any) => u.username);
    expect(names).toContain('district-admin');
    expect(names).not.toContain('city-admin');
    const cityAdmin = json(await t.call(sec, 'GET', '/api/users?q=city-admin')).items[0];
    expect((await t.call(c, 'PATCH', `/api/users/${cityAdmin.id}`, { disabled: true })).statusCode).toBe(404);
  });
});

// Issue 11.5: the three administrators cannot create each other, by any route of the users API.
describe("no administrator can gain another administrator's powers (issue 11.5)", () => {
  const ADMINS = SEPARATED_ADMIN_ROLES as readonly Role[];
  const adminRows = () =>
    t.db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('role', 'in', [...ADMINS])
      .orderBy('user_id')
      .orderBy('role')
      .execute();

  it.each(ADMINS)('as %s: every create, role change, reset and own-role change granting an administrator role is refused', async (as) => {
    const me = await t.db.selectFrom('users').select('id').where('username', '=', as).executeTakeFirstOrThrow();
    const cookie = await t.login(as);
    const plain = json(await t.call(sec, 'GET', '/api/users?q=branch-admin')).items[0];
    const before = await adminRows();
    const others = json(await t.call(sec, 'GET', '/api/users?limit=200')).items.filter(
      (u: any) => u.roles.some((r: Role) => ADMINS.includes(r)) && u.id !== me.id,
    );
    expect(others.length).toBeGreaterThanOrEqual(2);
    let n = 0;
    for (const role of ADMINS) {
      const attempts = [
        t.call(cookie, 'POST', '/api/users', {
          username: `grab-${as}-${role}-${++n}`.replace(/_/g, '-'),
          displayName: '越权账号',
          orgId: t.city.sampleIds.city,
          password: 'Strong#Pass1',
          roles: [role],
        }),
        t.call(cookie, 'POST', '/api/users', {
          username: `grab2-${as}-${role}-${++n}`.replace(/_/g, '-'),
          displayName: '越权账号',
          orgId: t.city.sampleIds.city,
          password: 'Strong#Pass1',
          roles: ['org_dept_admin', role],
        }),
        t.call(cookie, 'PATCH', `/api/users/${plain.id}`, { roles: [role] }),
        t.call(cookie, 'PATCH', `/api/users/${me.id}`, { roles: [role] }),
      ];
      for (const res of await Promise.all(attempts)) {
        if (canDo([as], 'user.manage')) {
          expect(res.statusCode, res.body).toBe(400);
          expect(json(res).error.field).toBe('roles');
          expect(json(res).error.message).toMatch(/命令行|本人/);
        } else {
          expect(res.statusCode, res.body).toBe(403);
        }
      }
    }
    // The other administrators' accounts: not re-roled, disabled, moved, renamed or given a password this admin knows.
    for (const o of others) {
      const attempts = [
        t.call(cookie, 'PATCH', `/api/users/${o.id}`, { roles: ['org_dept_admin'] }),
        t.call(cookie, 'PATCH', `/api/users/${o.id}`, { disabled: true }),
        t.call(cookie, 'PATCH', `/api/users/${o.id}`, { displayName: '被改的管理员' }),
        t.call(cookie, 'POST', `/api/users/${o.id}/reset-password`, { password: 'Taken#Over-2026x' }),
      ];
      for (const res of await Promise.all(attempts)) expect([400, 403, 404], res.body).toContain(res.statusCode);
    }
    expect(await adminRows()).toEqual(before);
    const taken = await t.call(null, 'POST', '/api/auth/login', { username: others[0].username, password: 'Taken#Over-2026x' });
    expect(taken.statusCode).toBe(401);
    expect(json(await t.call(sec, 'GET', `/api/users?q=${plain.username}`)).items[0].roles).toEqual(plain.roles);
  });

  it('names the field roles in Chinese when the security administrator tries to create an auditor', async () => {
    const res = await create({ username: 'new.auditor', roles: ['auditor'] });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'INVALID', field: 'roles' });
    expect(json(res).error.message).toContain('审计管理员');
    expect(json(res).error.message).toContain('命令行');
  });
});

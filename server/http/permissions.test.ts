// SECURITY.md 11: one table-driven test walks every role × every endpoint against the matrix of
// domain/permissions.ts. A role the matrix refuses gets 403; a role it allows never does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, type Role } from '../../domain/permissions.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { hashPassword } from '../auth/password.js';

let t: TestApp;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  const hash = await hashPassword('Matrix#2026');
  for (const role of ROLES) {
    const { id } = await t.db.insertInto('users').values({ username: `only-${role}`, display_name: role, org_id: t.city.sampleIds.city, password_hash: hash, password_changed_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('user_roles').values({ user_id: id, role }).execute();
    cookies.set(role, await t.login(`only-${role}`, 'Matrix#2026'));
  }
});
afterAll(async () => { await t?.close(); });

// Concrete URLs for the path parameters; bodies are left empty: authorization runs before validation.
const concrete = (url: string) => url.replace(':id', String(t.city.sampleIds.branch));

describe('role × endpoint matrix', () => {
  it('covers the API: every /api route declares its access rule', () => {
    expect(t.app.deps.routes.length).toBeGreaterThan(20);
    for (const r of t.app.deps.routes) expect(r.public || r.anyUser || r.action, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const r of t.app.deps.routes.filter((x) => !x.public)) {
      const res = await t.call(null, r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it.each(ROLES)('%s: 403 exactly where the matrix says no', async (role) => {
    const cookie = cookies.get(role)!;
    for (const r of t.app.deps.routes.filter((x) => x.action)) {
      // Logging out would end the session the walk is using.
      const res = await t.call(cookie, r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      const allowed = can([role], r.action!);
      if (allowed) expect([401, 403], `${role} ${r.method} ${r.url} → ${res.statusCode}`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
    }
  });

  it('audits each refused access', async () => {
    const denied = await t.db.selectFrom('audit_log').select(['actor_name', 'action']).where('result', '=', 'denied').where('actor_name', '=', 'only-sysadmin').execute();
    expect(denied.map((d) => d.action)).toContain('audit.read');
    expect(denied.map((d) => d.action)).toContain('user.manage');
  });
});

describe('三员分立 (SECURITY.md 12)', () => {
  it('the system administrator cannot read the audit log or grant roles; the security administrator cannot configure; the auditor only reads the log', async () => {
    expect((await t.call(cookies.get('sysadmin')!, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await t.call(cookies.get('sysadmin')!, 'POST', '/api/users', {})).statusCode).toBe(403);
    expect((await t.call(cookies.get('secadmin')!, 'PUT', '/api/system/settings', {})).statusCode).toBe(403);
    expect((await t.call(cookies.get('auditor')!, 'GET', `/api/orgs/${t.city.sampleIds.city}`)).statusCode).toBe(403);
    expect((await t.call(cookies.get('auditor')!, 'GET', '/api/audit')).statusCode).toBe(200);
  });
});

// SECURITY.md 11: the permission tests, GitLab style. The expected answer for every role × action is
// written out by hand in permission-policy.ts, not taken from domain/permissions.ts, so a wrong matrix
// entry fails here: first can() against the table, then every /api route walked for every role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, SEPARATED_ADMIN_ROLES, can, type Action, type Role } from '../../domain/permissions.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../test/factories.js';
import { POLICY, POLICY_CASES, POLICY_ROLES, expectedAccess } from './permission-policy.js';

let t: TestApp;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    const u = await buildUserWithRole(t.db, { role, orgId: t.city.sampleIds.city, username: `only-${role}` });
    cookies.set(role, await t.login(u.username, u.password));
  }
});
afterAll(async () => {
  await t?.close();
});

// Concrete URLs for the path parameters; bodies are left empty: authorization runs before validation.
const concrete = (url: string) => url.replace(':id', String(t.city.sampleIds.branch));

describe('the written policy', () => {
  it('has a column for every role and a row for every action, and nothing else', () => {
    expect([...POLICY_ROLES].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
    expect(POLICY_CASES).toHaveLength(ROLES.length * ACTIONS.length);
  });

  it.each(POLICY_CASES.map((c) => [c.role, c.action, c.expected] as const))('%s → %s is %s', (role, action, expected) => {
    expect(can([role], action) ? 'allowed' : 'denied').toBe(expected);
  });
});

// 三员分立 (SECURITY.md 12), listed here on its own: the Party's business is nobody's among the three.
const PARTY_BUSINESS: readonly Action[] = [
  'org.create',
  'org.update',
  'org.move',
  'org.dissolve',
  'member.read',
  'member.write',
  'member.reveal_id',
  'member.import',
  'member.export',
  'member.self',
  'status.write',
  'dev.read',
  'dev.write',
  'dev.override',
  'transfer.read',
  'transfer.write',
  'dues.read',
  'dues.write',
  'dues.approve',
  'dues.export',
  'life.read',
  'life.write',
  'life.config',
  'term.read',
  'term.write',
  'term.approve',
  'standard.read',
  'standard.write',
  'standard.review',
  'standard.config',
  'task.read',
  'task.write',
  'task.check',
  'stats.read',
  'stats.export',
  'todo.digest',
];
const DUTIES: Record<'sysadmin' | 'secadmin' | 'auditor', readonly Action[]> = {
  sysadmin: ['system.config'],
  secadmin: ['user.read', 'user.manage', 'org.read'],
  auditor: ['audit.read', 'audit.export'],
};

describe('三员分立 in the matrix (SECURITY.md 12)', () => {
  it('names exactly the system, security and audit administrators as the separated roles', () => {
    expect([...SEPARATED_ADMIN_ROLES].sort()).toEqual(Object.keys(DUTIES).sort());
  });

  it.each(Object.keys(DUTIES) as (keyof typeof DUTIES)[])('%s may do no Party business, in the matrix nor in the table', (role) => {
    for (const action of PARTY_BUSINESS) {
      expect(can([role], action), `${role} ${action}`).toBe(false);
      expect(expectedAccess(role, action), `${role} ${action}`).toBe('denied');
    }
  });

  it.each(Object.keys(DUTIES) as (keyof typeof DUTIES)[])('%s may do its own duties and none of the other two', (role) => {
    expect(ACTIONS.filter((a) => can([role], a)).sort()).toEqual([...DUTIES[role]].sort());
  });
});

describe('role × endpoint walk', () => {
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

  it.each(ROLES)('%s: 403 exactly where the written policy says denied', async (role) => {
    const cookie = cookies.get(role)!;
    for (const r of t.app.deps.routes.filter((x) => x.action)) {
      // Logging out would end the session the walk is using.
      const res = await t.call(cookie, r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      if (expectedAccess(role, r.action!) === 'allowed')
        expect([401, 403], `${role} ${r.method} ${r.url} → ${res.statusCode}`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
    }
  });

  it('audits each refused access', async () => {
    await expectAuditRow(t.db, { action: 'audit.read', result: 'denied', actorName: 'only-sysadmin' });
    await expectAuditRow(t.db, { action: 'user.manage', result: 'denied', actorName: 'only-sysadmin' });
  });
});

describe('三员分立 at the endpoints (SECURITY.md 12)', () => {
  it('the system administrator cannot read the audit log or grant roles; the security administrator cannot configure; the auditor only reads the log', async () => {
    expect((await t.call(cookies.get('sysadmin')!, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await t.call(cookies.get('sysadmin')!, 'POST', '/api/users', {})).statusCode).toBe(403);
    expect((await t.call(cookies.get('secadmin')!, 'PUT', '/api/system/settings', {})).statusCode).toBe(403);
    expect((await t.call(cookies.get('auditor')!, 'GET', `/api/orgs/${t.city.sampleIds.city}`)).statusCode).toBe(403);
    expect((await t.call(cookies.get('auditor')!, 'GET', '/api/audit')).statusCode).toBe(200);
  });
});

// The factories make what the app makes: tree rows with paths, counts and history; members with
// their history; accounts that log in with exactly one role; audit assertions that can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './test-app.js';
import { buildMember, buildOrg, buildUserWithRole, expectAuditRow } from './factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('buildOrg', () => {
  it('creates a branch under its parent with the path, the parent’s child count and a history row', async () => {
    const parentBefore = await t.db.selectFrom('orgs').selectAll().where('id', '=', t.city.sampleIds.township).executeTakeFirstOrThrow();
    const org = await buildOrg(t.db, { parentId: t.city.sampleIds.township, name: '工厂测试党支部' });
    expect(org).toMatchObject({
      parent_id: parentBefore.id,
      path: `${parentBefore.path}.${org.id}`,
      kind: 'branch',
      name: '工厂测试党支部',
      status: 'active',
    });
    const parentAfter = await t.db.selectFrom('orgs').select('child_count').where('id', '=', parentBefore.id).executeTakeFirstOrThrow();
    expect(parentAfter.child_count).toBe(parentBefore.child_count + 1);
    const history = await t.db.selectFrom('org_history').select(['action', 'actor_id']).where('org_id', '=', org.id).execute();
    expect(history).toEqual([{ action: 'create', actor_id: null }]);
  });

  it('refuses a kind the parent may not hold, as the app does', async () => {
    await expect(buildOrg(t.db, { parentId: t.city.sampleIds.branch, kind: 'party_committee' })).rejects.toThrow();
  });
});

describe('buildUserWithRole and buildMember', () => {
  it('makes an account that logs in with exactly its role and sees the member built in its organization, with history', async () => {
    const org = await buildOrg(t.db, { parentId: t.city.sampleIds.township });
    const member = await buildMember(t.db, { orgId: org.id, name: '工厂党员', gender: '女' });
    const u = await buildUserWithRole(t.db, { role: 'org_admin', orgId: org.id });
    const cookie = await t.login(u.username, u.password);
    expect(json(await t.call(cookie, 'GET', '/api/auth/me'))).toMatchObject({ id: u.id, roles: ['org_admin'], orgId: org.id });
    const list = json(await t.call(cookie, 'GET', `/api/members?orgId=${org.id}`)).items;
    expect(list.map((m: any) => [m.id, m.name])).toEqual([[member.id, '工厂党员']]);
    const history = json(await t.call(cookie, 'GET', `/api/members/${member.id}/history`)).items;
    expect(history).toHaveLength(1);
  });
});

describe('expectAuditRow', () => {
  it('returns the matching row, and fails when there is none', async () => {
    const u = await buildUserWithRole(t.db, { role: 'member', orgId: t.city.sampleIds.branch });
    const cookie = await t.login(u.username, u.password);
    expect((await t.call(cookie, 'GET', '/api/audit')).statusCode).toBe(403);
    const row = await expectAuditRow(t.db, { action: 'audit.read', result: 'denied', actorName: u.username });
    expect(row.actor_id).toBe(u.id);
    await expect(expectAuditRow(t.db, { action: 'audit.read', result: 'success', actorName: u.username })).rejects.toThrow();
  });
});

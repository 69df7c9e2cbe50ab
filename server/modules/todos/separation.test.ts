// 三员分立 and the officers of other areas (SECURITY.md 12): the security administrator and the
// cadre and talent officers read the organization tree to do their own work, never the Party
// business it holds (the to-do digest, member counts, committees, set-up warnings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('business data behind the organization tree', () => {
  it.each(['secadmin', 'cadre-officer', 'talent-officer'])(
    '%s: the digest is refused and the tree shows no member counts',
    async (user) => {
      const cookie = await t.login(user);
      for (const url of ['/api/todos/digest', '/api/todos/digest/items', '/api/todos/digest/export?purpose=测试导出']) {
        expect((await t.call(cookie, 'GET', url)).statusCode, url).toBe(403);
      }
      const todos = json(await t.call(cookie, 'GET', '/api/todos'));
      expect(todos.total).toBe(0);
      const res = await t.call(cookie, 'GET', `/api/orgs/${t.city.sampleIds.city}`);
      expect(res.statusCode, res.body).toBe(200);
      const org = json(res);
      expect(org.name).toBeTruthy();
      expect([org.memberCount, org.fullMemberCount, org.probationaryCount]).toEqual([null, null, null]);
      expect(org.committee).toEqual([]);
      expect(org.warnings).toEqual([]);
    },
  );

  it('city-admin still reads the digest and the counts', async () => {
    const cookie = await t.login('city-admin');
    const digest = await t.call(cookie, 'GET', '/api/todos/digest');
    expect(digest.statusCode, digest.body).toBe(200);
    expect(json(digest).rows.length).toBeGreaterThan(1);
    const org = json(await t.call(cookie, 'GET', `/api/orgs/${t.city.sampleIds.city}`));
    expect(org.memberCount).toBeGreaterThan(1000);
    expect(org.committee.length).toBeGreaterThan(0);
  });
});

// Too long is refused, never cut: the server answers 400 naming the field, and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let city: string;
beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
});
afterAll(async () => {
  await t?.close();
});

describe('organization input limits', () => {
  it('refuses a 500-character name with a message naming the field, and saves nothing', async () => {
    const name = '示'.repeat(500);
    const res = await t.call(city, 'POST', '/api/orgs', { parentId: t.city.sampleIds.township, name, kind: 'branch' });
    expect(res.statusCode, res.body).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'name', message: expect.stringContaining('名称不能超过 100 个字') });
    const saved = await t.db.selectFrom('orgs').select('id').where('name', 'like', '示示示%').execute();
    expect(saved).toEqual([]);
  });

  it('refuses a too long short name naming the short name, and leaves the organization as it was', async () => {
    const before = json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.branch}`));
    const res = await t.call(city, 'PATCH', `/api/orgs/${t.city.sampleIds.branch}`, { shortName: '简'.repeat(41) });
    expect(res.statusCode, res.body).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'shortName', message: expect.stringContaining('简称不能超过 40 个字') });
    expect(json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.branch}`)).shortName).toBe(before.shortName);
  });
});

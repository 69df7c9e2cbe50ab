// Pinyin-initials search must find every record, however it entered the database: the demo
// generator and the areas' demo rows write in bulk, not through insertMember.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { fillNameKeys } from '../../db/name-keys.js';
import { buildMember } from '../../test/factories.js';

let t: TestApp;
let city: string;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  city = await t.login('city-admin');
});
afterAll(async () => {
  await t?.close();
});

describe('pinyin-initials search on generated records', () => {
  it('finds a demo-generated member by the initials of its name', async () => {
    const m = await t.db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('org_id', '=', t.city.sampleIds.branch)
      .where('status', '=', 'normal')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await t.call(city, 'GET', `/api/members?q=${pinyinInitials(m.name)}&limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).items.map((r: any) => r.id)).toContain(m.id);
  });

  it('leaves no member, organization, applicant or cadre without its pinyin keys', async () => {
    for (const table of ['members', 'orgs', 'dev_people', 'cadres'] as const) {
      const rows = await t.db.selectFrom(table).select(['name', 'name_initials', 'sort_key']).execute();
      const wrong = rows.filter((r) => r.name_initials !== pinyinInitials(r.name) || r.sort_key !== pinyinSortKey(r.name));
      expect(wrong.slice(0, 3), table).toEqual([]);
    }
  });

  it('pages through every match of some initials in pinyin order, a name whose sort key starts with no letter included', async () => {
    // The page walks the pinyin order from the initials' first letter, plus the names whose key starts with none.
    const odd = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '·阿依古丽' });
    const plain = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '阿依古丽' });
    expect(pinyinSortKey('·阿依古丽')).not.toMatch(/^[a-z]/);
    for (const q of ['ay', 'z']) {
      const want = (
        await t.db.selectFrom('members').select('id').where('name_initials', 'like', `${q}%`).orderBy('sort_key').orderBy('id').execute()
      ).map((r) => r.id);
      const got: number[] = [];
      for (let cursor: string | null = '', pages = 0; cursor !== null && pages < 200; pages++) {
        const page = json(await t.call(city, 'GET', `/api/members?q=${q}&status=all&limit=7${cursor ? `&cursor=${cursor}` : ''}`));
        got.push(...page.items.map((r: { id: number }) => r.id));
        cursor = page.nextCursor;
      }
      expect(got, q).toEqual(want);
      expect(want.length, q).toBeGreaterThan(q === 'z' ? 7 : 1);
    }
    const ay = json(await t.call(city, 'GET', '/api/members?q=ay&limit=200')).items.map((r: { id: number }) => r.id);
    expect(ay).toEqual(expect.arrayContaining([odd.id, plain.id]));
  });

  it('fills the keys of a row written around insertMember, in one repair', async () => {
    const { id } = await t.db
      .insertInto('members')
      .values({ org_id: t.city.sampleIds.branch, name: '绕过者', gender: '女', category: 'full' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await fillNameKeys(t.db)).toBe(1);
    expect(json(await t.call(city, 'GET', '/api/members?q=rgz')).items.map((r: any) => r.id)).toContain(id);
    expect(await fillNameKeys(t.db)).toBe(0);
  });
});

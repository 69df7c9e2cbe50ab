// People read names and labels, not internals: the audit log gives each row's action in words and
// the name of its object; an organization's history names the organizations a move went between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let city: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  city = await t.login('city-admin');
  auditor = await t.login('auditor');
});
afterAll(async () => {
  await t?.close();
});

const rowsOf = async (qs: string) => {
  const res = await t.call(auditor, 'GET', `/api/audit?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res).items as any[];
};

describe('the audit log in words', () => {
  it('labels the action and names the user, organization and member acted on', async () => {
    const login = (await rowsOf('action=auth.login&limit=5'))[0];
    expect(login).toMatchObject({
      action: 'auth.login',
      actionLabel: '登录',
      objectLabel: '账号',
      objectName: expect.stringContaining('auditor'),
    });

    const created = json(
      await t.call(city, 'POST', '/api/orgs', { parentId: t.city.sampleIds.township, name: '审计名称测试支部', kind: 'branch' }),
    );
    expect((await rowsOf('action=org.create&limit=1'))[0]).toMatchObject({
      actionLabel: '新建组织',
      objectLabel: '组织',
      objectId: String(created.id),
      objectName: '审计名称测试支部',
    });

    const member = await t.db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('org_id', '=', t.city.sampleIds.branch)
      .where('id_cipher', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await t.call(city, 'POST', `/api/members/${member.id}/reveal-id`)).statusCode).toBe(200);
    expect((await rowsOf('action=member.reveal_id&limit=1'))[0]).toMatchObject({
      actionLabel: '查看完整身份证号',
      objectLabel: '党员',
      objectName: member.name,
    });
  });

  it('filters by the exact action chosen from the list', async () => {
    await t.call(city, 'POST', '/api/auth/logout');
    city = await t.login('city-admin');
    const rows = await rowsOf('action=auth.log&limit=50');
    expect(rows).toEqual([]);
  });
});

describe('an organization’s history', () => {
  it('names the organizations a move went between', async () => {
    const org = json(
      await t.call(city, 'POST', '/api/orgs', { parentId: t.city.sampleIds.township, name: '移动历史测试支部', kind: 'branch' }),
    );
    const from = json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.township}`)).name;
    const res = await t.call(city, 'POST', `/api/orgs/${org.id}/move`, { newParentId: t.city.sampleIds.district });
    expect(res.statusCode, res.body).toBe(200);
    const to = json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.district}`)).name;
    const history = json(await t.call(city, 'GET', `/api/orgs/${org.id}/history`));
    expect(history.orgNames).toMatchObject({ [String(t.city.sampleIds.township)]: from, [String(t.city.sampleIds.district)]: to });
  });

  it('names the branch a member’s history refers to', async () => {
    const h = await t.db
      .selectFrom('member_history')
      .select(['member_id', 'after'])
      .where('action', '=', 'transfer')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const orgId = (h.after as any).org_id;
    const org = await t.db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
    const res = await t.call(city, 'GET', `/api/members/${h.member_id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).orgNames[String(orgId)]).toBe(org.name);
  });
});

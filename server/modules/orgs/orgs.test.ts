import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let city: string;
let branchAdmin: string;
let districtAdmin: string;
beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
  branchAdmin = await t.login('branch-admin');
  districtAdmin = await t.login('district-admin');
});
afterAll(async () => {
  await t?.close();
});

const townshipIds = async () =>
  json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.district}/children`))
    .items.filter((o: any) => o.kind === 'township_committee')
    .map((o: any) => o.id as number);

describe('the organization tree', () => {
  it('gives each user the root of their own subtree', async () => {
    expect(json(await t.call(districtAdmin, 'GET', '/api/orgs/roots')).items.map((o: any) => o.id)).toEqual([t.city.sampleIds.district]);
    expect(json(await t.call(branchAdmin, 'GET', '/api/orgs/roots')).items.map((o: any) => o.id)).toEqual([t.city.sampleIds.branch]);
  });

  it('lists children lazily with a leaf flag that matches their own children', async () => {
    const kids = json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.city}/children`)).items;
    expect(kids.length).toBeGreaterThan(0);
    for (const k of kids.slice(0, 3)) {
      const grand = json(await t.call(city, 'GET', `/api/orgs/${k.id}/children`)).items;
      expect(grand.length).toBe(k.childCount);
      expect(k.isLeaf).toBe(k.childCount === 0);
    }
  });

  it('answers 404 for an organization outside the subtree and audits the refusal', async () => {
    const res = await t.call(branchAdmin, 'GET', `/api/orgs/${t.city.sampleIds.otherBranch}`);
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('NOT_FOUND');
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('object_id', '=', String(t.city.sampleIds.otherBranch))
      .executeTakeFirst();
    expect(row).toMatchObject({ actor_name: 'branch-admin', object_type: 'org', action: 'org.read' });
    // Same answer as an id that does not exist at all.
    expect(json(await t.call(branchAdmin, 'GET', '/api/orgs/99999999')).error).toEqual(json(res).error);
    expect((await t.call(branchAdmin, 'GET', `/api/orgs/${t.city.sampleIds.otherBranch}/children`)).statusCode).toBe(404);
  });
});

describe('creating and editing organizations', () => {
  it('creates a branch, keeps its history and audit row, and counts it as a child', async () => {
    const [township] = await townshipIds();
    const before = json(await t.call(city, 'GET', `/api/orgs/${township}`)).childCount;
    const res = await t.call(city, 'POST', '/api/orgs', {
      parentId: township,
      name: '测试新建第一党支部',
      kind: 'branch',
      unitType: 'community',
      establishedOn: '2026-01-05',
    });
    expect(res.statusCode).toBe(201);
    const org = json(res);
    expect(org).toMatchObject({ name: '测试新建第一党支部', kind: 'branch', parentId: township, isLeaf: true });
    expect(org.path.map((p: any) => p.id)).toEqual([t.city.sampleIds.city, t.city.sampleIds.district, township, org.id]);
    expect(json(await t.call(city, 'GET', `/api/orgs/${township}`)).childCount).toBe(before + 1);
    const hist = json(await t.call(city, 'GET', `/api/orgs/${org.id}/history`)).items;
    expect(hist.map((h: any) => h.action)).toEqual(['create']);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.create')
      .where('object_id', '=', String(org.id))
      .executeTakeFirst();
    expect(audit).toMatchObject({ actor_name: 'city-admin', result: 'success', role: 'org_dept_admin' });
    expect(audit!.request_id).toBe(res.headers['x-request-id']);
  });

  it('refuses a kind that cannot sit under the parent, naming the field', async () => {
    const res = await t.call(branchAdmin, 'POST', '/api/orgs', {
      parentId: t.city.sampleIds.branch,
      name: '错误的党委',
      kind: 'party_committee',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('kind');
    expect(json(res).error.message).toContain('党支部');
  });

  it('refuses unknown fields and duplicate names, changing nothing', async () => {
    const [township] = await townshipIds();
    const count = async () =>
      (
        await t.db
          .selectFrom('orgs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const n0 = Number(await count());
    const unknown = await t.call(city, 'POST', '/api/orgs', { parentId: township, name: '某党支部', kind: 'branch', status: 'dissolved' });
    expect(json(unknown).error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'status' });
    const dup = await t.call(city, 'POST', '/api/orgs', { parentId: township, name: '测试新建第一党支部', kind: 'branch' });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).error.field).toBe('name');
    expect(Number(await count())).toBe(n0);
  });

  it('edits fields and records before and after', async () => {
    const hit = json(await t.call(city, 'GET', `/api/orgs/search?q=${encodeURIComponent('测试新建第一')}`)).items[0];
    const res = await t.call(city, 'PATCH', `/api/orgs/${hit.id}`, { name: '测试改名后党支部', shortName: '改名支部' });
    expect(json(res)).toMatchObject({ name: '测试改名后党支部', shortName: '改名支部' });
    const [last] = json(await t.call(city, 'GET', `/api/orgs/${hit.id}/history`)).items;
    expect(last).toMatchObject({ action: 'update', before: { name: '测试新建第一党支部' }, after: { name: '测试改名后党支部' } });
  });
});

describe('moving and dissolving', () => {
  it('moves a subtree: every descendant gets the new path, history kept', async () => {
    const [t1, t2] = await townshipIds();
    const gb = json(await t.call(city, 'POST', '/api/orgs', { parentId: t1, name: '搬迁测试党总支', kind: 'general_branch' }));
    const br = json(await t.call(city, 'POST', '/api/orgs', { parentId: gb.id, name: '搬迁测试党支部', kind: 'branch' }));
    const grp = json(await t.call(city, 'POST', '/api/orgs', { parentId: br.id, name: '搬迁测试党小组', kind: 'party_group' }));
    const member = await t.db
      .insertInto('members')
      .values({ org_id: br.id, name: '随迁党员', gender: '女', category: 'full' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const moved = await t.call(city, 'POST', `/api/orgs/${gb.id}/move`, { newParentId: t2 });
    expect(moved.statusCode).toBe(200);
    const g = json(await t.call(city, 'GET', `/api/orgs/${grp.id}`));
    expect(g.path.map((p: any) => p.id)).toEqual([t.city.sampleIds.city, t.city.sampleIds.district, t2, gb.id, br.id, grp.id]);
    const row = await t.db.selectFrom('orgs').select('path').where('id', '=', grp.id).executeTakeFirstOrThrow();
    expect(row.path.endsWith(`${t2}.${gb.id}.${br.id}.${grp.id}`)).toBe(true);
    // Members' copy of the path moves with their organization.
    const m = await t.db.selectFrom('members').select('org_path').where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(m.org_path).toBe(row.path.split('.').slice(0, -1).join('.'));
    await t.db.updateTable('members').set({ status: 'transferred_out' }).where('id', '=', member.id).execute();
    expect(json(await t.call(city, 'GET', `/api/orgs/${gb.id}/history`)).items[0]).toMatchObject({
      action: 'move',
      before: { parentId: t1 },
      after: { parentId: t2 },
    });
    const cycle = await t.call(city, 'POST', `/api/orgs/${gb.id}/move`, { newParentId: br.id });
    expect(cycle.statusCode).toBe(400);
  });

  it('refuses to dissolve while children or members remain, then dissolves and keeps the row', async () => {
    const gb = json(await t.call(city, 'GET', `/api/orgs/search?q=${encodeURIComponent('搬迁测试党总支')}`)).items[0];
    const refused = await t.call(city, 'POST', `/api/orgs/${gb.id}/dissolve`, { dissolvedOn: '2026-11-01', reason: '单位撤并' });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toContain('下级组织');
    const withMembers = await t.call(city, 'POST', `/api/orgs/${t.city.sampleIds.branch}/dissolve`, {
      dissolvedOn: '2026-11-01',
      reason: '单位撤并',
    });
    expect(withMembers.statusCode).toBe(409);
    expect(json(withMembers).error.message).toContain('党员');
    const kids = json(await t.call(city, 'GET', `/api/orgs/${gb.id}/children`)).items;
    const grp = json(await t.call(city, 'GET', `/api/orgs/${kids[0].id}/children`)).items[0];
    for (const id of [grp.id, kids[0].id, gb.id]) {
      expect((await t.call(city, 'POST', `/api/orgs/${id}/dissolve`, { dissolvedOn: '2026-11-01', reason: '单位撤并' })).statusCode).toBe(
        200,
      );
    }
    const after = json(await t.call(city, 'GET', `/api/orgs/${gb.id}`));
    expect(after).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-11-01' });
    const parentKids = json(await t.call(city, 'GET', `/api/orgs/${after.parentId}/children`)).items.map((o: any) => o.id);
    expect(parentKids).not.toContain(gb.id);
    const withDissolved = json(await t.call(city, 'GET', `/api/orgs/${after.parentId}/children?includeDissolved=true`)).items.map(
      (o: any) => o.id,
    );
    expect(withDissolved).toContain(gb.id);
  });
});

describe('search', () => {
  it('finds by name infix and by pinyin initials, only inside the scope', async () => {
    const other = json(await t.call(city, 'GET', `/api/orgs/${t.city.sampleIds.otherBranch}`));
    const byName = json(await t.call(city, 'GET', `/api/orgs/search?q=${encodeURIComponent(other.name)}`)).items;
    expect(byName.map((h: any) => h.id)).toContain(other.id);
    expect(byName.find((h: any) => h.id === other.id).pathNames).toContain('/');
    const created = json(await t.call(city, 'GET', '/api/orgs/search?q=csgmh')).items;
    expect(created.map((h: any) => h.name)).toContain('测试改名后党支部');
    // Initials match anywhere in the name, not only from its first character.
    const infix = json(await t.call(city, 'GET', '/api/orgs/search?q=gmhdz')).items;
    expect(infix.map((h: any) => h.name)).toContain('测试改名后党支部');
    const fromDistrict = json(await t.call(districtAdmin, 'GET', `/api/orgs/search?q=${encodeURIComponent(other.name)}`)).items;
    expect(fromDistrict.map((h: any) => h.id)).not.toContain(other.id);
  });
});

describe('set-up warnings and the committee (RULES.md §4)', () => {
  it('warns about a branch of 7+ full members without a committee until one is set', async () => {
    const [township] = await townshipIds();
    const br = json(await t.call(city, 'POST', '/api/orgs', { parentId: township, name: '规则测试党支部', kind: 'branch' }));
    await t.db
      .insertInto('members')
      .values(Array.from({ length: 8 }, (_, i) => ({ org_id: br.id, name: `测试${i}`, gender: '男' as const, category: 'full' as const })))
      .execute();
    const put = (members: unknown[]) => t.call(city, 'PUT', `/api/orgs/${br.id}/committee`, { members });
    await put([{ personName: '王书记', post: 'secretary' }]);
    const d1 = json(await t.call(city, 'GET', `/api/orgs/${br.id}`));
    expect(d1.fullMemberCount).toBe(8);
    expect(d1.warnings.map((w: any) => w.code)).toEqual(['committee_required']);
    expect(d1.warnings[0].article).toContain('支部工作条例');
    const two = await put([
      { personName: '王书记', post: 'secretary' },
      { personName: '李书记', post: 'secretary' },
    ]);
    expect(two.statusCode).toBe(400);
    await put([
      { personName: '王书记', post: 'secretary', termStart: '2026-01-01', termEnd: '2028-12-31' },
      { personName: '李委员', post: 'member' },
      { personName: '赵委员', post: 'member' },
    ]);
    const d2 = json(await t.call(city, 'GET', `/api/orgs/${br.id}`));
    expect(d2.warnings).toEqual([]);
    expect(d2.committee.map((c: any) => c.post)).toEqual(['secretary', 'member', 'member']);
  });
  it('shows and edits only the sitting committee: the committees before an election stay on record', async () => {
    const [township] = await townshipIds();
    const br = json(await t.call(city, 'POST', '/api/orgs', { parentId: township, name: '换届后党支部', kind: 'branch' }));
    // The committee elected in 2020, ended on the day of the 2023 election, and the 2023 committee with its term.
    await t.db
      .insertInto('org_committee_members')
      .values([
        { org_id: br.id, person_name: '前任书记', post: 'secretary', term_start: '2020-05-01', term_end: '2023-05-10' },
        { org_id: br.id, person_name: '现任书记', post: 'secretary', term_start: '2023-05-10', term_end: '2026-05-10' },
        { org_id: br.id, person_name: '现任委员', post: 'member', term_start: '2023-05-10', term_end: '2026-05-10' },
      ])
      .execute();
    await t.db
      .insertInto('org_terms')
      .values({ org_id: br.id, term_kind: 'branch', term_years: 3, elected_on: '2023-05-10', ends_on: '2026-05-10' })
      .execute();
    const d = json(await t.call(city, 'GET', `/api/orgs/${br.id}`));
    expect(d.committee.map((c: any) => c.personName)).toEqual(['现任书记', '现任委员']);
    await t.call(city, 'PUT', `/api/orgs/${br.id}/committee`, { members: [{ personName: '新任书记', post: 'secretary' }] });
    const names = (
      await t.db.selectFrom('org_committee_members').select('person_name').where('org_id', '=', br.id).orderBy('id').execute()
    ).map((r) => r.person_name);
    expect(names).toEqual(['前任书记', '新任书记']);
  });
});

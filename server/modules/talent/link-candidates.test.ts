// The talent form's look-up of a member or cadre to link: found by initials or name within the officer's scope,
// marked once a talent record holds them; a talent registered with the link takes identity from the record; a
// member outside a district officer's scope is a 404 with an audited refusal, to the look-up as to the create.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { buildCadre } from '../../test/cadre-builders.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let officer: string;
let districtOfficer: string;
let inside: { id: number; name: string };
let outside: { id: number; name: string };
let cadre: { id: number; name: string };
let districtA: number;
type Hit = { kind: string; id: number; name: string; born: string | null; talentId: number | null };

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('talent-officer');
  districtA = t.city.sampleIds.district;
  const u = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: districtA });
  districtOfficer = await t.login(u.username, u.password);
  const path = (await t.db.selectFrom('orgs').select('path').where('id', '=', districtA).executeTakeFirstOrThrow()).path;
  const foreignOrg = await sql<{ id: number }>`select id from orgs where not (path <@ ${path}::ltree) and parent_id is not null
    order by id desc limit 1`.execute(t.db);
  inside = await buildMember(t.db, { orgId: t.city.sampleIds.branch, name: '欧阳知微', birth_date: '1988-03-09' });
  outside = await buildMember(t.db, { orgId: Number(foreignOrg.rows[0].id), name: '欧阳远帆' });
  cadre = await buildCadre(t.db, {
    managerOrgId: districtA,
    name: '司马望舒',
    posts: [{ title: '副局长', level: '副处', from: '2020-01-01' }],
  });
});
afterAll(async () => {
  await t?.close();
});

const lookup = async (who: string, q: string): Promise<Hit[]> => {
  const res = await t.call(who, 'GET', `/api/talent/link-candidates?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res).items;
};

describe('the talent form’s look-up of a member or cadre', () => {
  it('finds a member by pinyin initials and by name, with the year and month of birth only', async () => {
    const byInitials = await lookup(officer, 'oyzw');
    expect(byInitials).toContainEqual(expect.objectContaining({ kind: 'member', id: inside.id, name: '欧阳知微', born: '1988-03' }));
    const byName = await lookup(officer, '欧阳');
    expect(byName.map((h) => h.id)).toEqual(expect.arrayContaining([inside.id, outside.id]));
    expect(JSON.stringify(byName)).not.toContain('1988-03-09');
  });

  it('finds a cadre by name', async () => {
    expect(await lookup(officer, '司马望')).toContainEqual(expect.objectContaining({ kind: 'cadre', id: cadre.id, talentId: null }));
  });

  it('keeps a district officer to its scope: the other district’s member is not offered', async () => {
    const hits = await lookup(districtOfficer, '欧阳');
    expect(hits.map((h) => h.id)).toContain(inside.id);
    expect(hits.map((h) => h.id)).not.toContain(outside.id);
  });

  it('registers a talent linked to the member: identity from the record, and the look-up marks it', async () => {
    const employer = await t.db
      .insertInto('talent_employers')
      .values({ name: '示例联调公司（虚构）', district_org_id: districtA, industry: '信息技术', kind: '企业' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await t.call(districtOfficer, 'POST', '/api/talent/people', {
      memberId: inside.id,
      name: '不该被采用',
      employerId: employer.id,
      field: '人工智能',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ name: '欧阳知微', birth: '1988-03-09', memberId: inside.id, linked: 'member' });
    const hit = (await lookup(officer, 'oyzw')).find((h) => h.id === inside.id);
    expect(hit?.talentId).toBe(json(res).id);
    // A second record for the same member is refused.
    const again = await t.call(officer, 'POST', '/api/talent/people', { memberId: inside.id, employerId: employer.id });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.field).toBe('memberId');
  });

  it('refuses a district officer linking a member outside its scope (404, audited)', async () => {
    const res = await t.call(districtOfficer, 'POST', '/api/talent/people', { memberId: outside.id, districtOrgId: districtA });
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.write', result: 'denied', objectType: 'member', objectId: outside.id });
    expect(await t.db.selectFrom('talent_people').select('id').where('member_id', '=', outside.id).execute()).toHaveLength(0);
  });

  it('asks for a search term in Chinese', async () => {
    const res = await t.call(officer, 'GET', '/api/talent/link-candidates?q=');
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toMatch(/姓名/);
  });
});

// Talent services through the API: a talent asks, the request reaches the department of its type with
// a due date in working days, only that department sees and answers it (an answer after the due date is
// marked late, not refused), the talent closes it; a department, another talent and another district's
// office get 404 for what is not theirs, each refusal audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import { todayCn } from '../../dates.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { buildTalent, buildTierSet } from '../../test/talent-builders.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { seedTalentServicesDemo } from './demo.js';

let t: TestApp;
let office: string;
let types: Map<string, number>;

let other: number;
let otherDistrict: number;
const base = '/api/talent-services';

beforeAll(async () => {
  t = await createTestApp();
  await seedTalentServicesDemo(t.db);
  const { district, city } = t.city.sampleIds;
  otherDistrict = (
    await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', city)
      .where('id', '!=', district)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const talentUser = await t.db.selectFrom('users').select('id').where('username', '=', 'talent').executeTakeFirstOrThrow();
  await buildTalent(t.db, { districtOrgId: district, userId: talentUser.id });
  other = await buildTalent(t.db, { districtOrgId: otherDistrict });
  office = await t.login('talent-officer');
  types = new Map((json(await t.call(office, 'GET', `${base}/types`)).items as { code: string; id: number }[]).map((x) => [x.code, x.id]));
});
afterAll(async () => {
  await t?.close();
});

describe('a service request', () => {
  it('goes from the talent to the department of its type and back, late answers marked', async () => {
    const talent = await t.login('talent');
    const created = await t.call(talent, 'POST', `${base}/me/requests`, { typeId: types.get('schooling'), detail: '孩子秋季入学' });
    expect(created.statusCode).toBe(201);
    const req = json(created);
    const today = todayCn(t.clock.now());
    expect(req).toMatchObject({ departmentName: '市教育局', status: 'submitted', dueOn: addWorkingDays(today, 10), overdue: false });

    const dept = await t.login('talent-service');
    const list = json(await t.call(dept, 'GET', `${base}/department/requests`));
    expect(list.items.map((r: { id: number }) => r.id)).toContain(req.id);
    const accepted = json(await t.call(dept, 'POST', `${base}/department/requests/${req.id}/accept`, { version: req.version }));
    expect(accepted.status).toBe('accepted');
    // a stale version is refused and changes nothing
    const stale = await t.call(dept, 'POST', `${base}/department/requests/${req.id}/answer`, { version: req.version, answer: '已安排' });
    expect(stale.statusCode).toBe(409);

    // three weeks later: past the 10 working days, the answer is taken and marked late
    t.clock.advanceMinutes(21 * 24 * 60);
    const dept2 = await t.login('talent-service');
    const answered = json(
      await t.call(dept2, 'POST', `${base}/department/requests/${req.id}/answer`, { version: accepted.version, answer: '已安排入学' }),
    );
    expect(answered).toMatchObject({ status: 'answered', late: true, overdue: true });

    const talent2 = await t.login('talent');
    const closed = json(
      await t.call(talent2, 'POST', `${base}/me/requests/${req.id}/close`, { version: answered.version, satisfaction: 5 }),
    );
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 5 });
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'accepted', 'answered', 'closed']);
  });

  it('shows a department only the requests routed to it', async () => {
    office = await t.login('talent-officer');
    const r = json(
      await t.call(office, 'POST', `${base}/requests`, { typeId: types.get('apartment'), detail: '申请人才公寓', personId: other }),
    );
    expect(r.departmentName).toBe('市住房和城乡建设局');
    const dept = await t.login('talent-service');
    const list = json(await t.call(dept, 'GET', `${base}/department/requests`));
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(r.id);
    const res = await t.call(dept, 'GET', `${base}/department/requests/${r.id}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'talent.service',
      result: 'denied',
      objectType: 'talent_service_request',
      objectId: String(r.id),
    });
    // re-routed by the office to the education bureau, it appears there
    const routed = json(
      await t.call(office, 'POST', `${base}/requests/${r.id}/route`, {
        departmentId: list.byDepartment[0]?.departmentId ?? 1,
        version: r.version,
        note: '实为子女入学事项',
      }),
    );
    expect(routed.departmentName).toBe('市教育局');
    expect(json(await t.call(dept, 'GET', `${base}/department/requests`)).items.map((x: { id: number }) => x.id)).toContain(r.id);
    // another talent's request is not the talent's own
    const talent = await t.login('talent');
    expect((await t.call(talent, 'GET', `${base}/me/requests/${r.id}`)).statusCode).toBe(404);
  });

  it('keeps another district out and tier-limited services to their tiers', async () => {
    const u = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: t.city.sampleIds.district });
    const districtOffice = await t.login(u.username, u.password);
    const r = json(
      await t.call(office, 'POST', `${base}/requests`, { typeId: types.get('spouse-job'), detail: '配偶就业', personId: other }),
    );
    expect((await t.call(districtOffice, 'GET', `${base}/requests/${r.id}`)).statusCode).toBe(404);
    expect(json(await t.call(districtOffice, 'GET', `${base}/requests`)).items.map((x: { id: number }) => x.id)).not.toContain(r.id);
    const forOther = await t.call(districtOffice, 'POST', `${base}/requests`, {
      typeId: types.get('schooling'),
      detail: 'x',
      personId: other,
    });
    expect(forOther.statusCode).toBe(404);

    const talent = await t.login('talent');
    const refused = await t.call(talent, 'POST', `${base}/me/requests`, { typeId: types.get('green-channel'), detail: '预约专家门诊' });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error.field).toBe('typeId');
    const tiers = await buildTierSet(t.db);
    const carded = await buildTalent(t.db, { districtOrgId: otherDistrict, tierId: tiers.get('B') });
    const ok = await t.call(office, 'POST', `${base}/requests`, {
      typeId: types.get('green-channel'),
      detail: '预约专家门诊',
      personId: carded,
    });
    expect(ok.statusCode).toBe(201);
  });
});

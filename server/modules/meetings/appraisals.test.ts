import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole } from '../../test/factories.js';
import { dayCn } from './changes.js';

let t: TestApp;
let branchAdmin: string, otherAdmin: string;
let year: number;
let full: number[], probationary: number[];
const org = () => t.city.sampleIds.branch;
const save = (cookie: string, body: object) => t.call(cookie, 'PUT', '/api/meetings/appraisals', { orgId: org(), year, ...body });
const view = async (y = year) => json(await t.call(branchAdmin, 'GET', `/api/meetings/appraisals?orgId=${org()}&year=${y}`));

beforeAll(async () => {
  t = await createTestApp();
  branchAdmin = await t.login('branch-admin');
  year = Number(dayCn(t.clock.now()).slice(0, 4));
  // A known shape: exactly 3 probationary members in the branch, the rest full.
  const members = await t.db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', org())
    .where('status', '=', 'normal')
    .orderBy('id')
    .execute();
  await t.db.updateTable('members').set({ category: 'full' }).where('org_id', '=', org()).execute();
  await t.db
    .updateTable('members')
    .set({ category: 'probationary' })
    .where(
      'id',
      'in',
      members.slice(0, 3).map((m) => m.id),
    )
    .execute();
  const roster = json(await t.call(branchAdmin, 'GET', `/api/meetings/roster?orgId=${org()}`)).items;
  full = roster.filter((r: any) => r.category === 'full').map((r: any) => r.memberId);
  probationary = roster.filter((r: any) => r.category === 'probationary').map((r: any) => r.memberId);
  const other = await buildUserWithRole(t.db, {
    role: 'org_admin',
    orgId: t.city.sampleIds.otherBranch,
    username: 'other-admin',
    displayName: '外区管理员',
  });
  otherAdmin = await t.login(other.username, other.password);
});
afterAll(async () => {
  await t?.close();
});

const limit = () => Math.floor(full.length / 3);

describe('民主评议党员 (RULES.md §3)', () => {
  it('opens a new appraisal on the roster: full members to grade, probationary members taking part ungraded', async () => {
    const a = await view();
    expect(full.length).toBeGreaterThanOrEqual(6);
    expect(probationary).toHaveLength(3);
    expect(a).toMatchObject({
      id: null,
      status: 'new',
      counts: { toGrade: full.length, graded: 0, probationary: 3, excellentLimit: limit() },
    });
    expect(a.rows).toHaveLength(full.length + 3);
  });

  it('refuses 优秀 for more than a third of the full members, naming the offending row', async () => {
    const grades = full.map((id, i) => ({ memberId: id, grade: i <= limit() ? 'excellent' : 'qualified' }));
    const res = await save(branchAdmin, { grades });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('三分之一');
    expect(json(res).error.field).toBe('grades');
    expect(await t.db.selectFrom('appraisals').select('id').execute()).toEqual([]);
  });

  it('refuses a grade for a probationary member', async () => {
    const res = await save(branchAdmin, { grades: [{ memberId: probationary[0], grade: 'qualified' }] });
    expect(json(res).error).toMatchObject({ field: 'grades.0.grade' });
    expect(json(res).error.message).toContain('预备党员');
  });

  it('refuses members from outside the organization', async () => {
    const other = await t.db
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', t.city.sampleIds.otherBranch)
      .executeTakeFirstOrThrow();
    expect(json(await save(branchAdmin, { grades: [{ memberId: other.id, grade: 'qualified' }] })).error.field).toBe('grades.0.memberId');
  });

  it('saves a draft with the limit reached, linked to the meeting it was held at, audited', async () => {
    const meeting = json(
      await t.call(branchAdmin, 'POST', '/api/meetings', {
        orgId: org(),
        status: 'held',
        kinds: ['life_meeting', 'appraisal'],
        heldOn: dayCn(t.clock.now()),
        topic: '年度组织生活会和民主评议党员',
      }),
    );
    const grades = full.slice(0, -1).map((id, i) => ({ memberId: id, grade: i < limit() ? 'excellent' : 'qualified' }));
    const res = await save(branchAdmin, {
      meetingId: meeting.id,
      grades: [...grades, { memberId: probationary[0], grade: null, note: '预备党员参加评议' }],
    });
    expect(res.statusCode).toBe(200);
    const a = json(res);
    expect(a).toMatchObject({
      status: 'draft',
      meetingId: meeting.id,
      meetingTopic: '年度组织生活会和民主评议党员',
      counts: { graded: full.length - 1, byGrade: { excellent: limit() } },
    });
    expect(a.rows.find((r: any) => r.memberId === probationary[0]).note).toBe('预备党员参加评议');
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'appraisal.save').execute()).toHaveLength(1);
  });

  it('refuses a link to a meeting of another organization', async () => {
    const other = json(
      await t.call(otherAdmin, 'POST', '/api/meetings', {
        orgId: t.city.sampleIds.otherBranch,
        status: 'held',
        kinds: ['appraisal'],
        heldOn: dayCn(t.clock.now()),
        topic: '外区评议',
      }),
    );
    expect(json(await save(branchAdmin, { meetingId: other.id, grades: [] })).error.field).toBe('meetingId');
  });

  it('refuses to finalize while a full member is ungraded, then finalizes and locks the record', async () => {
    const a = await view();
    const early = await t.call(branchAdmin, 'POST', `/api/meetings/appraisals/${a.id}/finalize`);
    expect(early.statusCode).toBe(400);
    expect(json(early).error.message).toContain('1 名正式党员未评定');
    const grades = a.rows
      .filter((r: any) => r.category === 'full')
      .map((r: any) => ({ memberId: r.memberId, grade: r.grade ?? 'basically_qualified' }));
    expect((await save(branchAdmin, { meetingId: a.meetingId, grades })).statusCode).toBe(200);
    expect((await t.call(otherAdmin, 'POST', `/api/meetings/appraisals/${a.id}/finalize`)).statusCode).toBe(404);
    const res = await t.call(branchAdmin, 'POST', `/api/meetings/appraisals/${a.id}/finalize`);
    expect(res.statusCode).toBe(200);
    const final = json(res);
    expect(final).toMatchObject({
      status: 'final',
      counts: { graded: full.length, toGrade: full.length, probationary: 3, byGrade: { excellent: limit(), basically_qualified: 1 } },
    });
    expect(final.finalizedAt).toBeTruthy();
    // The final record lists every participant, the probationary members with no grade.
    const rows = await t.db.selectFrom('appraisal_grades').selectAll().where('appraisal_id', '=', a.id).execute();
    expect(rows).toHaveLength(full.length + 3);
    expect(
      rows
        .filter((r) => r.grade === null)
        .map((r) => r.member_id)
        .sort(),
    ).toEqual([...probationary].sort());
    expect((await save(branchAdmin, { grades })).statusCode).toBe(409);
    expect((await t.call(branchAdmin, 'POST', `/api/meetings/appraisals/${a.id}/finalize`)).statusCode).toBe(409);
    expect(await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'appraisal.finalize').execute()).toHaveLength(1);
  });

  it('keeps another branch out: its appraisal reads 404', async () => {
    expect((await t.call(otherAdmin, 'GET', `/api/meetings/appraisals?orgId=${org()}&year=${year}`)).statusCode).toBe(404);
    expect((await t.call(otherAdmin, 'PUT', '/api/meetings/appraisals', { orgId: org(), year, grades: [] })).statusCode).toBe(404);
  });

  it('refuses an appraisal of a year still to come', async () => {
    expect(json(await save(branchAdmin, { year: year + 1, grades: [] })).error.field).toBe('year');
  });
});

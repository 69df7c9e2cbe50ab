// Moving an organization carries everything held below it: a 党总支 with members, applicants and
// activists and letters on both sides moves between two townships, and each township's administrator
// sees and counts exactly what is now theirs (lists, board, letters, statistics).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { hashPassword } from '../../auth/password.js';

let t: TestApp;
let cityAdmin: string;
const PASSWORD = 'Move#2026x';
const TAG = '迁移';

beforeAll(async () => {
  t = await createTestApp();
  cityAdmin = await t.login('city-admin');
});
afterAll(async () => {
  await t?.close();
});

/** An 党组织管理员 account bound to the organization. */
async function adminOf(username: string, orgId: number): Promise<string> {
  const { id } = await t.db
    .insertInto('users')
    .values({
      username,
      display_name: username,
      org_id: orgId,
      password_hash: await hashPassword(PASSWORD),
      password_changed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('user_roles').values({ user_id: id, role: 'org_admin' }).execute();
  return t.login(username, PASSWORD);
}

async function ok(cookie: string, url: string, method = 'GET', payload?: unknown) {
  const res = await t.call(cookie, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return json(res);
}

/** Three members, two applicants and an activist in a branch of a new 党总支 under `township`. */
async function buildGeneralBranch(township: number) {
  const gb = await ok(cityAdmin, '/api/orgs', 'POST', { parentId: township, name: `${TAG}测试党总支`, kind: 'general_branch' });
  const br = await ok(cityAdmin, '/api/orgs', 'POST', { parentId: gb.id, name: `${TAG}测试第一党支部`, kind: 'branch' });
  const members = await t.db
    .insertInto('members')
    .values([
      {
        org_id: br.id,
        name: `${TAG}党员甲`,
        gender: '男',
        category: 'full',
        birth_date: '1980-05-01',
        admitted_on: '2010-06-01',
        full_on: '2011-06-01',
        status_since: '2010-06-01',
      },
      {
        org_id: br.id,
        name: `${TAG}党员乙`,
        gender: '女',
        category: 'full',
        birth_date: '1985-05-01',
        admitted_on: '2015-06-01',
        full_on: '2016-06-01',
        status_since: '2015-06-01',
      },
      {
        org_id: br.id,
        name: `${TAG}党员丙`,
        gender: '女',
        category: 'probationary',
        birth_date: '1998-05-01',
        admitted_on: '2026-03-01',
        status_since: '2026-03-01',
      },
    ] as never)
    .returning('id')
    .execute();
  const people = [
    { name: `${TAG}申请人甲`, status: 'applicant', steps: [[1, '2026-02-01']] },
    { name: `${TAG}申请人乙`, status: 'applicant', steps: [[1, '2026-03-01']] },
    {
      name: `${TAG}积极分子`,
      status: 'activist',
      steps: [
        [1, '2025-01-10'],
        [2, '2025-02-01'],
        [3, '2025-04-01'],
      ],
    },
  ] as const;
  for (const p of people) {
    const { id } = await t.db
      .insertInto('dev_people')
      .values({
        org_id: br.id,
        name: p.name,
        gender: '男',
        birth_date: '2000-01-01',
        applied_on: p.steps[0][1],
        status: p.status,
        last_step: p.steps.at(-1)![0],
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('dev_steps')
      .values(p.steps.map(([stepNo, doneOn]) => ({ person_id: id, step_no: stepNo, done_on: doneOn, rule_version: '2014' })) as never)
      .execute();
  }
  // A letter out of the branch (its from_path) and one into it from outside the city (its to_path).
  await ok(cityAdmin, '/api/transfers', 'POST', {
    kind: 'within_city',
    memberId: members[0].id,
    toOrgId: t.city.sampleIds.otherBranch,
    reason: '工作调动',
  });
  await ok(cityAdmin, '/api/transfers/incoming', 'POST', {
    toOrgId: br.id,
    fromOrgName: '外市某党支部',
    externalNo: 'WS-2026-001',
    issuedOn: '2026-11-20',
    reason: '工作调动',
    member: { name: `${TAG}转入人`, gender: '男', category: 'full' },
  });
  return gb.id as number;
}

/** What a township administrator sees and counts of the organization's records. */
async function viewOf(cookie: string, orgId: number) {
  const names = (items: { name?: string; memberName?: string }[]) =>
    items
      .map((x) => x.name ?? x.memberName!)
      .filter((n) => n.startsWith(TAG))
      .sort();
  const board = await ok(cookie, '/api/development/board');
  const status = (s: string) => board.byStatus.find((x: { status: string }) => x.status === s)?.count ?? 0;
  const dev = (await ok(cookie, `/api/statistics/tables/development?orgId=${orgId}`)).rows[0].cells;
  const basic = (await ok(cookie, `/api/statistics/tables/basic?orgId=${orgId}`)).rows[0].cells;
  return {
    members: names((await ok(cookie, `/api/members?q=${encodeURIComponent(TAG)}`)).items),
    memberCount: (await ok(cookie, '/api/members/count')).total as number,
    people: names((await ok(cookie, `/api/development/people?q=${encodeURIComponent(TAG)}`)).items),
    applicants: status('applicant'),
    activists: status('activist'),
    lettersOut: names((await ok(cookie, '/api/transfers?box=out')).items),
    lettersIn: names((await ok(cookie, '/api/transfers?box=in')).items),
    devStock: { applicant: dev.stock_applicant as number, activist: dev.stock_activist as number },
    devNewApplicants: dev.new_applicant as number,
    basicTotal: basic.total as number,
  };
}

describe('moving a 党总支 between townships', () => {
  it("moves its members, applicants, activists and letters from the old township's lists, board and statistics to the new one's", async () => {
    const townships = (await ok(cityAdmin, `/api/orgs/${t.city.sampleIds.district}/children`)).items
      .filter((o: { kind: string }) => o.kind === 'township_committee')
      .map((o: { id: number }) => o.id);
    const [oldTownship, newTownship] = townships;
    const gb = await buildGeneralBranch(oldTownship);
    const oldAdmin = await adminOf('old-township-admin', oldTownship);
    const newAdmin = await adminOf('new-township-admin', newTownship);

    const oldBefore = await viewOf(oldAdmin, oldTownship);
    const newBefore = await viewOf(newAdmin, newTownship);
    const moved = {
      members: [`${TAG}党员丙`, `${TAG}党员乙`, `${TAG}党员甲`].sort(),
      people: [`${TAG}申请人乙`, `${TAG}申请人甲`, `${TAG}积极分子`].sort(),
    };
    expect(oldBefore).toMatchObject({
      members: moved.members,
      people: moved.people,
      lettersOut: [`${TAG}党员甲`],
      lettersIn: [`${TAG}转入人`],
    });
    expect(newBefore).toMatchObject({ members: [], people: [], lettersOut: [], lettersIn: [] });
    expect(oldBefore.devStock.applicant).toBeGreaterThanOrEqual(2);

    await ok(cityAdmin, `/api/orgs/${gb}/move`, 'POST', { newParentId: newTownship });

    const oldAfter = await viewOf(oldAdmin, oldTownship);
    const newAfter = await viewOf(newAdmin, newTownship);
    // The old township no longer sees nor counts them...
    expect(oldAfter).toEqual({
      members: [],
      memberCount: oldBefore.memberCount - 3,
      people: [],
      applicants: oldBefore.applicants - 2,
      activists: oldBefore.activists - 1,
      lettersOut: [],
      lettersIn: [],
      devStock: { applicant: oldBefore.devStock.applicant - 2, activist: oldBefore.devStock.activist - 1 },
      devNewApplicants: oldBefore.devNewApplicants - 2,
      basicTotal: oldBefore.basicTotal - 3,
    });
    // ...and the new one sees and counts exactly them.
    expect(newAfter).toEqual({
      members: moved.members,
      memberCount: newBefore.memberCount + 3,
      people: moved.people,
      applicants: newBefore.applicants + 2,
      activists: newBefore.activists + 1,
      lettersOut: [`${TAG}党员甲`],
      lettersIn: [`${TAG}转入人`],
      devStock: { applicant: newBefore.devStock.applicant + 2, activist: newBefore.devStock.activist + 1 },
      devNewApplicants: newBefore.devNewApplicants + 2,
      basicTotal: newBefore.basicTotal + 3,
    });
    // The statistics summaries still equal a fresh count (the members' triggers followed the copy).
    expect((await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(t.db)).rows[0].n).toBe(0);
  });
});

// The organizational-life summaries (migration 041) equal a scan of the meetings, the members and the
// committees after every kind of write: meetings recorded, edited, marked late, cancelled and deleted;
// members moved, made full, leaving; committees changed; a 党小组 moved to another branch; an
// organization moved and dissolved; a bulk write with the triggers off. And the compliance monitor,
// which reads them, answers the same as before a rule version is added (the rules are applied when read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';
import { unitCompliance } from './compliance.js';
import { orgLifeSummariesOff, orgLifeSummaryDifferences, rebuildOrgLifeSummaries } from './summaries.js';

let t: TestApp;
let city: string;
let today: string;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  city = await t.login('city-admin');
  today = todayCn(t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

const expectExact = async (what: string) => expect(await orgLifeSummaryDifferences(t.db), what).toEqual([]);

const post = async (url: string, body: unknown) => {
  const res = await t.call(city, 'POST', url, body);
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return json(res);
};

async function meeting(orgId: number, kinds: string[], heldOn: string): Promise<number> {
  const m = await t.db
    .insertInto('meetings')
    .values({ org_id: orgId, kinds, status: 'held', held_on: heldOn, topic: '汇总测试会议' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('meeting_purposes')
    .values(kinds.map((kind) => ({ meeting_id: m.id, org_id: orgId, kind, held_on: heldOn })))
    .execute();
  return m.id;
}

const heldOf = async (orgId: number) =>
  (
    await t.db
      .selectFrom('org_life_held')
      .select(sql<number>`coalesce(sum(n), 0)::int`.as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow()
  ).n;

describe('organizational-life summaries', () => {
  it('equal a scan for the demo data and after meetings are recorded, edited, marked late, cancelled and deleted', async () => {
    await expectExact('demo');
    const cells = await t.db
      .selectFrom('org_life_held')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(cells.n, 'the demo city has held meetings').toBeGreaterThan(100);

    const branch = t.city.sampleIds.branch;
    const before = await heldOf(branch);
    const month = today.slice(0, 7);
    // Recorded through the API (the meetings module's writer), then by hand as an import would.
    await post(`/api/meetings`, {
      orgId: branch,
      kinds: ['theme_day', 'party_lecture'],
      status: 'held',
      heldOn: `${month}-01`,
      topic: '汇总',
    });
    const a = await meeting(branch, ['committee_meeting'], `${month}-01`);
    expect(await heldOf(branch)).toBe(before + 3);
    await expectExact('recorded');
    // Edited: another day in the previous month, another kind.
    await t.db
      .updateTable('meeting_purposes')
      .set({ held_on: `${Number(month.slice(0, 4)) - 1}-12-15`, kind: 'theme_day' })
      .where('meeting_id', '=', a)
      .execute();
    await t.db.updateTable('meetings').set({ late: true }).where('id', '=', a).execute();
    await expectExact('edited and late');
    // Cancelled (its purposes go) and deleted (cascade).
    await t.db.deleteFrom('meeting_purposes').where('meeting_id', '=', a).execute();
    await expectExact('cancelled');
    const demoMeeting = await t.db.selectFrom('meeting_purposes').select('meeting_id').orderBy('meeting_id').executeTakeFirstOrThrow();
    await t.db.deleteFrom('meeting_attendance').where('meeting_id', '=', demoMeeting.meeting_id).execute();
    await t.db.updateTable('appraisals').set({ meeting_id: null }).where('meeting_id', '=', demoMeeting.meeting_id).execute();
    await t.db.deleteFrom('meetings').where('id', '=', demoMeeting.meeting_id).execute();
    await expectExact('deleted');
  });

  it('equal a scan after members and committees change, a 党小组 changes branch, an organization moves and dissolves', async () => {
    const s = t.city.sampleIds;
    const members = await t.db
      .selectFrom('members')
      .select(['id', 'category'])
      .where('org_id', '=', s.branch)
      .where('status', '=', 'normal')
      .orderBy('id')
      .execute();
    expect(members.length).toBeGreaterThan(4);
    await t.db.updateTable('members').set({ org_id: s.otherBranch }).where('id', '=', members[0].id).execute();
    await t.db.updateTable('members').set({ status: 'deceased' }).where('id', '=', members[1].id).execute();
    await t.db
      .updateTable('members')
      .set({ category: members[2].category === 'full' ? 'probationary' : 'full' })
      .where('id', '=', members[2].id)
      .execute();
    await expectExact('members');
    await t.db.insertInto('org_committee_members').values({ org_id: s.branch, person_name: '张三', post: 'member' }).execute();
    await t.db.deleteFrom('org_committee_members').where('org_id', '=', s.otherBranch).execute();
    await expectExact('committees');

    // A 党小组 with a member, moved to another branch: its full members count for the new one.
    const group = json(
      await t.call(city, 'POST', '/api/orgs', {
        parentId: s.branch,
        name: '汇总测试党小组',
        kind: 'party_group',
        establishedOn: '2020-01-01',
      }),
    ).id as number;
    await t.db.updateTable('members').set({ org_id: group }).where('id', '=', members[3].id).execute();
    await expectExact('member into a 党小组');
    await t.db.updateTable('orgs').set({ parent_id: s.otherBranch }).where('id', '=', group).execute();
    await expectExact('党小组 changed branch');

    // A township moved under another district, and an empty branch dissolved.
    const other = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', s.city)
      .where('id', '!=', s.district)
      .where('kind', '=', 'county_committee')
      .executeTakeFirstOrThrow();
    await post(`/api/orgs/${s.township}/move`, { newParentId: other.id });
    await expectExact('move');
    const empty = json(
      await t.call(city, 'POST', '/api/orgs', {
        parentId: s.township,
        name: '汇总测试空支部',
        kind: 'branch',
        establishedOn: '2020-01-01',
      }),
    ).id as number;
    await meeting(empty, ['theme_day'], today);
    const township = await t.db
      .selectFrom('orgs')
      .select(sql<string>`path::text`.as('p'))
      .where('id', '=', s.township)
      .executeTakeFirstOrThrow();
    const period = { kind: 'month' as const, key: today.slice(0, 7) };
    expect((await unitCompliance(t.db, township.p, period, today)).some((u) => u.orgId === empty)).toBe(true);
    await post(`/api/orgs/${empty}/dissolve`, { dissolvedOn: today, reason: '测试' });
    expect((await unitCompliance(t.db, township.p, period, today)).some((u) => u.orgId === empty)).toBe(false);
    await expectExact('dissolved');
  });

  it('equal a scan after terms end and begin, a delay is approved, elections move on and secretaries change', async () => {
    await expectExact('terms demo');
    const rows = await t.db
      .selectFrom('org_term_facts')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(rows.n, 'the demo city has terms').toBeGreaterThan(50);
    const branch = t.city.sampleIds.otherBranch;
    const year = Number(today.slice(0, 4));
    // An election requested, approved, held and confirmed, opening a new term (the old one ends).
    const e = await t.db
      .insertInto('elections')
      .values({ org_id: branch, status: 'requested', planned_on: today })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectExact('election requested');
    await t.db.updateTable('elections').set({ status: 'confirmed', held_on: today }).where('id', '=', e.id).execute();
    await t.db.updateTable('org_terms').set({ ended_on: today }).where('org_id', '=', branch).where('ended_on', 'is', null).execute();
    const term = await t.db
      .insertInto('org_terms')
      .values({
        org_id: branch,
        term_kind: 'branch',
        term_years: 3,
        elected_on: today,
        ends_on: `${year + 3}${today.slice(4)}`,
        election_id: e.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectExact('new term');
    // A delay approved; a new secretary; then the delay withdrawn and the election deleted.
    const adj = await t.db
      .insertInto('term_adjustments')
      .values({
        term_id: term.id,
        org_id: branch,
        kind: 'delay',
        original_end: `${year + 3}${today.slice(4)}`,
        new_end: `${year + 4}${today.slice(4)}`,
        reason: '测试',
        status: 'approved',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('org_committee_members')
      .values({ org_id: branch, person_name: '王五', post: 'secretary', term_start: today })
      .execute();
    await expectExact('delay and secretary');
    const listed = await t.call(city, 'GET', `/api/terms?orgId=${t.city.sampleIds.township}`);
    expect(listed.statusCode, listed.body).toBe(200);
    await t.db.deleteFrom('term_adjustments').where('id', '=', adj.id).execute();
    await t.db.insertInto('elections').values({ org_id: branch, status: 'requested' }).execute();
    await expectExact('delay withdrawn, another election');
  });

  it('equal a scan after a bulk write with the triggers off and a rebuild', async () => {
    const branch = t.city.sampleIds.otherBranch;
    await t.db.transaction().execute(async (trx) => {
      await orgLifeSummariesOff(trx);
      const m = await trx
        .insertInto('meetings')
        .values({ org_id: branch, kinds: ['theme_day'], status: 'held', held_on: today, topic: '批量', late: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('meeting_purposes').values({ meeting_id: m.id, org_id: branch, kind: 'theme_day', held_on: today }).execute();
      await trx.insertInto('org_committee_members').values({ org_id: branch, person_name: '李四', post: 'member' }).execute();
      expect((await orgLifeSummaryDifferences(trx)).length, 'off: the summaries lag').toBeGreaterThan(0);
      await rebuildOrgLifeSummaries(trx);
    });
    await expectExact('bulk');
  });
});

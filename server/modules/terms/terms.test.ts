import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole } from '../../test/factories.js';
import { QUORUM_FAILED, termRuleOf } from '../../../domain/rules/terms.js';
import { todayCn } from '../../dates.js';

let t: TestApp;
let cityAdmin: string, districtAdmin: string, branchAdmin: string;
let branch: number, other: number;
let today: string;
let full: { id: number; name: string }[];
const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await createTestApp();
  [cityAdmin, districtAdmin, branchAdmin] = await Promise.all(['city-admin', 'district-admin', 'branch-admin'].map((u) => t.login(u)));
  ({ branch, otherBranch: other } = t.city.sampleIds);
  today = todayCn(t.clock.now());
  full = await t.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', branch)
    .where('category', '=', 'full')
    .where('status', '=', 'normal')
    .orderBy('id')
    .execute();
});
afterAll(async () => {
  await t?.close();
});

const orgTerms = async (cookie: string, id = branch) => json(await t.call(cookie, 'GET', `/api/terms/orgs/${id}`));
const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const request = (cookie: string, id = branch, body: object = { plannedOn: day(20), plannedSeats: 3, note: '拟按期换届' }) =>
  t.call(cookie, 'POST', `/api/terms/orgs/${id}/elections`, body);
const decide = (cookie: string, e: { id: number; version: number }, decision = 'approve') =>
  t.call(cookie, 'POST', `/api/terms/elections/${e.id}/decide`, { decision, version: e.version });

describe('recording an existing term (任期意见)', () => {
  it('opens the current term with its end from the organization kind, once', async () => {
    const org = await t.db.selectFrom('orgs').select(['kind', 'unit_type']).where('id', '=', branch).executeTakeFirstOrThrow();
    const rule = termRuleOf({ kind: org.kind, unitType: org.unit_type })!;
    const electedOn = dayjs(today).subtract(rule.years, 'year').add(60, 'day').format('YYYY-MM-DD');
    const res = await t.call(branchAdmin, 'POST', `/api/terms/orgs/${branch}/term`, { electedOn });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.current).toMatchObject({
      electedOn,
      endsOn: dayjs(electedOn).add(rule.years, 'year').format('YYYY-MM-DD'),
      termYears: rule.years,
      state: 'request_window',
    });
    expect(body.current.daysLeft).toBeGreaterThan(50);
    expect(body.can).toMatchObject({ recordTerm: false, request: true });
    expect((await t.call(branchAdmin, 'POST', `/api/terms/orgs/${branch}/term`, { electedOn })).statusCode).toBe(409);
    expect(await audits('term.record')).toHaveLength(1);
  });

  it('refuses a future date and an organization without a term', async () => {
    const res = await t.call(districtAdmin, 'POST', `/api/terms/orgs/${branch}/term`, { electedOn: day(3) });
    expect(json(res).error).toMatchObject({ field: 'electedOn', message: '选举日期不能晚于今天' });
    const group = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', branch)
      .where('kind', '=', 'party_group')
      .executeTakeFirst();
    if (group)
      expect(json(await t.call(branchAdmin, 'POST', `/api/terms/orgs/${group.id}/term`, { electedOn: day(-30) })).error.message).toContain(
        '不设届期',
      );
  });
});

describe('an election from request to new term', () => {
  let e: { id: number; version: number };

  it('is requested by the organization itself, not by a higher one on its behalf', async () => {
    const refused = await request(districtAdmin);
    expect(refused.statusCode).toBe(403);
    expect(json(refused).error.message).toContain('本组织提出');
    const res = await request(branchAdmin);
    expect(res.statusCode).toBe(201);
    e = json(res);
    expect(json(res)).toMatchObject({ status: 'requested', plannedSeats: 3, canDecide: false });
    expect((await request(branchAdmin)).statusCode).toBe(409);
  });

  it('is approved only by a strictly higher organization, on the current version', async () => {
    const own = await decide(branchAdmin, e);
    expect(own.statusCode).toBe(403);
    expect(json(own).error.code).toBe('APPROVAL_LEVEL');
    expect((await decide(districtAdmin, { ...e, version: e.version + 5 })).statusCode).toBe(409);
    const ok = await decide(districtAdmin, e);
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ status: 'approved', approvedOrgName: expect.any(String) });
    e = json(ok);
    expect((await decide(districtAdmin, e)).statusCode).toBe(400);
  });

  it('refuses counts that cannot be true and a probationary candidate (第五条), naming the field', async () => {
    const bad = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/result`, {
      heldOn: today,
      shouldAttend: 10,
      present: 11,
      candidates: [],
      version: e.version,
    });
    expect(json(bad).error).toMatchObject({ field: 'present' });
    const votes = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/result`, {
      heldOn: today,
      shouldAttend: 10,
      present: 9,
      candidates: [{ personName: '甲', votesFor: 10 }],
      version: e.version,
    });
    expect(json(votes).error.field).toBe('candidates.0.votesFor');
    const prob = await t.db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('org_id', '=', branch)
      .where('category', '=', 'probationary')
      .executeTakeFirst();
    if (prob) {
      const res = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/result`, {
        heldOn: today,
        shouldAttend: 10,
        present: 9,
        candidates: [{ memberId: prob.id, personName: prob.name, votesFor: 8 }],
        version: e.version,
      });
      expect(json(res).error).toMatchObject({ field: 'candidates.0.memberId' });
      expect(json(res).error.message).toContain('第五条');
    }
    expect((await orgTerms(branchAdmin)).elections[0].status).toBe('approved');
  });

  it('finds candidates by any part of their name (the name-gram index of the member search)', async () => {
    const part = full[0].name.slice(-2);
    const res = json(await t.call(branchAdmin, 'GET', `/api/terms/orgs/${branch}/candidates?q=${encodeURIComponent(part)}`));
    expect(res.items.map((m: { id: number }) => m.id)).toContain(full[0].id);
    expect(res.items.every((m: { name: string }) => m.name.includes(part))).toBe(true);
  });

  it('records the vote: seats go to the top vote-getters over half of those who should attend', async () => {
    const [a, b, c, d] = full;
    const res = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/result`, {
      heldOn: today,
      shouldAttend: 20,
      present: 17,
      version: e.version,
      candidates: [
        { memberId: a.id, personName: a.name, votesFor: 16 },
        { memberId: b.id, personName: b.name, votesFor: 15 },
        { memberId: c.id, personName: c.name, votesFor: 12 },
        { memberId: d.id, personName: d.name, votesFor: 11 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({ status: 'held', quorate: true, failureReason: null, canConfirm: false });
    expect(body.candidates.map((x: any) => x.elected)).toEqual([true, true, true, false]);
    expect(body.warnings).toEqual([]);
    e = body;
    const audit = (await audits('term.election.result')).at(-1)!;
    expect(audit.detail).toMatchObject({ quorate: true, elected: 3 });
  });

  it('has the secretary and deputy approved by the higher organization, opening the new term and replacing the committee', async () => {
    const before = await t.db.selectFrom('org_committee_members').selectAll().where('org_id', '=', branch).execute();
    const [s, dep] = json(await t.call(districtAdmin, 'GET', `/api/terms/elections/${e.id}`)).candidates;
    const own = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/confirm`, {
      secretaryId: s.id,
      deputyIds: [dep.id],
      version: e.version,
    });
    expect(own.statusCode).toBe(403);
    const loser = json(await t.call(districtAdmin, 'GET', `/api/terms/elections/${e.id}`)).candidates[3];
    expect(
      json(await t.call(districtAdmin, 'POST', `/api/terms/elections/${e.id}/confirm`, { secretaryId: loser.id, version: e.version })).error
        .message,
    ).toContain('当选');
    const res = await t.call(districtAdmin, 'POST', `/api/terms/elections/${e.id}/confirm`, {
      secretaryId: s.id,
      deputyIds: [dep.id],
      version: e.version,
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    const org = await t.db.selectFrom('orgs').select(['kind', 'unit_type']).where('id', '=', branch).executeTakeFirstOrThrow();
    const rule = termRuleOf({ kind: org.kind, unitType: org.unit_type })!;
    expect(body.current).toMatchObject({
      electedOn: today,
      endsOn: dayjs(today).add(rule.years, 'year').format('YYYY-MM-DD'),
      electionId: e.id,
      state: 'normal',
    });
    expect(body.history[0]).toMatchObject({ endedOn: today });
    expect(body.committee.map((c: any) => [c.personName, c.post])).toEqual([
      [s.personName, 'secretary'],
      [dep.personName, 'deputy_secretary'],
      [full[2].name, 'member'],
    ]);
    // The old rows are kept, ended on the election day.
    const old = await t.db
      .selectFrom('org_committee_members')
      .selectAll()
      .where(
        'id',
        'in',
        before.map((b) => b.id),
      )
      .execute();
    expect(old).toHaveLength(before.length);
    expect(old.every((o) => o.term_end === today)).toBe(true);
    expect(await audits('term.election.confirm')).toHaveLength(1);
    const hist = await t.db.selectFrom('org_history').selectAll().where('org_id', '=', branch).where('action', '=', 'committee').execute();
    expect(hist).toHaveLength(1);
  });
});

describe('an election that fails its quorum', () => {
  it('is failed with the ⅘ reason when present ≤ ⅘ of those who should attend, and a new one may be requested', async () => {
    // The new term from the test above is running: an early election is still a request the higher level decides.
    let e = json(await request(branchAdmin, branch, { plannedOn: day(5), plannedSeats: 1 }));
    e = json(await decide(districtAdmin, e));
    const res = await t.call(branchAdmin, 'POST', `/api/terms/elections/${e.id}/result`, {
      heldOn: today,
      shouldAttend: 10,
      present: 8,
      candidates: [],
      version: e.version,
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'failed', quorate: false, failureReason: QUORUM_FAILED, canConfirm: false });
    expect((await audits('term.election.result')).at(-1)!.detail).toMatchObject({ quorate: false, failure: QUORUM_FAILED });
    expect(
      json(await t.call(districtAdmin, 'POST', `/api/terms/elections/${e.id}/confirm`, { secretaryId: 1, version: json(res).version }))
        .error.message,
    ).toContain('已完成选举');
    expect((await orgTerms(branchAdmin)).can.request).toBe(true);
    const again = await request(branchAdmin, branch, { plannedOn: day(12), plannedSeats: 1 });
    expect(again.statusCode).toBe(201);
    await decide(districtAdmin, json(again), 'reject');
  });
});

describe('advancing or delaying an election (第三条)', () => {
  it('refuses a delay of more than 1 year, and applies an approved one to the term', async () => {
    const cur = (await orgTerms(branchAdmin)).current;
    const tooLate = dayjs(cur.regularEnd).add(1, 'year').add(1, 'day').format('YYYY-MM-DD');
    const bad = await t.call(branchAdmin, 'POST', `/api/terms/orgs/${branch}/adjustments`, {
      kind: 'delay',
      newEnd: tooLate,
      reason: '单位搬迁，党员分散',
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({ field: 'newEnd' });
    expect(json(bad).error.message).toContain('第三条');
    const newEnd = dayjs(cur.regularEnd).add(6, 'month').format('YYYY-MM-DD');
    const ok = await t.call(branchAdmin, 'POST', `/api/terms/orgs/${branch}/adjustments`, {
      kind: 'delay',
      newEnd,
      reason: '单位搬迁，党员分散',
    });
    expect(ok.statusCode).toBe(200);
    const a = json(ok).adjustments[0];
    expect((await t.call(branchAdmin, 'POST', `/api/terms/adjustments/${a.id}/decide`, { decision: 'approve' })).statusCode).toBe(403);
    const done = await t.call(districtAdmin, 'POST', `/api/terms/adjustments/${a.id}/decide`, { decision: 'approve', note: '同意' });
    expect(done.statusCode).toBe(200);
    expect(json(done)).toMatchObject({ status: 'approved', canDecide: false });
    expect((await orgTerms(branchAdmin)).current).toMatchObject({ endsOn: newEnd, state: 'delayed', regularEnd: cur.regularEnd });
    const watch = json(await t.call(districtAdmin, 'GET', '/api/terms/overdue'));
    expect(watch.delays.map((d: any) => d.id)).toContain(a.id);
    expect(await audits('term.adjust.approve')).toHaveLength(1);
  });
});

describe('scope and lists', () => {
  it('answers 404 outside the subtree and audits the refusal', async () => {
    expect((await t.call(branchAdmin, 'GET', `/api/terms/orgs/${other}`)).statusCode).toBe(404);
    expect((await t.call(districtAdmin, 'GET', `/api/terms/orgs/${other}`)).statusCode).toBe(404);
    const e = json(await request(await otherAdmin(), other, { plannedOn: day(30), plannedSeats: 3 }));
    const res = await decide(districtAdmin, e);
    expect(res.statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('object_type', '=', 'election')
      .execute();
    expect(denied.map((d) => d.object_id)).toContain(String(e.id));
    expect(json(await decide(cityAdmin, e)).status).toBe('approved');
  });

  it('lists the terms of the subtree with states, counts and filters', async () => {
    const page = json(await t.call(cityAdmin, 'GET', '/api/terms?limit=200'));
    expect(page.counts.missing).toBeGreaterThan(10);
    expect(page.counts.delayed).toBe(1);
    const delayed = json(await t.call(cityAdmin, 'GET', '/api/terms?state=delayed'));
    expect(delayed.items.map((r: any) => r.orgId)).toEqual([branch]);
    // The latest election shows while it is not the one that opened the current term (here the refused request).
    expect(delayed.items[0].election).toMatchObject({ status: 'rejected' });
    const small = json(await t.call(cityAdmin, 'GET', '/api/terms?limit=5'));
    const next = json(await t.call(cityAdmin, 'GET', `/api/terms?limit=5&cursor=${small.nextCursor}`));
    expect(next.items[0].orgId).not.toBe(small.items[4].orgId);
    const mine = json(await t.call(branchAdmin, 'GET', '/api/terms'));
    expect(mine.items.map((r: any) => r.orgId)).toEqual([branch]);
  });

  it('exports the list to Excel with a purpose, audited with filter and row count', async () => {
    expect((await t.call(cityAdmin, 'GET', '/api/terms/export?state=delayed')).statusCode).toBe(400);
    const res = await t.call(cityAdmin, 'GET', `/api/terms/export?state=delayed&purpose=${encodeURIComponent('换届工作督查')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('党组织');
    expect(ws.rowCount).toBe(2);
    expect((await audits('term.export')).at(-1)!.detail).toMatchObject({ purpose: '换届工作督查', rows: 1, filter: { state: 'delayed' } });
  });
});

/** An administrator of the other branch, made for the scope test. */
async function otherAdmin(): Promise<string> {
  const u = await buildUserWithRole(t.db, { role: 'org_admin', orgId: other, username: 'other-branch', displayName: '他支部管理员' });
  return t.login(u.username, u.password);
}

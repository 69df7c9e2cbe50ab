// 柔性引才 agreements and evaluations through the API on the demo data (issue 15 points 3 and 7): the demo wrote
// agreements in every state and two years of evaluations through the writers; the office lists and filters them,
// records days and ends one; the employer account sees only its own; an evaluation is scored by the rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { expectAuditRow } from '../../test/factories.js';

let t: TestApp;
let officer: string;
let employer: string;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  officer = await t.login('talent-officer');
  employer = await t.login('talent-employer');
});
afterAll(async () => {
  await t?.close();
});

describe('agreements', () => {
  it('lists the demo agreements with behind and ending-soon counts, and filters by them', async () => {
    const all = json(await t.call(officer, 'GET', '/api/talent/agreements?limit=500'));
    expect(all.total).toBeGreaterThanOrEqual(40);
    expect(all.counts.behind).toBeGreaterThan(0);
    expect(all.counts.endingSoon).toBeGreaterThan(0);
    const behind = json(await t.call(officer, 'GET', '/api/talent/agreements?behind=true'));
    expect(behind.items.every((r: { behind: boolean }) => r.behind)).toBe(true);
    const statuses = new Set(all.items.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual(['active', 'ended', 'terminated']);
  });

  it('lets the employer see and record days for its own agreements only (404 for another)', async () => {
    const mine = json(await t.call(employer, 'GET', '/api/talent/employer/agreements'));
    expect(mine.total).toBeGreaterThan(0);
    const ownId = mine.items.find((r: { status: string }) => r.status === 'active').id;
    const all = json(await t.call(officer, 'GET', '/api/talent/agreements?limit=500'));
    const other = all.items.find((r: { employerId: number }) => r.employerId !== mine.items[0].employerId).id;
    expect((await t.call(employer, 'GET', `/api/talent/employer/agreements/${other}`)).statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.employer', result: 'denied', objectType: 'talent_agreement', objectId: other });
    const detail = json(await t.call(employer, 'GET', `/api/talent/employer/agreements/${ownId}`));
    expect(detail.evaluations).toEqual([]);
    const res = await t.call(employer, 'POST', `/api/talent/employer/agreements/${ownId}/days`, { fromOn: detail.startsOn, days: 1 });
    // the demo recorded from the start day already: refused as a duplicate, or written
    expect([201, 409]).toContain(res.statusCode);
  });

  it('terminates an active agreement with its reason, audited, and refuses a second end', async () => {
    const all = json(await t.call(officer, 'GET', '/api/talent/agreements?status=active&limit=500'));
    const a = all.items.find((r: { renewedBy: number | null }) => r.renewedBy === null);
    const today = t.clock.now().toISOString().slice(0, 10);
    const body = { status: 'terminated', endedOn: a.endsOn < today ? a.endsOn : a.startsOn, reason: '测试解除', version: a.version };
    if (a.endsOn < today) body.status = 'ended';
    const res = await t.call(officer, 'POST', `/api/talent/agreements/${a.id}/end`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).endReason).toBe('测试解除');
    await expectAuditRow(t.db, { action: 'talent.agreement.end', result: 'success', objectId: a.id });
    expect((await t.call(officer, 'POST', `/api/talent/agreements/${a.id}/end`, body)).statusCode).toBe(409);
  });

  it('exports the list with a purpose', async () => {
    const res = await t.call(officer, 'GET', `/api/talent/agreements/export?purpose=${encodeURIComponent('测试导出')}`);
    expect(res.statusCode).toBe(200);
    await expectAuditRow(t.db, { action: 'talent.agreement.export', result: 'success' });
  });
});

describe('evaluations', () => {
  it('shows a demo talent two years and the distribution in bands, never a ranking', async () => {
    const sum = json(await t.call(officer, 'GET', '/api/talent/evaluations/summary'));
    expect(sum.years).toHaveLength(2);
    expect(sum.years[0].bands.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(sum.years[0].count);
  });

  it('scores a year by the set in force (achieved, potential, total) and refuses a stale replacement', async () => {
    const sum = json(await t.call(officer, 'GET', '/api/talent/agreements?limit=1'));
    const personId = sum.items[0].personId;
    const year = Number(t.clock.now().toISOString().slice(0, 4));
    const scores = { results: 80, projects: 60, benefit: 70, growth: 90, training: 50, team: 70 };
    const res = await t.call(officer, 'POST', `/api/talent/people/${personId}/evaluations`, { year, scores });
    expect(res.statusCode, res.body).toBe(200);
    const e = json(res).evaluations.find((x: { year: number }) => x.year === year);
    // (25·80 + 20·60 + 15·70) / 60 = 70.83; (15·90 + 10·50 + 15·70) / 40 = 72.5; total 71.5
    expect([e.achieved, e.potential, e.total]).toEqual([70.83, 72.5, 71.5]);
    const again = await t.call(officer, 'POST', `/api/talent/people/${personId}/evaluations`, { year, scores, version: e.version + 1 });
    expect(again.statusCode).toBe(409);
    await expectAuditRow(t.db, { action: 'talent.evaluation.record', result: 'success', objectId: personId });
  });
});

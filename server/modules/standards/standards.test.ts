import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { DEFAULT_CHECKLIST } from '../../../domain/rules/standards.js';
import { buildUserWithRole } from '../../test/factories.js';
import { todayCn } from '../../dates.js';

let t: TestApp;
let cityAdmin: string, districtAdmin: string, branchAdmin: string, parentAdmin: string, siblingAdmin: string;
let branch: number, sibling: number, parent: number;
let Y: number;

/** Full marks except `minus` points taken off the first items, half a point at a time where asked. */
function scores(minus = 0) {
  let left = minus;
  return Object.fromEntries(
    DEFAULT_CHECKLIST.items.map((i) => {
      const off = Math.min(left, i.maxScore);
      left -= off;
      return [i.code, { score: i.maxScore - off }];
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  [cityAdmin, districtAdmin, branchAdmin] = await Promise.all(['city-admin', 'district-admin', 'branch-admin'].map((u) => t.login(u)));
  branch = t.city.sampleIds.branch;
  const b = await t.db.selectFrom('orgs').select('parent_id').where('id', '=', branch).executeTakeFirstOrThrow();
  parent = b.parent_id!;
  const sib = await t.db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', parent)
    .where('id', '<>', branch)
    .where('kind', '=', 'branch')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  sibling = sib.id;
  const login = (u: { username: string; password: string }) => t.login(u.username, u.password);
  parentAdmin = await login(await buildUserWithRole(t.db, { role: 'org_admin', orgId: parent, username: 'std-parent' }));
  siblingAdmin = await login(await buildUserWithRole(t.db, { role: 'org_admin', orgId: sibling, username: 'std-sibling' }));
  Y = Number(todayCn(t.clock.now()).slice(0, 4));
});
afterAll(async () => {
  await t?.close();
});

const view = async (cookie: string, orgId = branch, year = Y) =>
  json(await t.call(cookie, 'GET', `/api/standards/orgs/${orgId}/assessment?year=${year}`));
const save = (cookie: string, body: object, orgId = branch) =>
  t.call(cookie, 'PUT', `/api/standards/orgs/${orgId}/assessment`, { year: Y, ...body });
const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('the checklist', () => {
  it('starts from the default checklist of 100 points with five star levels', async () => {
    const res = json(await t.call(branchAdmin, 'GET', '/api/standards/checklists'));
    expect(res.items).toHaveLength(1);
    expect(res.items[0].items.reduce((n: number, i: any) => n + i.maxScore, 0)).toBe(100);
    expect(res.items[0].starThresholds.map((s: any) => s.minScore)).toEqual([95, 85, 75, 60, 0]);
  });
});

describe('self-assessment, review and stars', () => {
  let id: number;
  let version: number;

  it('saves a partial self-assessment as a draft with its running total, audited', async () => {
    const v = await view(branchAdmin);
    expect(v).toMatchObject({ assessment: null, canEdit: true, canReview: false });
    const res = await save(branchAdmin, { scores: { ZZ1: { score: 3.5, note: '党小组设置待调整' }, SH1: { score: 8 } }, note: '初稿' });
    expect(res.statusCode).toBe(200);
    const a = json(res).assessment;
    expect(a).toMatchObject({ status: 'draft', selfTotal: 11.5, selfNote: '初稿', version: 1 });
    expect(a.selfScores.ZZ1).toEqual({ score: 3.5, note: '党小组设置待调整' });
    ({ id, version } = a);
    expect((await audits('standard.self')).map((r) => r.object_id)).toContain(String(id));
  });

  it('refuses a score above the item maximum or off the half-point step, naming the item and changing nothing', async () => {
    const over = await save(branchAdmin, { scores: { ZZ1: { score: 4.5 } }, version });
    expect(over.statusCode).toBe(400);
    expect(json(over).error).toMatchObject({ field: 'scores.ZZ1', message: '“按规定设置党支部”分值不能超过该项满分 4 分' });
    const step = await save(branchAdmin, { scores: { ZZ1: { score: 1.2 } }, version });
    expect(json(step).error.field).toBe('scores.ZZ1');
    expect((await view(branchAdmin)).assessment).toMatchObject({ selfTotal: 11.5, version: 1 });
  });

  it('refuses a stale version (409) and a future year', async () => {
    expect((await save(branchAdmin, { scores: {}, version: 99 })).statusCode).toBe(409);
    expect(json(await save(branchAdmin, { year: Y + 1, scores: {} })).error.field).toBe('year');
  });

  it('rates only branches', async () => {
    const res = await save(districtAdmin, { scores: {} }, parent);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('orgId');
  });

  it('asks for every item before submission, then locks the self-assessment', async () => {
    const incomplete = await t.call(branchAdmin, 'POST', `/api/standards/assessments/${id}/submit`, { version });
    expect(incomplete.statusCode).toBe(400);
    expect(json(incomplete).error.message).toContain('尚未评分');
    const full = json(await save(branchAdmin, { scores: scores(9), version })).assessment;
    expect(full.selfTotal).toBe(91);
    const sub = await t.call(branchAdmin, 'POST', `/api/standards/assessments/${id}/submit`, { version: full.version });
    expect(sub.statusCode).toBe(200);
    expect(json(sub).assessment).toMatchObject({ status: 'submitted', submittedBy: expect.stringContaining('管理员') });
    version = json(sub).assessment.version;
    expect(json(sub).canEdit).toBe(false);
    expect((await save(branchAdmin, { scores: scores(0), version })).statusCode).toBe(409);
  });

  it('refuses a review by the branch itself (403) and by a sibling branch (404, audited)', async () => {
    const body = { decision: 'rate', scores: scores(0), version };
    const own = await t.call(branchAdmin, 'POST', `/api/standards/assessments/${id}/review`, body);
    expect(own.statusCode).toBe(403);
    expect(json(own).error.code).toBe('REVIEW_LEVEL');
    expect((await t.call(siblingAdmin, 'POST', `/api/standards/assessments/${id}/review`, body)).statusCode).toBe(404);
    expect((await t.call(siblingAdmin, 'GET', `/api/standards/orgs/${branch}/assessment?year=${Y}`)).statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('result', '=', 'denied')
      .where('actor_name', '=', 'std-sibling')
      .execute();
    expect(denied.map((d) => d.object_id)).toContain(String(id));
  });

  it('lets the parent return it with a reason; the branch corrects and resubmits', async () => {
    const queue = json(await t.call(parentAdmin, 'GET', `/api/standards/assessments?year=${Y}&status=submitted`));
    expect(queue.items.find((r: any) => r.id === id)).toMatchObject({ orgId: branch, canReview: true, selfTotal: 91 });
    const noReason = await t.call(parentAdmin, 'POST', `/api/standards/assessments/${id}/review`, { decision: 'return', version });
    expect(json(noReason).error.field).toBe('note');
    // The sheet goes back exactly as the API gave it (items with and without notes).
    const asRead = (await view(parentAdmin)).assessment.selfScores;
    const back = json(
      await t.call(parentAdmin, 'POST', `/api/standards/assessments/${id}/review`, {
        decision: 'return',
        note: '组织生活记录不全，请补充',
        scores: asRead,
        version,
      }),
    );
    expect(back.assessment).toMatchObject({ status: 'returned', reviewNote: '组织生活记录不全，请补充', stars: null });
    expect(back.assessment.reviewScores).toEqual(asRead);
    const resaved = json(await save(branchAdmin, { scores: back.assessment.selfScores, version: back.assessment.version })).assessment;
    expect(resaved.selfTotal).toBe(91);
    const again = json(await save(branchAdmin, { scores: scores(12), version: resaved.version })).assessment;
    expect(again.status).toBe('draft');
    version = json(await t.call(branchAdmin, 'POST', `/api/standards/assessments/${id}/submit`, { version: again.version })).assessment
      .version;
  });

  it('rates from the reviewed total: stars, a star_ratings row, history and audit', async () => {
    const res = await t.call(parentAdmin, 'POST', `/api/standards/assessments/${id}/review`, {
      decision: 'rate',
      scores: scores(14.5),
      note: '达到四星标准',
      version,
    });
    expect(res.statusCode).toBe(200);
    const v = json(res);
    expect(v.assessment).toMatchObject({ status: 'reviewed', reviewTotal: 85.5, stars: 4, reviewedBy: 'std-parent', selfTotal: 88 });
    expect(v.history[0]).toMatchObject({ year: Y, stars: 4, reviewTotal: 85.5 });
    const row = await t.db
      .selectFrom('star_ratings')
      .selectAll()
      .where('org_id', '=', branch)
      .where('year', '=', Y)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stars: 4, assessment_id: id, rated_by_org_id: parent });
    const stars = json(await t.call(branchAdmin, 'GET', `/api/standards/orgs/${branch}/stars`));
    expect(stars.items).toEqual([expect.objectContaining({ year: Y, stars: 4 })]);
    const a = (await audits('standard.review.rate')).find((r) => r.object_id === String(id));
    expect(a?.detail).toMatchObject({ stars: 4, total: 85.5 });
    expect(
      (
        await t.call(parentAdmin, 'POST', `/api/standards/assessments/${id}/review`, {
          decision: 'rate',
          scores: scores(0),
          version: v.assessment.version,
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('the rating overview (a distribution, not a ranking)', () => {
  it('counts the subtree branches by stars and filters by stars', async () => {
    const o = json(await t.call(districtAdmin, 'GET', `/api/standards/ratings?year=${Y}`));
    expect(o.counts[4]).toBe(1);
    expect(o.counts.unrated).toBe(o.branches - 1);
    expect(o.statusCounts.reviewed).toBe(1);
    expect(o.byChild.reduce((n: number, c: any) => n + c[4], 0)).toBe(1);
    const four = json(await t.call(districtAdmin, 'GET', `/api/standards/ratings?year=${Y}&stars=4`));
    expect(four.items).toEqual([expect.objectContaining({ orgId: branch, stars: 4, reviewTotal: 85.5, history: [{ year: Y, stars: 4 }] })]);
  });

  it('answers 404 for an organization outside the scope', async () => {
    expect((await t.call(branchAdmin, 'GET', `/api/standards/ratings?year=${Y}&orgId=${sibling}`)).statusCode).toBe(404);
  });

  it('exports to Excel only with a purpose, audited with the filter and row count', async () => {
    expect((await t.call(districtAdmin, 'GET', `/api/standards/ratings/export?year=${Y}`)).statusCode).toBe(400);
    const res = await t.call(
      districtAdmin,
      'GET',
      `/api/standards/ratings/export?year=${Y}&stars=4&purpose=${encodeURIComponent('年度星级评定汇总')}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(6).value).toBe('四星');
    const [a] = await audits('standard.export');
    expect(a.detail).toMatchObject({ purpose: '年度星级评定汇总', rows: 1, filter: { year: Y, stars: 4 } });
  });
});

describe('checklist versions (standard.config, city level)', () => {
  const next = () => ({ ...DEFAULT_CHECKLIST, name: '新版评分标准', effectiveFrom: `${Y + 1}-01-01` });

  it('refuses the district (403) and a checklist that does not add up to 100', async () => {
    expect((await t.call(districtAdmin, 'POST', '/api/standards/checklists', next())).statusCode).toBe(403);
    const bad = await t.call(cityAdmin, 'POST', '/api/standards/checklists', { ...next(), items: DEFAULT_CHECKLIST.items.slice(1) });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.message).toContain('合计应为 100 分');
  });

  it('refuses a version that would change a year already being assessed', async () => {
    const res = await t.call(cityAdmin, 'POST', '/api/standards/checklists', { ...next(), effectiveFrom: `${Y}-01-01` });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.field).toBe('effectiveFrom');
  });

  it('publishes a version for next year; this year keeps its own', async () => {
    const res = await t.call(cityAdmin, 'POST', '/api/standards/checklists', {
      ...next(),
      starThresholds: [{ stars: 5, minScore: 90 }, ...DEFAULT_CHECKLIST.starThresholds.slice(1)],
    });
    expect(res.statusCode).toBe(201);
    expect(json(res).items.map((c: any) => c.name)).toEqual(['新版评分标准', DEFAULT_CHECKLIST.name]);
    expect((await view(branchAdmin, branch, Y)).checklist.name).toBe(DEFAULT_CHECKLIST.name);
    expect(await audits('standard.checklist')).toHaveLength(1);
  });
});

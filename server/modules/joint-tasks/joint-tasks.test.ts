import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';

let t: TestApp;
let districtAdmin: string, branchAdmin: string;
let branch: number;
let Y: number, today: string;

beforeAll(async () => {
  t = await createTestApp();
  [districtAdmin, branchAdmin] = await Promise.all(['district-admin', 'branch-admin'].map((u) => t.login(u)));
  branch = t.city.sampleIds.branch;
  today = todayCn(t.clock.now());
  Y = Number(today.slice(0, 4));
});
afterAll(async () => {
  await t?.close();
});

const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');
const task = (over: object = {}) => ({
  orgId: branch,
  year: Y,
  title: '党建引领社区垃圾分类',
  partySide: '党员认领楼栋，开展主题党日宣传',
  businessSide: '社区垃圾分类准确率达到 90%',
  partyOwner: '王书记',
  businessOwner: '李主任',
  startOn: day(-30),
  dueOn: day(30),
  ...over,
});
const create = async (cookie: string, over: object = {}) => t.call(cookie, 'POST', '/api/joint-tasks', task(over));
const update = (cookie: string, id: number, body: object) => t.call(cookie, 'POST', `/api/joint-tasks/${id}/updates`, body);
const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('creating a joint task', () => {
  it('starts in 谋划 with both sides, both owners and a first log entry, audited', async () => {
    const res = await create(branchAdmin);
    expect(res.statusCode).toBe(201);
    const x = json(res);
    expect(x).toMatchObject({
      stage: 'planned',
      progress: 0,
      overdue: false,
      partyOwner: '王书记',
      businessOwner: '李主任',
      version: 1,
      canCheck: false,
    });
    expect(x.updates).toHaveLength(1);
    expect((await audits('task.create')).map((a) => a.object_id)).toContain(String(x.id));
  });

  it('refuses a due date before the start and an organization outside the scope (404)', async () => {
    const bad = await create(branchAdmin, { startOn: day(10), dueOn: day(5) });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('dueOn');
    expect((await create(branchAdmin, { orgId: t.city.sampleIds.otherBranch })).statusCode).toBe(404);
  });
});

describe('stages, progress and the check', () => {
  let id: number;
  let v: number;
  const step = async (body: object, cookie = branchAdmin) => {
    const res = await update(cookie, id, { version: v, ...body });
    if (res.statusCode === 200) v = json(res).version;
    return res;
  };

  it('moves forward one step at a time and logs each report', async () => {
    const x = json(await create(branchAdmin, { title: '党员先锋岗助力窗口服务' }));
    id = x.id;
    v = x.version;
    const skip = await step({ stage: 'in_progress', progress: 10 });
    expect(skip.statusCode).toBe(400);
    expect(json(skip).error).toMatchObject({ field: 'stage', message: '只能逐步推进：下一阶段为“部署”' });
    expect(json(await step({ stage: 'deployed', progress: 10, note: '支委会部署' }))).toMatchObject({ stage: 'deployed', progress: 10 });
    expect(json(await step({ stage: 'in_progress', progress: 40 }))).toMatchObject({ stage: 'in_progress', progress: 40 });
    const r = json(await step({ progress: 60, note: '完成第一阶段' }));
    expect(r.updates.map((u: any) => u.stage)).toEqual(['in_progress', 'in_progress', 'deployed', 'planned']);
  });

  it('goes back only with a note, and refuses a stale version', async () => {
    expect((await step({ stage: 'deployed', progress: 30 })).statusCode).toBe(400);
    expect(json(await step({ stage: 'deployed', progress: 30, note: '业务指标调整，重新部署' })).stage).toBe('deployed');
    expect((await update(branchAdmin, id, { version: v - 1, progress: 50 })).statusCode).toBe(409);
    await step({ stage: 'in_progress', progress: 70 });
  });

  it('checks only a finished task; 完成 shows 100 %', async () => {
    const early = await t.call(branchAdmin, 'POST', `/api/joint-tasks/${id}/check`, { result: 'good', version: v });
    expect(json(early).error.field).toBe('stage');
    expect(json(await step({ stage: 'done', progress: 80 }))).toMatchObject({ stage: 'done', progress: 100, canCheck: true });
  });

  it('records the check by the organization itself and closes the task', async () => {
    const res = await t.call(branchAdmin, 'POST', `/api/joint-tasks/${id}/check`, {
      result: 'excellent',
      note: '群众满意度明显提升',
      version: v,
    });
    expect(res.statusCode).toBe(200);
    const x = json(res);
    expect(x).toMatchObject({ stage: 'checked', checkResult: 'excellent', checkNote: '群众满意度明显提升', checkedOn: today });
    expect(x.updates[0].note).toBe('检查结果：优秀；群众满意度明显提升');
    v = x.version;
    expect((await step({ stage: 'done', progress: 100, note: '复查' })).statusCode).toBe(400);
    expect((await t.call(branchAdmin, 'PATCH', `/api/joint-tasks/${id}`, { title: '改名', version: v })).statusCode).toBe(409);
    expect((await audits('task.check')).map((a) => a.object_id)).toEqual([String(id)]);
  });

  it('lets a higher organization re-check it', async () => {
    const res = await t.call(districtAdmin, 'POST', `/api/joint-tasks/${id}/check`, { result: 'good', version: v });
    const district = await t.db.selectFrom('orgs').select('name').where('id', '=', t.city.sampleIds.district).executeTakeFirstOrThrow();
    expect(json(res)).toMatchObject({ checkResult: 'good', checkedOrgName: district.name, stage: 'checked' });
  });
});

describe('the board', () => {
  let late: number;

  it('computes lateness and filters by it', async () => {
    const x = json(await create(branchAdmin, { title: '逾期任务', startOn: day(-60), dueOn: day(-1) }));
    late = x.id;
    expect(x.overdue).toBe(true);
    const b = json(await t.call(branchAdmin, 'GET', `/api/joint-tasks?orgId=${branch}&year=${Y}&overdue=true`));
    expect(b.items.map((i: any) => i.id)).toEqual([late]);
    expect(b.counts).toMatchObject({ planned: 2, checked: 1, overdue: 1 });
    const onTime = json(await t.call(branchAdmin, 'GET', `/api/joint-tasks?overdue=false`));
    expect(onTime.items.map((i: any) => i.id)).not.toContain(late);
  });

  it('shows the subtree to the district, or only its own tasks when asked', async () => {
    const all = json(await t.call(districtAdmin, 'GET', `/api/joint-tasks?year=${Y}&stage=planned`));
    expect(all.items.map((i: any) => i.id)).toContain(late);
    const own = json(await t.call(districtAdmin, 'GET', `/api/joint-tasks?subtree=false`));
    expect(own.items).toEqual([]);
    expect((await t.call(branchAdmin, 'GET', `/api/joint-tasks?orgId=${t.city.sampleIds.otherBranch}`)).statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'GET', `/api/joint-tasks/999999`)).statusCode).toBe(404);
  });

  it('exports the filtered board with a purpose, audited', async () => {
    expect((await t.call(districtAdmin, 'GET', '/api/joint-tasks/export')).statusCode).toBe(400);
    const res = await t.call(
      districtAdmin,
      'GET',
      `/api/joint-tasks/export?year=${Y}&overdue=true&purpose=${encodeURIComponent('督查逾期任务')}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(3).value).toBe('逾期任务');
    const [a] = await audits('task.export');
    expect(a.detail).toMatchObject({ purpose: '督查逾期任务', rows: 1, filter: { overdue: true, year: Y } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { DEV_RULES_2014 } from '../../../domain/rules/development-rule-sets.js';
import { idNumberFor } from '../members/id-numbers.js';

let t: TestApp;
let cityAdmin: string;
let branchAdmin: string;
let fullIds: number[];
let probationaryId: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  cityAdmin = await t.login('city-admin');
  branchAdmin = await t.login('branch-admin');
  const branchMembers = await t.db
    .selectFrom('members')
    .select(['id', 'category'])
    .where('org_id', '=', t.city.sampleIds.branch)
    .where('status', '=', 'normal')
    .execute();
  fullIds = branchMembers.filter((m) => m.category === 'full').map((m) => m.id);
  probationaryId = (await t.db.selectFrom('members').select('id').where('category', '=', 'probationary').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

const apply = (cookie: string, body: Record<string, unknown> = {}) =>
  t.call(cookie, 'POST', '/api/development/people', {
    orgId: t.city.sampleIds.branch,
    name: '测试申请人',
    idNumber: idNumberFor('110101', '1998-04-02', ++seq, '女'),
    appliedOn: '2023-01-09',
    ...body,
  });
const step = (cookie: string, id: number, body: Record<string, unknown>) =>
  t.call(cookie, 'POST', `/api/development/people/${id}/steps`, body);
const vote = (present: number, inFavor: number) => ({ shouldAttend: 10, present, inFavor, against: present - inFavor, abstain: 0 });

/** Records steps 2.. up to `upTo` for a person who applied on 2023-01-09, every step in time. */
async function walkTo(id: number, upTo: number, from = 2) {
  const plan: Record<number, Record<string, unknown>> = {
    2: { doneOn: '2023-01-20' },
    3: { doneOn: '2023-03-01' },
    4: { doneOn: '2023-03-05' },
    5: { doneOn: '2023-03-06', memberIds: fullIds.slice(0, 2) },
    6: { doneOn: '2023-09-01' },
    7: { doneOn: '2024-03-04' },
    8: { doneOn: '2024-03-10' },
    9: { doneOn: '2024-03-12', memberIds: fullIds.slice(0, 2) },
    10: { doneOn: '2024-04-01', reviewPassed: true },
    11: { doneOn: '2024-05-10', trainingDays: 3 },
    12: { doneOn: '2024-06-01' },
    13: { doneOn: '2024-06-10' },
    14: { doneOn: '2024-06-15', documents: [{ name: '入党志愿书', number: 'ZY-2024-001' }] },
    15: { doneOn: '2024-07-01', vote: vote(8, 8) },
    16: { doneOn: '2024-07-20' },
    17: { doneOn: '2024-08-15' },
    18: { doneOn: '2024-08-20' },
    19: { doneOn: '2024-08-21' },
    20: { doneOn: '2024-09-01' },
    21: { doneOn: '2024-12-20' },
    22: { doneOn: '2025-06-20' },
    23: { doneOn: '2025-07-01', vote: vote(9, 9), outcome: 'full' },
    24: { doneOn: '2025-08-01' },
  };
  for (let s = from; s <= upTo; s++) {
    const res = await step(cityAdmin, id, { stepNo: s, ...plan[s] });
    if (res.statusCode !== 201) throw new Error(`step ${s}: ${res.body}`);
    if (s === 6) expect((await step(cityAdmin, id, { stepNo: 6, doneOn: '2024-02-20' })).statusCode).toBe(201);
  }
}

describe('registering an applicant', () => {
  it('records step 1, masks the identity number and gives the talk deadline', async () => {
    const res = await apply(branchAdmin);
    expect(res.statusCode).toBe(201);
    const p = json(res);
    expect(p).toMatchObject({
      status: 'applicant',
      lastStep: 1,
      gender: '女',
      birthDate: '1998-04-02',
      nextDue: { stepNo: 2, by: '2023-02-09' },
      overdue: true,
    });
    expect(p.idMasked).toMatch(/^1101\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(p)).not.toContain('id_cipher');
    expect(p.steps.map((s: any) => s.stepNo)).toEqual([1]);
  });

  it('refuses an applicant under 18, citing the article', async () => {
    const res = await apply(branchAdmin, { idNumber: idNumberFor('110101', '2005-02-01', ++seq, '男'), appliedOn: '2023-01-31' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('未满 18 周岁');
    expect(json(res).error.message).toContain('第四条');
  });

  it('refuses an organization that is not a branch', async () => {
    const res = await apply(cityAdmin, { orgId: t.city.sampleIds.township });
    expect(json(res).error).toMatchObject({ code: 'INVALID', field: 'orgId' });
  });
});

describe('recording steps by the rules', () => {
  it('refuses a candidate less than a year after becoming an activist (第十三条) and records nothing', async () => {
    const id = json(await apply(cityAdmin)).id;
    await walkTo(id, 6);
    const before = await t.db.selectFrom('dev_steps').select('id').where('person_id', '=', id).execute();
    const res = await step(branchAdmin, id, { stepNo: 7, doneOn: '2024-02-29' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toBe(
      '确定为入党积极分子（2023-03-01）至今不足一年，最早可于 2024-03-01 列为发展对象（《中国共产党发展党员工作细则》第十三条）',
    );
    expect((await t.db.selectFrom('dev_steps').select('id').where('person_id', '=', id).execute()).length).toBe(before.length);
    expect((await step(branchAdmin, id, { stepNo: 7, doneOn: '2024-03-01' })).statusCode).toBe(201);
  });

  it('refuses a step out of order', async () => {
    const id = json(await apply(branchAdmin)).id;
    const res = await step(branchAdmin, id, { stepNo: 3, doneOn: '2023-02-01' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('第2步「党组织派人谈话」');
  });

  it('accepts a late talk only as a recorded 特殊情况 of a role with dev.override', async () => {
    const id = json(await apply(branchAdmin)).id;
    const late = { stepNo: 2, doneOn: '2023-03-01' };
    const refused = await step(branchAdmin, id, late);
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error).toMatchObject({ code: 'DEV_RULE_OVERRIDABLE' });
    expect(json(refused).error.message).toContain('第七条');
    const forbidden = await step(branchAdmin, id, { ...late, override: { reason: '申请人外出务工，无法按时谈话' } });
    expect(forbidden.statusCode).toBe(403);
    const ok = await step(cityAdmin, id, { ...late, override: { reason: '申请人外出务工，无法按时谈话' } });
    expect(ok.statusCode).toBe(201);
    const rec = json(ok).steps.find((s: any) => s.stepNo === 2);
    expect(rec.override).toEqual({ codes: ['TALK_LATE'], reason: '申请人外出务工，无法按时谈话', by: expect.any(String) });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dev.step_override')
      .where('object_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ stepNo: 2, override: { codes: ['TALK_LATE'] } });
  });

  it('refuses a 预备党员 as 入党介绍人 and needs two full members', async () => {
    const id = json(await apply(cityAdmin)).id;
    await walkTo(id, 8);
    const withProbationary = await step(cityAdmin, id, { stepNo: 9, doneOn: '2024-03-12', memberIds: [fullIds[0], probationaryId] });
    expect(json(withProbationary).error.message).toContain('是预备党员，不能作入党介绍人');
    const one = await step(cityAdmin, id, { stepNo: 9, doneOn: '2024-03-12', memberIds: [fullIds[0]] });
    expect(json(one).error).toMatchObject({ field: 'memberIds' });
    expect(json(one).error.message).toContain('第十四条');
    const ok = json(await step(cityAdmin, id, { stepNo: 9, doneOn: '2024-03-12', memberIds: fullIds.slice(0, 2) }));
    expect(ok.steps.at(-1).people.map((p: any) => p.role)).toEqual(['introducer', 'introducer']);
  });
});

describe('the 支部大会 vote, admission and 转正', () => {
  let id: number;
  beforeAll(async () => {
    id = json(await apply(cityAdmin, { name: '全流程' })).id;
    await walkTo(id, 14);
  });

  it('refuses a meeting without a quorum and keeps a vote that did not pass without advancing', async () => {
    const noQuorum = await step(cityAdmin, id, { stepNo: 15, doneOn: '2024-07-01', vote: vote(5, 5) });
    expect(noQuorum.statusCode).toBe(409);
    expect(json(noQuorum).error.message).toContain('未超过应到 10 人的半数');
    const failed = json(await step(cityAdmin, id, { stepNo: 15, doneOn: '2024-07-01', vote: vote(6, 5) }));
    expect(failed.lastStep).toBe(14);
    expect(failed.steps.at(-1)).toMatchObject({ passed: false, vote: { quorate: true, passed: false, inFavor: 5 } });
  });

  it('admits the person at the higher committee approval: a probationary member from the 支部大会 date', async () => {
    await walkTo(id, 17, 15);
    const p = json(await t.call(cityAdmin, 'GET', `/api/development/people/${id}`));
    expect(p).toMatchObject({ status: 'probationary', admittedOn: '2024-07-01', probationEnd: '2025-07-01' });
    const m = await t.db.selectFrom('members').selectAll().where('id', '=', p.memberId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ category: 'probationary', admitted_on: '2024-07-01', org_id: t.city.sampleIds.branch, name: '全流程' });
    const h = await t.db.selectFrom('member_history').select('action').where('member_id', '=', p.memberId).execute();
    expect(h.map((r) => r.action)).toEqual(['admit']);
  });

  it('makes the member full at the 转正 approval, 党龄 from the end of probation', async () => {
    const p0 = json(await t.call(cityAdmin, 'GET', `/api/development/people/${id}`));
    const early = await step(cityAdmin, p0.id, { stepNo: 18, doneOn: '2024-08-20' });
    expect(early.statusCode).toBe(201);
    for (const [s, body] of [
      [19, { doneOn: '2024-08-21' }],
      [20, { doneOn: '2024-09-01' }],
      [21, { doneOn: '2024-12-20' }],
      [22, { doneOn: '2025-06-20' }],
    ] as const) {
      expect((await step(cityAdmin, id, { stepNo: s, ...body })).statusCode).toBe(201);
    }
    const tooEarly = await step(cityAdmin, id, { stepNo: 23, doneOn: '2025-06-30', vote: vote(9, 9), outcome: 'full' });
    expect(json(tooEarly).error.message).toContain('预备期至 2025-07-01 期满');
    expect((await step(cityAdmin, id, { stepNo: 23, doneOn: '2025-07-01', vote: vote(9, 9), outcome: 'full' })).statusCode).toBe(201);
    const done = json(await step(cityAdmin, id, { stepNo: 24, doneOn: '2025-08-01' }));
    expect(done).toMatchObject({ status: 'full', fullOn: '2025-07-01', allowedNext: [25] });
    const m = await t.db.selectFrom('members').selectAll().where('id', '=', p0.memberId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ category: 'full', full_on: '2025-07-01' });
    const h = await t.db
      .selectFrom('member_history')
      .select(['action', 'after'])
      .where('member_id', '=', p0.memberId)
      .orderBy('id')
      .execute();
    expect(h.map((r) => r.action)).toEqual(['admit', 'full']);
  });
});

describe('scope, board and rule sets', () => {
  it('answers 404 for a person of another branch and changes nothing', async () => {
    const other = json(await apply(cityAdmin, { orgId: t.city.sampleIds.otherBranch, name: '他支部人' }));
    expect((await t.call(branchAdmin, 'GET', `/api/development/people/${other.id}`)).statusCode).toBe(404);
    const res = await step(branchAdmin, other.id, { stepNo: 2, doneOn: '2023-01-20' });
    expect(res.statusCode).toBe(404);
    expect((await t.db.selectFrom('dev_steps').select('id').where('person_id', '=', other.id).execute()).length).toBe(1);
    const list = json(await t.call(branchAdmin, 'GET', '/api/development/people?limit=200')).items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p: any) => p.orgId === t.city.sampleIds.branch)).toBe(true);
    expect((await t.call(branchAdmin, 'GET', `/api/development/board?orgId=${t.city.sampleIds.otherBranch}`)).statusCode).toBe(404);
  });

  it('counts people per stage and lists the overdue', async () => {
    const b = json(await t.call(cityAdmin, 'GET', `/api/development/board?orgId=${t.city.sampleIds.branch}`));
    const total = b.byStatus.reduce((s: number, x: any) => s + x.count, 0);
    const people = json(await t.call(cityAdmin, 'GET', `/api/development/people?orgId=${t.city.sampleIds.branch}&limit=200`)).items;
    expect(total).toBe(people.length);
    expect(b.overdue.length).toBe(people.filter((p: any) => p.overdue).length);
    expect(b.overdue.length).toBeGreaterThan(0);
    expect(b.overdue.every((p: any) => p.nextDue.by < b.today)).toBe(true);
  });

  it('offers only full members in good standing of the organization as 入党介绍人, and 404 outside the scope', async () => {
    const items = json(await t.call(branchAdmin, 'GET', `/api/development/eligible-members?orgId=${t.city.sampleIds.branch}`)).items;
    const expected = await t.db
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', t.city.sampleIds.branch)
      .where('category', '=', 'full')
      .where('status', 'in', ['normal', 'flowing'])
      .execute();
    expect(expected.length).toBeGreaterThanOrEqual(fullIds.length);
    expect(items.map((m: any) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(items.map((m: any) => m.id)).not.toContain(probationaryId);
    const named = json(
      await t.call(
        branchAdmin,
        'GET',
        `/api/development/eligible-members?orgId=${t.city.sampleIds.branch}&q=${encodeURIComponent(items[0].name)}`,
      ),
    ).items;
    expect(named.map((m: any) => m.name)).toContain(items[0].name);
    expect((await t.call(branchAdmin, 'GET', `/api/development/eligible-members?orgId=${t.city.sampleIds.otherBranch}`)).statusCode).toBe(
      404,
    );
  });

  it('seeds the 2014 rule set equal to the domain constant', async () => {
    const sets = json(await t.call(cityAdmin, 'GET', '/api/development/rule-sets')).items;
    expect(sets).toEqual([
      {
        version: '2014',
        effectiveFrom: '2014-05-28',
        title: DEV_RULES_2014.title,
        numbers: DEV_RULES_2014.numbers,
        articles: DEV_RULES_2014.articles,
      },
    ]);
  });

  it('applies a rule set added as data to steps dated after its effective date', async () => {
    const id = json(await apply(cityAdmin)).id;
    await walkTo(id, 6);
    await t.db
      .insertInto('dev_rule_sets')
      .values({
        version: 'test-2024',
        effective_from: '2024-01-01',
        title: '测试修订版',
        numbers: JSON.stringify({ ...DEV_RULES_2014.numbers, activistMinMonths: 18 }),
        articles: JSON.stringify({ ...DEV_RULES_2014.articles, candidateYear: '测试修订版第十二条' }),
      })
      .execute();
    try {
      const res = await step(cityAdmin, id, { stepNo: 7, doneOn: '2024-03-04' });
      expect(json(res).error.message).toBe(
        '确定为入党积极分子（2023-03-01）至今不足18 个月，最早可于 2024-09-01 列为发展对象（测试修订版第十二条）',
      );
    } finally {
      await t.db.deleteFrom('dev_rule_sets').where('version', '=', 'test-2024').execute();
    }
  });
});

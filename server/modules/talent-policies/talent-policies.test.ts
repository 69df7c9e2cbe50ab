// Talent policies and applications through the API (issue 15 points 4 and 5): evaluation with typed facts and
// with a registered person, an application through every step to payout and clawback (returned and resubmitted
// on the way, its 公示 ending after 国庆), who sees which application, and another district's 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let officer: string;
let applicant: string;
let employer: string;
let otherOfficer: string;
let expert: string;
let d1: number;
let d2: number;
let me: number;
let staff: number;
let foreign: number;
let policyId: number;
let callId: number;
let itemId: number;

const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

let accounts: { username: string; password?: string }[] = [];
/** Moves the test clock to 10:00 China time on a day (forwards or back) and signs everyone in again (sessions expire). */
async function setDay(day: string) {
  const target = new Date(`${day}T10:00:00+08:00`).getTime();
  t.clock.advanceMinutes((target - t.clock.now().getTime()) / 60_000);
  if (accounts.length === 0) return;
  const cookies: string[] = [];
  for (const a of accounts) cookies.push(await t.login(a.username, a.password));
  [officer, applicant, employer, otherOfficer, expert] = cookies;
}

async function upload(cookie: string, base: string, id: number, kind: string, file: Buffer, name: string) {
  const boundary = '----talent-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `${base}/applications/${id}/attachments`,
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function person(name: string, district: number, employerId: number, extra: Record<string, unknown> = {}) {
  const r = await t.db
    .insertInto('talent_people')
    .values({
      name,
      district_org_id: district,
      employer_id: employerId,
      degrees: JSON.stringify([{ level: 'doctor', abroad: true }]),
      titles: '[]',
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await setDay('2026-09-01');
  d1 = t.city.sampleIds.district;
  const city = t.city.sampleIds.city;
  d2 = (
    await t.db.selectFrom('orgs').select('id').where('parent_id', '=', city).where('id', '<>', d1).orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const set = await t.db
    .insertInto('talent_tier_sets')
    .values({ code: 'T', name: '测试层次', effective_on: '2020-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tierC = await t.db
    .insertInto('talent_tiers')
    .values({ set_id: set.id, code: 'C', name: '省级领军', rank: 3 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const e1 = await t.db
    .insertInto('talent_employers')
    .values({ name: '甲科技公司', district_org_id: d1, verified_on: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const e2 = await t.db
    .insertInto('talent_employers')
    .values({ name: '乙研究院', district_org_id: d2, verified_on: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const talentUser = await t.db.selectFrom('users').select('id').where('username', '=', 'talent').executeTakeFirstOrThrow();
  me = await person('申请人甲', d1, e1.id, { user_id: talentUser.id, birth: '1988-03-02', returned_on: '2025-09-01', tier_id: tierC.id });
  staff = await person('员工乙', d1, e1.id, { birth: '1975-05-01' });
  foreign = await person('外区丙', d2, e2.id, { birth: '1990-01-01' });
  const emp = await buildUserWithRole(t.db, { role: 'talent_employer', orgId: d1 });
  await t.db.insertInto('talent_employer_users').values({ employer_id: e1.id, user_id: emp.id }).execute();
  const other = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: d2 });
  const ex = await buildUserWithRole(t.db, { role: 'talent_expert', orgId: city, displayName: '评审专家一' });
  accounts = [{ username: 'talent-officer' }, { username: 'talent' }, emp, other, ex];
  await setDay('2026-09-01');
});
afterAll(async () => {
  await t?.close();
});

const SRC = '示人才〔2026〕1号 第四条（演示）';
describe('the policy register and its evaluation', () => {
  it('registers a policy with dated amounts and explains an evaluation with typed facts', async () => {
    const res = await t.call(officer, 'POST', '/api/talent/policies', {
      docNo: '示人才〔2026〕1号',
      title: '青年博士生活补贴（演示）',
      issuer: '示范市委人才办',
      coIssuers: ['示范市财政局'],
      level: 'city',
      effectiveOn: '2026-01-01',
      expertReview: true,
      publicityDays: 5,
      instalments: 3,
      items: [
        {
          code: 'T-LIVE',
          name: '博士生活补贴',
          version: {
            effectiveOn: '2026-01-01',
            amountFen: 3_000_000,
            source: SRC,
            conditions: [
              { kind: 'age_max', max: 40 },
              { kind: 'degree', minLevel: 'doctor', where: 'any' },
              { kind: 'social_insurance_months', min: 3 },
              { kind: 'employer_in_district' },
              { kind: 'no_duplicate', exclusive: [] },
            ],
          },
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    policyId = json(res).id;
    itemId = json(res).items[0].id;
    // The amount changes mid-year: a new version, the old one still decides earlier dates.
    const v = await t.call(officer, 'POST', `/api/talent/policy-items/${itemId}/versions`, {
      effectiveOn: '2026-07-01',
      amountFen: 3_600_000,
      source: '示人才〔2026〕7号（演示）',
      conditions: [
        { kind: 'age_max', max: 40 },
        { kind: 'degree', minLevel: 'doctor', where: 'any' },
        { kind: 'social_insurance_months', min: 3 },
        { kind: 'employer_in_district' },
        { kind: 'no_duplicate', exclusive: [] },
      ],
    });
    expect(json(v).items[0].versions.map((x: { amountFen: number }) => x.amountFen)).toEqual([3_000_000, 3_600_000]);
    await expectAuditRow(t.db, {
      action: 'talent.policy.version',
      objectType: 'talent_policy',
      objectId: String(policyId),
      result: 'success',
    });

    const facts = {
      birth: '1990-01-01',
      degrees: [{ level: 'doctor', abroad: false }],
      socialInsuranceMonths: 2,
      employerInDistrict: true,
      paidItems: [],
    };
    const r = json(await t.call(officer, 'POST', `/api/talent/policies/${policyId}/evaluate`, { on: '2026-03-01', facts }));
    expect(r.eligible).toBe(false);
    const si = r.conditions.find((c: { key: string }) => c.key === 'T-LIVE.social_insurance_months');
    expect(si).toMatchObject({ met: false, source: SRC });
    expect(si.reason).toContain('2 个月');
    const ok = json(
      await t.call(officer, 'POST', `/api/talent/policies/${policyId}/evaluate`, {
        on: '2026-08-01',
        facts: { ...facts, socialInsuranceMonths: 6 },
      }),
    );
    expect(ok).toMatchObject({ eligible: true, amountFen: 3_600_000 });
  });

  it('evaluates a registered person from the registry, the employer and the ledger', async () => {
    const r = json(await t.call(officer, 'POST', `/api/talent/policies/${policyId}/evaluate`, { on: '2026-09-01', personId: me }));
    const by = (k: string) => r.conditions.find((c: { key: string }) => c.key === `T-LIVE.${k}`);
    expect(by('age_max')).toMatchObject({ met: true });
    expect(by('age_max').reason).toContain('38 周岁');
    expect(by('employer_in_district').reason).toContain('甲科技公司');
    expect(by('social_insurance_months')).toMatchObject({ met: false });
    expect(r.eligible).toBe(false);
  });

  it('refuses bad input naming the field, and another district’s person is a 404', async () => {
    const bad = await t.call(officer, 'POST', `/api/talent/policies/${policyId}/evaluate`, { on: '2026-02-30', facts: {} });
    expect(bad.statusCode).toBe(400);
    const res = await t.call(otherOfficer, 'POST', `/api/talent/policies/${policyId}/evaluate`, { on: '2026-09-01', personId: me });
    expect(res.statusCode).toBe(404);
  });
});

describe('an application from call to clawback', () => {
  let appId: number;
  const get = async (cookie = officer) => json(await t.call(cookie, 'GET', `/api/talent/applications/${appId}`));
  const review = (outcome: string, reason = '') => t.call(officer, 'POST', `/api/talent/applications/${appId}/review`, { outcome, reason });

  it('is applied for, returned by the employer, corrected and resubmitted with its history kept', async () => {
    const call = await t.call(officer, 'POST', '/api/talent/calls', {
      policyId,
      title: '2026 年青年博士生活补贴申报（演示）',
      opensOn: '2026-09-01',
      closesOn: '2026-12-31',
      requiredAttachments: ['学位证书'],
    });
    expect(call.statusCode).toBe(201);
    callId = json(call).id;
    const open = json(await t.call(applicant, 'GET', '/api/talent/my/calls')).items;
    expect(open.map((c: { id: number }) => c.id)).toContain(callId);
    await setDay('2026-09-07');
    const created = await t.call(applicant, 'POST', '/api/talent/my/applications', {
      callId,
      itemId,
      socialInsuranceMonths: 2,
      incomeTaxMonths: 2,
      contractYears: 5,
    });
    expect(created.statusCode).toBe(201);
    appId = json(created).id;
    const early = await t.call(applicant, 'POST', `/api/talent/my/applications/${appId}/submit`, {});
    expect(early.statusCode).toBe(409);
    expect(json(early).error.message).toContain('学位证书');
    expect((await upload(applicant, '/api/talent/my', appId, '学位证书', Buffer.from('MZ not a document'), 'x.exe')).statusCode).toBe(400);
    expect((await upload(applicant, '/api/talent/my', appId, '学位证书', png(), '学位证书.png')).statusCode).toBe(201);
    const sub = json(await t.call(applicant, 'POST', `/api/talent/my/applications/${appId}/submit`, {}));
    expect(sub.status).toBe('employer_review');
    const back = await t.call(employer, 'POST', `/api/talent/employer/applications/${appId}/review`, {
      outcome: 'return',
      reason: '社保月数请按缴费记录更正',
    });
    expect(json(back).status).toBe('returned');
    await t.call(applicant, 'PATCH', `/api/talent/my/applications/${appId}`, { socialInsuranceMonths: 6, incomeTaxMonths: 6 });
    const again = json(await t.call(applicant, 'POST', `/api/talent/my/applications/${appId}/submit`, {}));
    expect(again).toMatchObject({ status: 'employer_review', resubmissions: 1, socialInsuranceMonths: 6 });
    expect(again.steps.map((s: { step: string; outcome: string }) => `${s.step}:${s.outcome}`)).toEqual([
      'create:draft',
      'submit:submitted',
      'employer:return',
      'resubmit:submitted',
    ]);
    expect(again.steps[2].reason).toBe('社保月数请按缴费记录更正');
  });

  it('passes the district, the city and the experts, and its 公示 ends after 国庆', async () => {
    expect(json(await t.call(employer, 'POST', `/api/talent/employer/applications/${appId}/review`, { outcome: 'pass' })).status).toBe(
      'district_review',
    );
    expect((await review('return')).statusCode).toBe(400);
    expect(json(await review('pass')).status).toBe('city_review');
    expect(json(await review('pass')).status).toBe('expert_review');
    expect((await review('pass')).statusCode).toBe(409);
    const scored = json(await t.call(expert, 'POST', `/api/talent/applications/${appId}/scores`, { score: 86, comment: '成果突出' }));
    expect(scored.expertScores).toEqual([{ expertName: '评审专家一', score: 86, comment: '成果突出' }]);
    await setDay('2026-09-24');
    const early = await t.call(officer, 'POST', `/api/talent/applications/${appId}/review`, {
      outcome: 'pass',
      publicityStartsOn: '2026-09-01',
    });
    expect(json(early).error.field).toBe('publicityStartsOn');
    const pub = json(await review('pass'));
    expect(pub.steps.at(-1).reason).toContain('公示 2026-09-28 至 2026-10-09');
    // 中秋 (09-25) and the weekend skipped, 国庆 (10-01..10-07) not counted: 28, 29, 30, 10-08, 10-09.
    expect(pub).toMatchObject({ status: 'publicity', publicityStartsOn: '2026-09-28', publicityEndsOn: '2026-10-09' });
    expect(pub.evaluation.eligible).toBe(true);
    const obj = json(
      await t.call(officer, 'POST', `/api/talent/applications/${appId}/objections`, {
        receivedOn: '2026-09-29',
        content: '反映其社保缴纳不连续',
      }),
    );
    await setDay('2026-10-09');
    expect((await t.call(officer, 'POST', `/api/talent/applications/${appId}/approve`, {})).statusCode).toBe(409);
    await setDay('2026-10-12');
    expect(json(await t.call(officer, 'POST', `/api/talent/applications/${appId}/approve`, {})).error.field).toBe('objections');
    await t.call(officer, 'POST', `/api/talent/applications/${appId}/objections/${obj.objections[0].id}`, {
      outcome: 'dismissed',
      handling: '经核社保缴纳连续，反映不属实',
    });
    const ok = json(await t.call(officer, 'POST', `/api/talent/applications/${appId}/approve`, { reason: '公示无异议' }));
    // The amount in force on the submission date (after the mid-year change), in three yearly instalments.
    expect(ok).toMatchObject({ status: 'paying', amountFen: 3_600_000, approvedOn: '2026-10-12' });
    expect(ok.payouts.map((p: { dueOn: string; amountFen: number }) => [p.dueOn, p.amountFen])).toEqual([
      ['2026-10-12', 1_200_000],
      ['2027-10-12', 1_200_000],
      ['2028-10-12', 1_200_000],
    ]);
  });

  it('releases an instalment after the on-the-job check, refuses an early one, claws back on departure', async () => {
    const a = await get();
    const second = await t.call(officer, 'POST', `/api/talent/applications/${appId}/payouts/${a.payouts[1].id}/release`, {
      onJob: true,
      checkedOn: '2026-10-12',
      note: '在岗',
    });
    expect(second.statusCode).toBe(409);
    const paid = json(
      await t.call(officer, 'POST', `/api/talent/applications/${appId}/payouts/${a.payouts[0].id}/release`, {
        onJob: true,
        checkedOn: '2026-10-12',
        note: '劳动合同及社保在岗',
      }),
    );
    expect(paid).toMatchObject({ status: 'paying', paidFen: 1_200_000 });
    // The ledger now makes the same item a duplicate for the person.
    const dup = json(await t.call(officer, 'POST', `/api/talent/policies/${policyId}/evaluate`, { on: '2026-10-13', personId: me }));
    expect(dup.conditions.find((c: { key: string }) => c.key === 'T-LIVE.no_duplicate')).toMatchObject({ met: false });
    expect(
      (
        await t.call(officer, 'POST', `/api/talent/applications/${appId}/clawback`, {
          cause: 'departure',
          amountFen: 1_200_001,
          reason: '离职',
        })
      ).statusCode,
    ).toBe(409);
    const back = json(
      await t.call(officer, 'POST', `/api/talent/applications/${appId}/clawback`, {
        cause: 'departure',
        amountFen: 1_200_000,
        reason: '服务期未满提前离职',
      }),
    );
    expect(back).toMatchObject({ status: 'clawed_back', clawedBackFen: 1_200_000 });
    expect(back.payouts.filter((p: { status: string }) => p.status === 'cancelled')).toHaveLength(2);
    const ledger = json(await t.call(officer, 'GET', '/api/talent/ledger'));
    expect(ledger.items.map((x: { kind: string; amountFen: number }) => [x.kind, x.amountFen])).toEqual([
      ['payout', 1_200_000],
      ['clawback', -1_200_000],
    ]);
    expect((await t.call(officer, 'GET', '/api/talent/ledger/export')).statusCode).toBe(400);
    const xl = await t.call(officer, 'GET', `/api/talent/ledger/export?purpose=${encodeURIComponent('财务对账')}`);
    expect(xl.statusCode).toBe(200);
    await expectAuditRow(t.db, { action: 'talent.ledger.export', objectType: 'talent_application', result: 'success' });
  });
});

describe('who sees which application', () => {
  it('an applicant sees only their own, an employer only its staff’s, another district gets 404', async () => {
    const emp = await t.call(employer, 'POST', '/api/talent/employer/applications', {
      callId,
      itemId,
      personId: staff,
      socialInsuranceMonths: 12,
    });
    expect(emp.statusCode).toBe(201);
    const empApp = json(emp).id;
    const staffEmployer = json(emp).employerName
      ? (await t.db.selectFrom('talent_people').select('employer_id').where('id', '=', staff).executeTakeFirstOrThrow()).employer_id!
      : 0;
    // The employer applied, so its own review is done: the district reviews first.
    await upload(employer, '/api/talent/employer', empApp, '学位证书', png(), 'd.png');
    expect(json(await t.call(employer, 'POST', `/api/talent/employer/applications/${empApp}/submit`, {})).status).toBe('district_review');
    expect((await t.call(employer, 'POST', '/api/talent/employer/applications', { callId, itemId, personId: foreign })).statusCode).toBe(
      404,
    );
    await expectAuditRow(t.db, { action: 'talent.employer', result: 'denied', objectType: 'talent_person', objectId: String(foreign) });
    const f = await t.db
      .insertInto('talent_applications')
      .values({ call_id: callId, item_id: itemId, person_id: foreign, applied_as: 'self' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = json(await t.call(applicant, 'GET', '/api/talent/my/applications'));
    expect(mine.items.map((x: { personId: number }) => x.personId)).toEqual([me]);
    expect((await t.call(applicant, 'GET', `/api/talent/my/applications/${empApp}`)).statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.self', result: 'denied', objectType: 'talent_application', objectId: String(empApp) });
    const theirs = json(await t.call(employer, 'GET', '/api/talent/employer/applications'));
    expect(new Set(theirs.items.map((x: { personId: number }) => x.personId))).toEqual(new Set([me, staff]));
    expect((await t.call(employer, 'GET', `/api/talent/employer/applications/${f.id}`)).statusCode).toBe(404);
    expect((await t.call(otherOfficer, 'GET', `/api/talent/applications/${empApp}`)).statusCode).toBe(404);
    expect((await t.call(otherOfficer, 'GET', `/api/talent/applications/${f.id}`)).statusCode).toBe(200);
    const list = json(await t.call(otherOfficer, 'GET', '/api/talent/applications'));
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([f.id]);
    const cityList = json(await t.call(officer, 'GET', `/api/talent/applications?callId=${callId}&status=district_review`));
    expect(cityList.items.map((x: { id: number }) => x.id)).toEqual([empApp]);
    const inD2 = json(await t.call(officer, 'GET', `/api/talent/applications?policyId=${policyId}&districtId=${d2}`));
    expect(inD2.items.map((x: { id: number }) => x.id)).toEqual([f.id]);
    expect(json(await t.call(officer, 'GET', `/api/talent/applications?districtId=${d2}&employerId=${staffEmployer}`)).total).toBe(0);
  });

  it('a district officer cannot do the city re-check', async () => {
    const other = await buildUserWithRole(t.db, { role: 'talent_officer', orgId: d1 });
    const c = await t.login(other.username, other.password);
    const [row] = json(await t.call(officer, 'GET', '/api/talent/applications?status=district_review')).items;
    expect(json(await t.call(c, 'POST', `/api/talent/applications/${row.id}/review`, { outcome: 'pass' })).status).toBe('city_review');
    const refused = await t.call(c, 'POST', `/api/talent/applications/${row.id}/review`, { outcome: 'pass' });
    expect(refused.statusCode).toBe(403);
  });
});

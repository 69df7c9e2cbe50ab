// 因私出国（境） trips, 改任职级 on the file, and the pool's plans, leaving and exports through the API: a trip is
// approved or refused with its reason, the passport taken out for it is due 10 days after the return and an overdue
// one reaches the to-do list; a district officer gets 404 on a city-managed cadre's trip; 改任职级 ends the post
// and writes the rank the 任免审批表 shows; the pool's 一览表 and batch forms ask their purpose and are audited.
import dayjs from 'dayjs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { todayCn } from '../../dates.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { changeCadre, insertCadre } from '../cadres/changes.js';

let t: TestApp;
let officer: string;
let city: number;
let today: string;
const crypto = new IdCrypto(TEST_KEYS);
const base = '/api/cadre-supervision';
const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');

async function cadre(name: string, birth: string, post?: { title: string; level: string }): Promise<number> {
  return t.db.transaction().execute(async (trx) => {
    const w = { db: trx, actor: null, clock: t.clock, crypto };
    const id = await insertCadre(w, { manager_org_id: city, name, sex: '男', birth });
    if (post)
      await changeCadre(w, id, {
        section: 'appointments',
        action: 'appoint',
        addAppointment: {
          ...post,
          post_id: null,
          unit_id: null,
          principal: true,
          decided_on: '2020-03-01',
          doc_no: '',
          probation_until: null,
          concurrent: false,
        },
      });
    return id;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('cadre-officer');
  city = t.city.sampleIds.city;
  today = todayCn(t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

describe('因私出国（境）', () => {
  it('refuses with a reason, approves, takes the passport out, and an overdue return reaches the to-do list until handed back', async () => {
    const id = await cadre('甲出国', '1975-03', { title: '市某局局长', level: '正处' });
    const passport = json(
      await t.call(officer, 'POST', `${base}/cadres/${id}/passports`, { kind: '护照', number: 'E1234567', handedInOn: day(-400) }),
    ).passports[0].id as number;
    const apply = (departOn: string, returnOn: string) =>
      t.call(officer, 'POST', `${base}/cadres/${id}/trips`, {
        destinations: '日本',
        purpose: '旅游',
        fundedBy: '个人自费',
        appliedOn: day(-40),
        departOn,
        returnOn,
      });
    const bad = await apply(day(-20), day(-25));
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('returnOn');
    const refused = json(await apply(day(10), day(15))).trips[0].id as number;
    const noReason = await t.call(officer, 'POST', `${base}/trips/${refused}/decision`, {
      decision: '不批准',
      decidedOn: day(-30),
      decidedBy: '部务会',
    });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.field).toBe('refusalReason');
    const r = await t.call(officer, 'POST', `${base}/trips/${refused}/decision`, {
      decision: '不批准',
      decidedOn: day(-30),
      decidedBy: '部务会',
      refusalReason: '重要工作期间',
    });
    expect(json(r).trips[0]).toMatchObject({ status: '不批准', refusalReason: '重要工作期间' });
    expect(
      (await t.call(officer, 'POST', `${base}/trips/${refused}/passport`, { passportId: passport, takenOutOn: day(-20) })).statusCode,
    ).toBe(409);

    const trip = json(await apply(day(-20), day(-14))).trips.find((x: { status: string }) => x.status === '待审批').id as number;
    await t.call(officer, 'POST', `${base}/trips/${trip}/decision`, { decision: '批准', decidedOn: day(-30), decidedBy: '部务会' });
    const out = await t.call(officer, 'POST', `${base}/trips/${trip}/passport`, { passportId: passport, takenOutOn: day(-22) });
    expect(out.statusCode).toBe(200);
    // due 10 days after the planned return (domain/rules/cadre-trip.ts)
    expect(json(out).trips.find((x: { id: number }) => x.id === trip).passport).toMatchObject({
      id: passport,
      dueOn: day(-4),
      returnedOn: null,
    });
    // came back a day late: due 10 days after that, still past
    const back = json(await t.call(officer, 'POST', `${base}/trips/${trip}/back`, { cameBackOn: day(-13) }));
    const shown = back.trips.find((x: { id: number }) => x.id === trip);
    expect(shown).toMatchObject({ cameBackOn: day(-13), overdue: true });
    expect(shown.passport.dueOn).toBe(day(-3));
    expect(back.passports[0]).toMatchObject({ tripId: trip, overdue: true });
    const todos = async () =>
      (json(await t.call(officer, 'GET', '/api/todos')).items as { kind: string; ref: string }[]).filter(
        (x) => x.kind === 'cadre_passport_overdue',
      );
    expect((await todos()).some((x) => x.ref === String(passport))).toBe(true);
    await t.call(officer, 'POST', `${base}/passports/${passport}/return`, { returnedOn: today });
    expect((await todos()).some((x) => x.ref === String(passport))).toBe(false);
    await expectAuditRow(t.db, { action: 'cadre.supervision.trip_decide', result: 'success', objectType: 'cadre_trip', objectId: refused });
  });

  it("gives a district officer 404 on a city-managed cadre's trip, audited, and changes nothing", async () => {
    const id = await cadre('乙市管', '1980-01');
    const trip = json(
      await t.call(officer, 'POST', `${base}/cadres/${id}/trips`, {
        destinations: '泰国',
        purpose: '探亲',
        fundedBy: '个人自费',
        appliedOn: today,
        departOn: day(20),
        returnOn: day(25),
      }),
    ).trips[0].id as number;
    const d = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: t.city.sampleIds.district });
    const district = await t.login(d.username, d.password);
    const res = await t.call(district, 'POST', `${base}/trips/${trip}/decision`, {
      decision: '批准',
      decidedOn: today,
      decidedBy: '区委组织部',
    });
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'cadre.supervise',
      result: 'denied',
      objectType: 'cadre_trip',
      objectId: trip,
      actorName: d.username,
    });
    expect(json(await t.call(officer, 'GET', `${base}/cadres/${id}`)).trips[0].status).toBe('待审批');
  });
});

describe('改任职级', () => {
  it('ends the leadership post and writes the rank on the file, which the 任免审批表 shows', async () => {
    const id = await cadre('丙改任', '1968-05', { title: '市某局局长', level: '正处' });
    const noRank = await t.call(officer, 'POST', `${base}/cadres/${id}/adjustments`, {
      kind: '改任职级',
      situation: 'S14',
      decidedOn: today,
    });
    expect(noRank.statusCode).toBe(400);
    expect(json(noRank).error.field).toBe('rank');
    const res = await t.call(officer, 'POST', `${base}/cadres/${id}/adjustments`, {
      kind: '改任职级',
      situation: 'S14',
      decidedOn: today,
      docNo: '市委〔2026〕3号',
      rank: { title: '一级调研员', level: '正处' },
    });
    expect(res.statusCode).toBe(201);
    const ranks = await t.db.selectFrom('cadre_ranks').select(['title', 'ended_on', 'decided_on']).where('cadre_id', '=', id).execute();
    expect(ranks).toEqual([{ title: '一级调研员', ended_on: null, decided_on: today }]);
    const c = await t.db.selectFrom('cadres').select(['rank_title', 'current_title']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(c).toEqual({ rank_title: '一级调研员', current_title: '' });
    const history = await t.db
      .selectFrom('cadre_history')
      .select(['section', 'reason'])
      .where('cadre_id', '=', id)
      .where('section', '=', 'ranks')
      .execute();
    expect(history).toEqual([{ section: 'ranks', reason: '能上能下：改任职级' }]);
    const file = json(await t.call(officer, 'GET', `/api/cadres/${id}`));
    // the 任免审批表's 现任职务 shows the rank now that no leadership post is held
    expect(file.form.currentPost).toBe('一级调研员');
  });
});

describe('the young-cadre pool', () => {
  it('plans a rotation and a course, notes tracking, leaves with a coded reason, exports the 一览表 and the forms', async () => {
    const id = await cadre('丁年轻', '1995-06', { title: '市某局科长', level: '正科' });
    const entry = json(
      await t.call(officer, 'POST', `${base}/cadres/${id}/pool`, { enteredOn: day(-100), nominatedBy: '市某局党组', source: '民主推荐' }),
    ).pool[0].id as number;
    const early = await t.call(officer, 'POST', `${base}/pool/${entry}/plans`, { kind: '挂职', place: '示范县某镇', startsOn: day(-200) });
    expect(early.statusCode).toBe(400);
    expect(json(early).error.field).toBe('startsOn');
    await t.call(officer, 'POST', `${base}/pool/${entry}/plans`, {
      kind: '挂职',
      place: '示范县某镇',
      startsOn: day(-90),
      endsOn: day(270),
    });
    await t.call(officer, 'POST', `${base}/pool/${entry}/notes`, { notedOn: day(-10), text: '表现突出' });
    const leave = await t.call(officer, 'POST', `${base}/pool/${entry}/leave`, { leftOn: today, kind: '提拔使用', reason: '提任副处' });
    const left = json(leave).pool[0];
    expect(left).toMatchObject({ leaveKind: '提拔使用', plans: [{ kind: '挂职', place: '示范县某镇' }], notes: [{ text: '表现突出' }] });
    expect(
      (await t.call(officer, 'POST', `${base}/pool/${entry}/plans`, { kind: '培训', place: '市委党校', startsOn: today })).statusCode,
    ).toBe(409);

    expect((await t.call(officer, 'GET', `${base}/export?list=pool`)).statusCode).toBe(400);
    const xlsx = await t.call(officer, 'GET', `${base}/export?list=pool&purpose=${encodeURIComponent('年度分析')}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await expectAuditRow(t.db, { action: 'cadre.supervision.export', result: 'success' });

    const zip = await t.call(officer, 'GET', `${base}/pool/forms?ids=${entry}&format=docx&purpose=${encodeURIComponent('上会材料')}`);
    expect(zip.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(zip.rawPayload)))).toEqual(['丁年轻_干部任免审批表.docx']);
    await expectAuditRow(t.db, { action: 'cadre.supervision.pool_forms', result: 'success', objectType: 'cadre_pool_entry' });
  });
});

// 能上能下, 到龄, the young-cadre pool and supervision records through the API: a 降职 ends the post through the
// cadre file's one writer, the 到龄 and overdue-passport reminders reach the to-do list, a pool entry keeps the
// criteria's findings, and a district officer cannot see a city-managed cadre's records.
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retirementDate } from '../../../domain/rules/retirement-age.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { todayCn } from '../../dates.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { changeCadre, insertCadre } from '../cadres/changes.js';
import { seedSupervisionDemo } from './demo.js';

let t: TestApp;
let officer: string;
let city: number;
let today: string;
const crypto = new IdCrypto(TEST_KEYS);

/** A cadre written through the file's one writer, holding one post when a level is given. */
async function cadre(name: string, sex: string, birth: string, post?: { title: string; level: string; from: string }): Promise<number> {
  return t.db.transaction().execute(async (trx) => {
    const w = { db: trx, actor: null, clock: t.clock, crypto };
    const id = await insertCadre(w, { manager_org_id: city, name, sex, birth });
    if (post)
      await changeCadre(w, id, {
        section: 'appointments',
        action: 'appoint',
        addAppointment: {
          post_id: null,
          unit_id: null,
          title: post.title,
          level: post.level,
          principal: false,
          decided_on: post.from,
          doc_no: '',
          probation_until: null,
          concurrent: false,
        },
      });
    return id;
  });
}

const base = '/api/cadre-supervision';
const records = async (cookie: string, id: number) => json(await t.call(cookie, 'GET', `${base}/cadres/${id}`));
const todos = async () =>
  json(await t.call(officer, 'GET', '/api/todos')).items as { kind: string; ref: string; dueOn: string; overdue: boolean }[];

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('cadre-officer');
  city = t.city.sampleIds.city;
  today = todayCn(t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

describe('能上能下', () => {
  it('lists the 15 situations of 第五条 with their tags', async () => {
    const s = json(await t.call(officer, 'GET', `${base}/situations`));
    expect(s.situations).toHaveLength(15);
    expect(s.kinds).toEqual(['调离岗位', '改任职级', '免职', '降职']);
    expect(s.title).toContain('推进领导干部能上能下规定');
  });

  it('a 降职 ends the post through the writer: history row, end reason the selection reads, the record on the cadre', async () => {
    const id = await cadre('甲降职', '男', '1978-04', { title: '市某局副局长', level: '副处', from: '2020-03-01' });
    const bad = await t.call(officer, 'POST', `${base}/cadres/${id}/adjustments`, { kind: '降职', situation: 'S99', decidedOn: today });
    expect(bad.statusCode).toBe(400);
    const res = await t.call(officer, 'POST', `${base}/cadres/${id}/adjustments`, {
      kind: '降职',
      situation: 'S08',
      decidedOn: today,
      docNo: '市委组〔2026〕9号',
    });
    expect(res.statusCode).toBe(201);
    const body = json(res);
    expect(body.adjustments).toHaveLength(1);
    expect(body.adjustments[0]).toMatchObject({
      kind: '降职',
      situation: 'S08',
      appointmentTitle: '市某局副局长',
      docNo: '市委组〔2026〕9号',
    });
    const post = await t.db.selectFrom('cadre_appointments').selectAll().where('cadre_id', '=', id).executeTakeFirstOrThrow();
    expect(post.ended_on).toBe(today);
    expect(post.end_reason).toContain('降职');
    expect(post.end_doc_no).toBe('市委组〔2026〕9号');
    const history = await t.db
      .selectFrom('cadre_history')
      .selectAll()
      .where('cadre_id', '=', id)
      .where('section', '=', 'appointments')
      .where('action', '=', 'end')
      .execute();
    expect(history).toHaveLength(1);
    const c = await t.db.selectFrom('cadres').select(['current_title']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(c.current_title).toBe('');
    await expectAuditRow(t.db, { action: 'cadre.supervision.adjust', result: 'success', objectType: 'cadre', objectId: id });
    // Nothing left to take off: a second 免职 is refused.
    const again = await t.call(officer, 'POST', `${base}/cadres/${id}/adjustments`, { kind: '免职', situation: 'S08', decidedOn: today });
    expect(again.statusCode).toBe(400);
  });
});

describe('到龄', () => {
  it('reminds of a 科级 woman reaching 退出领导岗位 age within six months (base 55), not of a man or a 县处级 woman (base 60)', async () => {
    const horizon = dayjs(today).add(6, 'month').format('YYYY-MM');
    const thisMonth = today.slice(0, 7);
    // A birth month whose retirement month (base 55) falls after this month and within the six months.
    let birth = '';
    for (let m = dayjs('1966-01-01'); m.isBefore('1976-01-01'); m = m.add(1, 'month')) {
      const ym = retirementDate(m.format('YYYY-MM'), 55).yearMonth;
      if (ym > thisMonth && ym <= horizon) {
        birth = m.format('YYYY-MM');
        break;
      }
    }
    expect(birth).not.toBe('');
    const woman = await cadre('乙到龄', '女', `${birth}-15`, { title: '市某局某科科长', level: '正科', from: '2018-01-01' });
    const man = await cadre('丙未到龄', '男', `${birth}-15`, { title: '市某局副局长', level: '副处', from: '2018-01-01' });
    const county = await cadre('壬未到龄', '女', `${birth}-15`, { title: '市某局局长', level: '正处', from: '2018-01-01' });
    const items = (await todos()).filter((i) => i.kind === 'cadre_retirement');
    const due = `${retirementDate(birth, 55).yearMonth}-01`;
    expect(items).toContainEqual(expect.objectContaining({ ref: String(woman), dueOn: due, overdue: false }));
    expect(items.map((i) => i.ref)).not.toContain(String(man));
    expect(items.map((i) => i.ref)).not.toContain(String(county));
    expect((await records(officer, county)).retirement).toMatchObject({ base: 60, yearMonth: retirementDate(birth, 60).yearMonth });
    expect((await records(officer, woman)).retirement).toMatchObject({ base: 55, yearMonth: due.slice(0, 7) });
  });
});

describe('supervision records', () => {
  it('an overdue passport reaches the to-do list and leaves it when handed back', async () => {
    const id = await cadre('丁出国', '男', '1980-02', { title: '市某局副局长', level: '副处', from: '2021-01-01' });
    const handedIn = dayjs(today).subtract(60, 'day').format('YYYY-MM-DD');
    const r = await t.call(officer, 'POST', `${base}/cadres/${id}/passports`, { kind: '护照', number: 'E12345678', handedInOn: handedIn });
    expect(r.statusCode).toBe(201);
    const pid = json(r).passports[0].id as number;
    const out = await t.call(officer, 'POST', `${base}/passports/${pid}/take-out`, {
      takenOutOn: dayjs(today).subtract(20, 'day').format('YYYY-MM-DD'),
      trip: '探亲',
      dueOn: dayjs(today).subtract(3, 'day').format('YYYY-MM-DD'),
    });
    expect(out.statusCode).toBe(200);
    expect(json(out).passports[0].overdue).toBe(true);
    expect(await todos()).toContainEqual(expect.objectContaining({ kind: 'cadre_passport_overdue', ref: String(pid), overdue: true }));
    const back = await t.call(officer, 'POST', `${base}/passports/${pid}/return`, { returnedOn: today });
    expect(back.statusCode).toBe(200);
    await expectAuditRow(t.db, {
      action: 'cadre.supervision.passport_return',
      result: 'success',
      objectType: 'cadre_passport',
      objectId: pid,
    });
    expect((await todos()).filter((i) => i.kind === 'cadre_passport_overdue').map((i) => i.ref)).not.toContain(String(pid));
  });

  it('keeps the yearly personal-matters report and the part-time approvals on the cadre', async () => {
    const id = await cadre('戊报告', '男', '1982-07');
    const year = Number(today.slice(0, 4));
    expect((await t.call(officer, 'PUT', `${base}/cadres/${id}/reports`, { year, filedOn: `${year}-03-01` })).statusCode).toBe(200);
    const checked = await t.call(officer, 'PUT', `${base}/cadres/${id}/reports`, {
      year,
      filedOn: `${year}-03-01`,
      checkKind: '随机',
      finding: '一致',
    });
    expect(json(checked).reports).toEqual([expect.objectContaining({ year, checkKind: '随机', finding: '一致' })]);
    const pt = await t.call(officer, 'POST', `${base}/cadres/${id}/part-time`, {
      organization: '市某学会',
      post: '副会长',
      approvedOn: `${year}-02-01`,
      approvedBy: '市委组织部',
    });
    expect(pt.statusCode).toBe(201);
    expect(json(pt).partTime).toEqual([expect.objectContaining({ organization: '市某学会', paid: false })]);
  });
});

describe('the young-cadre pool', () => {
  it('records the criteria findings on entry, and a leaving with its reason', async () => {
    const young = await cadre('己年轻', '男', '1996-05-01', { title: '市某局科长', level: '正科', from: '2024-01-01' });
    const old = await cadre('庚超龄', '女', '1975-05-01', { title: '市某局副科长', level: '副科', from: '2015-01-01' });
    const enter = (id: number) =>
      t.call(officer, 'POST', `${base}/cadres/${id}/pool`, { enteredOn: today, nominatedBy: '市某局党组', source: '民主推荐' });
    const a = await enter(young);
    expect(a.statusCode).toBe(201);
    expect(json(a).pool[0]).toMatchObject({ eligible: true, findings: [], source: '民主推荐', criteriaVersion: 'local-default' });
    const b = await enter(old);
    expect(b.statusCode).toBe(201);
    const entry = json(b).pool[0];
    expect(entry.eligible).toBe(false);
    expect(entry.findings.join()).toContain('副科年轻干部一般为 32 岁以下');
    expect((await enter(young)).statusCode).toBe(409);
    const list = json(await t.call(officer, 'GET', `${base}/pool`)).items.map((x: { cadreId: number }) => x.cadreId);
    expect(list).toEqual(expect.arrayContaining([young, old]));
    const left = await t.call(officer, 'POST', `${base}/pool/${entry.id}/leave`, {
      leftOn: today,
      kind: '超龄',
      reason: '年龄超过入库条件',
    });
    expect(left.statusCode).toBe(200);
    expect(json(left).pool[0]).toMatchObject({ leftOn: today, leaveKind: '超龄', leaveReason: '年龄超过入库条件' });
    expect(json(await t.call(officer, 'GET', `${base}/pool`)).items.map((x: { cadreId: number }) => x.cadreId)).not.toContain(old);
    await expectAuditRow(t.db, {
      action: 'cadre.supervision.pool_leave',
      result: 'success',
      objectType: 'cadre_pool_entry',
      objectId: entry.id,
    });
  });
});

describe('scope', () => {
  it("gives a district officer 404 on a city-managed cadre's records, audited", async () => {
    const id = await cadre('辛市管', '男', '1985-01', { title: '市某局副局长', level: '副处', from: '2022-01-01' });
    const p = json(
      await t.call(officer, 'POST', `${base}/cadres/${id}/passports`, { kind: '港澳通行证', number: 'C1234567', handedInOn: today }),
    ).passports[0].id as number;
    const d = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: t.city.sampleIds.district });
    const district = await t.login(d.username, d.password);
    expect((await t.call(district, 'GET', `${base}/cadres/${id}`)).statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'cadre.read', result: 'denied', objectType: 'cadre', objectId: id, actorName: d.username });
    const out = await t.call(district, 'POST', `${base}/passports/${p}/take-out`, { takenOutOn: today, trip: '旅游', dueOn: today });
    expect(out.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'cadre.supervise',
      result: 'denied',
      objectType: 'cadre_passport',
      objectId: p,
      actorName: d.username,
    });
    const adj = await t.call(district, 'POST', `${base}/cadres/${id}/adjustments`, { kind: '免职', situation: 'S14', decidedOn: today });
    expect(adj.statusCode).toBe(404);
    expect((await records(officer, id)).adjustments).toEqual([]);
  });
});

describe('the demo', () => {
  it('puts young cadres in the pool with their findings, and one passport overdue on the to-do list', async () => {
    const year = dayjs(today).year();
    const kept = await cadre('演示青年', '女', `${year - 30}-04`, { title: '某局副科长', level: '副科', from: `${year - 2}-01-10` });
    const old = await cadre('演示超龄', '男', `${year - 35}-02`, { title: '某局副科长', level: '副科', from: `${year - 5}-01-10` });
    const chief = await cadre('演示处长', '男', '1972-05', { title: '某局局长', level: '正处', from: '2020-03-01' });
    await seedSupervisionDemo(t.db, t.clock.now());
    const entries = await t.db
      .selectFrom('cadre_pool_entries')
      .select(['cadre_id', 'eligible', 'findings'])
      .where('cadre_id', 'in', [kept, old])
      .execute();
    const of = (id: number) => entries.find((e) => e.cadre_id === id)!;
    expect(of(kept).eligible).toBe(true);
    // 副科 entries stop at 32 (POOL_CRITERIA_DEFAULT): a 35-year-old enters with the finding that says so.
    expect(of(old).eligible).toBe(false);
    expect(JSON.stringify(of(old).findings)).toMatch(/32/);
    const overdue = (await todos()).filter((x) => x.kind === 'cadre_passport_overdue');
    expect(overdue.length).toBeGreaterThan(0);
    const passports = await t.db.selectFrom('cadre_passports').select('cadre_id').where('cadre_id', '=', chief).execute();
    expect(passports.length).toBeLessThanOrEqual(1);
  });
});

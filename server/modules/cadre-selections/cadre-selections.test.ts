// The selection-and-appointment procedure through the API: the gates (凡提四必, eligibility, avoidance, quorum,
// publicity window) refuse with the article, the appointment lands on the file with 任职时间 = the decision date,
// and a district officer cannot see a city-managed selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { FOUR_MUSTS, SELECTION_ARTICLES, publicityEnd } from '../../../domain/rules/cadre-selection.js';
import { ELIGIBILITY_ARTICLES } from '../../../domain/rules/cadre-eligibility.js';
import { AVOIDANCE_ARTICLE } from '../../../domain/rules/cadre-avoidance.js';
import { todayCn } from '../../dates.js';
import { buildCadre, buildPost, buildUnit, linkRelative } from '../../test/cadre-builders.js';
import { seedSelectionsDemo } from './demo.js';

let t: TestApp;
let officer: string;
let districtOfficer: { username: string; password: string };
let city: number;
const ids = {} as Record<'unit' | 'unit2' | 'deputy' | 'plain' | 'solo' | 'c1' | 'c2' | 'c3' | 'c6' | 'c7' | 'head', number>;

// A career that meets every rule for 副处: two 乡科级 posts, 正科 since 2020, 20 years of work, 3 at the grassroots.
const career = (unitId: number) => [
  { title: '科员', level: '副科', from: '2012-03-01', to: '2020-03-01', unitId },
  { title: '科长', level: '正科', from: '2020-03-01', unitId },
];

beforeAll(async () => {
  t = await createTestApp({ orgCount: 60 });
  officer = await t.login('cadre-officer');
  city = t.city.sampleIds.city;
  districtOfficer = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: t.city.sampleIds.district });
  const unit = await buildUnit(t.db, { managerOrgId: city, name: '市发展和改革委员会', level: '正处' });
  const unit2 = await buildUnit(t.db, { managerOrgId: city, name: '市统计局', level: '正处' });
  ids.unit = unit.id;
  ids.unit2 = unit2.id;
  ids.deputy = (
    await buildPost(t.db, { unitId: unit.id, title: '副主任', level: '副处', probationKind: 'department-deputy-or-internal' })
  ).id;
  ids.plain = (await buildPost(t.db, { unitId: unit2.id, title: '副局长', level: '副处', probationKind: 'other' })).id;
  ids.solo = (await buildPost(t.db, { unitId: unit2.id, title: '总经济师', level: '副处', probationKind: 'other' })).id;
  const headPost = await buildPost(t.db, { unitId: unit.id, title: '主任', level: '正处', principal: true });
  const mk = (name: string, extra: object = {}) =>
    buildCadre(t.db, { managerOrgId: city, name, workStart: '2006-07', grassrootsMonths: 36, posts: career(unit.id), ...extra });
  ids.c1 = (await mk('甲选人')).id;
  ids.c2 = (await mk('乙选人')).id;
  ids.c3 = (await mk('丙选人', { grassrootsMonths: 0 })).id;
  ids.c6 = (await mk('丁选人')).id;
  ids.c7 = (await mk('戊选人', { eduRank: 5 })).id;
  // 乙's husband leads the unit 乙 is proposed for: a direct superior–subordinate line (回避).
  ids.head = (
    await buildCadre(t.db, {
      managerOrgId: city,
      name: '己主任',
      posts: [{ title: '主任', level: '正处', from: '2019-01-01', unitId: unit.id, principal: true }],
    })
  ).id;
  await t.db.updateTable('cadre_appointments').set({ post_id: headPost.id }).where('cadre_id', '=', ids.head).execute();
  await linkRelative(t.db, ids.c2, ids.head, '丈夫', '己主任');
});
afterAll(async () => {
  await t?.close();
});

type Sel = ReturnType<typeof json> & { id: number; version: number };
const get = async (id: number, cookie = officer): Promise<Sel> => json(await t.call(cookie, 'GET', `/api/cadre-selections/${id}`));
const post = (id: number, path: string, body: object) => t.call(officer, 'POST', `/api/cadre-selections/${id}/${path}`, body);
const advance = async (id: number, to: string) => post(id, 'advance', { to, version: (await get(id)).version });
const candidateId = (s: Sel, cadreId: number): number => s.candidates.find((c: { cadreId: number }) => c.cadreId === cadreId).id;

async function open(title: string, postIds: number[], candidates: { cadreId: number; postId: number }[], nonCompetitiveReason?: string) {
  const res = await t.call(officer, 'POST', '/api/cadre-selections', {
    title,
    postIds,
    motionOn: '2026-08-03',
    grounds: '领导职位空缺，需及时选配',
    scope: '市直机关',
    way: '民主推荐',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = json(res).id as number;
  expect((await advance(id, '民主推荐')).statusCode).toBe(200);
  const rec = await post(id, 'recommendation', {
    meeting: {
      heldOn: '2026-08-10',
      categories: [
        { category: '领导班子成员', voters: 9, ballots: 9 },
        { category: '中层干部', voters: 30, ballots: 28 },
      ],
    },
    talks: { heldOn: '2026-08-11', talkCount: 25 },
    nonCompetitiveReason,
    candidates: candidates.map((c, i) => ({ ...c, votes: 30 - i, trainingHours: 600 })),
  });
  expect(rec.statusCode, rec.body).toBe(200);
  expect((await advance(id, '考察')).statusCode).toBe(200);
  const ins = await post(id, 'inspection', { startedOn: '2026-08-20', team: ['张组长', '李组员'], talkedTo: 32, report: '考察材料' });
  expect(ins.statusCode).toBe(200);
  return id;
}

const closeAll = async (id: number, cadreId: number, except: string[] = []) => {
  const s = await get(id);
  for (const item of Object.keys(FOUR_MUSTS).filter((k) => !except.includes(k))) {
    const res = await post(id, 'four-musts', {
      candidateId: candidateId(s, cadreId),
      item,
      evidence: `${item} 已核`,
      attachmentName: 'a.pdf',
    });
    expect(res.statusCode, res.body).toBe(200);
  }
};

let main: number;

describe('the selection procedure', () => {
  it('cannot leave 考察 with a 凡提四必 item open: the refusal names the item and the article', async () => {
    main = await open(
      '市发改委副主任选拔',
      [ids.deputy],
      [
        { cadreId: ids.c1, postId: ids.deputy },
        { cadreId: ids.c2, postId: ids.deputy },
      ],
    );
    await closeAll(main, ids.c1, ['complaints']);
    await closeAll(main, ids.c2);
    const s = await get(main);
    expect(s.next).toMatchObject({ step: '讨论决定', ok: false });
    const res = await advance(main, '讨论决定');
    expect(res.statusCode).toBe(409);
    const msg = json(res).error.message as string;
    expect(msg).toContain(`甲选人：“${FOUR_MUSTS.complaints}”尚未完成`);
    expect(msg).toContain(SELECTION_ARTICLES.fourMusts);
    expect((await get(main)).step).toBe('考察');
    const c1 = (await get(main)).candidates.find((c: { cadreId: number }) => c.cadreId === ids.c1);
    expect(c1.fourMusts.find((m: { item: string }) => m.item === 'file').record).toMatchObject({
      evidence: 'file 已核',
      closedOn: expect.any(String),
    });
  });

  it('flags avoidance before 讨论决定 and proceeds only with a recorded decision (audited)', async () => {
    await closeAll(main, ids.c1, ['file', 'personalMatters', 'disciplineOpinion']);
    const s = await get(main);
    const c2 = s.candidates.find((c: { cadreId: number }) => c.cadreId === ids.c2);
    expect(c2.avoidance.flags).toHaveLength(1);
    expect(c2.avoidance.flags[0]).toMatchObject({ withCadreId: ids.head, relation: '丈夫' });
    expect(c2.avoidance.flags[0].message).toContain(AVOIDANCE_ARTICLE);
    const refused = await advance(main, '讨论决定');
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toContain('乙选人：存在回避情形');
    const d = await post(main, 'avoidance', { candidateId: c2.id, reason: '拟任职后交流至其他单位，部务会研究同意' });
    expect(d.statusCode, d.body).toBe(200);
    await expectAuditRow(t.db, { action: 'cadre.selection.avoidance', result: 'success', objectType: 'cadre_selection', objectId: main });
    expect((await advance(main, '讨论决定')).statusCode).toBe(200);
  });

  it('refuses a 上会 vote without quorum, with the article, and decides each candidate by more than half of all members', async () => {
    const s = await get(main);
    const [a, b] = [candidateId(s, ids.c1), candidateId(s, ids.c2)];
    const votes = [
      { candidateId: a, inFavor: 6, against: 1, abstain: 0 },
      { candidateId: b, inFavor: 4, against: 2, abstain: 1 },
    ];
    const few = await post(main, 'meeting', {
      heldOn: '2026-09-25',
      body: '常委会',
      members: 9,
      present: ['一', '二', '三', '四', '五'],
      votes,
    });
    expect(few.statusCode).toBe(409);
    expect(json(few).error.message).toContain('不足三分之二');
    expect(json(few).error.message).toContain(SELECTION_ARTICLES.decision);
    expect((await get(main)).meeting).toBeNull();
    const ok = await post(main, 'meeting', {
      heldOn: '2026-09-25',
      body: '常委会',
      members: 9,
      present: ['一', '二', '三', '四', '五', '六', '七'],
      votes,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = json(ok);
    expect(after.meeting.quorate).toBe(true);
    expect(after.candidates.map((c: { vote: { passed: boolean } }) => c.vote.passed)).toEqual([true, false]);
    expect(after.candidates[1].droppedReason).toBe('讨论决定未获通过');
  });

  it('ends the 公示 after the National Day week and appoints with 任职时间 = the decision date and a 试用期 where it applies', async () => {
    const preview = json(await t.call(officer, 'GET', '/api/cadre-selections/publicity-preview?startOn=2026-09-28'));
    expect(preview.endOn).toBe(publicityEnd('2026-09-28'));
    expect(preview.endOn > '2026-10-07').toBe(true);
    expect(preview.holidays.map((h: { name: string }) => h.name)).toContain('国庆节');
    expect((await advance(main, '任前公示')).statusCode).toBe(200);
    const p = await post(main, 'publicity', { startOn: '2026-09-28' });
    expect(p.statusCode, p.body).toBe(200);
    expect(json(p).publicity).toMatchObject({ startOn: '2026-09-28', endOn: preview.endOn });
    // An objection open holds 任职 back.
    await post(main, 'objections', {
      candidateId: candidateId(await get(main), ids.c1),
      receivedOn: '2026-09-29',
      text: '反映其工作作风问题',
    });
    const held = await advance(main, '任职');
    expect(held.statusCode).toBe(409);
    expect(json(held).error.message).toContain('未办结');
    const oid = (await get(main)).objections[0].id;
    expect((await post(main, 'objections/handle', { objectionId: oid, status: 'handled', handling: '经核查不属实' })).statusCode).toBe(200);
    expect((await advance(main, '任职')).statusCode).toBe(200);
    const noTalk = await post(main, 'appoint', {
      docNo: '市委干〔2026〕88号',
      docOn: '2026-10-12',
      appointmentTalk: { on: '2026-10-13', by: '王部长' },
    });
    expect(noTalk.statusCode).toBe(400);
    const a = await post(main, 'appoint', {
      docNo: '市委干〔2026〕88号',
      docOn: '2026-10-12',
      appointmentTalk: { on: '2026-10-13', by: '王部长' },
      integrityTalk: { on: '2026-10-13', by: '纪委派驻组' },
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(json(a)).toMatchObject({ step: '试用期', status: 'open', appointment: { people: 1 } });
    const rows = await t.db
      .selectFrom('cadre_appointments')
      .selectAll()
      .where('cadre_id', '=', ids.c1)
      .where('post_id', '=', ids.deputy)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decided_on: '2026-09-25', doc_no: '市委干〔2026〕88号', probation_until: '2027-09-25', level: '副处' });
    expect(
      await t.db.selectFrom('cadre_appointments').select('id').where('cadre_id', '=', ids.c2).where('post_id', '=', ids.deputy).execute(),
    ).toHaveLength(0);
    const record = await t.call(officer, 'GET', `/api/cadre-selections/${main}/record.pdf`);
    expect(record.statusCode).toBe(200);
    expect(record.headers['content-type']).toContain('application/pdf');
    const packet = await t.call(officer, 'GET', `/api/cadre-selections/${main}/packet.pdf`);
    expect(packet.statusCode, packet.body.slice(0, 200)).toBe(200);
  });

  it('shows an ineligible candidate with the rule and article; an overridable finding is set aside with a reason (audited), a hard one is not', async () => {
    const id = await open(
      '市统计局副局长选拔',
      [ids.plain],
      [
        { cadreId: ids.c3, postId: ids.plain },
        { cadreId: ids.c6, postId: ids.plain },
      ],
    );
    const s = await get(id);
    const c3 = s.candidates.find((c: { cadreId: number }) => c.cadreId === ids.c3);
    const g = c3.eligibility.findings.find((f: { rule: string }) => f.rule === 'grassroots');
    expect(g).toMatchObject({ met: false, overridable: true, article: ELIGIBILITY_ARTICLES.experience, override: null });
    expect(g.reason).toContain(ELIGIBILITY_ARTICLES.experience);
    expect(c3.eligibility).toMatchObject({ eligible: false, blocked: false });
    await closeAll(id, ids.c3);
    await closeAll(id, ids.c6);
    const refused = await advance(id, '讨论决定');
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toContain('丙选人：任职资格不符合且未经认定');
    const o = await post(id, 'override', { candidateId: c3.id, rule: 'grassroots', reason: '长期在重点项目一线工作，经部务会研究认定' });
    expect(o.statusCode, o.body).toBe(200);
    const after = json(o).candidates.find((c: { cadreId: number }) => c.cadreId === ids.c3);
    expect(after.eligibility.eligible).toBe(true);
    expect(after.eligibility.findings.find((f: { rule: string }) => f.rule === 'grassroots').override).toMatchObject({
      reason: expect.stringContaining('重点项目'),
    });
    const audit = await expectAuditRow(t.db, { action: 'cadre.selection.override', result: 'success', objectId: id });
    expect(JSON.stringify(audit.detail)).toContain('grassroots');
    expect((await advance(id, '讨论决定')).statusCode).toBe(200);

    // 中专 for 副处: the education rule admits no exception.
    const hard = await open(
      '市统计局总经济师选拔',
      [ids.solo],
      [{ cadreId: ids.c7, postId: ids.solo }],
      '该职位专业性强，符合条件人选仅一名',
    );
    const c7 = (await get(hard)).candidates[0];
    expect(c7.eligibility.blocked).toBe(true);
    expect(c7.eligibility.findings.find((f: { rule: string }) => f.rule === 'education')).toMatchObject({ met: false, overridable: false });
    const no = await post(hard, 'override', { candidateId: c7.id, rule: 'education', reason: '试图例外' });
    expect(no.statusCode).toBe(409);
  });

  it('does not show a city-managed selection to a district officer: 404, audited', async () => {
    const district = await t.login(districtOfficer.username, districtOfficer.password);
    expect((await t.call(officer, 'GET', `/api/cadre-selections/${main}`)).statusCode).toBe(200);
    const res = await t.call(district, 'GET', `/api/cadre-selections/${main}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'cadre.read',
      result: 'denied',
      objectType: 'cadre_selection',
      objectId: main,
      actorName: districtOfficer.username,
    });
    // Nor open one on a city-managed post: the post answers 404 and the refusal is kept.
    const foreign = await t.call(district, 'POST', '/api/cadre-selections', {
      title: '越权动议',
      postIds: [ids.deputy],
      motionOn: '2026-08-03',
      grounds: '测试',
      way: '民主推荐',
    });
    expect(foreign.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'cadre.select',
      result: 'denied',
      objectType: 'cadre_post',
      objectId: ids.deputy,
      actorName: districtOfficer.username,
    });
    const list = json(await t.call(district, 'GET', '/api/cadre-selections'));
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(main);
    expect(json(await t.call(officer, 'GET', '/api/cadre-selections')).items.map((x: { id: number }) => x.id)).toContain(main);
  });

  it('holds 任职 until the 公示 ends, and appoints without a 试用期 where it does not apply', async () => {
    const id = (json(await t.call(officer, 'GET', '/api/cadre-selections?step=讨论决定')).items as { id: number; title: string }[]).find(
      (x) => x.title === '市统计局副局长选拔',
    )!.id;
    const today = todayCn(t.clock.now());
    const s = await get(id);
    const votes = s.candidates.map((c: { id: number; cadreId: number }) => ({
      candidateId: c.id,
      inFavor: c.cadreId === ids.c3 ? 7 : 2,
      against: 0,
      abstain: 0,
    }));
    const heldOn = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD');
    expect(
      (await post(id, 'meeting', { heldOn, body: '部务会', members: 7, present: ['一', '二', '三', '四', '五', '六', '七'], votes }))
        .statusCode,
    ).toBe(200);
    expect((await advance(id, '任前公示')).statusCode).toBe(200);
    expect((await post(id, 'publicity', { startOn: today })).statusCode).toBe(200);
    const early = await advance(id, '任职');
    expect(early.statusCode).toBe(409);
    expect(json(early).error.message).toContain(`公示期至 ${publicityEnd(today)} 届满`);
    const todos = json(await t.call(officer, 'GET', '/api/todos'));
    expect(todos.items).toContainEqual(
      expect.objectContaining({ kind: 'selection_publicity', dueOn: publicityEnd(today), link: `/cadre-selections/${id}` }),
    );
    t.clock.advanceMinutes(14 * 24 * 60);
    officer = await t.login('cadre-officer');
    expect((await advance(id, '任职')).statusCode).toBe(200);
    const a = await post(id, 'appoint', {
      docNo: '市委组干〔2026〕12号',
      docOn: todayCn(t.clock.now()),
      appointmentTalk: { on: todayCn(t.clock.now()), by: '干部科' },
      integrityTalk: { on: todayCn(t.clock.now()), by: '干部科' },
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(json(a)).toMatchObject({ status: 'closed', step: '任职' });
    const row = await t.db
      .selectFrom('cadre_appointments')
      .selectAll()
      .where('cadre_id', '=', ids.c3)
      .where('post_id', '=', ids.plain)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decided_on: heldOn, probation_until: null });
  });

  it('seeds the demo in every stage, one held at the 凡提四必 gate and one in 公示 across a holiday', async () => {
    for (let i = 0; i < 4; i++)
      await buildPost(t.db, {
        unitId: ids.unit2,
        title: `副职${'一二三四'[i]}`,
        level: '副处',
        probationKind: 'department-deputy-or-internal',
      });
    for (let i = 0; i < 8; i++)
      await buildCadre(t.db, { managerOrgId: city, name: `示范${'甲乙丙丁戊己庚辛'[i]}`, posts: career(ids.unit2) });
    const before = await t.db.selectFrom('cadre_selections').select('id').execute();
    await seedSelectionsDemo(t.db, t.city);
    const rows = await t.db
      .selectFrom('cadre_selections')
      .selectAll()
      .where(
        'id',
        'not in',
        before.map((r) => r.id),
      )
      .execute();
    expect(new Set(rows.map((r) => r.step))).toEqual(
      new Set(['分析研判和动议', '民主推荐', '考察', '讨论决定', '任前公示', '试用期', '任职']),
    );
    const held = await get(rows.find((r) => r.step === '考察')!.id);
    expect(held.next.ok).toBe(false);
    expect(held.next.reasons.join()).toContain(FOUR_MUSTS.complaints);
    const pub = await get(rows.find((r) => r.step === '任前公示')!.id);
    expect(pub.publicity.holidays.length).toBeGreaterThan(0);
    expect(pub.publicity.endOn).toBe(publicityEnd(pub.publicity.startOn));
    const trial = await get(rows.find((r) => r.step === '试用期')!.id);
    expect(trial.candidates[0].probationUntil).not.toBeNull();
  });
});

describe('stopping, avoidance of a list, 竞争上岗 and the records behind the gates', () => {
  const ledger = (cadreId: number, hours: number) =>
    t.db
      .insertInto('learning_credits')
      .values({
        cadre_id: cadreId,
        year: 2025,
        earned_on: '2025-06-01',
        source: 'class',
        source_ref: `t:${cadreId}`,
        title: '党校进修班',
        hours,
      })
      .execute();

  it('stops a selection with its reason (audited): read-only after, gone from the list of open ones', async () => {
    const id = await open(
      '市统计局副局长选拔（终止）',
      [ids.plain],
      [
        { cadreId: ids.c1, postId: ids.plain },
        { cadreId: ids.c6, postId: ids.plain },
      ],
    );
    const empty = await post(id, 'stop', { reason: ' ', version: (await get(id)).version });
    expect(empty.statusCode).toBe(400);
    const res = await post(id, 'stop', { reason: '机构改革，该职位撤并', version: (await get(id)).version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ status: 'stopped', step: '考察', stopped: { reason: '机构改革，该职位撤并' }, next: { step: null } });
    await expectAuditRow(t.db, { action: 'cadre.selection.stop', result: 'success', objectType: 'cadre_selection', objectId: id });
    const refused = await post(id, 'inspection', { startedOn: '2026-08-20', team: ['张'], talkedTo: 1, report: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toContain('终止');
    const open_ = json(await t.call(officer, 'GET', '/api/cadre-selections?status=open'));
    expect(open_.items.map((x: { id: number }) => x.id)).not.toContain(id);
    // The main selection was appointed: too late to stop.
    const late = await post(main, 'stop', { reason: '不再需要', version: (await get(main)).version });
    expect(late.statusCode).toBe(409);
  });

  it('flags two relatives proposed together, in a selection and in a proposed list, with the rule cited', async () => {
    const a = (await buildCadre(t.db, { managerOrgId: city, name: '庚兄', posts: career(ids.unit) })).id;
    const b = (await buildCadre(t.db, { managerOrgId: city, name: '庚弟', posts: career(ids.unit) })).id;
    await linkRelative(t.db, a, b, '弟弟', '庚弟');
    const list = await t.call(officer, 'POST', '/api/cadre-selections/avoidance-check', {
      items: [
        { cadreId: a, postId: ids.plain },
        { cadreId: b, postId: ids.solo },
        { cadreId: ids.c6, postId: ids.deputy },
      ],
    });
    expect(list.statusCode, list.body).toBe(200);
    const r = json(list);
    expect(r.flagged).toBe(2);
    expect(r.items[0].flags[0]).toMatchObject({
      withCadreId: b,
      relation: '弟弟',
      conflict: 'same-leader',
      proposed: true,
      article: AVOIDANCE_ARTICLE,
    });
    expect(r.items[1].flags[0]).toMatchObject({ withCadreId: a, proposed: true });
    expect(r.items[2].flags).toEqual([]);
    // The same pair as two candidates of one selection, each for a post of the same unit.
    await ledger(a, 600);
    await ledger(b, 600);
    const id = await open(
      '市统计局班子成员选拔',
      [ids.plain, ids.solo],
      [
        { cadreId: a, postId: ids.plain },
        { cadreId: b, postId: ids.solo },
      ],
      '两个职位分别推荐',
    );
    const s = await get(id);
    const ca = s.candidates.find((c: { cadreId: number }) => c.cadreId === a);
    expect(ca.avoidance.flags[0]).toMatchObject({ withCadreId: b, proposed: true });
    expect(ca.avoidance.flags[0].message).toContain('双方均为拟任人选');
    // Training from the ledger (approved, 5 years), cited with its source.
    expect(ca.eligibility.findings.find((f: { rule: string }) => f.rule === 'training')).toMatchObject({
      met: true,
      reason: expect.stringContaining('学时台账'),
    });
  });

  it('shows the 个人有关事项报告 check at the gate and refuses to close it over an unexplained finding', async () => {
    await t.db
      .insertInto('cadre_matter_reports')
      .values({ cadre_id: ids.c6, year: 2026, filed_on: '2026-03-01', check_kind: '重点', finding: '漏报配偶持有股票一项' })
      .execute();
    const id = await open(
      '市发改委副主任选拔（查核）',
      [ids.deputy],
      [
        { cadreId: ids.c6, postId: ids.deputy },
        { cadreId: ids.c1, postId: ids.deputy },
      ],
    );
    const c = (await get(id)).candidates.find((x: { cadreId: number }) => x.cadreId === ids.c6);
    expect(c.fourMustEvidence.personalMatters).toMatchObject({ findingOpen: true, report: { year: 2026, checkKind: '重点' } });
    expect(c.fourMustEvidence.file.missing).toContain('出生时间');
    const body = { candidateId: c.id, item: 'personalMatters', evidence: '查核报告' };
    const refused = await post(id, 'four-musts', body);
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toContain('漏报配偶持有股票一项');
    const ok = await post(id, 'four-musts', { ...body, explanation: '本人已作说明并补报，经研究不影响使用' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  const fresh = {} as Record<'f1' | 'f2' | 'f3', number>;
  it('runs 竞争上岗: sign-up, review by the eligibility rule, scores ranked, the chosen into 考察', async () => {
    const mk = (name: string, extra: object = {}) =>
      buildCadre(t.db, { managerOrgId: city, name, workStart: '2006-07', grassrootsMonths: 36, posts: career(ids.unit), ...extra });
    fresh.f1 = (await mk('竞一')).id;
    fresh.f2 = (await mk('竞二')).id;
    fresh.f3 = (await mk('竞三', { grassrootsMonths: 0 })).id;
    for (const f of Object.values(fresh)) await ledger(f, 600);
    const res = await t.call(officer, 'POST', '/api/cadre-selections', {
      title: '市统计局副局长竞争上岗',
      postIds: [ids.plain],
      motionOn: '2026-08-03',
      grounds: '职位空缺，竞争上岗',
      way: '竞争上岗',
    });
    const id = json(res).id as number;
    expect((await advance(id, '民主推荐')).statusCode).toBe(200);
    for (const cadreId of [fresh.f1, fresh.f3, fresh.f2])
      expect((await post(id, 'applicants', { cadreId, postId: ids.plain, signedUpOn: '2026-08-05' })).statusCode).toBe(200);
    const dup = await post(id, 'applicants', { cadreId: fresh.f1, postId: ids.plain, signedUpOn: '2026-08-05' });
    expect(dup.statusCode).toBe(409);
    const ap = (await get(id)).applicants as { id: number; cadreId: number }[];
    const of = (cadreId: number) => ap.find((x) => x.cadreId === cadreId)!.id;
    // 竞三 has no grassroots years: the rule refuses to qualify him, with the article.
    const bad = await post(id, 'applicants/review', { applicantId: of(fresh.f3), qualified: true });
    expect(bad.statusCode).toBe(409);
    expect(json(bad).error.message).toContain(ELIGIBILITY_ARTICLES.experience);
    expect((await post(id, 'applicants/review', { applicantId: of(fresh.f3), qualified: false, note: '基层经历不足' })).statusCode).toBe(
      200,
    );
    for (const c of [fresh.f1, fresh.f2])
      expect((await post(id, 'applicants/review', { applicantId: of(c), qualified: true })).statusCode).toBe(200);
    const unscored = await post(id, 'applicants/scores', { applicantId: of(fresh.f3), writtenScore: 90 });
    expect(unscored.statusCode).toBe(409);
    await post(id, 'applicants/scores', { applicantId: of(fresh.f1), writtenScore: 82, interviewScore: 88, evaluationNote: '优秀率 80%' });
    const sc = await post(id, 'applicants/scores', { applicantId: of(fresh.f2), writtenScore: 90, interviewScore: 86 });
    const ranked = json(sc).applicants as { cadreId: number; total: number; rank: number }[];
    expect(ranked.find((x) => x.cadreId === fresh.f2)).toMatchObject({ total: 88, rank: 1 });
    expect(ranked.find((x) => x.cadreId === fresh.f1)).toMatchObject({ total: 85, rank: 2 });
    const notQualified = await post(id, 'applicants/choose', { applicantIds: [of(fresh.f3)] });
    expect(notQualified.statusCode).toBe(409);
    const chosen = await post(id, 'applicants/choose', { applicantIds: [of(fresh.f1), of(fresh.f2)] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(
      json(chosen)
        .candidates.map((c: { cadreId: number }) => c.cadreId)
        .sort(),
    ).toEqual([fresh.f1, fresh.f2].sort());
    expect(json(chosen).recommendation.competition).toEqual({ applicants: 3, qualified: 2, chosen: 2 });
    expect((await advance(id, '考察')).statusCode).toBe(200);
    await expectAuditRow(t.db, { action: 'cadre.selection.choose', result: 'success', objectType: 'cadre_selection', objectId: id });
  });

  it('checks every serving cadre in scope against a post (eligible, by 破格 only, barred)', async () => {
    const res = await t.call(officer, 'GET', `/api/cadre-selections/eligible?postId=${ids.plain}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = json(res);
    expect(r.checked).toBe(r.notPromotion + r.eligible + r.exceptional + r.barred);
    const f1 = r.items.find((x: { cadreId: number }) => x.cadreId === fresh.f1);
    expect(f1).toMatchObject({ unmet: [] });
    const f3 = r.items.find((x: { cadreId: number }) => x.cadreId === fresh.f3);
    expect(f3.unmet.join()).toContain('基层工作经历 0 年');
    const district = await t.login(districtOfficer.username, districtOfficer.password);
    const other = await t.call(district, 'GET', `/api/cadre-selections/eligible?postId=${ids.plain}`);
    expect(other.statusCode).toBe(404);
  });
});

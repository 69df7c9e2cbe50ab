// 民主测评 through the API: codes vote once, ballots carry nothing that links them to a code or a voter,
// the turnout is counted, results only after closing, scope by 干部管理权限, the public routes refuse bad
// codes cleanly and are rate-limited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/engine.js';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { normalizeCode } from '../../../domain/rules/democratic-evaluation.js';
import { seedEvaluationsDemo } from './demo.js';

/** Test-only: a unit managed by `managerOrgId`, its team, and cadres in its posts now (open appointments). */
async function buildTeam(db: Db, managerOrgId: number, unitName: string, people: [string, string][]) {
  const unit = await db
    .insertInto('cadre_units')
    .values({ manager_org_id: managerOrgId, name: unitName, kind: '政府部门', level: '正处' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('cadre_teams')
    .values({ unit_id: unit.id, name: `${unitName}领导班子` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cadreIds: number[] = [];
  for (const [i, [name, title]] of people.entries()) {
    const c = await db.insertInto('cadres').values({ manager_org_id: managerOrgId, name }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('cadre_appointments')
      .values({ cadre_id: c.id, unit_id: unit.id, title, decided_on: '2023-03-01', principal: i === 0, sort: i })
      .execute();
    cadreIds.push(Number(c.id));
  }
  return { unitId: Number(unit.id), teamId: Number(team.id), cadreIds };
}

const BODY = {
  title: '2026年度市发改委领导班子和领导干部民主测评',
  dimensions: [
    { label: '德', weight: 60 },
    { label: '绩', weight: 40 },
  ],
  answerSet: 'grade',
  teamAnswerSet: 'satisfaction',
  categories: [
    { name: '班子成员', weight: 70, codes: 3 },
    { name: '干部职工代表', weight: 30, codes: 2 },
  ],
};

let t: TestApp;
let officer: string;
let districtOfficer: string;
let cityTeam: Awaited<ReturnType<typeof buildTeam>>;
let districtTeam: Awaited<ReturnType<typeof buildTeam>>;
let evalId: number;
let codes: { c1: string[]; c2: string[] };

const vote = (code: string, answers: unknown) => t.call(null, 'POST', '/api/public/evaluations/vote', { code, answers });
const ballot = (code: string) => t.call(null, 'POST', '/api/public/evaluations/ballot', { code });

beforeAll(async () => {
  t = await createTestApp({ orgCount: 50 });
  cityTeam = await buildTeam(t.db, t.city.sampleIds.city, '市发改委', [
    ['张主任', '市发改委主任'],
    ['李副主任', '市发改委副主任'],
  ]);
  districtTeam = await buildTeam(t.db, t.city.sampleIds.district, '区财政局', [['王局长', '区财政局局长']]);
  officer = await t.login('cadre-officer');
  const d = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: t.city.sampleIds.district, username: 'district-cadre-officer' });
  districtOfficer = await t.login(d.username, d.password);

  const created = await t.call(officer, 'POST', '/api/cadre-evaluations', { ...BODY, teamId: cityTeam.teamId });
  expect(created.statusCode, created.body).toBe(201);
  evalId = json(created).id;
  const issued = await t.call(officer, 'POST', `/api/cadre-evaluations/${evalId}/codes`, {
    items: [
      { category: 'c1', count: 3 },
      { category: 'c2', count: 2 },
    ],
  });
  expect(issued.statusCode, issued.body).toBe(200);
  const items = json(issued).items as { category: string; codes: string[] }[];
  codes = { c1: items[0].codes, c2: items[1].codes };
});
afterAll(async () => {
  await t?.close();
});

describe('setting up', () => {
  it('freezes the team and the people in its unit’s posts at creation', async () => {
    const d = json(await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}`));
    expect(d.status).toBe('draft');
    expect(d.subjects.map((s: { seq: number; kind: string; name: string }) => [s.seq, s.kind, s.name])).toEqual([
      [0, 'team', '市发改委领导班子'],
      [1, 'cadre', '张主任'],
      [2, 'cadre', '李副主任'],
    ]);
    expect(d.dimensions).toEqual([
      { key: 'd1', label: '德', weight: 60 },
      { key: 'd2', label: '绩', weight: 40 },
    ]);
    // A later appointment does not change the evaluation.
    const c = await t.db
      .insertInto('cadres')
      .values({ manager_org_id: t.city.sampleIds.city, name: '新来的' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('cadre_appointments')
      .values({ cadre_id: c.id, unit_id: cityTeam.unitId, title: '副主任', decided_on: '2026-11-01' })
      .execute();
    expect(json(await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}`)).subjects).toHaveLength(3);
    await expectAuditRow(t.db, { action: 'evaluation.create', result: 'success', objectType: 'cadre_evaluation', objectId: evalId });
  });

  it('answers the codes once, formatted for slips, and keeps only their keyed hashes', async () => {
    expect([...codes.c1, ...codes.c2].every((c) => /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/.test(c))).toBe(true);
    expect(new Set([...codes.c1, ...codes.c2]).size).toBe(5);
    const stored = await t.db.selectFrom('cadre_evaluation_codes').selectAll().where('evaluation_id', '=', evalId).execute();
    const crypto = new IdCrypto(TEST_KEYS);
    expect(stored.map((r) => r.code_hash).sort()).toEqual(
      [...codes.c1, ...codes.c2].map((c) => crypto.ballotCodeHash(normalizeCode(c)!)).sort(),
    );
    const dump = JSON.stringify(stored);
    for (const c of [...codes.c1, ...codes.c2]) expect(dump).not.toContain(normalizeCode(c));
    await expectAuditRow(t.db, { action: 'evaluation.codes', result: 'success', objectId: evalId });
  });

  it('refuses votes before it opens', async () => {
    const r = await vote(codes.c1[0], { 1: { d1: 'excellent' } });
    expect([r.statusCode, json(r).error.code]).toEqual([409, 'NOT_OPEN']);
    expect((await ballot(codes.c1[0])).statusCode).toBe(409);
  });
});

describe('voting', () => {
  it('opens, shows the ballot to a valid code and takes one vote per code', async () => {
    expect((await t.call(officer, 'POST', `/api/cadre-evaluations/${evalId}/open`, {})).statusCode).toBe(200);
    const b = json(await ballot(codes.c1[0].toLowerCase().replace('-', ' ')));
    expect(b.categoryName).toBe('班子成员');
    expect(b.subjects).toHaveLength(3);
    expect(b.subjects[0]).not.toHaveProperty('cadreId');

    const auditBefore = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const first = await vote(codes.c1[0], { 0: { overall: 'satisfied' }, 1: { d1: 'excellent', d2: 'competent' }, 2: { d1: 'competent' } });
    expect(first.statusCode, first.body).toBe(200);
    // Voting writes no audit row: it would carry a time and an address.
    const auditAfter = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);

    const again = await vote(codes.c1[0], { 0: { overall: 'fair' } });
    expect([again.statusCode, json(again).error.code]).toEqual([409, 'CODE_USED']);
    expect(json(again).error.message).toContain('只能使用一次');
    expect(json(await ballot(codes.c1[0])).error.code).toBe('CODE_USED');
  });

  it('takes exactly one of two simultaneous votes with the same code', async () => {
    const [a, b] = await Promise.all([vote(codes.c1[1], { 0: { overall: 'unknown' } }), vote(codes.c1[1], { 0: { overall: 'unknown' } })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('refuses a ballot with an unknown answer and leaves the code unspent', async () => {
    const r = await vote(codes.c2[0], { 1: { d1: 'satisfied' } });
    expect([r.statusCode, json(r).error.code]).toEqual([400, 'INVALID']);
    const ok = await vote(codes.c2[0], { 0: { overall: 'dissatisfied' }, 1: { d1: 'basic', d2: 'incompetent' } });
    expect(ok.statusCode).toBe(200);
  });

  it('stores ballots with a random key and nothing that links them to a code, a voter or a time', async () => {
    const cols = await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns
      where table_name = 'cadre_evaluation_ballots' order by column_name`.execute(t.db);
    expect(cols.rows.map((c) => [c.column_name, c.data_type])).toEqual([
      ['answers', 'jsonb'],
      ['category', 'text'],
      ['evaluation_id', 'bigint'],
      ['id', 'uuid'],
    ]);
    const codeCols = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name = 'cadre_evaluation_codes' order by column_name`.execute(t.db);
    expect(codeCols.rows.map((c) => c.column_name)).toEqual(['category', 'code_hash', 'evaluation_id', 'used']);
    const rows = await t.db.selectFrom('cadre_evaluation_ballots').selectAll().where('evaluation_id', '=', evalId).execute();
    expect(rows).toHaveLength(3);
    const hashes = (await t.db.selectFrom('cadre_evaluation_codes').select('code_hash').execute()).map((r) => r.code_hash);
    const dump = JSON.stringify(rows);
    for (const h of hashes) expect(dump).not.toContain(h);
    for (const c of [...codes.c1, ...codes.c2]) expect(dump).not.toContain(normalizeCode(c));
  });

  it('shows the codes used per category live', async () => {
    const d = json(await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}`));
    expect(d.categories.map((c: { key: string; issued: number; used: number }) => [c.key, c.issued, c.used])).toEqual([
      ['c1', 3, 2],
      ['c2', 2, 1],
    ]);
    const list = json(await t.call(officer, 'GET', '/api/cadre-evaluations'));
    expect(list.items.find((x: { id: number }) => x.id === evalId)).toMatchObject({ issued: 5, used: 3, subjects: 2, status: 'open' });
  });

  it('shows no results before closing', async () => {
    const r = await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}/results`);
    expect([r.statusCode, json(r).error.code]).toEqual([409, 'NOT_CLOSED']);
  });
});

describe('results', () => {
  it('closes, refuses later votes and counts the ballots', async () => {
    expect(json(await t.call(officer, 'POST', `/api/cadre-evaluations/${evalId}/close`, {})).status).toBe('closed');
    const late = await vote(codes.c1[2], { 0: { overall: 'fair' } });
    expect([late.statusCode, json(late).error.code]).toEqual([409, 'CLOSED']);
    const r = json(await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}/results`));
    expect(r.ballotsByCategory).toEqual({ c1: 2, c2: 1 });
    const [team, zhang] = r.subjects;
    expect(team.items[0].byCategory.c1).toMatchObject({
      counts: { satisfied: 1, fair: 0, dissatisfied: 0, unknown: 1 },
      answered: 2,
      counted: 1,
      score: 100,
      topRate: 100,
    });
    expect(team.total).toBe(70); // 100 × 0.7 + 0 × 0.3
    // 张主任: c1 d1 优秀 (100), d2 称职 (80) → 92; c2 d1 基本称职 (60), d2 不称职 (0) → 36; 92 × 0.7 + 36 × 0.3
    expect(zhang.byCategory).toEqual({ c1: 92, c2: 36 });
    expect(zhang.total).toBe(75.2);
    expect(zhang.items[0]).toMatchObject({
      label: '德',
      all: { counts: { excellent: 1, competent: 0, basic: 1, incompetent: 0 }, topRate: 50 },
    });
    await expectAuditRow(t.db, { action: 'evaluation.results', result: 'success', actorName: 'cadre-officer' });
  });

  it('exports the results to Excel with a purpose, audited', async () => {
    const r = await t.call(officer, 'GET', `/api/cadre-evaluations/${evalId}/export?purpose=${encodeURIComponent('干部考察')}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const row = await expectAuditRow(t.db, { action: 'evaluation.export', result: 'success' });
    expect(row.detail).toMatchObject({ evaluationId: evalId, purpose: '干部考察' });
  });
});

describe('scope (干部管理权限)', () => {
  it('answers a district officer 404 for a city-managed team’s evaluation, audited', async () => {
    for (const url of [`/api/cadre-evaluations/${evalId}`, `/api/cadre-evaluations/${evalId}/results`]) {
      const r = await t.call(districtOfficer, 'GET', url);
      expect(r.statusCode).toBe(404);
    }
    await expectAuditRow(t.db, {
      action: 'cadre.evaluate',
      result: 'denied',
      objectType: 'cadre_evaluation',
      objectId: evalId,
      actorName: 'district-cadre-officer',
    });
    expect(json(await t.call(districtOfficer, 'GET', '/api/cadre-evaluations')).items.map((x: { id: number }) => x.id)).not.toContain(
      evalId,
    );
    const c = await t.call(districtOfficer, 'POST', '/api/cadre-evaluations', { ...BODY, teamId: cityTeam.teamId });
    expect(c.statusCode).toBe(404);
  });

  it('lets the district officer run their own team’s, which the city officer sees too', async () => {
    const teams = json(await t.call(districtOfficer, 'GET', '/api/cadre-evaluations/teams')).items;
    expect(teams.map((x: { id: number }) => x.id)).toEqual([districtTeam.teamId]);
    const c = await t.call(districtOfficer, 'POST', '/api/cadre-evaluations', { ...BODY, teamId: districtTeam.teamId });
    expect(c.statusCode, c.body).toBe(201);
    expect((await t.call(officer, 'GET', `/api/cadre-evaluations/${json(c).id}`)).statusCode).toBe(200);
  });

  it('evaluates a list of cadres without a team item', async () => {
    const c = await t.call(officer, 'POST', '/api/cadre-evaluations', { ...BODY, cadreIds: cityTeam.cadreIds });
    expect(c.statusCode, c.body).toBe(201);
    expect(json(c).subjects.map((s: { seq: number; kind: string }) => [s.seq, s.kind])).toEqual([
      [1, 'cadre'],
      [2, 'cadre'],
    ]);
    const both = await t.call(officer, 'POST', '/api/cadre-evaluations', { ...BODY, cadreIds: cityTeam.cadreIds, teamId: cityTeam.teamId });
    expect(both.statusCode).toBe(400);
    const weightless = await t.call(officer, 'POST', '/api/cadre-evaluations', {
      ...BODY,
      cadreIds: cityTeam.cadreIds,
      categories: [{ name: '班子成员', weight: 0, codes: 3 }],
    });
    expect([weightless.statusCode, json(weightless).error.field]).toEqual([400, 'categories']);
  });
});

describe('the demo', () => {
  it('seeds a finished evaluation with ballots and an open one from the city’s teams, and nothing where there are none', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('cadre_evaluations')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedEvaluationsDemo(t.db, { ...t.city, sampleIds: { ...t.city.sampleIds, city: t.city.sampleIds.branch } }, TEST_KEYS);
    expect(await count()).toBe(before);
    await seedEvaluationsDemo(t.db, t.city, TEST_KEYS);
    const list = json(await t.call(officer, 'GET', '/api/cadre-evaluations')).items.slice(0, 2);
    expect(list.map((x: { status: string }) => x.status).sort()).toEqual(['closed', 'open']);
    const closed = list.find((x: { status: string }) => x.status === 'closed');
    const r = json(await t.call(officer, 'GET', `/api/cadre-evaluations/${closed.id}/results`));
    expect(Object.values(r.ballotsByCategory as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(closed.used);
    expect(r.subjects[1].total).toBeGreaterThan(50);
  });
});

describe('the public routes', () => {
  it('refuse a wrong, malformed or empty code without a 5xx', async () => {
    for (const code of ['ABCDE-FGHJK', 'nonsense!!', '0000000000', 'x'.repeat(24)]) {
      const r = await ballot(code);
      expect([r.statusCode, json(r).error.code], code).toEqual([404, 'CODE_INVALID']);
      expect((await vote(code, { 0: { overall: 'fair' } })).statusCode).toBe(404);
    }
    for (const body of [{}, { code: '' }, { code: 12 }, { code: 'ABCDE-FGHJK', answers: 'x' }, { code: 'ABCDE-FGHJK', extra: 1 }]) {
      const r = await t.call(null, 'POST', '/api/public/evaluations/vote', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('are rate-limited per address against guessing codes', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 130 && !seen.has(429); i++) seen.add((await ballot(`ABCDE-FGH${'JKMNP'[i % 5]}${i % 10}`)).statusCode);
    expect(seen.has(429)).toBe(true);
    expect([...seen].every((s) => s < 500)).toBe(true);
  });
});

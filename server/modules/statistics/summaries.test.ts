// The summaries stay exact after every kind of change (ISSUE 5 point 4): a member added, edited
// (birth date through the ID number, education, category), moved with their organization, changed
// in status, deleted, a bulk import, an organization created or dissolved. After each: no cell
// differs from a fresh count, and the tables equal the bare scan. The SQL rules agree with domain/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import dayjs from 'dayjs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { COUNTED_STATUSES, MEMBER_STATUSES } from '../../../domain/member-status.js';
import { JOINING_PERIODS, joiningPeriod } from '../../../domain/rules/members.js';
import { BASIC_ORG_KINDS, addMonthsYm } from '../../../domain/rules/statistics.js';
import { ORG_KINDS } from '../../../domain/org-kinds.js';
import { idNumberFor } from '../members/id-numbers.js';
import { insertMembers, type NewMember } from '../members/insert-member.js';
import { CELL_TABLES } from './cell-tables.js';
import { scanTable } from './scan.js';
import { buildTable } from './tables.js';
import { compactSummaries, vacuumSummaries, wantedRefs } from './summaries.js';

let t: TestApp;
let cityAdmin: string;
let M: string;
let today: string;
let yearEnd: string;

beforeAll(async () => {
  t = await createTestApp();
  cityAdmin = await t.login('city-admin');
  today = dayjs(t.clock.now()).format('YYYY-MM-DD');
  M = today.slice(0, 7);
  yearEnd = `${Number(M.slice(0, 4)) - 1}-12`;
});
afterAll(async () => {
  await t?.close();
});

const mismatches = async () => (await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(t.db)).rows[0].n;

/** No cell differs from a fresh count, and every member/organization table of the city equals the scan (now and a past month). */
async function expectExact() {
  expect(await mismatches()).toBe(0);
  const city = await t.db.selectFrom('orgs').selectAll().where('id', '=', t.city.sampleIds.city).executeTakeFirstOrThrow();
  // Now, a month older than the kept ones (the scan, counts.ts), a recent past month and last year
  // end (kept reference dates: their ref cells).
  for (const def of CELL_TABLES) {
    for (const month of [M, addMonthsYm(M, -18), addMonthsYm(M, -3), yearEnd]) {
      const res = await t.call(cityAdmin, 'GET', `/api/statistics/tables/${def.code}?month=${month}`);
      expect(res.statusCode).toBe(200);
      const scan = await scanTable(t.db, { org: city, code: def.code, month, ageBands: json(res).ageBands, scopePath: city.path });
      expect(json(res).rows).toEqual(scan.rows);
    }
  }
}

const cityTotal = async (code = 'basic', col = 'total', qs = '') =>
  json(await t.call(cityAdmin, 'GET', `/api/statistics/tables/${code}?${qs}`)).rows[0].cells[col] as number;

function newMember(orgId: number, i: number, over: Partial<NewMember> = {}): NewMember {
  const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`;
  const gender = i % 2 ? '男' : '女';
  return {
    org_id: orgId,
    name: `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10) % 10]}`,
    gender,
    category: 'full',
    birth_date: birth,
    idNumber: idNumberFor('110105', birth, i, gender),
    ethnicity: i % 7 ? '汉族' : '回族',
    edu_fulltime: 'bachelor',
    occupation: 'professional',
    admitted_on: '2015-07-01',
    full_on: '2016-07-01',
    status_since: '2015-07-01',
    ...over,
  };
}

describe('summaries kept exact', () => {
  it('start exact (the demo city was written through the triggers), with the last 13 month ends and two year ends kept ready', async () => {
    const refs = await t.db.selectFrom('stat_refs').select('ref').execute();
    expect(refs.map((r) => r.ref).sort()).toEqual(wantedRefs(today).sort());
    expect(wantedRefs(today)).toContain(yearEnd);
    expect(wantedRefs(today)).toContain(`${Number(M.slice(0, 4)) - 2}-12`);
    for (let i = 1; i <= 13; i++) expect(wantedRefs(today)).toContain(addMonthsYm(M, -i));
    expect(wantedRefs(today)).not.toContain(M);
    expect(wantedRefs(today)).not.toContain(addMonthsYm(M, -14));
    await expectExact();
    await compactSummaries(t.db);
    await expectExact();
  });

  it('after a member is added, and again once the deltas are folded in', async () => {
    const before = await cityTotal();
    const lastMonth = dayjs(t.clock.now()).subtract(1, 'month').format('YYYY-MM');
    const lastBefore = await cityTotal('basic', 'total', `month=${lastMonth}`);
    const yearEndBefore = await cityTotal('basic', 'total', `month=${yearEnd}`);
    const birth = '1990-05-20';
    const res = await t.call(cityAdmin, 'POST', '/api/members', {
      orgId: t.city.sampleIds.branch,
      name: '统计新增',
      ethnicity: '壮族',
      idNumber: idNumberFor('110101', birth, 3, '女'),
      category: 'probationary',
      admittedOn: today,
      eduFulltime: 'postgraduate',
      occupation: 'student',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await cityTotal()).toBe(before + 1);
    // Admitted this month: not there at the end of last month.
    expect(await cityTotal('basic', 'total', `month=${lastMonth}`)).toBe(lastBefore);
    expect(await cityTotal('basic', 'total', `month=${yearEnd}`)).toBe(yearEndBefore);
    await expectExact();
    await compactSummaries(t.db);
    await expectExact();
  });

  it('vacuum leaves no dead deltas behind once they are folded in (PGlite has no autovacuum)', async () => {
    const size = async () => Number((await sql<{ n: number }>`select pg_relation_size('stat_deltas')::int as n`.execute(t.db)).rows[0].n);
    await t.db
      .transaction()
      .execute((trx) => insertMembers(trx, t.app.deps.idCrypto, null, [newMember(t.city.sampleIds.branch, 7)], t.clock.now()));
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from stat_deltas`.execute(t.db)).rows[0].n)).toBeGreaterThan(0);
    await compactSummaries(t.db);
    expect(await size()).toBeGreaterThan(0);
    await vacuumSummaries(t.db, true);
    expect(await size()).toBe(0);
    await expectExact();
  });

  it('after edits of the birth date (ID number), education and category', async () => {
    const m = await t.db
      .selectFrom('members')
      .select(['id', 'gender', 'version'])
      .where('org_id', '=', t.city.sampleIds.branch)
      .where('status', '=', 'normal')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await t.call(cityAdmin, 'PATCH', `/api/members/${m.id}`, {
      idNumber: idNumberFor('110102', '1961-03-03', 5, m.gender as '男' | '女'),
      eduInservice: 'postgraduate',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.db.selectFrom('members').select('birth_date').where('id', '=', m.id).executeTakeFirstOrThrow()).birth_date).toBe(
      '1961-03-03',
    );
    await t.db.updateTable('members').set({ category: 'probationary', full_on: null }).where('id', '=', m.id).execute();
    // A change of a field the statistics do not use adds no delta.
    const deltas = async () => Number((await sql<{ n: number }>`select count(*)::int as n from stat_deltas`.execute(t.db)).rows[0].n);
    const n = await deltas();
    await t.db.updateTable('members').set({ phone: '13900000000' }).where('id', '=', m.id).execute();
    expect(await deltas()).toBe(n);
    await expectExact();
  });

  it('after status changes (mobile, death) and a deleted record', async () => {
    const [a, b] = await t.db
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', t.city.sampleIds.otherBranch)
      .where('status', '=', 'normal')
      .orderBy('id')
      .limit(2)
      .execute();
    const before = await cityTotal('mobility', 'flowing');
    const flow = await t.call(cityAdmin, 'POST', `/api/member-status/${a.id}`, {
      kind: 'flowing',
      date: today,
      reason: '外出务工',
      flowing: { certificateNo: 'LD-2026-001', place: '深圳市', contact: '13800000000', attendingOrg: '深圳市某党支部' },
    });
    expect(flow.statusCode, flow.body).toBe(200);
    expect(await cityTotal('mobility', 'flowing')).toBe(before + 1);
    const totalBefore = await cityTotal();
    expect(
      (await t.call(cityAdmin, 'POST', `/api/member-status/${b.id}`, { kind: 'death', date: today, reason: '因病去世' })).statusCode,
    ).toBe(200);
    expect(await cityTotal()).toBe(totalBefore - 1);
    const [x] = await insertMembersNow([newMember(t.city.sampleIds.branch, 1)]);
    await t.db.deleteFrom('member_history').where('member_id', '=', x).execute();
    await t.db.deleteFrom('members').where('id', '=', x).execute();
    await expectExact();
  });

  it('after an organization moves with its members to another district, is created and is dissolved', async () => {
    const township = await t.db
      .selectFrom('orgs')
      .select(['id', 'parent_id'])
      .where('id', '=', t.city.sampleIds.township)
      .executeTakeFirstOrThrow();
    const target = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'county_committee')
      .where('id', '<>', township.parent_id!)
      .executeTakeFirstOrThrow();
    const districtBefore = json(await t.call(cityAdmin, 'GET', `/api/statistics/tables/basic?orgId=${target.id}`)).rows[0].cells.total;
    const moving = json(await t.call(cityAdmin, 'GET', `/api/statistics/tables/basic?orgId=${township.id}`)).rows[0].cells.total;
    expect(moving).toBeGreaterThan(0);
    const res = await t.call(cityAdmin, 'POST', `/api/orgs/${township.id}/move`, { newParentId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(await t.call(cityAdmin, 'GET', `/api/statistics/tables/basic?orgId=${target.id}`)).rows[0].cells.total).toBe(
      districtBefore + moving,
    );
    const orgsBefore = await cityTotal('org_kind', 'branches');
    const lastYear = `${Number(M.slice(0, 4)) - 1}-12`;
    const lastYearBefore = await cityTotal('org_kind', 'branches', `month=${lastYear}`);
    const created = await t.call(cityAdmin, 'POST', '/api/orgs', {
      parentId: target.id,
      name: '示范市统计测试党支部',
      kind: 'branch',
      unitType: 'other',
      establishedOn: today,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await cityTotal('org_kind', 'branches')).toBe(orgsBefore + 1);
    // Founded this month: not there at the end of last year.
    expect(await cityTotal('org_kind', 'branches', `month=${lastYear}`)).toBe(lastYearBefore);
    const dissolve = await t.call(cityAdmin, 'POST', `/api/orgs/${json(created).id}/dissolve`, { dissolvedOn: today, reason: '测试撤销' });
    expect(dissolve.statusCode, dissolve.body).toBe(200);
    expect(await cityTotal('org_kind', 'branches')).toBe(orgsBefore);
    expect(await cityTotal('org_kind', 'branches', `month=${lastYear}`)).toBe(lastYearBefore);
    await expectExact();
  });

  it('after a bulk import of 1,500 members in one transaction (the import’s write path)', async () => {
    const before = await cityTotal();
    const branches = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'branch')
      .where('status', '=', 'active')
      .limit(30)
      .execute();
    const rows = Array.from({ length: 1500 }, (_, i) =>
      newMember(branches[i % branches.length].id, 1000 + i, {
        admitted_on: `20${10 + (i % 15)}-03-01`,
        full_on: i % 4 ? `20${11 + (i % 15)}-03-01` : null,
        category: i % 4 ? 'full' : 'probationary',
      }),
    );
    await insertMembersNow(rows);
    expect(await cityTotal()).toBe(before + 1500);
    await expectExact();
  });

  it('verify finds a damaged cell, and repair (system administrator) rebuilds the summaries', async () => {
    await compactSummaries(t.db);
    await sql`update stat_cells set n = n + 5 where org_id = ${t.city.sampleIds.city} and dim = 'total'`.execute(t.db);
    const sys = await t.login('sysadmin');
    expect((await t.call(cityAdmin, 'POST', '/api/statistics/summaries/verify', {})).statusCode).toBe(403);
    const check = json(await t.call(sys, 'POST', '/api/statistics/summaries/verify', {}));
    expect(check).toMatchObject({ mismatches: 1, repaired: false, sample: [{ orgId: t.city.sampleIds.city, dim: 'total' }] });
    expect(check.sample[0].stored - check.sample[0].actual).toBe(5);
    const fixed = json(await t.call(sys, 'POST', '/api/statistics/summaries/verify', { repair: true }));
    expect(fixed).toMatchObject({ mismatches: 1, repaired: true });
    expect(fixed.cells).toBeGreaterThan(1000);
    await expectExact();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['stats.verify', 'stats.repair'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['stats.verify', 'stats.repair']);
  });

  it('the year cells (migration 010) are checked against their months and rebuilt with the rest', async () => {
    await compactSummaries(t.db);
    const city = t.city.sampleIds.city;
    const y = (
      await sql<{
        yr: string;
      }>`select yr from stat_year_cells where org_id = ${city} and dim = 'birth' and n > 0 order by yr limit 1`.execute(t.db)
    ).rows[0].yr;
    const sumMonths = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select coalesce(sum(n), 0)::int as n from stat_cells where org_id = ${city} and dim = 'birth' and left(val, 4) = ${y}`.execute(
            t.db,
          )
        ).rows[0].n,
      );
    const yearCell = async () =>
      Number(
        (await sql<{ n: number }>`select n from stat_year_cells where org_id = ${city} and dim = 'birth' and yr = ${y}`.execute(t.db))
          .rows[0].n,
      );
    expect(await yearCell()).toBe(await sumMonths());
    await sql`update stat_year_cells set n = n - 2 where org_id = ${city} and dim = 'birth' and yr = ${y}`.execute(t.db);
    const bad = (
      await sql<{ ref: string; val: string; stored: number; actual: number }>`select ref, val, stored, actual from stat_verify()`.execute(
        t.db,
      )
    ).rows;
    expect(bad).toEqual([{ ref: 'years', val: y, stored: (await sumMonths()) - 2, actual: await sumMonths() }]);
    await t.db.transaction().execute((trx) => sql`select stat_rebuild()`.execute(trx));
    expect(await yearCell()).toBe(await sumMonths());
    await expectExact();
  });
});

describe('past months before their ref cells are filled', () => {
  it('are corrected member by member (countsAt), the same as the scan', async () => {
    const city = await t.db.selectFrom('orgs').selectAll().where('id', '=', t.city.sampleIds.city).executeTakeFirstOrThrow();
    const { ageBands } = json(await t.call(cityAdmin, 'GET', '/api/statistics/tables/basic'));
    const rollback = new Error('rollback');
    const done = t.db.transaction().execute(async (trx) => {
      // As right after the first start, or after a new year: no month end kept yet.
      for (const { ref } of await trx.selectFrom('stat_refs').select('ref').execute()) await sql`select stat_drop_ref(${ref})`.execute(trx);
      // Members the correction takes back: admitted last month, and made full last month.
      const lastMonth = `${addMonthsYm(M, -1)}-10`;
      await insertMembers(
        trx,
        t.app.deps.idCrypto,
        null,
        [
          newMember(t.city.sampleIds.branch, 901, {
            category: 'probationary',
            admitted_on: lastMonth,
            full_on: null,
            status_since: lastMonth,
          }),
          newMember(t.city.sampleIds.branch, 902, { admitted_on: `${addMonthsYm(M, -14)}-10`, full_on: lastMonth }),
        ],
        t.clock.now(),
      );
      for (const def of CELL_TABLES.filter((d) => d.source === 'members')) {
        for (const month of [addMonthsYm(M, -2), addMonthsYm(M, -18)]) {
          const r = { org: city, code: def.code, month, ageBands, scopePath: city.path };
          expect((await buildTable(trx, r)).rows).toEqual((await scanTable(trx, r)).rows);
        }
      }
      throw rollback;
    });
    await expect(done).rejects.toBe(rollback);
    expect((await t.db.selectFrom('stat_refs').select('ref').execute()).length).toBe(wantedRefs(today).length);
  });
});

describe('the SQL of migration 008 agrees with domain/', () => {
  it('counted statuses, 基层党组织 kinds and the joining periods on their boundary dates', async () => {
    for (const s of MEMBER_STATUSES) {
      const r = await sql<{ v: boolean }>`select stat_counted(${s}) as v`.execute(t.db);
      expect(r.rows[0].v, s).toBe(COUNTED_STATUSES.includes(s));
    }
    for (const k of ORG_KINDS) {
      const r = await sql<{ v: boolean }>`select stat_basic_org(${k}) as v`.execute(t.db);
      expect(r.rows[0].v, k).toBe(BASIC_ORG_KINDS.includes(k));
    }
    const dates = JOINING_PERIODS.flatMap((p): (string | null)[] => [p.from, p.to])
      .filter((d): d is string => d !== null)
      .flatMap((d) => [dayjs(d).subtract(1, 'day'), dayjs(d), dayjs(d).add(1, 'day')].map((x) => x.format('YYYY-MM-DD')));
    for (const d of [...dates, '1921-07-01', '2026-01-01']) {
      const r = await sql<{ v: string }>`select stat_joining_period(${d}::date) as v`.execute(t.db);
      expect(r.rows[0].v, d).toBe(joiningPeriod(d));
    }
    expect((await sql<{ v: string }>`select stat_joining_period(null) as v`.execute(t.db)).rows[0].v).toBe('');
  });
});

async function insertMembersNow(rows: NewMember[]): Promise<number[]> {
  return t.db.transaction().execute((trx) => insertMembers(trx, t.app.deps.idCrypto, null, rows, t.clock.now()));
}

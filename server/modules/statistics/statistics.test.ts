// The statistics tables on the demo city with every area's demo data: each member and organization
// table equals a plain count of the rows (and the bare scan), for several organizations and months;
// every sum holds; the list behind a number has exactly that many rows; scope and parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { addMonthsYm } from '../../../domain/rules/statistics.js';
import type { TStatsTable } from '../../../domain/schemas/statistics.js';
import { CELL_TABLES } from './cell-tables.js';
import { EVENT_TABLES } from './event-tables.js';
import { scanTable } from './scan.js';
import { readCells, sumWhere } from './cells.js';
import { expectSumsHold, expectTableMatches, loadMembers, loadOrgs, type RawMember, type RawOrg } from './test-counts.js';

let t: TestApp;
let cityAdmin: string, districtAdmin: string, branchAdmin: string;
let members: RawMember[];
let orgs: RawOrg[];
let M: string;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  [cityAdmin, districtAdmin, branchAdmin] = await Promise.all(['city-admin', 'district-admin', 'branch-admin'].map((u) => t.login(u)));
  [members, orgs] = await Promise.all([loadMembers(t.db), loadOrgs(t.db)]);
  M = json(await t.call(cityAdmin, 'GET', '/api/statistics/tables')).month;
});
afterAll(async () => {
  await t?.close();
});

const get = async (cookie: string, url: string): Promise<TStatsTable> => {
  const res = await t.call(cookie, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};

async function rowPaths(table: TStatsTable) {
  const org = orgs.find((o) => o.path.split('.').pop() === String(table.org.id))!;
  const map = new Map([
    ['total', { path: org.path, self: false }],
    ['self', { path: org.path, self: true }],
  ]);
  for (const o of orgs)
    if (o.path.startsWith(`${org.path}.`) && o.path.split('.').length === org.path.split('.').length + 1)
      map.set(o.path.split('.').pop()!, { path: o.path, self: false });
  return map;
}

describe('member and organization tables', () => {
  it('equal a plain count of the records for the city, a district, a township and a branch, now and in past months', async () => {
    const ids = [t.city.sampleIds.city, t.city.sampleIds.district, t.city.sampleIds.township, t.city.sampleIds.branch];
    const months = [M, addMonthsYm(M, -11), '2019-06'];
    let nonzero = 0;
    for (const id of ids) {
      for (const month of months) {
        for (const def of CELL_TABLES) {
          const table = await get(cityAdmin, `/api/statistics/tables/${def.code}?orgId=${id}&month=${month}`);
          expect(table.asOf.startsWith(month)).toBe(true);
          expectTableMatches(table, await rowPaths(table), members, orgs);
          expectSumsHold(table);
          nonzero += table.rows[0].cells[table.columns[0].key];
        }
      }
    }
    expect(nonzero).toBeGreaterThan(1000);
  });

  it('equal the bare scan of the members and organizations', async () => {
    const org = await t.db.selectFrom('orgs').selectAll().where('id', '=', t.city.sampleIds.district).executeTakeFirstOrThrow();
    for (const def of CELL_TABLES) {
      for (const month of [M, '2024-12']) {
        const table = await get(cityAdmin, `/api/statistics/tables/${def.code}?orgId=${org.id}&month=${month}`);
        const scan = await scanTable(t.db, { org, code: def.code, month, ageBands: table.ageBands, scopePath: org.path });
        expect(scan.columns).toEqual(table.columns);
        expect(scan.rows).toEqual(table.rows);
      }
    }
  });

  it('counts a member admitted this month now but not at the end of last month; a member made full since counts as probationary then', async () => {
    const now = await get(cityAdmin, `/api/statistics/tables/basic?month=${M}`);
    const before = await get(cityAdmin, `/api/statistics/tables/basic?month=${addMonthsYm(M, -1)}`);
    const admittedThisMonth = members.filter(
      (m) => ['normal', 'flowing', 'lost_contact'].includes(m.status) && m.admitted_on?.startsWith(M),
    ).length;
    const fullThisMonth = members.filter(
      (m) => ['normal', 'flowing', 'lost_contact'].includes(m.status) && m.category === 'full' && m.full_on?.startsWith(M),
    ).length;
    expect(now.rows[0].cells.total - before.rows[0].cells.total).toBe(admittedThisMonth);
    expect(now.rows[0].cells.full - before.rows[0].cells.full).toBe(fullThisMonth);
  });

  it('readCells (for dashboards) gives the current counts of whole subtrees, a branch’s own members included', async () => {
    const ids = [t.city.sampleIds.city, t.city.sampleIds.district, t.city.sampleIds.branch];
    const cells = await readCells(t.db, ids, ['total', 'gender', 'okind']);
    for (const id of ids) {
      const basic = await get(cityAdmin, `/api/statistics/tables/basic?orgId=${id}`);
      const kinds = await get(cityAdmin, `/api/statistics/tables/org_kind?orgId=${id}`);
      expect(sumWhere(cells, id, 'total', () => true)).toBe(basic.rows[0].cells.total);
      expect(sumWhere(cells, id, 'gender', (v) => v === '女')).toBe(basic.rows[0].cells.female);
      expect(sumWhere(cells, id, 'okind', (v) => v === 'party_group')).toBe(kinds.rows[0].cells.party_group);
    }
    expect(sumWhere(cells, t.city.sampleIds.branch, 'total', () => true)).toBeGreaterThan(0);
  });

  it('takes custom age bands and refuses bad ones', async () => {
    const table = await get(cityAdmin, '/api/statistics/tables/age?ageBands=25,40,60');
    expect(table.columns.map((c) => c.path[c.path.length - 1].zh)).toEqual([
      '党员总数',
      '25岁及以下',
      '26—40岁',
      '41—60岁',
      '61岁及以上',
      '出生日期未填',
    ]);
    expect(table.ageBands).toEqual([25, 40, 60]);
    expectTableMatches(table, await rowPaths(table), members, orgs);
    expectSumsHold(table);
    for (const bad of ['40,30', '10,20', '30,,40', 'x']) {
      const res = await t.call(cityAdmin, 'GET', `/api/statistics/tables/age?ageBands=${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('uses the age bands of the setting, which only the city level may change', async () => {
    expect((await t.call(districtAdmin, 'PUT', '/api/statistics/settings', { ageBands: [35, 50] })).statusCode).toBe(403);
    expect((await t.call(cityAdmin, 'PUT', '/api/statistics/settings', { ageBands: [50, 35] })).statusCode).toBe(400);
    const res = await t.call(cityAdmin, 'PUT', '/api/statistics/settings', { ageBands: [35, 50] });
    expect(res.statusCode).toBe(200);
    expect((await get(branchAdmin, '/api/statistics/tables/age')).columns).toHaveLength(1 + 3 + 1);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'stats.settings').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ after: { ageBands: [35, 50] } });
    await t.call(cityAdmin, 'PUT', '/api/statistics/settings', { ageBands: [30, 35, 40, 45, 50, 55, 60] });
  });
});

describe('every table', () => {
  it('reconciles: each total is the sum of its parts, and 合计 the sum of the rows', async () => {
    for (const def of [...CELL_TABLES, ...EVENT_TABLES]) {
      for (const id of [t.city.sampleIds.city, t.city.sampleIds.district]) {
        expectSumsHold(await get(cityAdmin, `/api/statistics/tables/${def.code}?orgId=${id}`));
      }
    }
  });

  it('lists exactly the people behind a number, page by page', async () => {
    let checked = 0;
    for (const def of [...CELL_TABLES, ...EVENT_TABLES]) {
      const table = await get(cityAdmin, `/api/statistics/tables/${def.code}?orgId=${t.city.sampleIds.district}`);
      // For each column: the 合计 row, and the first child and 本级 rows that have a number there.
      for (const c of table.columns) {
        const rows = [
          table.rows[0],
          table.rows.find((r) => r.kind === 'child' && r.cells[c.key] > 0),
          table.rows.find((r) => r.kind === 'self' && r.cells[c.key] > 0),
        ];
        for (const row of rows) {
          if (!row || (row.cells[c.key] === 0 && row.kind !== 'total')) continue;
          const url = `/api/statistics/tables/${def.code}/people?orgId=${table.org.id}&row=${row.key}&col=${encodeURIComponent(c.key)}&limit=200`;
          const first = json(await t.call(cityAdmin, 'GET', url));
          expect({ code: def.code, col: c.key, row: row.name, total: first.total }).toEqual({
            code: def.code,
            col: c.key,
            row: row.name,
            total: row.cells[c.key],
          });
          let seen = first.items.length;
          let cursor = first.nextCursor;
          while (cursor) {
            const next = json(await t.call(cityAdmin, 'GET', `${url}&cursor=${encodeURIComponent(cursor)}`));
            seen += next.items.length;
            cursor = next.nextCursor;
          }
          expect(seen, `${def.code} ${c.key} ${row.name}`).toBe(row.cells[c.key]);
          if (seen > 0) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('period tables count the demo city’s development, transfers, 转正 and status changes', async () => {
    const pick = async (code: string, key: string) =>
      (await get(cityAdmin, `/api/statistics/tables/${code}?from=2022-01-01`)).rows[0].cells[key];
    expect(await pick('development', 'admitted')).toBeGreaterThan(0);
    expect(await pick('development_profile', 'total')).toBeGreaterThan(0);
    expect(await pick('probation', 'full_total')).toBeGreaterThan(0);
    expect(await pick('transfers', 'in_total')).toBeGreaterThan(0);
    expect(await pick('leaving', 'total')).toBeGreaterThan(0);
  });
});

describe('scope and parameters', () => {
  it('answers 404 for an organization outside the user’s subtree, and audits the refusal', async () => {
    const other = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'county_committee')
      .where('id', '<>', t.city.sampleIds.district)
      .executeTakeFirstOrThrow();
    expect((await t.call(districtAdmin, 'GET', `/api/statistics/tables/basic?orgId=${other.id}`)).statusCode).toBe(404);
    expect((await t.call(districtAdmin, 'GET', `/api/statistics/tables/basic/people?orgId=${other.id}&col=total`)).statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'GET', `/api/statistics/tables/basic?orgId=${t.city.sampleIds.city}`)).statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('result', '=', 'denied')
      .where('action', '=', 'stats.read')
      .execute();
    expect(denied.map((d) => d.object_id)).toContain(String(other.id));
    // A row must be a child of the table's organization.
    const res = await t.call(
      cityAdmin,
      'GET',
      `/api/statistics/tables/basic/people?orgId=${t.city.sampleIds.district}&row=${t.city.sampleIds.branch}&col=total`,
    );
    expect(res.statusCode).toBe(404);
  });

  it('defaults to the user’s own organization and the current month; refuses unknown tables, columns and future months', async () => {
    const table = await get(districtAdmin, '/api/statistics/tables/basic');
    expect(table.org.id).toBe(t.city.sampleIds.district);
    expect(table.month).toBe(M);
    expect(table.breadcrumbs.map((b) => b.id)).toEqual([t.city.sampleIds.district]);
    expect((await t.call(cityAdmin, 'GET', '/api/statistics/tables/nope')).statusCode).toBe(404);
    expect((await t.call(cityAdmin, 'GET', '/api/statistics/tables/basic/people?col=nope')).statusCode).toBe(400);
    expect((await t.call(cityAdmin, 'GET', `/api/statistics/tables/basic?month=${addMonthsYm(M, 1)}`)).statusCode).toBe(400);
    expect((await t.call(cityAdmin, 'GET', '/api/statistics/tables/transfers?from=2026-05-01&to=2026-01-01')).statusCode).toBe(400);
  });

  it('is closed to a plain member', async () => {
    const member = await t.login('member');
    expect((await t.call(member, 'GET', '/api/statistics/tables/basic')).statusCode).toBe(403);
  });
});

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Engine } from '../db/engine.js';
import { openTestEngine } from '../test/test-engine.js';
import { verifyPassword } from '../auth/password.js';
import { ALLOWED_CHILD_KINDS, BRANCH_KINDS, type OrgKind } from '../../domain/org-kinds.js';
import { generateCity, type CityOptions, type CityResult } from './generate-city.js';
import { shapeCity } from './org-shape.js';
import { DEMO_PASSWORD } from './demo-accounts.js';

interface TestDb {
  engine: Engine;
  close(): Promise<void>;
}

// A fresh database per call (in-memory PGlite, or a throw-away database on DATABASE_URL).
async function openTestDb(): Promise<TestDb> {
  const te = await openTestEngine();
  return { engine: te.engine, close: () => te.dispose() };
}

/** A digest of everything the generator writes, in id order. */
async function fingerprint(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const tables = [
    sql`select id, parent_id, path::text, name, short_name, code, kind, unit_type, established_on, status, dissolved_on, name_initials, sort_key, child_count from orgs order by id`,
    sql`select org_id, person_name, post, term_start, term_end from org_committee_members order by id`,
    sql`select org_id, name, gender, category from members order by id`,
    sql`select u.username, u.display_name, u.org_id, r.role from users u join user_roles r on r.user_id = u.id order by u.username`,
  ];
  for (const query of tables) hash.update(JSON.stringify((await query.execute(db)).rows));
  return hash.digest('hex');
}

interface OrgRow {
  id: number;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  status: string;
  dissolved_on: string | null;
  child_count: number;
  code: string;
}

const OPTIONS: CityOptions = { seed: 7, orgCount: 200, demoAccounts: true };

describe('demo city generator', () => {
  let first: TestDb;
  let second: TestDb;
  let result: CityResult;
  let orgs: OrgRow[];
  const byId = new Map<number, OrgRow>();

  beforeAll(async () => {
    first = await openTestDb();
    second = await openTestDb();
    result = await generateCity(first.engine.db, OPTIONS);
    orgs = (
      await sql<OrgRow>`select id, parent_id, path::text as path, kind, status, dissolved_on, child_count, code from orgs order by id`.execute(
        first.engine.db,
      )
    ).rows;
    for (const o of orgs) byId.set(o.id, o);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('builds exactly the requested number of organizations, with members and accounts', async () => {
    expect(result.orgs).toBe(200);
    expect(orgs).toHaveLength(200);
    expect(result.members).toBeGreaterThan(1000);
    expect(result.users).toBe(14);
    const [{ n }] = (await sql<{ n: number }>`select count(*)::int as n from members`.execute(first.engine.db)).rows;
    expect(n).toBe(result.members);
  });

  it('gives the same city, row for row, for the same seed in another database', async () => {
    const again = await generateCity(second.engine.db, OPTIONS);
    expect(again.sampleIds).toEqual(result.sampleIds);
    expect(await fingerprint(second.engine.db)).toBe(await fingerprint(first.engine.db));
  });

  it('gives a different city for a different seed', () => {
    const names = (seed: number) =>
      shapeCity(seed, 200, '示范市', '2026-11-01')
        .tree.nodes.map((n) => n.name)
        .join('|');
    expect(names(8)).not.toBe(names(7));
  });

  it('makes every path the parent path plus the own id, from a single 市委 root', () => {
    const roots = orgs.filter((o) => o.parent_id === null);
    expect(roots.map((o) => [o.id, o.path, o.kind])).toEqual([[1, '1', 'city_committee']]);
    for (const o of orgs.filter((x) => x.parent_id !== null)) {
      expect(o.path).toBe(`${byId.get(o.parent_id ?? 0)?.path}.${o.id}`);
    }
  });

  it('counts only active children in child_count', () => {
    const active = new Map<number, number>();
    for (const o of orgs) if (o.parent_id !== null && o.status === 'active') active.set(o.parent_id, (active.get(o.parent_id) ?? 0) + 1);
    for (const o of orgs) expect([o.id, o.child_count]).toEqual([o.id, active.get(o.id) ?? 0]);
  });

  it('puts every kind only under a kind that may hold it', () => {
    for (const o of orgs.filter((x) => x.parent_id !== null)) {
      const parent = byId.get(o.parent_id ?? 0);
      expect(parent && ALLOWED_CHILD_KINDS[parent.kind].includes(o.kind), `${o.kind} under ${parent?.kind}`).toBe(true);
    }
  });

  it('gives every organization a unique code', () => {
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
  });

  it('dissolves only a few leaf organizations, each with its date', () => {
    const dissolved = orgs.filter((o) => o.status === 'dissolved');
    expect(dissolved.length).toBeGreaterThan(0);
    expect(dissolved.length).toBeLessThan(10);
    for (const o of dissolved) {
      expect(o.dissolved_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(orgs.some((c) => c.parent_id === o.id)).toBe(false);
    }
  });

  it('moves the id sequence past the generated organizations', async () => {
    const [{ last }] = (await sql<{ last: number }>`select last_value as last from orgs_id_seq`.execute(first.engine.db)).rows;
    expect(Number(last)).toBe(200);
  });

  it('gives every organization one secretary, and most large branches a committee but not all', async () => {
    const rows = (
      await sql<{ org_id: number; secretaries: number; seats: number; full: number }>`
      select o.id as org_id,
        (select count(*)::int from org_committee_members c where c.org_id = o.id and c.post = 'secretary') as secretaries,
        (select count(*)::int from org_committee_members c where c.org_id = o.id) as seats,
        (select count(*)::int from members m where m.org_id = o.id and m.category = 'full') as full
      from orgs o`.execute(first.engine.db)
    ).rows;
    expect(rows.every((r) => r.secretaries === 1)).toBe(true);
    const large = rows.filter((r) => r.full >= 7);
    const withCommittee = large.filter((r) => r.seats >= 3 && r.seats <= 5);
    expect(withCommittee.length / large.length).toBeGreaterThan(0.9);
    // RULES.md §4 warnings have something to show: a large branch with a secretary alone, a branch past 50.
    expect(large.some((r) => r.seats === 1 && r.full >= 8)).toBe(true);
    const [{ big }] = (
      await sql<{
        big: number;
      }>`select count(*)::int as big from (select org_id from members group by org_id having count(*) >= 55) x`.execute(first.engine.db)
    ).rows;
    expect(big).toBeGreaterThan(0);
  });

  it('puts members only in live branch-kind organizations, about 72% men and 94% full', async () => {
    const rows = (
      await sql<{ kind: OrgKind; status: string; gender: string; category: string; n: number }>`
      select o.kind, o.status, m.gender, m.category, count(*)::int as n from members m join orgs o on o.id = m.org_id group by 1, 2, 3, 4`.execute(
        first.engine.db,
      )
    ).rows;
    expect(rows.every((r) => BRANCH_KINDS.includes(r.kind) && r.status === 'active')).toBe(true);
    const share = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).reduce((s, r) => s + r.n, 0) / result.members;
    expect(share((r) => r.gender === '男')).toBeGreaterThan(0.65);
    expect(share((r) => r.gender === '男')).toBeLessThan(0.79);
    expect(share((r) => r.category === 'full')).toBeGreaterThan(0.9);
  });

  it('creates the demo accounts with their roles, scopes and the demo password', async () => {
    const db = first.engine.db;
    const users = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .select(['users.username', 'user_roles.role', 'users.org_id', 'users.password_hash', 'orgs.kind'])
      .orderBy('users.username')
      .execute();
    const roleOf = Object.fromEntries(users.map((u) => [u.username, [u.role, u.org_id]]));
    const { city, district, branch } = result.sampleIds;
    expect(roleOf).toMatchObject({
      'city-admin': ['org_dept_admin', city],
      'district-admin': ['org_dept_admin', district],
      'branch-admin': ['org_admin', branch],
      sysadmin: ['sysadmin', city],
      secadmin: ['secadmin', city],
      auditor: ['auditor', city],
      member: ['member', branch],
      'cadre-officer': ['cadre_officer', city],
      'cadre-officer-district': ['cadre_officer', district],
      'talent-officer': ['talent_officer', city],
      talent: ['talent', city],
      'talent-service': ['talent_service', city],
      'talent-employer': ['talent_employer', city],
    });
    expect(roleOf.cadre[0]).toBe('cadre');
    expect(users).toHaveLength(14);
    expect(await verifyPassword(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('picks a sample branch inside the demo district and another one outside it', () => {
    const { district, township, branch, otherBranch } = result.sampleIds;
    const districtPath = byId.get(district)?.path ?? '?';
    expect(byId.get(branch)?.kind).toBe('branch');
    expect(byId.get(branch)?.path.startsWith(`${districtPath}.`)).toBe(true);
    expect(byId.get(branch)?.path.startsWith(`${byId.get(township)?.path}.`)).toBe(true);
    expect(byId.get(otherBranch)?.kind).toBe('branch');
    expect(byId.get(otherBranch)?.path.startsWith(`${districtPath}.`)).toBe(false);
  });

  it('refuses to generate into a database that already has organizations', async () => {
    await expect(generateCity(first.engine.db, OPTIONS)).rejects.toThrow(/already has organizations/);
  });
});

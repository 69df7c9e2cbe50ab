// The name-gram search of migration 038 finds exactly the rows a plain `like '%term%'` scan finds,
// whatever the term's length (1, 2, 3 and more characters), with rare characters outside the BMP,
// LIKE's own wildcards in names and terms, and from the index itself (never a scan).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { buildMember } from '../test/factories.js';
import { listPage } from '../modules/members/queries.js';
import { ON_BOOKS_STATUSES } from '../../domain/member-status.js';
import type { Db } from './engine.js';
import { nameHolds } from './name-search.js';

const RARE = ['𠮷田', '王𠮷', '欧阳建国', '司马_明', '张%三', '李\\四', '建', '国建国', 'Anna建国', '𪚥𪚥𪚥'];

let t: TestEngine;
let db: Db;
let branch: number;
let cityPath: string;
beforeAll(async () => {
  t = await openTestEngine('city');
  db = t.engine.db;
  const b = await db.selectFrom('orgs').select(['id']).where('kind', '=', 'branch').orderBy('id').executeTakeFirstOrThrow();
  branch = b.id;
  for (const name of RARE) await buildMember(db, { orgId: branch, name });
  cityPath = (await db.selectFrom('orgs').select('path').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).path;
});
afterAll(async () => {
  await t?.dispose();
});

/** Terms: every 1-, 2- and 3-character piece of a sample of names, longer ones, wildcards and misses. */
async function terms(table: 'members' | 'cadres'): Promise<string[]> {
  const names = (await sql<{ name: string }>`select name from ${sql.table(table)} order by id limit 12`.execute(db)).rows.map(
    (r) => r.name,
  );
  const out = new Set<string>(['_', '%', '\\', '司马_', '张%', '𠮷', '田𠮷', '𪚥𪚥', '建国', '国建', '欧阳建国', '阳建国x', '不存在']);
  for (const n of [...names, ...RARE]) {
    const cs = [...n];
    for (let len = 1; len <= 3; len++) for (let i = 0; i + len <= cs.length; i++) out.add(cs.slice(i, i + len).join(''));
    out.add(n);
  }
  return [...out];
}

async function idsBy(table: 'members' | 'cadres', where: ReturnType<typeof sql<boolean>>, indexOnly: boolean): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (indexOnly) await sql`set local enable_seqscan = off`.execute(trx);
    const r = await sql<{ id: string }>`select id from ${sql.table(table)} where ${where} order by id`.execute(trx);
    return r.rows.map((x) => Number(x.id));
  });
}

const likeScan = (column: string, q: string) => sql<boolean>`strpos(${sql.ref(column)}, ${q}) > 0`;

describe('name infix search from the name-gram index', () => {
  it('finds the rows a plain scan finds, for members and cadres, at every term length', async () => {
    for (const table of ['members', 'cadres'] as const) {
      const qs = await terms(table);
      expect(qs.length).toBeGreaterThan(50);
      for (const q of qs) {
        const expected = await idsBy(table, likeScan('name', q), false);
        expect(await idsBy(table, nameHolds('name', q), true), `${table} "${q}"`).toEqual(expected);
      }
    }
    // The seeded rare names are found by their pieces.
    expect(await idsBy('members', nameHolds('name', '𠮷'), true)).toHaveLength(2);
    expect(await idsBy('members', nameHolds('name', '_'), true)).toHaveLength(1);
  });

  it('answers 1-, 2- and 3-character terms from the index, not a scan', async () => {
    for (const q of ['建', '建国', '欧阳建']) {
      const plan = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return (await sql<{ 'QUERY PLAN': string }>`explain select id from members where ${nameHolds('name', q)}`.execute(trx)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      });
      // The trigram index of migration 002 may take a term of 3 characters and more; never a scan.
      expect(plan, q).not.toContain('Seq Scan');
      if ([...q].length < 3) expect(plan, q).toContain('members_name_grams');
    }
  });

  it('gives the member list the same rows as a scan of the scope', async () => {
    for (const q of ['建国', '𠮷', '司马_明', '欧阳建国']) {
      const page = await listPage(db, { path: cityPath, statuses: ON_BOOKS_STATUSES, search: { kind: 'name', infix: q } }, null, 500);
      const scan = await db
        .selectFrom('members')
        .select('id')
        .where(sql<boolean>`org_path <@ ${cityPath}::ltree and strpos(name, ${q}) > 0`)
        .where('status', 'in', ON_BOOKS_STATUSES)
        .orderBy('sort_key')
        .orderBy('id')
        .execute();
      expect(
        page.map((r) => r.id),
        q,
      ).toEqual(scan.map((r) => r.id));
      expect(page.length, q).toBeGreaterThan(0);
    }
  });

  it("lists a district's and a township's members (path head of migration 038) exactly as the subtree test does", async () => {
    const scopes = await sql<{
      path: string;
    }>`select path::text as path from orgs where nlevel(path) in (2, 3) order by id limit 6`.execute(db);
    expect(scopes.rows.length).toBeGreaterThan(1);
    for (const { path } of scopes.rows) {
      const page = await listPage(db, { path, statuses: ON_BOOKS_STATUSES, search: null }, null, 100_000);
      const scan = await db
        .selectFrom('members')
        .select('id')
        .where(sql<boolean>`org_path <@ ${path}::ltree`)
        .where('status', 'in', ON_BOOKS_STATUSES)
        .orderBy('sort_key')
        .orderBy('id')
        .execute();
      expect(
        page.map((r) => r.id),
        path,
      ).toEqual(scan.map((r) => r.id));
    }
  });
});

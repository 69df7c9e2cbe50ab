// The list of path copies is complete: any ltree column but orgs.path is a copy that must follow a
// move of its organization, so a table added without registering its copy fails here. Each copy is
// set by the database from its organization, also when the write meets a move in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { followMove, PATH_COPIES } from './path-copies.js';

let te: TestEngine;
beforeAll(async () => {
  te = await openTestEngine();
});
afterAll(async () => {
  await te?.dispose();
});

describe('path copies', () => {
  it('lists every ltree column of the schema except orgs.path, each with an organization column beside it', async () => {
    const cols = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.udt_name = 'ltree'`.execute(te.engine.db);
    const found = cols.rows
      .map((r) => `${r.table_name}.${r.column_name}`)
      .filter((c) => c !== 'orgs.path')
      .sort();
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(PATH_COPIES.map((c) => `${c.table}.${c.path}`).sort());
    const orgCols = await sql<{ c: string }>`select table_name || '.' || column_name as c from information_schema.columns
      where table_schema = current_schema() and data_type = 'bigint'`.execute(te.engine.db);
    const bigints = new Set(orgCols.rows.map((r) => r.c));
    for (const c of PATH_COPIES) expect(bigints.has(`${c.table}.${c.org}`), `${c.table}.${c.org}`).toBe(true);
  });

  it('sets every copy from its organization when a row is written', async () => {
    const triggers = await sql<{ t: string }>`select distinct event_object_table as t from information_schema.triggers
      where trigger_schema = current_schema() and action_timing = 'BEFORE' and event_manipulation = 'INSERT'`.execute(te.engine.db);
    const set = new Set(triggers.rows.map((r) => r.t));
    for (const c of PATH_COPIES) expect(set.has(c.table), c.table).toBe(true);
  });

  // Two sessions at once: only the PostgreSQL server has them (PGlite is one session).
  it.skipIf(!process.env.DATABASE_URL)('gives a record written during a move of its organization the new path', async () => {
    const db = te.engine.db;
    await db
      .insertInto('orgs')
      .values([
        { id: 1, path: '1', name: '市委', code: 'C1', kind: 'city_committee' },
        { id: 2, parent_id: 1, path: '1.2', name: '甲镇党委', code: 'C2', kind: 'township_committee' },
        { id: 3, parent_id: 1, path: '1.3', name: '乙镇党委', code: 'C3', kind: 'township_committee' },
        { id: 4, parent_id: 2, path: '1.2.4', name: '某党支部', code: 'C4', kind: 'branch' },
      ] as never)
      .execute();
    let release!: () => void;
    const gate = new Promise<void>((done) => {
      release = done;
    });
    let moved!: () => void;
    const movedYet = new Promise<void>((done) => {
      moved = done;
    });
    // The move rewrites the paths and the copies it can see, then holds its transaction open.
    const move = db.transaction().execute(async (trx) => {
      await sql`update orgs set path = '1.3.4', parent_id = 3 where id = 4`.execute(trx);
      await followMove(trx, '1.2.4');
      moved();
      await gate;
    });
    await movedYet;
    const person = db
      .insertInto('dev_people')
      .values({ org_id: 4, name: '申请人', gender: '男', birth_date: '2000-01-01', applied_on: '2026-01-01' } as never)
      .returning('org_path')
      .executeTakeFirstOrThrow();
    const letter = db
      .insertInto('transfer_letters')
      .values({
        letter_no: 'T-1',
        kind: 'into_city',
        status: 'received',
        member_name: '转入人',
        gender: '男',
        category: 'full',
        from_org_name: '外市',
        to_org_id: 4,
        to_org_name: '某党支部',
        reason: '工作调动',
        issued_on: '2026-01-01',
        valid_days: 30,
        expires_on: '2026-01-31',
      } as never)
      .returning('to_path')
      .executeTakeFirstOrThrow();
    // The writes wait for the move (a plain read of orgs would not) and then take its paths.
    await new Promise((done) => setTimeout(done, 300));
    release();
    await move;
    expect((await person).org_path).toBe('1.3.4');
    expect((await letter).to_path).toBe('1.3.4');
  });
});

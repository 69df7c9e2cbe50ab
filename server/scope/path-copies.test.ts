// The list of path copies is complete: any ltree column but orgs.path is a copy that must follow a
// move of its organization, so a table added without registering its copy fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { PATH_COPIES } from './path-copies.js';

let te: TestEngine;
beforeAll(async () => { te = await openTestEngine(); });
afterAll(async () => { await te?.dispose(); });

describe('path copies', () => {
  it('lists every ltree column of the schema except orgs.path, each with an organization column beside it', async () => {
    const cols = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.udt_name = 'ltree'
      order by 1, 2`.execute(te.engine.db);
    const found = cols.rows.map((r) => `${r.table_name}.${r.column_name}`).filter((c) => c !== 'orgs.path').sort();
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(PATH_COPIES.map((c) => `${c.table}.${c.path}`).sort());
    const orgCols = await sql<{ c: string }>`select table_name || '.' || column_name as c from information_schema.columns
      where table_schema = current_schema() and data_type = 'bigint'`.execute(te.engine.db);
    const bigints = new Set(orgCols.rows.map((r) => r.c));
    for (const c of PATH_COPIES) expect(bigints.has(`${c.table}.${c.org}`), `${c.table}.${c.org}`).toBe(true);
  });
});

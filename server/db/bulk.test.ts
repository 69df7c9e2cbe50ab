// COPY through a bulk session on the engine of the run (PGlite by default, PostgreSQL with DATABASE_URL).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { copyText } from './bulk.js';

let te: TestEngine;
beforeAll(async () => {
  te = await openTestEngine();
});
afterAll(async () => {
  await te?.dispose();
});

interface Row {
  n: number;
  s: string | null;
  ok: boolean;
}

describe('bulk session', () => {
  it('copies rows into a temporary table of the session, special characters and nulls intact', async () => {
    const rows: Row[] = [
      { n: 1, s: '张三\t李四', ok: true },
      { n: 2, s: 'C:\\路径\\文件\n第二行\r', ok: false },
      { n: 3, s: null, ok: true },
      { n: 4, s: '\\N', ok: true },
      { n: 5, s: '', ok: false },
    ];
    const back = await te.engine.bulk(async (s) => {
      await sql`create temp table bulk_t (n integer, s text, ok boolean)`.execute(s.db);
      await s.copy('pg_temp.bulk_t', ['n', 's', 'ok'], copyText(rows, ['n', 's', 'ok']));
      await s.copy('pg_temp.bulk_t', ['n', 's', 'ok'], copyText([{ n: 6, s: 'x', ok: true }], ['n', 's', 'ok']));
      const r = await sql<Row>`select n, s, ok from bulk_t order by n`.execute(s.db);
      await sql`drop table bulk_t`.execute(s.db);
      return r.rows;
    });
    expect(back).toEqual([...rows, { n: 6, s: 'x', ok: true }]);
  });

  it('rejects a row the table refuses, and the session stays usable', async () => {
    const r = await te.engine.bulk(async (s) => {
      await sql`create temp table bulk_u (n integer not null)`.execute(s.db);
      const err = await s.copy('pg_temp.bulk_u', ['n'], 'x\n').catch((e: Error) => e.message);
      await s.copy('pg_temp.bulk_u', ['n'], '7\n');
      const c = await sql<{ n: number }>`select n from bulk_u`.execute(s.db);
      await sql`drop table bulk_u`.execute(s.db);
      return { err, rows: c.rows };
    });
    expect(r.err).toMatch(/invalid input syntax for type integer/);
    expect(r.rows).toEqual([{ n: 7 }]);
  });
});

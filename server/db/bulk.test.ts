// COPY through a bulk session on the engine of the run (PGlite by default, PostgreSQL with DATABASE_URL).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { copyText } from './copy-text.js';

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

  it('gives two sessions on two connections on PostgreSQL (none on the one-session embedded engine), pairs waiting their turn', async () => {
    const { pair } = te.engine.bulk;
    if (te.engine.kind === 'pglite') return expect(pair).toBeNull();
    // Three pairs at once, each holding a transaction open on its second connection while the first reads.
    let inside = 0;
    let most = 0;
    const seen = await Promise.all(
      [1, 2, 3].map(() =>
        pair!(async (a, b) => {
          most = Math.max(most, ++inside);
          await sql`select pg_sleep(0.05)`.execute(a.db);
          const pid = async (s: typeof a) => (await sql<{ p: number }>`select pg_backend_pid() as p`.execute(s.db)).rows[0].p;
          return b.db.transaction().execute(async (trx) => {
            await sql`create temp table bulk_pair (n integer)`.execute(trx);
            await sql`insert into bulk_pair values (1)`.execute(trx);
            const fromA = await sql`select to_regclass('pg_temp.bulk_pair') as t`.execute(a.db);
            const pids = [await pid(a), await pid(b)];
            await sql`drop table bulk_pair`.execute(trx);
            inside--;
            return { pids, fromA: (fromA.rows[0] as { t: string | null }).t };
          });
        }),
      ),
    );
    expect(most).toBe(2);
    for (const s of seen) {
      expect(s.pids[0]).not.toBe(s.pids[1]);
      expect(s.fromA).toBeNull();
    }
  });
});

// A throw-away database for one test file: in-memory PGlite, or a fresh database on the
// PostgreSQL server when DATABASE_URL is set (created from template0 with a UTF-8 ctype so that
// Chinese trigram search works, STACK-NOTES.md).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEngine, type Engine } from '../db/engine.js';
import { migrate } from '../db/migrate.js';

export interface TestEngine {
  engine: Engine;
  dispose(): Promise<void>;
}

export async function openTestEngine(): Promise<TestEngine> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const engine = await openEngine({ dataDir: 'memory://' });
    await migrate(engine.db);
    return { engine, dispose: () => engine.close() };
  }
  const name = `zg_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const engine = await openEngine({ databaseUrl: u.toString(), dataDir: '' });
  await migrate(engine.db);
  return {
    engine,
    async dispose() {
      await engine.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() can resolve before the server has seen every socket close; dropping "with (force)"
      // then terminates a closing connection whose client has no error listener any more (57P01,
      // an uncaught error). Wait for the server to see them gone, then drop normally.
      for (let i = 0; i < 100; i++) {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

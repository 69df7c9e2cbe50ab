// A throw-away database for one test file: in-memory PGlite, or a fresh database on the
// PostgreSQL server when DATABASE_URL is set (created from template0 with a UTF-8 ctype so that
// Chinese trigram search works, STACK-NOTES.md).
//
// server/test/global-setup.ts prepares, once per run, three starting points a file's database is
// copied from instead of being built again (initdb alone costs ~3 s on PGlite): 'migrated',
// 'city' (+ the test city, seed 7, 200 organizations, demo accounts) and 'areaDemos' (+ the areas'
// demo data). On PGlite they are dumpDataDir tarballs, on PostgreSQL template databases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openEngine, type Engine } from '../db/engine.js';
import { migrate } from '../db/migrate.js';
import type { CityOptions, CityResult } from '../demo/generate-city.js';

export interface TestEngine {
  engine: Engine;
  dispose(): Promise<void>;
}

export type TestStart = 'migrated' | 'city' | 'areaDemos';

/** The city in the 'city' and 'areaDemos' starting points (createTestApp's default). */
export const TEST_CITY: CityOptions = { seed: 7, orgCount: 200, demoAccounts: true };

export interface PreparedDatabases {
  kind: 'pglite' | 'postgres';
  /** Tarball files (PGlite) or template database names (PostgreSQL). */
  starts: Record<TestStart, string>;
  city: CityResult;
}

declare module 'vitest' {
  export interface ProvidedContext {
    preparedDatabases: PreparedDatabases | undefined;
  }
}

/** The starting points global-setup.ts prepared for this engine, if it ran. */
export function preparedDatabases(): PreparedDatabases | undefined {
  let prepared: PreparedDatabases | undefined;
  try {
    prepared = inject('preparedDatabases');
  } catch {
    return undefined; // outside a vitest run
  }
  return prepared && prepared.kind === (process.env.DATABASE_URL ? 'postgres' : 'pglite') ? prepared : undefined;
}

export function testDatabaseName(): string {
  return `zg_t_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Waits until the server has no session left on a database (pool.end() can resolve before it has seen
 * every socket close; on a loaded machine that once took more than 5 s). Past 15 s it throws, naming the
 * sessions still there, so that a connection really left open is told from a slow close.
 */
export async function waitUntilUnused(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const r = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (r.rows[0].n === 0) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  const left = await admin.query('select pid, state, left(query, 120) as query from pg_stat_activity where datname = $1', [name]);
  throw new Error(`sessions still open on ${name} after 15 s: ${JSON.stringify(left.rows)}`);
}

export async function openTestEngine(start: TestStart = 'migrated'): Promise<TestEngine> {
  const url = process.env.DATABASE_URL;
  const prepared = preparedDatabases();
  if (!prepared && start !== 'migrated') throw new Error(`openTestEngine('${start}') needs server/test/global-setup.ts`);
  if (!url) {
    const engine = await openEngine({ dataDir: 'memory://', loadDataDir: prepared?.starts[start] });
    if (!prepared) await migrate(engine.db);
    return { engine, dispose: () => engine.close() };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    prepared
      ? `create database ${name} template ${prepared.starts[start]}`
      : `create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const engine = await openEngine({ databaseUrl: databaseUrl(url, name), dataDir: '' });
  if (!prepared) await migrate(engine.db);
  return {
    engine,
    async dispose() {
      await engine.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Dropping "with (force)" while a closing connection lingers terminates it, and its client has
      // no error listener any more (57P01, an uncaught error): wait for the server to see them gone.
      await waitUntilUnused(c, name);
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

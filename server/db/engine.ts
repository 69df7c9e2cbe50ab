// One query layer on two engines: Kysely over node-postgres, pointed either at a
// PostgreSQL server (DATABASE_URL) or at embedded PGlite served from a worker thread.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './types.js';
import { pgliteBulk, postgresBulk, type BulkSessions } from './bulk.js';

// int8 (bigint ids, counts) come back as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// date columns stay calendar strings (YYYY-MM-DD), never shifted through a JS Date.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<DB>;

export interface Engine {
  kind: 'pglite' | 'postgres';
  db: Db;
  pool: pg.Pool;
  /** Sessions for bulk loads through COPY (bulk.ts). */
  bulk: BulkSessions;
  close(): Promise<void>;
  /** PGlite only, for tests: writes the data folder as a tarball that `loadDataDir` starts from. */
  dumpDataDir?(file: string): Promise<void>;
}

export interface EngineOptions {
  databaseUrl?: string;
  /** Data folder for PGlite, or 'memory://' for a throw-away database. */
  dataDir: string;
  /** PGlite only, for tests: start from this dumpDataDir tarball instead of an empty cluster. */
  loadDataDir?: string;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  if (opts.databaseUrl) {
    // JIT off: our reads are short, and compiling a city-wide plan cost more (1.4 s measured on the dues
    // ledger) than running it. A deployment can still turn it on per role or database.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: '-c jit=off' });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, pool, bulk: postgresBulk(pool), close: () => db.destroy() };
  }
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: string): Promise<Engine> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const worker = new Worker(path.join(here, 'pglite-worker.mjs'), {
    workerData: { dataDir: dataDir === 'memory://' ? dataDir : path.join(dataDir, 'pgdata'), loadDataDir },
  });
  const address = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; address: string }) =>
      m.type === 'ready' ? resolve(m.address) : reject(new Error(String(m.type))),
    );
  });
  const [host, port] = address.split(':');
  // Size 1: PGlite is a single session. A transaction holds the only connection, so no other
  // request's statement can slip into it (STACK-NOTES.md: a raw BEGIN on a shared connection interleaves).
  const pool = new pg.Pool({ host, port: Number(port), user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    pool,
    bulk: pgliteBulk(db, pool, worker),
    dumpDataDir: (file) =>
      new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (m: { type: string }) => (m.type === 'dumped' ? resolve() : reject(new Error(m.type))));
        worker.postMessage({ type: 'dump', file });
      }),
    async close() {
      await db.destroy();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('message', () => {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        });
        worker.postMessage({ type: 'close' });
      });
    },
  };
}

// Bulk loads through COPY on both engines (issue 16 point 1): a session whose statements all run
// on one connection (a temporary table lives in one session) and that can COPY text rows into it.
// PostgreSQL takes `COPY … FROM STDIN` on the session's own client (pg-copy-streams). PGlite's
// wire protocol has no COPY FROM STDIN; its worker runs `COPY … FROM '/dev/blob'` with the rows as
// the blob, while the main thread holds the pool's only connection, so no other request's
// transaction is open around it (PGlite is one session: the temporary table is the same one).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MessageChannel, type Worker } from 'node:worker_threads';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './types.js';

export interface BulkSession {
  /** Statements on the session (a temporary table created here is seen by every later one). */
  db: Kysely<DB>;
  /** Runs `copy <table> (<columns>) from stdin` with `rows` in COPY's text format (copy-text.ts), as a string or UTF-8 bytes. */
  copy(table: string, columns: readonly string[], rows: string | Uint8Array): Promise<void>;
}

export interface BulkSessions {
  <T>(fn: (s: BulkSession) => Promise<T>): Promise<T>;
  /**
   * Two sessions on two connections (PostgreSQL), so that one can hold a transaction open while the
   * other's statements commit as they go. Null on the embedded engine: it is one session.
   */
  readonly pair: (<T>(fn: (a: BulkSession, b: BulkSession) => Promise<T>) => Promise<T>) | null;
}

/** A table or column name as an SQL identifier. */
const ident = (name: string) =>
  name
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `copy ${ident(table)} (${columns.map(ident).join(', ')}) from ${source}`;

/** COPY's input as bytes: a string encoded, bytes as they are (no copy). */
const asBuffer = (rows: string | Uint8Array) =>
  typeof rows === 'string' ? Buffer.from(rows, 'utf8') : Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);

/** Pairs of sessions open at once (each holds two of the pool's ten connections); a further one waits. */
const PAIRS_AT_ONCE = 2;

/** PostgreSQL: one client of the pool for the whole session, Kysely's statements and COPY alike. */
export function postgresBulk(pool: pg.Pool): BulkSessions {
  const session = async <T>(fn: (s: BulkSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // Kysely asks a pool for a connection per statement: this one hands out the session's client.
    const one = { connect: async () => Object.assign(client, { release: () => {} }), end: async () => {} };
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: one as unknown as pg.Pool }) });
    const release = client.release.bind(client);
    let failed: Error | undefined;
    try {
      return await fn({
        db,
        copy: (table, columns, rows) =>
          pipeline(Readable.from([asBuffer(rows)]), client.query(copyFrom(copyStatement(table, columns, 'stdin')))),
      });
    } catch (e) {
      failed = e as Error;
      throw e;
    } finally {
      // A failed session may be mid-statement: the client is closed rather than reused.
      release(failed);
    }
  };
  // A pair takes its second connection while holding the first: with at most PAIRS_AT_ONCE pairs
  // at a time, pairs can never hold the whole pool waiting for each other's connections.
  let pairs = 0;
  const queued: (() => void)[] = [];
  const pair = async <T>(fn: (a: BulkSession, b: BulkSession) => Promise<T>): Promise<T> => {
    while (pairs >= PAIRS_AT_ONCE) await new Promise<void>((resolve) => queued.push(resolve));
    pairs++;
    try {
      return await session((a) => session((b) => fn(a, b)));
    } finally {
      pairs--;
      queued.shift()?.();
    }
  };
  return Object.assign(session, { pair });
}

/** PGlite: the engine's own database (one session); each COPY runs in the worker while the pool's connection is held. */
export function pgliteBulk(db: Kysely<DB>, pool: pg.Pool, worker: Worker): BulkSessions {
  const copy = async (table: string, columns: readonly string[], rows: string | Uint8Array) => {
    const held = await pool.connect();
    try {
      const { port1, port2 } = new MessageChannel();
      const data = asBuffer(rows);
      const done = new Promise<void>((resolve, reject) => {
        port1.once('message', (m: { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve()));
      });
      worker.postMessage({ type: 'copy', sql: copyStatement(table, columns, `'/dev/blob'`), data, port: port2 }, [port2]);
      await done;
      port1.close();
    } finally {
      held.release();
    }
  };
  return Object.assign(<T>(fn: (s: BulkSession) => Promise<T>) => fn({ db, copy }), { pair: null });
}

// PGlite runs on the thread that calls it and blocks that thread for the whole query.
// It lives here, in a worker thread behind a PostgreSQL wire-protocol socket, so the
// HTTP server's event loop never stalls (STACK-NOTES.md "PGlite traps").
// Plain JavaScript on purpose: a worker started from tsx or vitest loads it without a loader.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, loadDataDir } = workerData;
if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
// loadDataDir (tests only): start from a dumpDataDir tarball instead of running initdb (~3 s each time).
// In memory (tests): the WAL's old segments are removed at a checkpoint, not kept for reuse, so a dump
// carries one segment of WAL instead of every one written (a 447 MB tarball was 263 MB, loaded in half the time).
const startParams =
  dataDir === 'memory://' ? [...PGlite.defaultStartParams, '-c', 'wal_recycle=off', '-c', 'min_wal_size=32MB'] : undefined;
const db = await PGlite.create(dataDir, {
  extensions: { ltree, pg_trgm },
  startParams,
  loadDataDir: loadDataDir ? new Blob([readFileSync(loadDataDir)]) : undefined,
});
// One connection only: the pool on the main thread has size 1, so a transaction
// holds the engine alone and never interleaves with another request's statements.
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
await server.start();
const address = server.getServerConn();
parentPort.postMessage({ type: 'ready', address });
parentPort.on('message', async (msg) => {
  if (msg?.type === 'copy') {
    // A bulk load (server/db/bulk.ts): COPY … FROM '/dev/blob' reads the rows from the blob. The main
    // thread holds the socket's only connection meanwhile, so no other transaction is open around it.
    try {
      await db.query(msg.sql, [], { blob: new Blob([msg.data]) });
      msg.port.postMessage({});
    } catch (e) {
      msg.port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
    msg.port.close();
  }
  if (msg?.type === 'dump') {
    // Tests only: the whole data folder as an uncompressed tarball, for loadDataDir.
    // After a checkpoint a loaded copy starts without replaying the WAL, and the old segments are gone.
    await db.exec('checkpoint');
    const tar = await db.dumpDataDir('none');
    writeFileSync(msg.file, Buffer.from(await tar.arrayBuffer()));
    parentPort.postMessage({ type: 'dumped' });
  }
  if (msg?.type === 'close') {
    await server.stop();
    await db.close();
    parentPort.postMessage({ type: 'closed' });
  }
});

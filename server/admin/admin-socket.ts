// The embedded engine's data folder belongs to one process: PGlite has no server another process
// could connect to, and two processes opening DATA_DIR/pgdata would corrupt it. The process that
// holds it (the app, or an admin command) listens on DATA_DIR/admin.sock (mode 600: only the
// account that can read the data folder and its secret.key anyway). A second process finds it
// there: the app refuses to start, and `npm run admin -- backup` asks the running app to write the
// backup through its own connection (a consistent snapshot while it serves requests).
import net from 'node:net';
import path from 'node:path';
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';

export interface AdminRequest {
  cmd: 'ping' | 'backup';
  out?: string;
}
export type AdminResponse = { ok: true; who: string; result?: unknown } | { ok: false; who: string; error: string };
type Handler = (req: AdminRequest) => Promise<unknown>;

/** DATA_DIR/admin.sock; a named pipe on Windows, and a name in the temp folder when the path is too long for a socket. */
export function adminSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\zugong-${id}`;
  const p = path.join(dataDir, 'admin.sock');
  return Buffer.byteLength(p) <= 100 ? p : path.join(tmpdir(), `zugong-${id}.sock`);
}

/** Asks the process holding the data folder; null when none does (no socket, or a stale one). */
export async function askHolder(dataDir: string, req: AdminRequest, timeoutMs = 600_000): Promise<AdminResponse | null> {
  const file = adminSocketPath(dataDir);
  if (process.platform !== 'win32' && !existsSync(file)) return null;
  return new Promise((resolve, reject) => {
    const s = net.createConnection(file);
    let buf = '';
    s.setTimeout(timeoutMs, () => s.destroy(new Error('管理通道超时')));
    s.on('connect', () => s.write(JSON.stringify(req) + '\n'));
    s.on('data', (d) => {
      buf += d.toString('utf8');
    });
    s.on('end', () => {
      try {
        resolve(JSON.parse(buf) as AdminResponse);
      } catch {
        reject(new Error(`管理通道应答无法解析：${buf.slice(0, 200)}`));
      }
    });
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? resolve(null) : reject(e)));
  });
}

export interface AdminSocket {
  handle(fn: Handler): void;
  close(): Promise<void>;
}

/**
 * Claims the data folder for this process: refuses when another process holds it, removes a stale
 * socket left by a killed one, and answers requests with the handler given later (until then, or
 * without one, requests are refused with who holds the folder).
 */
export async function holdDataDir(dataDir: string, who: string): Promise<AdminSocket> {
  const file = adminSocketPath(dataDir);
  const other = await askHolder(dataDir, { cmd: 'ping' }, 5000);
  if (other) throw new Error(`数据目录 ${dataDir} 正由另一个进程（${other.who}）使用`);
  mkdirSync(dataDir, { recursive: true });
  if (process.platform !== 'win32' && existsSync(file)) unlinkSync(file);
  let handler: Handler | null = null;
  const server = net.createServer((s) => {
    let buf = '';
    s.on('error', () => undefined);
    s.on('data', (d) => {
      buf += d.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let req: AdminRequest;
      try {
        req = JSON.parse(buf.slice(0, nl)) as AdminRequest;
      } catch {
        s.end(JSON.stringify({ ok: false, who, error: 'bad request' }));
        return;
      }
      if (req.cmd === 'ping') {
        s.end(JSON.stringify({ ok: true, who }));
        return;
      }
      if (!handler) {
        s.end(JSON.stringify({ ok: false, who, error: `数据目录正由 ${who} 使用` }));
        return;
      }
      handler(req).then(
        (result) => s.end(JSON.stringify({ ok: true, who, result })),
        (e: unknown) => s.end(JSON.stringify({ ok: false, who, error: e instanceof Error ? e.message : String(e) })),
      );
    });
  });
  // Created owner-only from the start (umask), not chmod-ed after a window where others could connect.
  const umask = process.platform === 'win32' ? null : process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
  } finally {
    if (umask !== null) process.umask(umask);
  }
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return {
    handle(fn) {
      handler = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

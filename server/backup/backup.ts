// Backup and restore (SECURITY.md 29), the same on both engines: a logical dump taken through an
// ordinary connection in one REPEATABLE READ, READ ONLY transaction (consistent while the app runs),
// every table's rows as JSON lines, gzip, then AES-256-GCM with a key derived from the instance
// secret (crypto/keys.ts). The header (format, engine, time, migrations, row counts, sequences, the
// audit chain's head and anchor) is in clear text but authenticated as the cipher's additional data.
// A restore authenticates the whole file first, loads it into an empty database in one transaction,
// and verifies it (row counts, the audit chain and its head) before committing.
// The file format and its authentication: backup-file.ts.
import { createCipheriv, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import type { Trx } from '../audit/audit-log.js';
import { verifyAuditChain, type ChainReport } from '../audit/verify-chain.js';
import { AppError } from '../errors.js';
import {
  asDamaged,
  authenticateBackup,
  cipherStreams,
  damaged,
  headerBytes,
  jsonLines,
  type BackupHeader,
  type Head,
} from './backup-file.js';

export { authenticateBackup, backupSize, readBackupHeader, type BackupHeader, type Head } from './backup-file.js';

const FETCH = 2000;
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

const q = (name: string) => sql.id(name);

async function listTables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations' and not c.relispartition order by 1`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

/** Parents before children (foreign keys) where the keys allow it: a readable order for the dump. */
async function loadOrder(db: Db, tables: string[]): Promise<string[]> {
  const r = await sql<{ child: string; parent: string }>`select cc.relname as child, pc.relname as parent from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid join pg_namespace n on n.oid = cc.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of r.rows)
    if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') return; // a cycle (e.g. elections ↔ terms): the load drops the keys anyway
    state.set(t, 'visiting');
    for (const p of parents.get(t)!) visit(p);
    state.set(t, 'done');
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

async function columnsOf(db: Db): Promise<Map<string, string[]>> {
  const r = await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(db);
  const m = new Map<string, string[]>();
  for (const { t, c } of r.rows) m.set(t, [...(m.get(t) ?? []), c]);
  return m;
}

async function sequences(db: Db): Promise<Record<string, { value: number; called: boolean }>> {
  const r = await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'S' order by 1`.execute(db);
  const out: Record<string, { value: number; called: boolean }> = {};
  for (const { name } of r.rows) {
    const s = await sql<{ v: number; c: boolean }>`select last_value as v, is_called as c from ${q(name)}`.execute(db);
    out[name] = { value: Number(s.rows[0].v), called: s.rows[0].c };
  }
  return out;
}

async function migrations(db: Db): Promise<string[]> {
  return (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
}

async function auditHead(db: Db): Promise<{ head: Head | null; anchor: Head | null }> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const anchor = await db.selectFrom('audit_anchors').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { head: head ?? null, anchor: anchor ?? null };
}

/** Writes an encrypted backup of the database to `out` (via a temporary file renamed at the end). */
export async function createBackup(
  db: Db,
  engine: 'pglite' | 'postgres',
  key: Buffer,
  out: string,
  now = new Date(),
): Promise<BackupHeader> {
  const part = `${out}.part`;
  try {
    const header = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const tables = await listTables(trx);
        const order = await loadOrder(trx, tables);
        const cols = await columnsOf(trx);
        const counts: Record<string, number> = {};
        for (const t of order) counts[t] = Number((await sql<{ n: number }>`select count(*) as n from ${q(t)}`.execute(trx)).rows[0].n);
        const { head, anchor } = await auditHead(trx);
        const iv = randomBytes(12);
        const h: BackupHeader = {
          format: 'zugong-backup',
          version: 1,
          engine,
          createdAt: now.toISOString(),
          cipher: 'aes-256-gcm',
          compression: 'gzip',
          iv: iv.toString('hex'),
          migrations: await migrations(trx),
          tables: counts,
          order,
          sequences: await sequences(trx),
          auditHead: head,
          auditAnchor: anchor,
        };
        const aad = headerBytes(h);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        cipher.setAAD(aad);
        async function* lines() {
          for (const t of order) {
            yield JSON.stringify({ table: t, columns: cols.get(t) }) + '\n';
            const list = sql.join(cols.get(t)!.map(q));
            await sql`declare zg_backup no scroll cursor for select row_to_json(x)::text as j from (select ${list} from ${q(t)}) x`.execute(
              trx,
            );
            for (;;) {
              const r = await sql<{ j: string }>`fetch ${sql.raw(String(FETCH))} from zg_backup`.execute(trx);
              if (r.rows.length === 0) break;
              yield r.rows.map((x) => x.j).join('\n') + '\n';
            }
            await sql`close zg_backup`.execute(trx);
          }
          yield JSON.stringify({ end: true }) + '\n';
        }
        const file = createWriteStream(part, { mode: 0o600 });
        file.write(aad);
        await pipeline(Readable.from(lines()), createGzip(), cipher, file, { end: false });
        await new Promise<void>((resolve, reject) => file.end(cipher.getAuthTag(), () => resolve()).once('error', reject));
        return h;
      });
    await rename(part, out);
    return header;
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

/** Instance data present: refuse to restore over it unless forced. */
async function instanceRows(db: Db): Promise<number> {
  let n = 0;
  for (const t of ['orgs', 'users', 'audit_log', 'audit_anchors'])
    n += Number((await sql<{ n: number }>`select count(*) as n from ${q(t)}`.execute(db)).rows[0].n);
  return n;
}

/**
 * Loads an authenticated backup into the (migrated) database of `trx`, replacing every table.
 * Refuses a database that already holds organizations, users or audit rows unless `force`.
 * The caller verifies (verifyRestore) before its transaction commits.
 */
export async function loadBackup(trx: Trx, file: string, key: Buffer, opts: { force?: boolean } = {}): Promise<BackupHeader> {
  const header = await authenticateBackup(file, key);
  const mine = await migrations(trx);
  if (mine.join(',') !== header.migrations.join(',')) {
    throw new AppError(
      'BACKUP_SCHEMA',
      `备份的数据库结构（迁移 ${header.migrations.at(-1)}）与本程序（迁移 ${mine.at(-1)}）不同：请用生成备份的版本恢复，再升级`,
      409,
    );
  }
  const tables = await listTables(trx);
  if (tables.join(',') !== [...header.order].sort().join(',')) throw new AppError('BACKUP_SCHEMA', '备份中的表与当前数据库的表不同', 409);
  const existing = await instanceRows(trx);
  if (existing > 0 && !opts.force)
    throw new AppError('NOT_EMPTY', `目标数据库不是空的（已有 ${existing} 条组织、用户或审计记录）：恢复会覆盖它，确认时请加 --force`, 409);

  // The rows come back exactly as they were: no trigger runs on them (statistics deltas, audit guards).
  // Foreign keys are dropped for the load (some form cycles) and added back after it, which checks
  // every restored reference again, like pg_restore does.
  const fks = (
    await sql<{ t: string; name: string; def: string }>`select c.relname as t, k.conname as name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() order by 1, 2`.execute(trx)
  ).rows;
  for (const k of fks) await sql`alter table ${q(k.t)} drop constraint ${q(k.name)}`.execute(trx);
  for (const t of tables) await sql`alter table ${q(t)} disable trigger user`.execute(trx);
  await sql`truncate ${sql.join(tables.map(q))} restart identity`.execute(trx);

  const { src, decipher } = await cipherStreams(file, key);
  const plain = createGunzip();
  const done = pipeline(src, decipher, plain).catch((e: unknown) => {
    throw asDamaged(e);
  });
  let table: string | null = null;
  let cols: string[] = [];
  let batch: string[] = [];
  let chars = 0;
  let ended = false;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const list = sql.join(cols.map(q));
    await sql`insert into ${q(table)} (${list}) select ${list} from json_populate_recordset(null::${q(table)}, ${'[' + batch.join(',') + ']'}::json)`.execute(
      trx,
    );
    batch = [];
    chars = 0;
  };
  const reading = (async () => {
    for await (const item of jsonLines(plain)) {
      if (typeof item === 'string') {
        if (!table) throw damaged('数据在表名之前');
        batch.push(item);
        chars += item.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if ('end' in item) {
        await flush();
        ended = true;
      } else {
        await flush();
        table = String(item.table);
        cols = item.columns as string[];
        if (!tables.includes(table)) throw new AppError('BACKUP_SCHEMA', `备份中的表 ${table} 在当前数据库中不存在`, 409);
      }
    }
  })();
  await Promise.all([
    done,
    reading.catch((e: unknown) => {
      src.destroy();
      throw asDamaged(e);
    }),
  ]);
  if (!ended) throw damaged('数据不完整');

  for (const [name, s] of Object.entries(header.sequences)) {
    await sql`select setval(${name}::regclass, ${s.value}, ${s.called})`.execute(trx);
  }
  for (const t of tables) await sql`alter table ${q(t)} enable trigger user`.execute(trx);
  for (const k of fks) await sql`alter table ${q(k.t)} add constraint ${q(k.name)} ${sql.raw(k.def)}`.execute(trx);
  return header;
}

export interface RestoreCheck {
  ok: boolean;
  problems: string[];
  chain: ChainReport;
}

/** Compares a restored database with its backup's header: row counts, the audit chain, its head and anchor. */
export async function verifyRestore(db: Db, header: BackupHeader): Promise<RestoreCheck> {
  const problems: string[] = [];
  for (const [t, n] of Object.entries(header.tables)) {
    const m = Number((await sql<{ n: number }>`select count(*) as n from ${q(t)}`.execute(db)).rows[0].n);
    if (m !== n) problems.push(`表 ${t}：备份中 ${n} 行，恢复后 ${m} 行`);
  }
  const chain = await verifyAuditChain(db);
  for (const p of chain.problems) problems.push(`审计链 #${p.seq} ${p.kind}：${p.message}`);
  const { head, anchor } = await auditHead(db);
  const same = (a: Head | null, b: Head | null) => (a?.seq ?? null) === (b?.seq ?? null) && (a?.hash ?? null) === (b?.hash ?? null);
  if (!same(head, header.auditHead)) {
    problems.push(`审计链末条与备份不符：备份为 #${header.auditHead?.seq ?? '-'}，恢复后为 #${head?.seq ?? '-'}`);
  }
  if (!same(anchor, header.auditAnchor)) problems.push('审计清理锚点与备份不符');
  return { ok: problems.length === 0, problems, chain };
}

/** Restores and verifies in one transaction: a restore that does not verify leaves nothing behind. */
export async function restoreBackup(
  db: Db,
  file: string,
  key: Buffer,
  opts: { force?: boolean } = {},
): Promise<{ header: BackupHeader; check: RestoreCheck }> {
  return db.transaction().execute(async (trx) => {
    const header = await loadBackup(trx, file, key, opts);
    const check = await verifyRestore(trx, header);
    if (!check.ok) throw new AppError('RESTORE_VERIFY', `恢复后的校验未通过，已回滚：\n  ${check.problems.join('\n  ')}`, 500);
    return { header, check };
  });
}

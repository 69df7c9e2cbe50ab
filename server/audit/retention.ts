// Audit retention (SECURITY.md 18): audit rows are kept at least 6 months (网络安全法 第二十一条);
// older ones may be exported and then purged. A purge removes a prefix of the chain only, only rows
// older than the retention, only rows that are in an export file it checks row by row, and writes an
// anchor (audit_anchors) in the same transaction so the chain still verifies from the anchor.
// The database enforces the same rules (migration 011: audit_purge() and the trigger on audit_log).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import { AppError } from '../errors.js';
import { appendAudit, GENESIS_HASH, rowHash, type HashedFields } from './audit-log.js';
import { verifyAuditChain } from './verify-chain.js';

export const MIN_RETENTION_MONTHS = 6;
const EXPORT_FORMAT = 'zugong-audit-export';

/** The retention in months: ZUGONG_AUDIT_RETENTION_MONTHS, never below 6 (it can only be raised). */
export function retentionMonths(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ZUGONG_AUDIT_RETENTION_MONTHS;
  if (raw == null || raw === '') return MIN_RETENTION_MONTHS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < MIN_RETENTION_MONTHS) {
    throw new AppError(
      'RETENTION',
      `ZUGONG_AUDIT_RETENTION_MONTHS 必须是不小于 ${MIN_RETENTION_MONTHS} 的整数（网络安全法第二十一条）`,
      400,
    );
  }
  return n;
}

/** The latest cut-off a purge may use: now minus the retention, in calendar months. */
export function latestCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - months);
  return d;
}

/** Parses a cut-off given as YYYY-MM-DD (midnight in the server's zone, Asia/Shanghai) or an ISO time. */
export function parseCutoff(value: string | undefined): Date {
  if (!value) throw new AppError('USAGE', '请用 --before YYYY-MM-DD 给出截止日期', 2);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new AppError('USAGE', `无法识别的日期：${value}`, 2);
  return d;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: 1;
  before: string;
  exportedAt: string;
  /** The hash the first exported row chains to: the previous anchor's, or the genesis. */
  prevHash: string;
  fromSeq: number | null;
  toSeq: number | null;
  rows: number;
  lastHash: string | null;
}

export interface ExportedRow extends Omit<HashedFields, 'at'> {
  at: string;
  prev_hash: string;
  hash: string;
}

/** The rows a purge with this cut-off would remove: every row before the first one at or after it. */
async function purgeablePrefix(db: Db, before: Date): Promise<{ prevHash: string; upto: number }> {
  const anchor = await db.selectFrom('audit_anchors').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const firstYoung = await db.selectFrom('audit_log').select('seq').where('at', '>=', before).orderBy('seq').limit(1).executeTakeFirst();
  const last = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const upto = firstYoung ? firstYoung.seq - 1 : (last?.seq ?? anchor?.seq ?? 0);
  return { prevHash: anchor?.hash ?? GENESIS_HASH, upto };
}

const BATCH = 5000;

/**
 * Writes the rows older than the cut-off (the prefix of the chain a purge would remove) to a JSONL
 * file: a header line, then one line per row with every hashed field and both hashes, so the file
 * itself can be verified later. Returns the header.
 */
export async function exportAuditBefore(db: Db, before: Date, out: string, now = new Date()): Promise<ExportHeader> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { prevHash, upto } = await purgeablePrefix(trx, before);
      const range = await trx
        .selectFrom('audit_log')
        .select([sql<number | null>`min(seq)`.as('from'), sql<number>`count(*)`.as('n')])
        .where('seq', '<=', upto)
        .executeTakeFirstOrThrow();
      const lastRow = await trx.selectFrom('audit_log').select('hash').where('seq', '=', upto).executeTakeFirst();
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        version: 1,
        before: before.toISOString(),
        exportedAt: now.toISOString(),
        prevHash,
        fromSeq: range.from == null ? null : Number(range.from),
        toSeq: range.n ? upto : null,
        rows: Number(range.n),
        lastHash: lastRow?.hash ?? null,
      };
      const file = createWriteStream(out, { mode: 0o600 });
      const write = async (line: string) => {
        if (!file.write(line + '\n')) await once(file, 'drain');
      };
      try {
        await write(JSON.stringify(header));
        let after = 0;
        for (;;) {
          const rows = await trx
            .selectFrom('audit_log')
            .selectAll()
            .where('seq', '>', after)
            .where('seq', '<=', upto)
            .orderBy('seq')
            .limit(BATCH)
            .execute();
          if (rows.length === 0) break;
          for (const r of rows) {
            const { id: _id, ...rest } = r;
            await write(JSON.stringify({ ...rest, at: new Date(r.at).toISOString() } satisfies ExportedRow));
          }
          after = rows[rows.length - 1].seq;
        }
      } finally {
        file.end();
        await once(file, 'close');
      }
      return header;
    });
}

/** Reads an export file and checks it row by row: contiguous, each hash recomputed, chained from its header. */
export async function readAuditExport(file: string): Promise<{ header: ExportHeader; rows: ExportedRow[]; sha256: string }> {
  const buf = await readFile(file);
  const lines = buf
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = JSON.parse(lines[0] ?? '{}') as ExportHeader;
  if (header.format !== EXPORT_FORMAT || header.version !== 1) throw new AppError('BAD_EXPORT', `${file} 不是审计导出文件`, 400);
  const rows = lines.slice(1).map((l) => JSON.parse(l) as ExportedRow);
  if (rows.length !== header.rows) throw new AppError('BAD_EXPORT', `导出文件应有 ${header.rows} 条记录，实有 ${rows.length} 条`, 400);
  let prev = header.prevHash;
  let seq = header.fromSeq;
  for (const r of rows) {
    if (r.seq !== seq) throw new AppError('BAD_EXPORT', `导出文件在第 ${seq} 条处不连续`, 400);
    if (r.prev_hash !== prev || rowHash(prev, { ...r, at: new Date(r.at) }) !== r.hash) {
      throw new AppError('BAD_EXPORT', `导出文件中第 ${r.seq} 条记录与哈希链不符`, 400);
    }
    prev = r.hash;
    seq = r.seq + 1;
  }
  if (rows.length && (rows[rows.length - 1].seq !== header.toSeq || prev !== header.lastHash)) {
    throw new AppError('BAD_EXPORT', '导出文件的末条记录与文件头不符', 400);
  }
  return { header, rows, sha256: createHash('sha256').update(buf).digest('hex') };
}

export interface PurgeResult {
  rows: number;
  fromSeq: number;
  upto: number;
  hash: string;
}

/**
 * Purges the rows older than the cut-off, which must all be in the export file given (exactly those
 * rows: the file's range must be the current purgeable prefix). Refused when the cut-off is within
 * the retention, when the chain does not verify, or when the file does not match the database.
 */
export async function purgeAuditBefore(
  db: Db,
  opts: { before: Date; exportFile: string; by: string; now?: Date; retentionMonths?: number },
): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const months = opts.retentionMonths ?? MIN_RETENTION_MONTHS;
  if (months < MIN_RETENTION_MONTHS) throw new AppError('RETENTION', `审计记录至少保存 ${MIN_RETENTION_MONTHS} 个月`, 400);
  const cutoff = latestCutoff(now, months);
  if (opts.before > cutoff) {
    throw new AppError(
      'RETENTION',
      `不能清理保存期（${months} 个月）内的审计记录：截止日期最晚为 ${cutoff.toISOString().slice(0, 10)}`,
      400,
    );
  }
  const exported = await readAuditExport(opts.exportFile);
  return db.transaction().execute(async (trx) => {
    const report = await verifyAuditChain(trx);
    if (!report.ok) throw new AppError('CHAIN_BROKEN', `审计链校验未通过（${report.problems[0].message}），拒绝清理`, 409);
    const { prevHash, upto } = await purgeablePrefix(trx, opts.before);
    const first = await trx.selectFrom('audit_log').select('seq').orderBy('seq').limit(1).executeTakeFirst();
    const h = exported.header;
    if (!first || upto < first.seq) throw new AppError('NOTHING', '没有早于截止日期的审计记录', 400);
    if (h.rows === 0 || h.fromSeq !== first.seq || h.toSeq !== upto || h.prevHash !== prevHash || h.before !== opts.before.toISOString()) {
      throw new AppError(
        'BAD_EXPORT',
        `导出文件（第 ${h.fromSeq}–${h.toSeq} 条）与待清理的记录（第 ${first.seq}–${upto} 条）不符：请先用同一截止日期导出`,
        409,
      );
    }
    const r = await sql<{
      n: number;
    }>`select audit_purge(${upto}, ${h.lastHash}, ${opts.before}, ${opts.by}, ${exported.sha256}, ${`${months} months`}::interval) as n`.execute(
      trx,
    );
    const rows = Number(r.rows[0].n);
    await appendAudit(trx, {
      at: now,
      actorId: null,
      actorName: opts.by,
      role: null,
      ip: null,
      action: 'audit.purge',
      objectType: 'audit_log',
      objectId: null,
      result: 'success',
      requestId: null,
      detail: {
        before: opts.before.toISOString(),
        fromSeq: first.seq,
        upto,
        hash: h.lastHash,
        rows,
        exportSha256: exported.sha256,
        retentionMonths: months,
      },
    });
    return { rows, fromSeq: first.seq, upto, hash: h.lastHash! };
  });
}

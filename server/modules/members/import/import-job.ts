// An import runs as a job the page polls for its progress. One streaming pass over the file
// validates and stages every row (stage.ts); duplicates are then found set-wise, and only when every
// row passed are all rows written by one statement in ONE transaction (SECURITY.md 27, ISSUE 16.1).
// The job outlives its request: it holds the context built before the response (context.ts) and a
// logger, never the request itself.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { TImportError, TImportJob } from '../../../../domain/schemas/members.js';
import { AppError } from '../../../errors.js';
import { audited, recordRead } from '../../../audit/record.js';
import type { Ctx } from '../../../context.js';
import { scopeSql } from '../../../scope/access.js';
import { maskIdNumber } from '../../../../domain/rules/id-number.js';
import { pinyinInitials, pinyinSortKey } from '../../orgs/pinyin.js';
import { readRows } from './read-rows.js';
import {
  createStaging,
  dropStaging,
  duplicatesInFile,
  duplicatesOfRecords,
  stageRows,
  stagingTable,
  writeStaged,
  type StagedRow,
} from './stage.js';
import type { BulkSession, BulkSessions } from '../../../db/bulk.js';
import { OrgLookup, validateRow, type RowResult } from './validate-row.js';

type StagingTable = ReturnType<typeof stagingTable>;

const MAX_REPORTED_ERRORS = 1000;
/** Rows staged per COPY (a few MB of text). */
const STAGE_BATCH = 5000;
/** Finished jobs are forgotten after an hour: progress is kept in memory only. */
const KEEP_MS = 60 * 60 * 1000;

interface Job extends TImportJob {
  userId: number;
}
const jobs = new Map<string, Job>();

export function jobFor(id: string, userId: number): TImportJob | null {
  const j = jobs.get(id);
  if (!j || j.userId !== userId) return null;
  const { userId: _u, ...pub } = j;
  return { ...pub, errors: j.errors.slice(0, MAX_REPORTED_ERRORS) };
}

export function runningJobOf(userId: number): Job | undefined {
  return [...jobs.values()].find((j) => j.userId === userId && !['done', 'failed'].includes(j.phase));
}

/** Registers a job for an uploaded (already checked) file and starts it; returns at once. */
export function startImport(
  ctx: Ctx,
  bulk: BulkSessions,
  log: FastifyBaseLogger,
  file: Buffer,
  fileName: string,
  rowsTotal: number | null,
): TImportJob {
  const now = ctx.clock.now();
  const job: Job = {
    id: randomUUID(),
    userId: ctx.actor.userId,
    phase: 'uploaded',
    fileName,
    rowsTotal,
    rowsRead: 0,
    rowsValid: 0,
    rowsWritten: 0,
    errorCount: 0,
    errors: [],
    message: null,
    startedAt: now.toISOString(),
    finishedAt: null,
  };
  jobs.set(job.id, job);
  for (const [id, j] of jobs) if (j.finishedAt && Date.parse(j.finishedAt) < now.getTime() - KEEP_MS) jobs.delete(id);
  // The upload lives in memory only (bounded by the upload limit): nothing of it is left on disk.
  void runImport(ctx, bulk, log, job, file);
  return jobFor(job.id, job.userId)!;
}

function fail(job: Job, message: string) {
  job.phase = 'failed';
  job.message = message;
}

/** Pinyin keys by name for one job: names repeat in a roster and pinyin-pro takes tens of µs a name. Bounded. */
function pinyinKeys(): (name: string) => { name_initials: string; sort_key: string } {
  const known = new Map<string, { name_initials: string; sort_key: string }>();
  return (name) => {
    let k = known.get(name);
    if (!k) {
      if (known.size >= 20_000) known.clear();
      k = { name_initials: pinyinInitials(name), sort_key: pinyinSortKey(name) };
      known.set(name, k);
    }
    return k;
  };
}

/** The row as staged: the record's columns when valid (identity number encrypted, hashed and masked), else its hash alone. */
function staged(ctx: Ctx, keys: ReturnType<typeof pinyinKeys>, row: number, hash: string | null, v: RowResult): StagedRow {
  if (!v.member) return { row, id_hash: hash, valid: false };
  const { idNumber, ...fields } = v.member;
  return {
    row,
    valid: true,
    ...fields,
    id_hash: hash,
    id_cipher: ctx.crypto.encrypt(idNumber),
    id_masked: maskIdNumber(idNumber),
    ...keys(fields.name),
  };
}

/**
 * One streaming pass over the file: each row is validated as it is read and staged (in batches)
 * on the job's connection; then duplicates are found set-wise; then, only when no row has an error,
 * one statement writes them all in one transaction with its audit row. Memory holds one batch and
 * at most MAX_REPORTED_ERRORS errors, whatever the file's size.
 */
async function runImport(ctx: Ctx, bulk: BulkSessions, log: FastifyBaseLogger, job: Job, file: Buffer): Promise<void> {
  try {
    const orgs = new OrgLookup(
      await ctx.db
        .selectFrom('orgs')
        .select(['id', 'name', 'code', 'kind', 'status'])
        .where(scopeSql('path', ctx.actor.scopePath))
        .execute(),
    );
    // The staging table is a temporary one: on PostgreSQL every statement of the job runs on one
    // connection; the embedded engine is one session, and holding its only connection for the whole
    // read would stop every other request (the page's progress polls included) until the end, so
    // there the bulk session holds it for each COPY only (server/db/bulk.ts).
    const table = stagingTable(job.id);
    await bulk(async (session) => {
      const conn = session.db;
      const jctx: Ctx = { ...ctx, db: conn };
      await createStaging(conn, table);
      try {
        await stageAndCheck(jctx, session, job, file, orgs, table);
        if (job.rowsRead === 0) return fail(job, '文件中没有党员数据');
        if (job.errorCount > 0) {
          await recordRead(jctx, 'member.import', 'member', {
            fileName: job.fileName,
            rows: job.rowsRead,
            errors: job.errorCount,
            written: 0,
          });
          return fail(job, `共有 ${job.errorCount} 处错误，未导入任何数据。请修改后重新上传。`);
        }
        job.phase = 'writing';
        await audited(
          jctx,
          {
            action: 'member.import',
            objectType: 'member',
            detail: () => ({ fileName: job.fileName, rows: job.rowsRead, written: job.rowsWritten }),
          },
          async (trx) => {
            job.rowsWritten = await writeStaged(trx, table, ctx.actor.userId, ctx.clock.now());
          },
        );
        job.phase = 'done';
        job.message = `已导入 ${job.rowsWritten} 名党员`;
      } finally {
        await dropStaging(conn, table);
      }
    });
  } catch (e) {
    job.rowsWritten = 0;
    // A record with the same identity number written by someone else while this import ran.
    const raced = e instanceof AppError ? e.code === 'CONFLICT' : (e as { code?: string }).code === '23505';
    const msg = e instanceof AppError ? e.message : raced ? '有身份证号已有党员记录' : '导入失败，未写入任何数据';
    if (!(e instanceof AppError) && !raced) log.error({ err: e }, 'member import failed');
    fail(job, raced ? `${msg}（可能有人同时录入了相同的党员），未写入任何数据` : msg);
  } finally {
    job.finishedAt = ctx.clock.now().toISOString();
  }
}

/** Reads, validates and stages every row, then adds the duplicate identity numbers found set-wise. */
async function stageAndCheck(ctx: Ctx, session: BulkSession, job: Job, file: Buffer, orgs: OrgLookup, table: StagingTable): Promise<void> {
  const today = ctx.today();
  const headerError = (missing: string[]): never => {
    throw new AppError('INVALID', `缺少必填列：${missing.join('、')}（请使用下载的导入模板）`, 400, 'file');
  };
  // Errors are kept in row order and bounded: past twice the reported number, the later rows' go.
  let errors: TImportError[] = [];
  const addError = (e: TImportError) => {
    job.errorCount++;
    errors.push(e);
    if (errors.length >= 2 * MAX_REPORTED_ERRORS) errors = sortedErrors(errors);
  };
  const publish = () => {
    errors = sortedErrors(errors);
    job.errors = errors;
  };

  job.phase = 'reading';
  // One COPY is in flight while the next batch is read and validated: the file and the database
  // work at the same time, and memory holds two batches at most.
  let inFlight: Promise<unknown> = Promise.resolve(null);
  const stage = async (rows: StagedRow[]) => {
    const failed = await inFlight;
    if (failed) throw failed;
    inFlight = stageRows(session, table, rows).then(
      () => null,
      (e: unknown) => e,
    );
  };
  const keys = pinyinKeys();
  let batch: StagedRow[] = [];
  for await (const r of readRows(file, headerError)) {
    job.rowsRead++;
    const v = validateRow(r, orgs, today);
    v.errors.forEach(addError);
    // Keyed by the hash: no clear identity number is staged.
    const hash = v.idNumber ? ctx.crypto.hash(v.idNumber) : null;
    if (v.member) job.rowsValid++;
    // Once a row has failed nothing will be written: only hashes are staged, for the duplicate report.
    if (hash || v.member) batch.push(job.errorCount > 0 ? { row: r.row, id_hash: hash, valid: false } : staged(ctx, keys, r.row, hash, v));
    if (batch.length >= STAGE_BATCH) {
      await stage(batch);
      batch = [];
      publish();
    }
  }
  await stage(batch);
  await stage([]);
  job.phase = 'checking';
  job.rowsTotal = job.rowsRead;
  const inFile = await duplicatesInFile(ctx.db, table, MAX_REPORTED_ERRORS);
  for (const d of inFile.rows) addError({ row: d.row, column: '身份证号', message: `与第 ${d.first} 行的身份证号重复` });
  job.errorCount += inFile.count - inFile.rows.length;
  job.rowsValid = Math.max(0, job.rowsValid - inFile.count);
  const ofRecords = await duplicatesOfRecords(ctx.db, table, MAX_REPORTED_ERRORS);
  for (const row of ofRecords.rows) addError({ row, column: '身份证号', message: '该身份证号已有党员记录，不能重复导入' });
  job.errorCount += ofRecords.count - ofRecords.rows.length;
  publish();
}

function sortedErrors(errors: TImportError[]): TImportError[] {
  return errors.sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS);
}

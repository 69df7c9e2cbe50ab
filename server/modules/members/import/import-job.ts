// An import runs as a job the page polls for its progress. One streaming pass over the file
// validates and stages every row (stage.ts); duplicates are then found set-wise, and the rows are
// written in ONE transaction that commits only when every row passed (SECURITY.md 27, ISSUE 16.1):
// on PostgreSQL while the file is read, on the embedded engine after it. The job outlives its
// request: it holds the context built before the response (context.ts) and a logger, never the
// request itself.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { TImportError, TImportJob } from '../../../../domain/schemas/members.js';
import { AppError } from '../../../errors.js';
import { audited, recordRead } from '../../../audit/record.js';
import type { Ctx } from '../../../context.js';
import { scopeSql } from '../../../scope/access.js';
import type { PreparedReader } from './read-pool.js';
import {
  BatchWriter,
  OneAtATime,
  createStaging,
  dropStaging,
  duplicatesInFile,
  duplicatesOfRecords,
  stageText,
  stagingTable,
  writeStaged,
} from './stage.js';
import type { BulkSession, BulkSessions } from '../../../db/bulk.js';
import type { ScopeOrg } from './validate-row.js';

type StagingTable = ReturnType<typeof stagingTable>;

const MAX_REPORTED_ERRORS = 1000;
/**
 * Rows per batch (a few MB of COPY text). Each batch the writer takes is one statement, whose
 * statement-level triggers (the statistics' deltas) cost less per row the more rows it holds; the
 * last batch is written after the read.
 */
const STAGE_BATCH = 10_000;
/** The first batch is smaller, so that the database starts while the thread reads on. */
const FIRST_BATCH = 2_000;
/** Finished jobs are forgotten after an hour: progress is kept in memory only. */
const KEEP_MS = 60 * 60 * 1000;

interface Job extends TImportJob {
  userId: number;
}
/** The checked upload and the thread started to read it (read-pool.ts). */
export interface Upload {
  file: Buffer;
  reader: PreparedReader;
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
  upload: Upload,
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
  void runImport(ctx, bulk, log, job, upload);
  return jobFor(job.id, job.userId)!;
}

function fail(job: Job, message: string) {
  job.phase = 'failed';
  job.message = message;
}

const importAudit = (job: Job) => ({
  action: 'member.import',
  objectType: 'member',
  detail: () => ({ fileName: job.fileName, rows: job.rowsRead, written: job.rowsWritten }),
});

/** Thrown inside the writer's transaction to roll it back when the file has errors. */
const ROLLBACK = Symbol('rollback');

/**
 * One streaming pass over the file, in a thread of its own (read-worker.ts): each row is validated
 * as it is read and staged (in batches); then duplicates are found set-wise; a file with any error
 * writes nothing. On PostgreSQL the rows are written while the file is read, in one transaction on a
 * second connection that commits only when the whole file passed (writeWhileReading); the embedded
 * engine is one session, so there the staged rows are written after the read (stageThenWrite).
 * Memory holds a batch or two and at most MAX_REPORTED_ERRORS errors, whatever the file's size.
 */
async function runImport(ctx: Ctx, bulk: BulkSessions, log: FastifyBaseLogger, job: Job, upload: Upload): Promise<void> {
  try {
    const orgs = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'name', 'code', 'kind', 'status'])
      .where(scopeSql('path', ctx.actor.scopePath))
      .execute();
    // The staging tables are temporary ones: on PostgreSQL each connection's statements run on it
    // alone; the embedded engine is one session, and holding its only connection for the whole
    // read would stop every other request (the page's progress polls included) until the end, so
    // there the bulk session holds it for each COPY only (server/db/bulk.ts).
    if (bulk.pair) await bulk.pair((stage, write) => writeWhileReading(ctx, stage, write, job, upload, orgs));
    else await bulk((session) => stageThenWrite(ctx, session, job, upload, orgs));
  } catch (e) {
    job.rowsWritten = 0;
    // A record with the same identity number written by someone else while this import ran.
    const raced = e instanceof AppError ? e.code === 'CONFLICT' : (e as { code?: string }).code === '23505';
    const msg = e instanceof AppError ? e.message : raced ? '有身份证号已有党员记录' : '导入失败，未写入任何数据';
    if (!(e instanceof AppError) && !raced) log.error({ err: e }, 'member import failed');
    fail(job, raced ? `${msg}（可能有人同时录入了相同的党员），未写入任何数据` : msg);
  } finally {
    // A job that failed before reading (its organizations, a connection) stops the thread too.
    await upload.reader.cancel();
    job.finishedAt = ctx.clock.now().toISOString();
  }
}

/** A file without rows, or with errors, writes nothing: the read is audited and the job fails with the count. */
async function refuse(ctx: Ctx, job: Job): Promise<void> {
  if (job.rowsRead === 0) return fail(job, '文件中没有党员数据');
  await recordRead(ctx, 'member.import', 'member', { fileName: job.fileName, rows: job.rowsRead, errors: job.errorCount, written: 0 });
  fail(job, `共有 ${job.errorCount} 处错误，未导入任何数据。请修改后重新上传。`);
}

function succeed(job: Job) {
  job.phase = 'done';
  job.message = `已导入 ${job.rowsWritten} 名党员`;
}

/** The embedded engine: every row staged with its record, then all written by one statement with the audit row. */
async function stageThenWrite(ctx: Ctx, session: BulkSession, job: Job, upload: Upload, orgs: ScopeOrg[]): Promise<void> {
  const table = stagingTable(job.id);
  const jctx: Ctx = { ...ctx, db: session.db };
  await createStaging(session.db, table);
  try {
    await stageAndCheck(jctx, session, job, upload, orgs, table, null);
    if (job.rowsRead === 0 || job.errorCount > 0) return await refuse(jctx, job);
    job.phase = 'writing';
    await audited(jctx, importAudit(job), async (trx) => {
      job.rowsWritten = await writeStaged(trx, table, ctx.actor.userId, ctx.clock.now());
    });
    succeed(job);
  } finally {
    await dropStaging(session.db, table);
  }
}

/**
 * PostgreSQL: the identity numbers' hashes are staged on one connection (committed as they go, for
 * the duplicate report), while the other writes the records batch by batch inside ONE transaction
 * with the audit row. The database writes while the file is read; the transaction commits only when
 * every row passed, and is rolled back otherwise.
 */
async function writeWhileReading(
  ctx: Ctx,
  stage: BulkSession,
  write: BulkSession,
  job: Job,
  upload: Upload,
  orgs: ScopeOrg[],
): Promise<void> {
  const table = stagingTable(job.id);
  const writerTable = stagingTable(job.id, 'writer');
  const sctx: Ctx = { ...ctx, db: stage.db };
  await createStaging(stage.db, table);
  await createStaging(write.db, writerTable);
  try {
    await audited({ ...ctx, db: write.db }, importAudit(job), async (trx) => {
      const writer = new BatchWriter(write, trx, writerTable, ctx.actor.userId, ctx.clock.now());
      try {
        await stageAndCheck(sctx, stage, job, upload, orgs, table, writer);
      } finally {
        // Nothing is left running on the connection when the transaction ends.
        await writer.settled();
      }
      if (job.rowsRead === 0 || job.errorCount > 0) throw ROLLBACK;
      job.phase = 'writing';
      // A batch refused although the file passed (a record written meanwhile by someone else) fails the import here.
      job.rowsWritten = await writer.finish();
    });
    succeed(job);
  } catch (e) {
    if (e !== ROLLBACK) throw e;
    await refuse(sctx, job);
  } finally {
    await dropStaging(stage.db, table);
    await dropStaging(write.db, writerTable);
  }
}

/**
 * Reads, validates and stages every row (or only its hash, the records going to the writer) as the
 * reading thread sends them (read-pool.ts), then adds the duplicate identity numbers found set-wise.
 */
async function stageAndCheck(
  ctx: Ctx,
  session: BulkSession,
  job: Job,
  upload: Upload,
  orgs: ScopeOrg[],
  table: StagingTable,
  writer: BatchWriter | null,
): Promise<void> {
  // Errors are kept in row order and bounded: past twice the reported number, the later rows' go.
  let errors: TImportError[] = [];
  const addError = (e: TImportError) => {
    errors.push(e);
    if (errors.length >= 2 * MAX_REPORTED_ERRORS) errors = sortedErrors(errors);
  };
  const publish = () => {
    errors = sortedErrors(errors);
    job.errors = errors;
  };

  job.phase = 'reading';
  // One COPY is in flight while the next batch is read: the file and the database work at the same time.
  const staging = new OneAtATime();
  const stage = async (rows: Uint8Array, staged: () => void) => {
    const task = async () => {
      await stageText(session, table, rows);
      staged();
    };
    if (!(await staging.start(task))) throw staging.failure;
  };
  const batches = upload.reader.read({
    file: upload.file,
    orgs,
    today: ctx.today(),
    keys: ctx.crypto.identityKeys(),
    batch: STAGE_BATCH,
    firstBatch: FIRST_BATCH,
    recordsApart: writer !== null,
    maxErrors: MAX_REPORTED_ERRORS,
  });
  for await (const b of batches) {
    Object.assign(job, { rowsRead: b.rowsRead, rowsValid: b.rowsValid, errorCount: b.errorCount });
    b.errors.forEach(addError);
    // Each buffer goes back to the reading thread once its rows are in the database.
    await stage(b.staged, () => b.recycle(b.staged));
    // Once a row has failed nothing will be written.
    await writer?.write(job.errorCount > 0 ? new Uint8Array() : b.records, () => b.recycle(b.records));
    b.next();
    publish();
  }
  await staging.done();
  job.phase = 'checking';
  job.rowsTotal = job.rowsRead;
  const inFile = await duplicatesInFile(ctx.db, table, MAX_REPORTED_ERRORS);
  for (const d of inFile.rows) addError({ row: d.row, column: '身份证号', message: `与第 ${d.first} 行的身份证号重复` });
  const ofRecords = await duplicatesOfRecords(ctx.db, table, MAX_REPORTED_ERRORS);
  for (const row of ofRecords.rows) addError({ row, column: '身份证号', message: '该身份证号已有党员记录，不能重复导入' });
  job.errorCount += inFile.count + ofRecords.count;
  job.rowsValid = Math.max(0, job.rowsValid - inFile.count);
  publish();
}

function sortedErrors(errors: TImportError[]): TImportError[] {
  return errors.sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS);
}

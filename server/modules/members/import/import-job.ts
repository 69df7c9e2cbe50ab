// An import runs as a job the page polls for its progress. Two streaming passes over the file:
// the first validates every row (keeping only identity-number hashes and errors in memory), the
// second, only when every row passed, writes all rows in ONE transaction (SECURITY.md 27).
// The job outlives its request: it holds the context built before the response (context.ts) and a
// logger, never the request itself.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { TImportError, TImportJob } from '../../../../domain/schemas/members.js';
import { AppError } from '../../../errors.js';
import { audited, recordRead } from '../../../audit/record.js';
import type { Ctx } from '../../../context.js';
import { scopeSql } from '../../../scope/access.js';
import { existingIdHashes } from '../queries.js';
import { insertMembers, type NewMember } from '../insert-member.js';
import { readRows } from './read-rows.js';
import { OrgLookup, validateRow } from './validate-row.js';

const MAX_REPORTED_ERRORS = 1000;
const WRITE_BATCH = 2000;
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
export function startImport(ctx: Ctx, log: FastifyBaseLogger, file: Buffer, fileName: string, rowsTotal: number | null): TImportJob {
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
  void runImport(ctx, log, job, file);
  return jobFor(job.id, job.userId)!;
}

function fail(job: Job, message: string) {
  job.phase = 'failed';
  job.message = message;
}

async function runImport(ctx: Ctx, log: FastifyBaseLogger, job: Job, file: Buffer): Promise<void> {
  const { db } = ctx;
  try {
    const orgs = new OrgLookup(
      await db.selectFrom('orgs').select(['id', 'name', 'code', 'kind', 'status']).where(scopeSql('path', ctx.actor.scopePath)).execute(),
    );
    const today = ctx.today();
    const headerError = (missing: string[]): never => {
      throw new AppError('INVALID', `缺少必填列：${missing.join('、')}（请使用下载的导入模板）`, 400, 'file');
    };
    const addError = (e: TImportError) => {
      job.errorCount++;
      if (job.errors.length < MAX_REPORTED_ERRORS) job.errors.push(e);
    };

    // Pass 1: validate every row; de-duplicate by identity number within the file and against the database.
    job.phase = 'reading';
    const seen = new Map<string, number>();
    let pending: { row: number; hash: string }[] = [];
    const checkPending = async () => {
      const found = await existingIdHashes(
        db,
        pending.map((p) => p.hash),
      );
      for (const p of pending)
        if (found.has(p.hash)) addError({ row: p.row, column: '身份证号', message: '该身份证号已有党员记录，不能重复导入' });
      pending = [];
    };
    for await (const r of readRows(file, headerError)) {
      job.rowsRead++;
      const v = validateRow(r, orgs, today);
      v.errors.forEach(addError);
      let duplicate = false;
      if (v.idNumber) {
        // Keyed by the hash, so no clear identity numbers pile up in memory.
        const hash = ctx.crypto.hash(v.idNumber);
        const first = seen.get(hash);
        duplicate = first !== undefined;
        if (first) addError({ row: r.row, column: '身份证号', message: `与第 ${first} 行的身份证号重复` });
        else {
          seen.set(hash, r.row);
          pending.push({ row: r.row, hash });
        }
      }
      if (v.member && !duplicate) job.rowsValid++;
      if (pending.length >= 1000) await checkPending();
    }
    job.phase = 'checking';
    job.rowsTotal = job.rowsRead;
    await checkPending();
    if (job.rowsRead === 0) return fail(job, '文件中没有党员数据');
    if (job.errorCount > 0) {
      job.errors.sort((a, b) => a.row - b.row);
      await recordRead(ctx, 'member.import', 'member', { fileName: job.fileName, rows: job.rowsRead, errors: job.errorCount, written: 0 });
      return fail(job, `共有 ${job.errorCount} 处错误，未导入任何数据。请修改后重新上传。`);
    }

    // Pass 2: read again and write everything in one transaction with its audit row.
    job.phase = 'writing';
    await audited(
      ctx,
      {
        action: 'member.import',
        objectType: 'member',
        detail: () => ({ fileName: job.fileName, rows: job.rowsRead, written: job.rowsWritten }),
      },
      async (trx) => {
        let batch: NewMember[] = [];
        const flush = async () => {
          await insertMembers(trx, ctx.crypto, ctx.actor.userId, batch, ctx.clock.now());
          job.rowsWritten += batch.length;
          batch = [];
        };
        for await (const r of readRows(file, headerError)) {
          const v = validateRow(r, orgs, today);
          // The file cannot have changed between the passes (it is our own temp copy); this is a guard.
          if (!v.member) throw new AppError('INVALID', `第 ${r.row} 行校验失败`, 400, 'file');
          batch.push(v.member);
          if (batch.length >= WRITE_BATCH) await flush();
        }
        if (batch.length) await flush();
      },
    );
    job.phase = 'done';
    job.message = `已导入 ${job.rowsWritten} 名党员`;
  } catch (e) {
    job.rowsWritten = 0;
    const msg = e instanceof AppError ? e.message : '导入失败，未写入任何数据';
    if (!(e instanceof AppError)) log.error({ err: e }, 'member import failed');
    fail(job, e instanceof AppError && e.code === 'CONFLICT' ? `${msg}（可能有人同时录入了相同的党员），未写入任何数据` : msg);
  } finally {
    job.finishedAt = ctx.clock.now().toISOString();
  }
}

// The member import's reading, in a worker thread of its own (issue 16 point 1): the file is read
// with ExcelJS's streaming reader, each row validated, its identity number encrypted, hashed and
// masked, its pinyin keys found, and the rows sent to the job (import-job.ts) as COPY text in
// batches. The server's own thread stays free for every other request while a large file is read,
// and the thread's young generation is sized for the reader's many short-lived objects (read-pool.ts).
// The job sends a credit for each batch it has handed to the database: at most two batches wait.
import { parentPort } from 'node:worker_threads';
import type { TImportError } from '../../../../domain/schemas/members.js';
import { maskIdNumber } from '../../../../domain/rules/id-number.js';
import { IdNumberCipher } from '../../../crypto/id-crypto.js';
import { AppError } from '../../../errors.js';
import { CopyBytes } from '../../../db/copy-text.js';
import { pinyinInitials, pinyinSortKey } from '../../orgs/pinyin.js';
import { readRows } from './read-rows.js';
import { STAGE_COLUMNS, type StagedRow } from './stage.js';
import { OrgLookup, validateRow, type RowResult } from './validate-row.js';
import type { ReadBatch, ReadFailure, ReadRequest } from './read-pool.js';

const port = parentPort!;

let credits = 2;
let waiting: (() => void) | null = null;
/** Buffers the job has sent back once their rows were in the database, to build later batches in. */
const spare: ArrayBuffer[] = [];
port.on('message', (m: unknown) => {
  // The file and what to check it against, once the upload has passed its checks (read-pool.ts).
  if (typeof m === 'object' && m !== null && (m as { type?: string }).type === 'start') {
    read((m as { request: ReadRequest }).request).catch(failed);
    return;
  }
  if (m instanceof ArrayBuffer) {
    if (spare.length < 4) spare.push(m);
    return;
  }
  if (m !== 'credit') return;
  credits++;
  waiting?.();
  waiting = null;
});
/** A buffer of at least `size` bytes: a spare one when one is large enough. */
function buffer(size: number): Uint8Array<ArrayBuffer> {
  const i = spare.findIndex((b) => b.byteLength >= size);
  return i >= 0 ? new Uint8Array(spare.splice(i, 1)[0]) : new Uint8Array(size);
}
async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits--;
}

/** Pinyin keys by name: names repeat in a roster and pinyin-pro takes tens of µs a name. Bounded. */
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

async function read(request: ReadRequest): Promise<void> {
  const cipher = new IdNumberCipher(request.keys);
  const orgs = new OrgLookup(request.orgs);
  const keys = pinyinKeys();
  const file = Buffer.from(request.file.buffer, request.file.byteOffset, request.file.byteLength);
  const headerError = (missing: string[]): never => {
    throw new AppError('INVALID', `缺少必填列：${missing.join('、')}（请使用下载的导入模板）`, 400, 'file');
  };
  let rowsRead = 0;
  let rowsValid = 0;
  let errorCount = 0;
  let errors: TImportError[] = [];
  // Each row becomes its line of COPY text at once, as UTF-8 bytes outside the heap: a batch waits as two blocks, not
  // as thousands of objects that would outlive the young generation's collections, and is handed over without a copy.
  const staged = new CopyBytes(1 << 20, buffer);
  const records = new CopyBytes(1 << 20, buffer);
  let batchRows = 0;
  let first = true;
  const send = async () => {
    await credit();
    const batch: ReadBatch = {
      type: 'batch',
      rowsRead,
      rowsValid,
      errorCount,
      errors,
      staged: staged.take(),
      records: records.take(),
    };
    port.postMessage(batch, [batch.staged.buffer, batch.records.buffer]);
    errors = [];
    batchRows = 0;
    first = false;
  };
  for await (const r of readRows(file, headerError)) {
    rowsRead++;
    const v = validateRow(r, orgs, request.today);
    errorCount += v.errors.length;
    // The job keeps the first ones in row order; a batch sends at most that many.
    for (const e of v.errors) if (errors.length < request.maxErrors) errors.push(e);
    // Keyed by the hash: no clear identity number is staged.
    const hash = v.idNumber ? cipher.hash(v.idNumber) : null;
    if (v.member) rowsValid++;
    if (!hash && !v.member) continue;
    // Once a row has failed nothing will be written: only hashes are staged, for the duplicate report.
    const record = errorCount > 0 || !v.member ? null : asRecord(cipher, keys, r.row, hash, v.member);
    if (request.recordsApart && record) records.add(record, STAGE_COLUMNS);
    staged.add(request.recordsApart || !record ? { row: r.row, id_hash: hash, valid: false } : record, STAGE_COLUMNS);
    // The first batch is smaller, so that the database starts sooner.
    if (++batchRows >= (first ? request.firstBatch : request.batch)) await send();
  }
  await send();
  port.postMessage({ type: 'end' });
}

/** The row as written: the record's columns, its identity number encrypted, hashed and masked. */
function asRecord(
  cipher: IdNumberCipher,
  keys: ReturnType<typeof pinyinKeys>,
  row: number,
  hash: string | null,
  member: NonNullable<RowResult['member']>,
): StagedRow {
  const { idNumber, ...fields } = member;
  return {
    row,
    valid: true,
    ...fields,
    id_hash: hash,
    id_cipher: cipher.encrypt(idNumber),
    id_masked: maskIdNumber(idNumber),
    ...keys(fields.name),
  };
}

function failed(e: unknown) {
  const failure: ReadFailure =
    e instanceof AppError
      ? { type: 'failed', code: e.code, message: e.message, status: e.status, field: e.field ?? null }
      : { type: 'failed', code: null, message: e instanceof Error ? e.message : String(e), status: 500, field: null };
  port.postMessage(failure);
}

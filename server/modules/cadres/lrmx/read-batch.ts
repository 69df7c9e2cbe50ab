// A batch of .lrmx files as officers keep them (PILLARS.md §1): loose files and zips of folders
// named by person. Each file is read on its own: a bad file gets its reason and the others are
// still read, so the import can name every file it will not take and import none of that file.
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { AppError } from '../../../errors.js';
import { BATCH_LIMITS, zipEntries, type BatchLimits, type ZipBudget } from './lrmx-zip.js';
import { readLrmx } from './read-lrmx.js';

export interface LrmxBatchResult {
  /** The file name; for an entry of a zip, `archive.zip/folder/name.lrmx`. */
  name: string;
  sheet?: TCadreSheet;
  /** Why the file was not read; code `LRMX_SKIPPED` for a file that is not a .lrmx. */
  error?: { code: string; message: string };
}

const LRMX = /\.lrmx$/i;
const ZIP = /\.zip$/i;
const SKIPPED = { code: 'LRMX_SKIPPED', message: '不是 .lrmx 文件，已跳过' };

/** An AppError's code and message; anything else becomes a generic reason (no internals shown). */
function reason(e: unknown): { code: string; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  return { code: 'LRMX_INVALID', message: '文件无法读取' };
}

function readOne(name: string, data: () => Buffer): LrmxBatchResult {
  try {
    return { name, sheet: readLrmx(data()).sheet };
  } catch (e) {
    return { name, error: reason(e) };
  }
}

function readZip(name: string, data: Buffer, budget: ZipBudget, limits: BatchLimits): LrmxBatchResult[] {
  let entries;
  try {
    entries = zipEntries(data, budget, limits);
  } catch (e) {
    return [{ name, error: reason(e) }];
  }
  return entries.map((entry) => {
    const entryName = `${name}/${entry.name}`;
    if (!LRMX.test(entry.name)) return { name: entryName, error: SKIPPED };
    // Once the batch's inflation budget is spent, the remaining entries are not inflated at all.
    if (budget.bytes <= 0)
      return { name: entryName, error: { code: 'LRMX_INVALID', message: '压缩包解压后的总大小超过上限，此文件未读取' } };
    return readOne(entryName, entry.read);
  });
}

/** Reads every .lrmx of the batch, expanding zips; one result per file or zip entry, in order. */
export function readLrmxBatch(files: { name: string; data: Buffer }[], limits: BatchLimits = BATCH_LIMITS): LrmxBatchResult[] {
  const budget: ZipBudget = { bytes: limits.maxTotalBytes, entries: limits.maxEntries };
  return files.flatMap((f) => {
    if (ZIP.test(f.name)) return readZip(f.name, f.data, budget, limits);
    if (LRMX.test(f.name)) return [readOne(f.name, () => f.data)];
    return [{ name: f.name, error: SKIPPED }];
  });
}

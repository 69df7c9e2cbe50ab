// The entries of a zip of .lrmx files, read with bounded work (SECURITY.md 25, the approach of
// members/import/xlsx-guard.ts): the central directory is read by hand, sizes the archive declares
// are never trusted, each entry is inflated by node:zlib with an output limit so inflation stops at
// the first byte past the cap, and the bytes really inflated are counted against a budget shared by
// the whole batch. Only the entries the caller wants are inflated at all.
import { inflateRawSync } from 'node:zlib';
import { lrmxError } from './lrmx-format.js';

export const BATCH_LIMITS = {
  /** Inflated bytes over the whole batch. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Inflated bytes of one entry (a .lrmx is refused above 5 MB anyway). */
  maxEntryBytes: 5 * 1024 * 1024,
  /** Entries of one archive, and of all archives of a batch together. */
  maxEntries: 5_000,
};
export type BatchLimits = typeof BATCH_LIMITS;

/** What is left of a batch's limits; archives of the same batch draw on it in turn. */
export interface ZipBudget {
  bytes: number;
  entries: number;
}

export interface ZipEntry {
  /** The path inside the archive, decoded (UTF-8 when flagged or valid, else GBK). */
  name: string;
  /** Inflates the entry, or throws an AppError when it is encrypted, corrupt or over a limit. */
  read: () => Buffer;
}

/** Names written by Chinese Windows tools carry no UTF-8 flag and are GBK; macOS and 7-Zip write UTF-8. */
function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

const BROKEN = () => lrmxError('压缩包已损坏或结构异常，无法读取');

interface DirEntry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  localOffset: number;
}

function directory(buf: Buffer, limits: BatchLimits): DirEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw BROKEN();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw lrmxError('压缩包过大（ZIP64），请拆分后导入');
  if (count > limits.maxEntries) throw lrmxError(`压缩包内文件超过 ${limits.maxEntries} 个，请拆分后导入`);
  if (cdOffset + cdSize > eocd) throw BROKEN();
  const entries: DirEntry[] = [];
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== 0x02014b50) throw BROKEN();
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({
      flags,
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
      name: decodeName(buf.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  // Entries must not overlap: one deflate stream named by many entries is an old bomb.
  let end = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset < end || e.localOffset + 30 > cdOffset || buf.readUInt32LE(e.localOffset) !== 0x04034b50) throw BROKEN();
    end = dataStart(buf, e) + e.compressed;
    if (end > cdOffset) throw BROKEN();
  }
  return entries;
}

const dataStart = (buf: Buffer, e: DirEntry) =>
  e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);

function inflate(buf: Buffer, e: DirEntry, limits: BatchLimits, budget: ZipBudget): Buffer {
  if (e.flags & 0x1) throw lrmxError('文件已加密，请解密后导入');
  const cap = Math.min(limits.maxEntryBytes, budget.bytes);
  const data = buf.subarray(dataStart(buf, e), dataStart(buf, e) + e.compressed);
  // null: inflation stopped past the cap.
  let out: Buffer | null;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: cap + 1 });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw lrmxError('文件在压缩包内已损坏，无法解压');
      out = null;
    }
  } else {
    throw lrmxError('文件使用了不支持的压缩方式');
  }
  if (out === null || out.length > cap) {
    // The cap is all that was inflated; past the batch's budget nothing more is read.
    budget.bytes -= cap;
    if (cap < limits.maxEntryBytes) throw lrmxError(`压缩包解压后的总大小超过 ${limits.maxTotalBytes / 1024 / 1024} MB，其余文件未读取`);
    throw lrmxError(`文件解压后超过 ${limits.maxEntryBytes / 1024 / 1024} MB，不是正常的任免审批表文件`);
  }
  budget.bytes -= out.length;
  return out;
}

/**
 * The file entries of an archive (directories and macOS `__MACOSX/` metadata left out), each
 * inflated only when read. Throws an AppError when the archive itself cannot be read.
 */
export function zipEntries(buf: Buffer, budget: ZipBudget, limits: BatchLimits = BATCH_LIMITS): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw BROKEN();
  const entries = directory(buf, limits).filter((e) => !e.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(e.name));
  if (entries.length > budget.entries) throw lrmxError(`本次导入的文件超过 ${limits.maxEntries} 个，请分批导入`);
  budget.entries -= entries.length;
  return entries.map((e) => ({ name: e.name.replaceAll('\\', '/'), read: () => inflate(buf, e, limits, budget) }));
}

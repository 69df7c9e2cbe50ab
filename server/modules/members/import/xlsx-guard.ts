// Checks on an uploaded spreadsheet before any parser sees it (SECURITY.md 25): a real .xlsx (a zip
// with the OOXML workbook parts), no macros, bounded entry count and uncompressed size (zip bombs),
// and a row count bound read from the sheet's <dimension> when the writer put one there.
// Sizes declared in the archive are never trusted: every entry is inflated once, counting the bytes
// it really yields, and the archive must be laid out as its directory says (no hidden entries).
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { invalid } from '../../../errors.js';

export const IMPORT_LIMITS = {
  /** Upload size: 100,000 rows of the template take about 8 MB. */
  maxFileBytes: 30 * 1024 * 1024,
  maxRows: 200_000,
  maxEntries: 2_000,
  maxUncompressedBytes: 600 * 1024 * 1024,
  /** An entry inflating more than this many times its stored size is treated as a bomb. */
  maxRatio: 200,
  /** The longest run of text between two XML tags: one cell holds at most 32,767 characters. */
  maxTextRun: 512 * 1024,
};

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const bad = (msg: string) => invalid(msg, 'file');

/** Reads the zip central directory (no decompression); refuses anything that is not a plain zip. */
function centralDirectory(buf: Buffer): { entries: ZipEntry[]; cdOffset: number; read: (e: ZipEntry, max: number) => Promise<Buffer> } {
  const size = buf.length;
  if (size < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw bad('文件不是有效的 Excel（.xlsx）文件');
  // End of central directory: within the last 22 + 65,535 bytes (the comment is at most 64 KB).
  let eocd = -1;
  for (let i = size - 22; i >= Math.max(0, size - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('文件不是有效的 Excel（.xlsx）文件');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bad('文件过大（ZIP64），请拆分后导入');
  if (count > IMPORT_LIMITS.maxEntries || cdOffset + cdSize > size) throw bad('文件结构异常，已拒绝');
  const cd = buf.subarray(cdOffset, cdOffset + cdSize);
  const entries: ZipEntry[] = [];
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad('文件结构异常，已拒绝');
    const nameLen = cd.readUInt16LE(p + 28);
    entries.push({
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      uncompressed: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { entries, cdOffset, read: (e, max) => readEntry(buf, e, max) };
}

/** Where an entry's stored bytes start: past its local header (30 bytes), its name and its extra field. */
const dataStart = (buf: Buffer, localOffset: number) =>
  localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);

/** The first `max` uncompressed bytes of an entry (stored or deflated). */
async function readEntry(buf: Buffer, e: ZipEntry, max: number): Promise<Buffer> {
  if (e.localOffset + 30 > buf.length) throw bad('文件结构异常，已拒绝');
  const start = dataStart(buf, e.localOffset);
  const len = Math.min(e.compressed, e.method === 0 ? max : Math.max(64 * 1024, max));
  const data = buf.subarray(start, start + len);
  if (e.method === 0) return data.subarray(0, max);
  // Inflated as a stream that stops at `max`: even a whole small entry may inflate to far more than
  // we read (a sheet of 1,000 rows is 20 KB stored, 200 KB inflated), and a one-shot inflate with an
  // output bound throws on that instead of stopping.
  return await inflatePrefix(data, max);
}

// Inflates the start of a deflate stream that we deliberately cut short.
function inflatePrefix(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    let n = 0;
    const z = createInflateRaw();
    const finish = () => {
      z.removeAllListeners();
      z.destroy();
      resolve(Buffer.concat(out).subarray(0, max));
    };
    z.on('data', (c: Buffer) => {
      out.push(c);
      n += c.length;
      if (n >= max) finish();
    });
    z.on('error', finish);
    z.on('end', finish);
    z.end(data);
  });
}

/**
 * Throws a Chinese reason (field `file`) unless the file is a plain, bounded .xlsx workbook.
 * Returns the data rows of the first sheet when its <dimension> says (for the progress bar), else null.
 */
export async function assertSafeXlsx(file: Buffer, fileName: string): Promise<{ rows: number | null }> {
  if (/\.xlsm$|\.xltm$|\.xlam$/i.test(fileName)) throw bad('不接受含宏的 Excel 文件（.xlsm），请另存为 .xlsx');
  if (!/\.xlsx$/i.test(fileName)) throw bad('请上传 .xlsx 格式的文件（Excel 2007 及以上）');
  const { entries, cdOffset, read } = centralDirectory(file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw bad('文件不是有效的 Excel（.xlsx）文件');
  if (entries.some((e) => /vbaProject\.bin$|^xl\/macrosheets\/|\.bin$/i.test(e.name))) throw bad('文件含有宏或二进制内容，已拒绝');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * IMPORT_LIMITS.maxRatio) throw bad('文件压缩比异常，已拒绝');
  }
  if (total > IMPORT_LIMITS.maxUncompressedBytes) throw bad('文件解压后过大，请拆分后导入');
  await assertTrueSizes(file, entries, cdOffset);
  const types = (
    await read(
      entries.find((e) => e.name === '[Content_Types].xml')!,
      256 * 1024,
    )
  ).toString('utf8');
  if (/macroEnabled/i.test(types)) throw bad('不接受含宏的 Excel 文件，请另存为 .xlsx');
  // Excel and WPS write <dimension ref="A1:P100001"/> at the top of each sheet: bound the rows before parsing.
  let rows: number | null = null;
  for (const e of entries.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name))) {
    const top = (await read(e, 8 * 1024)).toString('utf8');
    const dim = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(top);
    if (dim?.[1] && Number(dim[1]) > IMPORT_LIMITS.maxRows + 1) throw bad(`行数超过 ${IMPORT_LIMITS.maxRows} 行，请拆分后导入`);
    if (dim?.[1] && e.name === 'xl/worksheets/sheet1.xml') rows = Number(dim[1]) - 1;
  }
  return { rows };
}

/**
 * The entries of an archive assertSafeXlsx has passed, in its directory's order, each opened on
 * demand as a stream of its uncompressed bytes, read from the buffer: the parser sees exactly the
 * entries that were checked, in the order it needs them (utf8-workbook-reader.ts).
 */
export function zipEntries(buf: Buffer): { name: string; open(): Readable }[] {
  return centralDirectory(buf).entries.map((e) => ({
    name: e.name,
    open: () => {
      const start = dataStart(buf, e.localOffset);
      const data = buf.subarray(start, start + e.compressed);
      if (e.method === 0) return Readable.from([data]);
      const z = createInflateRaw();
      z.end(data);
      return z;
    },
  }));
}

const BOMB = () => bad('文件解压后的实际大小与声明不符（疑似压缩炸弹），已拒绝');

/**
 * The archive read front to back holds exactly the directory's entries (a streaming unzipper sees no
 * hidden ones), and each entry inflates to exactly its declared size: inflation stops at the first
 * byte past it, so no file makes the server inflate more than the bounded total declared. Text runs
 * between tags are bounded too (a cell of a gigabyte is refused before any parser holds it).
 */
export async function assertTrueSizes(buf: Buffer, entries: ZipEntry[], cdOffset: number): Promise<void> {
  let at = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== at || at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50)
      throw bad('文件结构异常（存在目录以外的内容），已拒绝');
    const start = dataStart(buf, at);
    const end = start + e.compressed;
    if (end > cdOffset) throw bad('文件结构异常，已拒绝');
    at = end;
    // A data descriptor (flag bit 3): optional signature, CRC and both sizes.
    if (e.flags & 0x08) at += at + 4 <= buf.length && buf.readUInt32LE(at) === 0x08074b50 ? 16 : 12;
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) throw BOMB();
      continue;
    }
    if (e.method !== 8) throw bad('文件使用了不支持的压缩方式，已拒绝');
    if ((await inflatedSize(buf.subarray(start, end), e.uncompressed)) !== e.uncompressed) throw BOMB();
  }
  if (at !== cdOffset) throw bad('文件结构异常（存在目录以外的内容），已拒绝');
}

/** Inflates a deflate stream, counting its bytes; stops (and answers limit + 1) past `limit`. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let run = 0;
    const z = createInflateRaw();
    const stop = (v: number | Error) => {
      z.removeAllListeners();
      z.destroy();
      if (v instanceof Error) reject(v);
      else resolve(v);
    };
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > limit) return stop(limit + 1);
      // Longest stretch without '<' (text inside one element), carried across chunks.
      let from = 0;
      for (let i = c.indexOf(0x3c); i >= 0; i = c.indexOf(0x3c, i + 1)) {
        if (run + (i - from) > IMPORT_LIMITS.maxTextRun) return stop(bad('文件中有超长的单元格内容，已拒绝'));
        run = 0;
        from = i + 1;
      }
      run += c.length - from;
      if (run > IMPORT_LIMITS.maxTextRun) stop(bad('文件中有超长的单元格内容，已拒绝'));
    });
    z.on('error', () => stop(bad('文件已损坏，无法解压')));
    z.on('end', () => stop(n));
    z.end(data);
  });
}

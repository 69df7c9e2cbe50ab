// Checks on an uploaded spreadsheet before any parser sees it (SECURITY.md 25): a real .xlsx (a zip
// with the OOXML workbook parts), no macros, bounded entry count and uncompressed size (zip bombs),
// and a row count bound read from the sheet's <dimension> when the writer put one there.
import { open } from 'node:fs/promises';
import { inflateRawSync, createInflateRaw } from 'node:zlib';
import { invalid } from '../../../errors.js';

export const IMPORT_LIMITS = {
  /** Upload size: 100,000 rows of the template take about 8 MB. */
  maxFileBytes: 30 * 1024 * 1024,
  maxRows: 200_000,
  maxEntries: 2_000,
  maxUncompressedBytes: 600 * 1024 * 1024,
  /** An entry inflating more than this many times its stored size is treated as a bomb. */
  maxRatio: 200,
};

interface ZipEntry { name: string; method: number; compressed: number; uncompressed: number; localOffset: number }

const bad = (msg: string) => invalid(msg, 'file');

/** Reads the zip central directory (no decompression); refuses anything that is not a plain zip. */
async function centralDirectory(file: string): Promise<{ entries: ZipEntry[]; read: (e: ZipEntry, max: number) => Promise<Buffer> }> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (size < 22 || head.readUInt32LE(0) !== 0x04034b50) throw bad('文件不是有效的 Excel（.xlsx）文件');
    // End of central directory: within the last 22 + 65,535 bytes (the comment is at most 64 KB).
    const tailLen = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw bad('文件不是有效的 Excel（.xlsx）文件');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw bad('文件过大（ZIP64），请拆分后导入');
    if (count > IMPORT_LIMITS.maxEntries || cdOffset + cdSize > size) throw bad('文件结构异常，已拒绝');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    for (let p = 0, i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad('文件结构异常，已拒绝');
      const nameLen = cd.readUInt16LE(p + 28);
      entries.push({
        method: cd.readUInt16LE(p + 10),
        compressed: cd.readUInt32LE(p + 20),
        uncompressed: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return { entries, read: (e, max) => readEntry(file, e, max) };
  } finally {
    await fh.close();
  }
}

/** The first `max` uncompressed bytes of an entry (stored or deflated). */
async function readEntry(file: string, e: ZipEntry, max: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, e.localOffset);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const len = Math.min(e.compressed, e.method === 0 ? max : Math.max(64 * 1024, max));
    const data = Buffer.alloc(len);
    await fh.read(data, 0, len, start);
    if (e.method === 0) return data.subarray(0, max);
    if (len === e.compressed) return inflateRawSync(data).subarray(0, max);
    return await inflatePrefix(data, max);
  } finally {
    await fh.close();
  }
}

// Inflates the start of a deflate stream that we deliberately cut short.
function inflatePrefix(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    let n = 0;
    const z = createInflateRaw();
    const finish = () => { z.removeAllListeners(); z.destroy(); resolve(Buffer.concat(out).subarray(0, max)); };
    z.on('data', (c: Buffer) => { out.push(c); n += c.length; if (n >= max) finish(); });
    z.on('error', finish);
    z.on('end', finish);
    z.end(data);
  });
}

/**
 * Throws a Chinese reason (field `file`) unless the file is a plain, bounded .xlsx workbook.
 * Returns the data rows of the first sheet when its <dimension> says (for the progress bar), else null.
 */
export async function assertSafeXlsx(file: string, fileName: string): Promise<{ rows: number | null }> {
  if (/\.xlsm$|\.xltm$|\.xlam$/i.test(fileName)) throw bad('不接受含宏的 Excel 文件（.xlsm），请另存为 .xlsx');
  if (!/\.xlsx$/i.test(fileName)) throw bad('请上传 .xlsx 格式的文件（Excel 2007 及以上）');
  const { entries, read } = await centralDirectory(file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw bad('文件不是有效的 Excel（.xlsx）文件');
  if (entries.some((e) => /vbaProject\.bin$|^xl\/macrosheets\/|\.bin$/i.test(e.name))) throw bad('文件含有宏或二进制内容，已拒绝');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * IMPORT_LIMITS.maxRatio) throw bad('文件压缩比异常，已拒绝');
  }
  if (total > IMPORT_LIMITS.maxUncompressedBytes) throw bad('文件解压后过大，请拆分后导入');
  const types = (await read(entries.find((e) => e.name === '[Content_Types].xml')!, 256 * 1024)).toString('utf8');
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

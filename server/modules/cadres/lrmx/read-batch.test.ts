// Batch import of .lrmx files and zips of them: each file on its own, bounded inflation, names as written.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BATCH_LIMITS } from './lrmx-zip.js';
import { readLrmxBatch } from './read-batch.js';
import { sampleSheet } from './sample.js';
import { writeLrmx } from './write-lrmx.js';

interface Entry {
  /** The name's bytes as the archive stores them. */
  name: Buffer;
  data: Buffer;
  /** Deflate (8) or store (0). */
  method?: 0 | 8;
  /** General purpose flags: 0x800 UTF-8 name, 0x1 encrypted. */
  flags?: number;
}

/** A zip written by hand, so that name encodings, flags and methods are what the test says. */
function zip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.flags ?? 0, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(e.data.length, 24);
    cd.writeUInt16LE(e.name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, e.name);
    parts.push(local, e.name, body);
    offset += 30 + e.name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

const utf8 = (name: string, data: Buffer, extra: Partial<Entry> = {}): Entry => ({ name: Buffer.from(name), data, flags: 0x800, ...extra });
const gbk = (bytes: number[], ascii: string, data: Buffer): Entry => ({
  name: Buffer.concat([Buffer.from(bytes), Buffer.from(ascii)]),
  data,
});

const lin = writeLrmx(sampleSheet());
const chen = writeLrmx(sampleSheet({ name: '陈丽华', sex: '女' }));
const broken = Buffer.from('<?xml version="1.0"?><Person><XingMing>A&B</XingMing></Person>');

/** name → sheet name, or name → error code. */
const summary = (results: ReturnType<typeof readLrmxBatch>) => results.map((r) => [r.name, r.sheet?.name ?? r.error?.code]);

describe('readLrmxBatch: loose files', () => {
  it('reads .lrmx in any case, skips other files, and goes on past a bad one', () => {
    const results = readLrmxBatch([
      { name: '林晓东.lrmx', data: lin },
      { name: '坏文件.lrmx', data: broken },
      { name: '陈丽华.Lrmx', data: chen },
      { name: '花名册.xlsx', data: Buffer.from('PK') },
      { name: '照片.LRMX', data: Buffer.from('not xml') },
    ]);
    expect(summary(results)).toEqual([
      ['林晓东.lrmx', '林晓东'],
      ['坏文件.lrmx', 'LRMX_INVALID'],
      ['陈丽华.Lrmx', '陈丽华'],
      ['花名册.xlsx', 'LRMX_SKIPPED'],
      ['照片.LRMX', 'LRMX_INVALID'],
    ]);
    expect(results[1]!.error!.message).toMatch(/未转义的“&”/);
    expect(results[3]!.error!.message).toBe('不是 .lrmx 文件，已跳过');
  });

  it('answers nothing for an empty batch', () => {
    expect(readLrmxBatch([])).toEqual([]);
  });
});

describe('readLrmxBatch: zips', () => {
  it('expands a zip: folders and __MACOSX left out, other entries skipped, GBK and UTF-8 names decoded', () => {
    const archive = zip([
      utf8('干部/', Buffer.alloc(0)),
      // 林晓东 in GBK, without the UTF-8 flag, as Windows' own zip writes it.
      gbk([0xc1, 0xd6, 0xcf, 0xfe, 0xb6, 0xab], '.lrmx', lin),
      // UTF-8 without the flag, as some macOS tools write it.
      { name: Buffer.from('干部/陈丽华.LRMX'), data: chen, method: 0 },
      utf8('__MACOSX/干部/._陈丽华.LRMX', Buffer.from([0, 5, 22, 7])),
      utf8('干部/说明.txt', Buffer.from('readme')),
      utf8('干部/坏文件.lrmx', broken),
    ]);
    expect(summary(readLrmxBatch([{ name: '任免审批表.zip', data: archive }]))).toEqual([
      ['任免审批表.zip/林晓东.lrmx', '林晓东'],
      ['任免审批表.zip/干部/陈丽华.LRMX', '陈丽华'],
      ['任免审批表.zip/干部/说明.txt', 'LRMX_SKIPPED'],
      ['任免审批表.zip/干部/坏文件.lrmx', 'LRMX_INVALID'],
    ]);
  });

  it('reports a zip it cannot open and reads the files after it', () => {
    const results = readLrmxBatch([
      { name: '坏.zip', data: Buffer.from('PK\x03\x04 truncated') },
      { name: '空.ZIP', data: Buffer.alloc(0) },
      { name: '林晓东.lrmx', data: lin },
    ]);
    expect(summary(results)).toEqual([
      ['坏.zip', 'LRMX_INVALID'],
      ['空.ZIP', 'LRMX_INVALID'],
      ['林晓东.lrmx', '林晓东'],
    ]);
    expect(results[0]!.error!.message).toMatch(/压缩包已损坏/);
  });

  it('refuses an encrypted entry and one whose data is not deflate, and reads the rest', () => {
    const archive = zip([
      utf8('加密.lrmx', lin, { flags: 0x801 }),
      utf8('损坏.lrmx', Buffer.from([0xff, 0xff, 0xff, 0xff]), { method: 0 }),
      utf8('林晓东.lrmx', lin),
    ]);
    const results = readLrmxBatch([{ name: 'a.zip', data: archive }]);
    expect(results.map((r) => r.sheet?.name ?? r.error?.message)).toEqual([
      '文件已加密，请解密后导入',
      expect.stringMatching(/不是 XML/),
      '林晓东',
    ]);
  });

  it('stops inflating an entry at 5 MB, whatever it declares, and goes on', () => {
    const bomb = zip([utf8('炸弹.lrmx', Buffer.alloc(BATCH_LIMITS.maxEntryBytes + 1, 0x20)), utf8('林晓东.lrmx', lin)]);
    expect(bomb.length).toBeLessThan(10_000);
    const results = readLrmxBatch([{ name: 'a.zip', data: bomb }]);
    expect(results[0]!.error!.message).toMatch(/解压后超过 5 MB/);
    expect(results[1]!.sheet?.name).toBe('林晓东');
  });

  it('stops at the batch total: later entries and zips are not inflated', () => {
    const limits = { ...BATCH_LIMITS, maxTotalBytes: lin.length * 2 + 10 };
    const archive = zip([utf8('1.lrmx', lin), utf8('2.lrmx', lin), utf8('3.lrmx', lin), utf8('4.lrmx', lin)]);
    const results = readLrmxBatch(
      [
        { name: 'a.zip', data: archive },
        { name: 'b.zip', data: zip([utf8('5.lrmx', lin)]) },
      ],
      limits,
    );
    expect(results.map((r) => (r.sheet ? 'read' : r.error!.message))).toEqual([
      'read',
      'read',
      expect.stringMatching(/总大小超过/),
      expect.stringMatching(/总大小超过/),
      expect.stringMatching(/总大小超过/),
    ]);
  });

  it.each([
    ['one archive', [6], /压缩包内文件超过 5 个/],
    ['the batch', [3, 3], /本次导入的文件超过 5 个/],
  ])('refuses more entries than allowed in %s', (_what, sizes, message) => {
    const limits = { ...BATCH_LIMITS, maxEntries: 5 };
    const files = sizes.map((n, i) => ({ name: `${i}.zip`, data: zip(Array.from({ length: n }, (_, j) => utf8(`${j}.lrmx`, lin))) }));
    const results = readLrmxBatch(files, limits);
    expect(results.at(-1)!.error!.message).toMatch(message);
  });

  it('refuses entries that overlap (one stream named twice)', () => {
    const archive = zip([utf8('1.lrmx', lin), utf8('2.lrmx', lin)]);
    // Point the second directory record at the first entry's local header.
    const cd = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), cd + 4);
    archive.writeUInt32LE(0, second + 42);
    expect(readLrmxBatch([{ name: 'a.zip', data: archive }])[0]!.error!.message).toMatch(/结构异常/);
  });
});

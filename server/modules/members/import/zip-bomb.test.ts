// Issue 11.1: no upload can exhaust the server. A workbook whose archive declares small sizes but
// inflates to a gigabyte, or hides entries outside its directory, is refused while it is checked,
// and the server keeps answering.
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp, multipartFile } from '../../../test/test-app.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ orgCount: 50 });
  cookie = await t.login('branch-admin');
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  name: string;
  data: Buffer; // deflated
  declared: number; // what the archive claims it inflates to
}

/** A zip written by hand, so that its declared sizes can lie; `hidden` entries get no directory record. */
function zip(entries: Entry[], hidden: Entry[] = []): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of [...entries, ...hidden]) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    if (!hidden.includes(e)) {
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt32LE(e.data.length, 20);
      cd.writeUInt32LE(e.declared, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
    }
    parts.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
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

const small = (name: string, text: string): Entry => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), declared: raw.length };
};

/** `mb` megabytes of text inside one cell, deflated as a stream: spaces (about 1 MB per GB) or random letters. */
async function inflating(mb: number, random = false): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  z.write('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
  for (let i = 0; i < mb; i++) {
    const chunk = random ? Buffer.from(randomBytes(768 * 1024).toString('base64')) : Buffer.alloc(1024 * 1024, 0x20);
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end('</t></is></c></row></sheetData></worksheet>');
  await done;
  return Buffer.concat(out);
}

const base = () => [
  small('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  small('xl/workbook.xml', '<workbook/>'),
];

function upload(file: Buffer) {
  const { payload, contentType } = multipartFile(file, 'bomb.xlsx');
  return t.app.inject({ method: 'POST', url: '/api/members/import', payload, headers: { cookie, 'content-type': contentType } });
}

describe('an uploaded workbook', () => {
  it('that declares 2 KB but inflates to 1 GB is refused while being checked, and the server keeps answering', async () => {
    const bomb = zip([...base(), { name: 'xl/worksheets/sheet1.xml', data: await inflating(1024), declared: 2048 }]);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const res = await upload(bomb);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'file' });
    expect(json(res).error.message).toMatch(/压缩炸弹|超长/);
    expect((await t.call(null, 'GET', '/api/health')).statusCode).toBe(200);
  });

  it('with one cell of 8 MB inside an honestly declared entry is refused', async () => {
    const data = await inflating(8, true);
    const res = await upload(zip([...base(), { name: 'xl/worksheets/sheet1.xml', data, declared: inflateRawSync(data).length }]));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toMatch(/超长的单元格/);
  });

  it('hiding an entry outside its directory is refused', async () => {
    const res = await upload(
      zip([...base(), small('xl/worksheets/sheet1.xml', '<worksheet/>')], [small('xl/worksheets/sheet2.xml', '<worksheet/>')]),
    );
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toMatch(/目录以外/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole } from '../../test/factories.js';
import { dayCn } from './changes.js';

let t: TestApp;
let branchAdmin: string, otherAdmin: string;
let meetingId: number;

/** A zip in memory (deflated entries; CRC left 0: nothing here reads it), enough to stand for an Office file. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(text));
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(text), 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Buffer.byteLength(text), 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const docx = () => zip({ '[Content_Types].xml': TYPES, 'word/document.xml': '<w:document/>' });
const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

function upload(cookie: string, id: number, fileName: string, content: Buffer) {
  const boundary = '----zugong-attachment-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/meetings/${id}/attachments`,
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const count = async () => (await t.db.selectFrom('meeting_attachments').select('id').where('meeting_id', '=', meetingId).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  branchAdmin = await t.login('branch-admin');
  const other = await buildUserWithRole(t.db, {
    role: 'org_admin',
    orgId: t.city.sampleIds.otherBranch,
    username: 'other-admin',
    displayName: '外区管理员',
  });
  otherAdmin = await t.login(other.username, other.password);
  const res = await t.call(branchAdmin, 'POST', '/api/meetings', {
    orgId: t.city.sampleIds.branch,
    status: 'held',
    kinds: ['theme_day'],
    heldOn: dayCn(t.clock.now()),
    topic: '主题党日活动',
  });
  meetingId = json(res).id;
});
afterAll(async () => {
  await t?.close();
});

describe('uploading', () => {
  it('accepts a PDF, a PNG, a .docx and a real .xlsx, keeping size, type by content and sha256', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('签到表').addRow(['姓名', '签到']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [name, content, mime, stored] of [
      ['会议记录.pdf', pdf(), 'application/pdf', '会议记录.pdf'],
      ['活动照片.PNG', png(), 'image/png', '活动照片.png'],
      ['学习材料.docx', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '学习材料.docx'],
      ['签到表.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '签到表.xlsx'],
    ] as const) {
      const res = await upload(branchAdmin, meetingId, name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(json(res)).toMatchObject({
        fileName: stored,
        mime,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedBy: expect.any(String),
      });
    }
    const detail = json(await t.call(branchAdmin, 'GET', `/api/meetings/${meetingId}`));
    expect(detail.attachments).toHaveLength(4);
    expect(detail.attachmentCount).toBe(4);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'meeting.attachment.upload').execute()).toHaveLength(4);
  });

  it('sanitizes the name: no path, no reserved or control characters, the type’s extension added', async () => {
    const res = await upload(branchAdmin, meetingId, '..\\..\\etc\\会议<照片>:1\u202e.png', png());
    expect(json(res).fileName).toBe('会议照片1.png');
    expect(json(await upload(branchAdmin, meetingId, '没有扩展名', pdf())).fileName).toBe('没有扩展名.pdf');
  });

  it.each([
    ['an executable', '程序.exe', Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode')],
    ['HTML dressed as a PDF', '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG named .pdf (a disguise)', '伪装.pdf', png()],
    [
      'a macro-enabled Word file (vbaProject.bin)',
      '宏.docm',
      zip({ '[Content_Types].xml': TYPES, 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'VBA' }),
    ],
    [
      'a macro-enabled content type',
      '宏.docx',
      zip({
        '[Content_Types].xml': TYPES.replace('document.main+xml', 'document.macroEnabled.main+xml'),
        'word/document.xml': '<w:document/>',
      }),
    ],
    ['a plain zip', '压缩包.zip', zip({ 'a.txt': 'hello' })],
    ['a legacy .doc (OLE)', '旧文档.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['an empty file', '空.pdf', Buffer.alloc(0)],
  ])('refuses %s and stores nothing', async (_what, name, content) => {
    const before = await count();
    const res = await upload(branchAdmin, meetingId, name, content);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('file');
    expect(await count()).toBe(before);
  });

  it('refuses a file over 10 MB', async () => {
    const res = await upload(branchAdmin, meetingId, '大文件.pdf', pdf(10 * 1024 * 1024 + 1));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('10 MB');
    expect((await upload(branchAdmin, meetingId, '刚好.pdf', pdf(10 * 1024 * 1024))).statusCode).toBe(201);
  });

  it('refuses the 21st attachment of a meeting', async () => {
    while ((await count()) < 20) expect((await upload(branchAdmin, meetingId, '照片.png', png())).statusCode).toBe(201);
    const res = await upload(branchAdmin, meetingId, '第21个.png', png());
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('最多上传 20 个');
    expect(await count()).toBe(20);
  });
});

describe('downloading and deleting', () => {
  it('downloads as an attachment with the RFC 5987 name, nosniff and the verified type, audited', async () => {
    const a = json(await t.call(branchAdmin, 'GET', `/api/meetings/${meetingId}`)).attachments.find(
      (x: any) => x.fileName === '会议记录.pdf',
    );
    const res = await t.call(branchAdmin, 'GET', `/api/meetings/${meetingId}/attachments/${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('会议记录.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(a.sha256);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'meeting.attachment.download')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ meetingId, attachmentId: a.id });
  });

  it('answers 404 to another branch for download, upload and delete, and changes nothing', async () => {
    const a = json(await t.call(branchAdmin, 'GET', `/api/meetings/${meetingId}`)).attachments[0];
    expect((await t.call(otherAdmin, 'GET', `/api/meetings/${meetingId}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await t.call(otherAdmin, 'DELETE', `/api/meetings/${meetingId}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await upload(otherAdmin, meetingId, '外区.pdf', pdf())).statusCode).toBe(404);
    expect(await count()).toBe(20);
    const other = json(
      await t.call(otherAdmin, 'POST', '/api/meetings', {
        orgId: t.city.sampleIds.otherBranch,
        status: 'held',
        kinds: ['theme_day'],
        heldOn: dayCn(t.clock.now()),
        topic: '外区主题党日',
      }),
    );
    // An attachment id of this meeting asked through another meeting is not found either.
    expect((await t.call(otherAdmin, 'GET', `/api/meetings/${other.id}/attachments/${a.id}`)).statusCode).toBe(404);
  });

  it('deletes an attachment, audited', async () => {
    const a = json(await t.call(branchAdmin, 'GET', `/api/meetings/${meetingId}`)).attachments[1];
    expect((await t.call(branchAdmin, 'DELETE', `/api/meetings/${meetingId}/attachments/${a.id}`)).statusCode).toBe(204);
    expect(await count()).toBe(19);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'meeting.attachment.delete')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ attachmentId: a.id, fileName: a.fileName });
  });
});

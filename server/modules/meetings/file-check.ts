// What an uploaded attachment really is, judged by its content (magic bytes), never by its name or
// the browser's claim (SECURITY.md 13, 25). Allowed: PDF, JPEG, PNG and the Office Open XML formats
// (a zip with [Content_Types].xml and the main part of a document, workbook or presentation);
// macro-enabled Office files and anything else are refused.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { invalid } from '../../errors.js';

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perMeeting: 20, maxEntries: 5_000 };

export interface FileType {
  ext: 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'pptx';
  mime: string;
}

const OOXML: { part: string; type: FileType }[] = [
  { part: 'word/document.xml', type: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
  { part: 'xl/workbook.xml', type: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
  {
    part: 'ppt/presentation.xml',
    type: { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  },
];

const bad = (msg: string) => invalid(msg, 'file');
const ALLOWED_TEXT = '只接受 PDF、JPG、PNG 以及 Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）文件';

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  localOffset: number;
}

/** The central directory of a zip held in memory; refuses anything but a plain (non-ZIP64) zip. */
function zipEntries(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('文件结构异常（不是完整的 Office 文档），已拒绝');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || count > ATTACHMENT_LIMITS.maxEntries || cdOffset + cdSize > buf.length)
    throw bad('文件结构异常，已拒绝');
  const entries: ZipEntry[] = [];
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== 0x02014b50) throw bad('文件结构异常，已拒绝');
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** One small entry's content, inflated with a hard output bound (no zip bomb gets through). */
function entryText(buf: Buffer, e: ZipEntry, max: number): string {
  if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== 0x04034b50) throw bad('文件结构异常，已拒绝');
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(start, start + e.compressed);
  try {
    if (e.method === 0) return data.subarray(0, max).toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: max }).toString('utf8');
  } catch {
    // too large or corrupt: refused below
  }
  throw bad('文件结构异常，已拒绝');
}

function officeType(buf: Buffer): FileType {
  const entries = zipEntries(buf);
  const names = new Set(entries.map((e) => e.name));
  if (entries.some((e) => /(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$|^xl\/macrosheets\//i.test(e.name)))
    throw bad('不接受含宏的 Office 文件，请另存为不含宏的格式后上传');
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const hit = OOXML.find((o) => names.has(o.part));
  if (!types || !hit) throw bad(ALLOWED_TEXT);
  const xml = entryText(buf, types, 1024 * 1024);
  if (/macroEnabled|vbaProject/i.test(xml)) throw bad('不接受含宏的 Office 文件，请另存为不含宏的格式后上传');
  return hit.type;
}

/** The file's real type, or a refusal naming what is allowed. */
export function detectFileType(buf: Buffer): FileType {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return { ext: 'pdf', mime: 'application/pdf' };
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ext: 'png', mime: 'image/png' };
  if (buf.length >= 22 && buf.readUInt32LE(0) === 0x04034b50) return officeType(buf);
  throw bad(ALLOWED_TEXT);
}

const EXT_ALIASES: Record<string, FileType['ext']> = {
  jpeg: 'jpg',
  jpg: 'jpg',
  png: 'png',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
};

/**
 * A safe display name: no path, no control or reserved characters, at most 100 characters, and an
 * extension that matches the content (a name claiming another allowed type is refused as a disguise).
 */
export function safeFileName(raw: string, type: FileType): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  const dot = base.lastIndexOf('.');
  const claimed = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (EXT_ALIASES[claimed] && EXT_ALIASES[claimed] !== type.ext)
    throw bad(`文件内容（${type.ext.toUpperCase()}）与扩展名 .${claimed} 不符，已拒绝`);
  const stem = (EXT_ALIASES[claimed] ? base.slice(0, dot) : base).slice(0, 90).trim() || '附件';
  return `${stem}.${EXT_ALIASES[claimed] ? claimed : type.ext}`;
}

/** An upload checked by its content: its type, a safe name and its sha256 (kept and audited). */
export function checkedUpload(rawName: string, content: Buffer): { type: FileType; fileName: string; sha256: string } {
  const type = detectFileType(content);
  return { type, fileName: safeFileName(rawName, type), sha256: createHash('sha256').update(content).digest('hex') };
}

/** Content-Disposition for a download: an ASCII fallback and the real name per RFC 5987 / 6266. */
export function downloadDisposition(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).replace(/[^A-Za-z0-9]/g, '') || 'bin';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="attachment.${ext}"; filename*=UTF-8''${encoded}`;
}

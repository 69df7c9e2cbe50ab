// The backup file format: "ZUGONG-BACKUP\n" · header JSON · "\n" · ciphertext · 16-byte GCM tag.
// The header is in clear text, authenticated as the cipher's additional data; reading a file back
// authenticates it whole before anything is restored (backup.ts holds the database side).
import { createDecipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';

export const MAGIC = 'ZUGONG-BACKUP\n';
export const TAG_BYTES = 16;

export interface Head {
  seq: number;
  hash: string;
}

export interface BackupHeader {
  format: 'zugong-backup';
  version: 1;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  cipher: 'aes-256-gcm';
  compression: 'gzip';
  iv: string;
  /** schema_migrations of the source: a restore needs the same schema. */
  migrations: string[];
  /** Row count of every table, in load order (parents before children). */
  tables: Record<string, number>;
  order: string[];
  sequences: Record<string, { value: number; called: boolean }>;
  auditHead: Head | null;
  auditAnchor: Head | null;
}

export const headerBytes = (h: BackupHeader) => Buffer.from(MAGIC + JSON.stringify(h) + '\n', 'utf8');

export const damaged = (why: string) =>
  new AppError('BACKUP_AUTH', `备份文件认证失败（${why}）：文件已损坏或被修改，或者当前实例密钥不是生成备份的实例的密钥`, 400);

/** Reads the clear-text header of a backup (not yet authenticated). */
export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; offset: number; size: number }> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(size, 1 << 20));
    await fh.read(buf, 0, buf.length, 0);
    if (buf.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw new AppError('BACKUP_FORMAT', `${file} 不是 Zugong 备份文件`, 400);
    const end = buf.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw damaged('文件头不完整');
    let header: BackupHeader;
    try {
      header = JSON.parse(buf.subarray(MAGIC.length, end).toString('utf8')) as BackupHeader;
    } catch {
      throw damaged('文件头无法解析');
    }
    if (header.format !== 'zugong-backup' || header.version !== 1)
      throw new AppError('BACKUP_FORMAT', `不支持的备份格式版本 ${String(header.version)}`, 400);
    return { header, offset: end + 1, size };
  } finally {
    await fh.close();
  }
}

/** The file's ciphertext and a decipher checking its tag (the stream errors at its end when it does not authenticate). */
export async function cipherStreams(
  file: string,
  key: Buffer,
): Promise<{ header: BackupHeader; src: Readable; decipher: ReturnType<typeof createDecipheriv> }> {
  const { header, offset, size } = await readBackupHeader(file);
  if (size - offset < TAG_BYTES) throw damaged('文件被截断');
  const fh = await open(file, 'r');
  const aad = Buffer.alloc(offset);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await fh.read(aad, 0, offset, 0);
    await fh.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await fh.close();
  }
  let decipher;
  try {
    decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'hex'));
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
  } catch {
    throw damaged('文件头无效');
  }
  const src = size - TAG_BYTES > offset ? createReadStream(file, { start: offset, end: size - TAG_BYTES - 1 }) : Readable.from([]);
  return { header, src, decipher };
}

export const asDamaged = (e: unknown): unknown =>
  e instanceof AppError
    ? e
    : e instanceof Error && /authenticate/i.test(e.message)
      ? damaged('认证标签不符')
      : e instanceof Error && 'errno' in e
        ? damaged('数据无法解压')
        : e;

/** Checks the whole file's authentication tag without using its contents; returns the header. */
export async function authenticateBackup(file: string, key: Buffer): Promise<BackupHeader> {
  const { header, src, decipher } = await cipherStreams(file, key);
  await pipeline(src, decipher, new Writable({ write: (_c, _e, cb) => cb() })).catch((e: unknown) => {
    throw asDamaged(e);
  });
  return header;
}

/** Splits the decrypted stream into JSON lines. */
export async function* jsonLines(plain: Readable): AsyncGenerator<Record<string, unknown> | string> {
  plain.setEncoding('utf8');
  let rest = '';
  for await (const chunk of plain as AsyncIterable<string>) {
    rest += chunk;
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, i);
      rest = rest.slice(i + 1);
      // Table markers and the end marker are objects with "table"/"end"; rows are passed on unparsed.
      yield line.startsWith('{"table":') || line.startsWith('{"end":') ? (JSON.parse(line) as Record<string, unknown>) : line;
    }
  }
}

export const backupSize = async (file: string) => (await stat(file)).size;

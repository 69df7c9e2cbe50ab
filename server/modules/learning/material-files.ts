// The bytes of a document, audio or video material: checked by content (file-type reads the magic
// bytes; the name and the browser's claim are ignored), bounded by kind, kept in the database as
// meeting attachments are (one file per material, stored uncompressed so a range reads only its slice),
// and streamed with HTTP range requests so a player can seek.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid } from '../../errors.js';

const MB = 1024 * 1024;
/** What each kind accepts and how large (a 10-minute 720p lecture is ~60 MB; longer ones belong on a link). */
export const FILE_LIMITS = {
  document: { maxBytes: 20 * MB, exts: ['pdf'], label: 'PDF' },
  audio: { maxBytes: 30 * MB, exts: ['mp3', 'm4a', 'ogg', 'wav', 'aac'], label: 'MP3、M4A、OGG、WAV、AAC' },
  video: { maxBytes: 100 * MB, exts: ['mp4', 'm4v', 'webm'], label: 'MP4、WebM' },
} as const;
export const MAX_UPLOAD_BYTES = FILE_LIMITS.video.maxBytes;

type FileKind = keyof typeof FILE_LIMITS;
const isFileKind = (k: string): k is FileKind => k in FILE_LIMITS;

/** Stores (or replaces) a material's file after checking its content against the material's kind. */
export async function storeMaterialFile(ctx: Ctx, materialId: number, fileName: string, content: Buffer): Promise<void> {
  const m = await ctx.db.selectFrom('learning_materials').select(['id', 'kind']).where('id', '=', materialId).executeTakeFirstOrThrow();
  if (!isFileKind(m.kind)) throw conflict('文章和链接不需要上传文件', 'file');
  const limit = FILE_LIMITS[m.kind];
  if (!content.length) throw invalid('文件是空的', 'file');
  if (content.length > limit.maxBytes) throw invalid(`文件超过 ${limit.maxBytes / MB} MB`, 'file');
  const type = await fileTypeFromBuffer(content);
  if (!type || !(limit.exts as readonly string[]).includes(type.ext))
    throw invalid(`此类材料只接受 ${limit.label} 文件（按内容识别）`, 'file');
  const mime = m.kind === 'audio' && type.ext === 'm4a' ? 'audio/mp4' : type.mime;
  // Control characters, path and shell marks become '_'; the extension is the verified one.
  const base =
    fileName
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '_')
      .replace(/\.[^.]*$/, '')
      .slice(0, 80) || 'file';
  const name = `${base}.${type.ext}`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  await audited(
    ctx,
    {
      action: 'learning.material.upload',
      objectType: 'learning_material',
      objectId: () => materialId,
      detail: () => ({ fileName: name, mime, sizeBytes: content.length, sha256 }),
    },
    (trx) =>
      trx
        .insertInto('learning_material_files')
        .values({ material_id: materialId, file_name: name, mime, size_bytes: content.length, sha256, content })
        .onConflict((oc) => oc.column('material_id').doUpdateSet({ file_name: name, mime, size_bytes: content.length, sha256, content }))
        .execute(),
  );
}

export interface FileSlice {
  mime: string;
  fileName: string;
  size: number;
  start: number;
  end: number;
  partial: boolean;
  content: Buffer;
}

/** Parses `bytes=a-b`, `bytes=a-` or `bytes=-n` against the size; null when absent, 'bad' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'bad';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'bad';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

/** At most this much is sent per range answer: players ask again for the rest. */
const MAX_SLICE = 4 * MB;

/** Reads the file, or the asked range of it, from the database (substring reads only that slice). */
export async function readMaterialFile(db: Db, materialId: number, range: string | undefined): Promise<FileSlice | 'none' | 'bad'> {
  const meta = await db
    .selectFrom('learning_material_files')
    .select(['file_name', 'mime', 'size_bytes'])
    .where('material_id', '=', materialId)
    .executeTakeFirst();
  if (!meta) return 'none';
  const size = meta.size_bytes;
  const r = parseRange(range, size);
  if (r === 'bad') return 'bad';
  const start = r ? r.start : 0;
  const end = r ? Math.min(r.end, start + MAX_SLICE - 1) : size - 1;
  const row = await sql<{ part: Buffer }>`select substring(content from ${start + 1} for ${end - start + 1}) as part
      from learning_material_files where material_id = ${materialId}`.execute(db);
  return { mime: meta.mime, fileName: meta.file_name, size, start, end, partial: !!r, content: Buffer.from(row.rows[0].part) };
}

// A material's file: uploaded as multipart (one file, bounded by kind, checked by content) and read with
// HTTP range requests so audio and video seek and a PDF opens in the browser's viewer.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZMaterialDetailSchema } from '../../../domain/schemas/learning.js';
import { ctxOf } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { MAX_UPLOAD_BYTES, readMaterialFile, storeMaterialFile } from './material-files.js';
import { materialDetail } from './materials.js';

/** Sends the file or the asked range of it (206), inline with the type verified at upload, never sniffed. */
export async function sendMaterialFile(req: FastifyRequest, reply: FastifyReply, id: number) {
  const f = await readMaterialFile(ctxOf(req).db, id, req.headers.range);
  if (f === 'none') throw new AppError('NOT_FOUND', '此材料没有文件', 404);
  if (f === 'bad') throw new AppError('RANGE', '请求的范围无效', 416, 'range');
  const encoded = encodeURIComponent(f.fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  reply
    .header('Content-Type', f.mime)
    .header('Accept-Ranges', 'bytes')
    .header('Content-Disposition', `inline; filename*=UTF-8''${encoded}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, max-age=3600');
  if (f.partial) reply.code(206).header('Content-Range', `bytes ${f.start}-${f.end}/${f.size}`);
  return reply.send(f.content);
}

export const materialFileRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });
  app.post(
    '/materials/:id/file',
    {
      config: { action: 'learning.manage', scope: { 'params.id': 'learning_material' } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags: ['learning'],
        summary: '上传材料文件（multipart，字段 file；文档 PDF ≤20 MB，音频 ≤30 MB，视频 MP4/WebM ≤100 MB，按内容识别）',
        params: ZIdParam,
        response: { 200: ZMaterialDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
      const part = await req.file();
      if (!part) throw invalid('请选择要上传的文件', 'file');
      const content = await part.toBuffer();
      if (part.file.truncated) throw invalid(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'file');
      await storeMaterialFile(ctx, req.params.id, part.filename || '', content);
      return (await materialDetail(ctx.db, req.params.id))!;
    },
  );
};

// A cadre's photo: shown to those who may read the file, replaced by an upload (multipart, one file,
// JPEG or PNG judged by its content, bounded size) or removed; both changes go through the writer.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZCadreFileSchema } from '../../../domain/schemas/cadres.js';
import { ctxOf } from '../../context.js';
import { invalid } from '../../errors.js';
import { checkedPhoto, PHOTO_MAX_BYTES } from './photo.js';
import { cadrePhoto, changeAndShow, setPhoto } from './service.js';

const tags = ['cadres'];

export const photoRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart for this plugin only: one file, nothing else in the form.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: PHOTO_MAX_BYTES + 1, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });

  app.get(
    '/:id/photo',
    { config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } }, schema: { tags, summary: '干部照片', params: ZIdParam } },
    async (req, reply) => {
      const p = await cadrePhoto(ctxOf(req), req.params.id);
      return reply.header('Content-Type', p.mime).header('X-Content-Type-Options', 'nosniff').send(p.bytes);
    },
  );

  app.put(
    '/:id/photo',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre' } },
      schema: {
        tags,
        summary: `上传干部照片（multipart，字段 file；JPG 或 PNG，不超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB）`,
        params: ZIdParam,
        response: { 200: ZCadreFileSchema },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传照片', 'file');
      const part = await req.file();
      if (!part) throw invalid('请选择照片文件', 'file');
      const content = await part.toBuffer();
      if (part.file.truncated) throw invalid(`照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, 'file');
      const photo = checkedPhoto(content, 'file');
      return changeAndShow(ctxOf(req), 'cadre.photo.upload', req.params.id, (ctx) => setPhoto(ctx, req.params.id, photo), {
        mime: photo.photo_mime,
        sizeBytes: content.length,
      });
    },
  );

  app.delete(
    '/:id/photo',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '删除干部照片', params: ZIdParam, response: { 200: ZCadreFileSchema } },
    },
    async (req) => changeAndShow(ctxOf(req), 'cadre.photo.remove', req.params.id, (ctx) => setPhoto(ctx, req.params.id, null)),
  );
};

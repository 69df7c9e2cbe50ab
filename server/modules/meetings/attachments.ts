// Meeting attachments (SECURITY.md 13): upload (multipart, ≤10 MB, ≤20 per meeting, type checked
// by content, name sanitized, sha256 kept), download as an attachment (never rendered inline) and
// delete. Scope follows the meeting's organization: another branch's file is a 404.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZAttachmentSchema } from '../../../domain/schemas/meetings.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { ATTACHMENT_LIMITS, downloadDisposition, checkedUpload } from './file-check.js';
import { attachmentsOf } from './queries.js';
import { presentAttachment } from './presenters.js';
import { loadMeeting } from './service.js';

const tags = ['meetings'];
const ZAttachmentParams = z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });
const MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart for this plugin only; one file per request, nothing else in the form.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });

  app.post(
    '/:id/attachments',
    {
      config: { scope: { 'params.id': 'meeting' }, action: 'life.write' },
      schema: {
        tags,
        summary: `上传会议附件（multipart，字段 file；PDF/JPG/PNG/DOCX/XLSX/PPTX，单个不超过 ${MB} MB，每次会议最多 ${ATTACHMENT_LIMITS.perMeeting} 个）`,
        params: ZIdParam,
        response: { 201: ZAttachmentSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const m = await loadMeeting(ctx, 'life.write', req.params.id);
      const { db } = ctx;
      if (m.status === 'cancelled') throw conflict('已取消的会议不能再上传附件', 'file');
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
      const part = await req.file();
      if (!part) throw invalid('请选择要上传的文件', 'file');
      const content = await part.toBuffer();
      if (part.file.truncated) throw invalid(`文件超过 ${MB} MB，请压缩后上传`, 'file');
      if (!content.length) throw invalid('文件是空的', 'file');
      const { type, fileName, sha256 } = checkedUpload(part.filename || '', content);
      const id = await audited(
        ctx,
        {
          action: 'meeting.attachment.upload',
          objectType: 'meeting',
          objectId: () => m.id,
          detail: (aid) => ({ attachmentId: aid, fileName, mime: type.mime, sizeBytes: content.length, sha256 }),
        },
        async (trx: Trx) => {
          // Locks the meeting so two uploads cannot both pass the count.
          await sql`select id from meetings where id = ${m.id} for update`.execute(trx);
          const { n } = await trx
            .selectFrom('meeting_attachments')
            .select(sql<number>`count(*)::int`.as('n'))
            .where('meeting_id', '=', m.id)
            .executeTakeFirstOrThrow();
          if (n >= ATTACHMENT_LIMITS.perMeeting) throw conflict(`每次会议最多上传 ${ATTACHMENT_LIMITS.perMeeting} 个附件`, 'file');
          const row = await trx
            .insertInto('meeting_attachments')
            .values({
              meeting_id: m.id,
              file_name: fileName,
              mime: type.mime,
              size_bytes: content.length,
              sha256,
              content,
              uploaded_by: ctx.actor.userId,
              uploaded_at: ctx.clock.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        },
      );
      const meta = (await attachmentsOf(db, m.id)).find((a) => a.id === id)!;
      return reply.code(201).send(presentAttachment(meta));
    },
  );

  app.get(
    '/:id/attachments/:attachmentId',
    {
      config: { scope: { 'params.id': 'meeting', 'params.attachmentId': 'meeting_attachment' }, action: 'life.read' },
      schema: { tags, summary: '下载会议附件（记入审计）', params: ZAttachmentParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const m = await loadMeeting(ctx, 'life.read', req.params.id);
      const { db } = ctx;
      const a = await db
        .selectFrom('meeting_attachments')
        .select(['id', 'file_name', 'mime', 'size_bytes', 'sha256', 'content'])
        .where('id', '=', req.params.attachmentId)
        .where('meeting_id', '=', m.id)
        .executeTakeFirst();
      if (!a) throw notFound('附件');
      await recordRead(ctx, 'meeting.attachment.download', 'meeting', {
        meetingId: m.id,
        attachmentId: a.id,
        fileName: a.file_name,
        sha256: a.sha256,
      });
      // Always a download, with the type we verified, never sniffed or rendered in the app's origin.
      return reply
        .header('Content-Type', a.mime)
        .header('Content-Disposition', downloadDisposition(a.file_name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(a.content);
    },
  );

  app.delete(
    '/:id/attachments/:attachmentId',
    {
      config: { scope: { 'params.id': 'meeting', 'params.attachmentId': 'meeting_attachment' }, action: 'life.write' },
      schema: { tags, summary: '删除会议附件', params: ZAttachmentParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const m = await loadMeeting(ctx, 'life.write', req.params.id);
      const { db } = ctx;
      const a = await db
        .selectFrom('meeting_attachments')
        .select(['id', 'file_name', 'sha256'])
        .where('id', '=', req.params.attachmentId)
        .where('meeting_id', '=', m.id)
        .executeTakeFirst();
      if (!a) throw notFound('附件');
      await audited(
        ctx,
        {
          action: 'meeting.attachment.delete',
          objectType: 'meeting',
          objectId: () => m.id,
          detail: () => ({ attachmentId: a.id, fileName: a.file_name, sha256: a.sha256 }),
        },
        (trx: Trx) => trx.deleteFrom('meeting_attachments').where('id', '=', a.id).execute(),
      );
      return reply.code(204).send();
    },
  );
};

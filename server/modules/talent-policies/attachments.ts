// Application attachments: bounded uploads (the meetings' content check, ≤ 10 MB, ≤ 20 per application, sha256
// kept) and downloads always as an attachment with the verified type, audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, type Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { downloadDisposition, checkedUpload } from '../meetings/file-check.js';

export const MAX_ATTACHMENTS = 20;

/** Stores an applicant's file (type checked by content) on a draft or returned application, with its audit row. */
export async function storeAttachment(ctx: Ctx, applicationId: number, kind: string, name: string, content: Buffer): Promise<number> {
  const { type, fileName, sha256 } = checkedUpload(name, content);
  return audited(
    ctx,
    {
      action: 'talent.application.attachment',
      objectType: 'talent_application',
      objectId: () => applicationId,
      detail: (r) => ({ attachmentId: r, kind, fileName, sha256, sizeBytes: content.length }),
    },
    async (trx: Trx) => {
      const a = await trx
        .selectFrom('talent_applications')
        .select('status')
        .where('id', '=', applicationId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (a.status !== 'draft' && a.status !== 'returned') throw conflict('仅草稿或退回的申请可上传材料', 'file');
      const n = await trx.selectFrom('talent_application_attachments').select('id').where('application_id', '=', applicationId).execute();
      if (n.length >= MAX_ATTACHMENTS) throw conflict(`每份申请最多上传 ${MAX_ATTACHMENTS} 个材料`, 'file');
      const row = await trx
        .insertInto('talent_application_attachments')
        .values({
          application_id: applicationId,
          kind,
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
}

export async function downloadAttachment(ctx: Ctx, reply: FastifyReply, applicationId: number, attachmentId: number) {
  const a = await ctx.db
    .selectFrom('talent_application_attachments')
    .select(['id', 'file_name', 'mime', 'sha256', 'content'])
    .where('id', '=', attachmentId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!a) throw notFound('材料');
  await recordRead(ctx, 'talent.application.attachment_download', 'talent_application', {
    applicationId,
    attachmentId,
    fileName: a.file_name,
    sha256: a.sha256,
  });
  return reply
    .header('Content-Type', a.mime)
    .header('Content-Disposition', downloadDisposition(a.file_name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(a.content);
}

/** The office downloads an application's attachment (scope: the application's district). */
export const staffAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/applications/:id/attachments/:attachmentId',
    {
      // The attachment is checked to belong to the application.
      config: { action: 'talent.read', scope: { 'params.id': 'talent_application', 'params.attachmentId': 'none' } },
      schema: {
        tags: ['talent-policies'],
        summary: '下载申报材料（记入审计）',
        params: z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => downloadAttachment(ctxOf(req), reply, req.params.id, req.params.attachmentId),
  );
};

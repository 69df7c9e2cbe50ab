// Downloads of a talent's documents and of a 人才分类认定's evidence (issue 15 point 2). Who may read a file:
// the talent office within its scope (the person's or the recognition's district, declared on the route), an
// expert assigned to the recognition, and the talent themself (talent_people.user_id). Anyone else asking for an
// existing file gets the same 404 as for a missing one, and the refusal is audited. Every download is audited
// with the file's hash; the file goes out as an attachment with its stored type, never rendered inline.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { recordDenied, recordRead } from '../../audit/record.js';
import { ctxOf, type Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { downloadDisposition } from '../meetings/file-check.js';

const DOWNLOAD = 'talent.document.download';
const tags = ['talent'];
const positive = z.coerce.number().int().positive();
const ZDocParams = z.strictObject({ id: positive, documentId: positive });

interface Which {
  documentId: number;
  personId?: number;
  recognitionId?: number;
}

/** The file, only when it belongs to the person or the recognition named in the address. */
async function findDocument(ctx: Ctx, w: Which) {
  let q = ctx.db
    .selectFrom('talent_documents as d')
    .innerJoin('talent_people as p', 'p.id', 'd.person_id')
    .select(['d.id', 'd.person_id', 'd.recognition_id', 'd.file_name', 'd.mime', 'd.sha256', 'd.content', 'p.user_id'])
    .where('d.id', '=', w.documentId);
  if (w.personId !== undefined) q = q.where('d.person_id', '=', w.personId);
  if (w.recognitionId !== undefined) q = q.where('d.recognition_id', '=', w.recognitionId);
  const d = await q.executeTakeFirst();
  if (!d) throw notFound('材料');
  return d;
}

type Doc = Awaited<ReturnType<typeof findDocument>>;

async function send(ctx: Ctx, reply: FastifyReply, d: Doc) {
  await recordRead(ctx, DOWNLOAD, d.recognition_id === null ? 'talent_person' : 'talent_recognition', {
    personId: d.person_id,
    recognitionId: d.recognition_id,
    documentId: d.id,
    fileName: d.file_name,
    sha256: d.sha256,
  });
  return reply
    .header('Content-Type', d.mime)
    .header('Content-Disposition', downloadDisposition(d.file_name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(d.content);
}

/** The office: a person's documents and a recognition's evidence (scope checked by the route's declaration). */
export const staffDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people/:id/documents/:documentId',
    {
      // The document is checked to belong to the person.
      config: { action: 'talent.read', scope: { 'params.id': 'talent_person', 'params.documentId': 'none' } },
      schema: { tags, summary: '下载人才材料（记入审计）', params: ZDocParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return send(ctx, reply, await findDocument(ctx, { personId: req.params.id, documentId: req.params.documentId }));
    },
  );

  app.get(
    '/recognitions/:id/documents/:documentId',
    {
      config: { action: 'talent.read', scope: { 'params.id': 'talent_recognition', 'params.documentId': 'none' } },
      schema: { tags: ['talent-recognition'], summary: '下载认定佐证材料（记入审计）', params: ZDocParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return send(ctx, reply, await findDocument(ctx, { recognitionId: req.params.id, documentId: req.params.documentId }));
    },
  );

  // An expert reads the evidence of the recognitions assigned to them, and of no other.
  app.get(
    '/expert/recognitions/:id/documents/:documentId',
    {
      config: { action: 'talent.expert', scope: { 'params.id': 'none', 'params.documentId': 'none' } },
      schema: { tags: ['talent-recognition'], summary: '评审专家下载受邀评审的认定佐证材料（记入审计）', params: ZDocParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const assigned = await ctx.db
        .selectFrom('talent_recognition_experts')
        .select('expert_id')
        .where('recognition_id', '=', req.params.id)
        .where('expert_id', '=', ctx.actor.userId)
        .executeTakeFirst();
      const d = await findDocument(ctx, { recognitionId: req.params.id, documentId: req.params.documentId });
      if (!assigned) {
        await recordDenied(ctx, 'talent.expert', 'talent_recognition', req.params.id, 'not assigned');
        throw notFound('材料');
      }
      return send(ctx, reply, d);
    },
  );
};

/** The talent's own documents (their recognitions' evidence included): /api/talent-portal/documents/:id. */
export const ownDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/documents/:id',
    {
      config: { action: 'talent.self', scope: { 'params.id': 'none' } },
      schema: { tags: ['talent-portal'], summary: '下载本人的材料（记入审计）', params: z.strictObject({ id: positive }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const d = await findDocument(ctx, { documentId: req.params.id });
      if (d.user_id !== ctx.actor.userId) {
        await recordDenied(ctx, 'talent.self', 'talent_person', d.person_id, 'not own');
        throw notFound('材料');
      }
      return send(ctx, reply, d);
    },
  );
};

// The applicant's and the employer's own endpoints (issue 15 point 5): the same routes under /my (talent.self: the
// person's own applications) and /employer (talent.employer: its staff's), each id checked by the service to be
// theirs (404 and an audited refusal otherwise: their ids are not in the organization tree's scope).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZApplicationCorrectSchema,
  ZApplicationCreateSchema,
  ZApplicationListQuery,
  ZApplicationPageSchema,
  ZApplicationSchema,
  ZCallSchema,
  ZDecisionSchema,
} from '../../../domain/schemas/talent-policies.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { decideOn, type StepRun } from './decide.js';
import { ctxOf, type Ctx } from '../../context.js';
import { readKindFile } from '../../http/kind-file-upload.js';
import { ATTACHMENT_LIMITS } from '../meetings/file-check.js';
import { ownEmployerIds, ownPersonId, requireOwn, SIDE_ACTION, type Side } from './access.js';
import { correctApplication, createApplication, employerReview, submitApplication, withdrawApplication } from './applications.js';
import { getApplication, listApplications, listCalls, type Who } from './queries.js';
import { downloadAttachment, MAX_ATTACHMENTS, storeAttachment } from './attachments.js';

const tags = ['talent-policies'];
const MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
const ZAttachmentParams = z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });
// Ids are checked by requireOwn (not in the organization tree).
const own = { 'params.id': 'none' } as const;

async function whoOf(ctx: Ctx, side: Side): Promise<Who> {
  if (side === 'self') return { personId: (await ownPersonId(ctx)) ?? 0 };
  return { employerIds: await ownEmployerIds(ctx) };
}

export function ownApplicationRoutes(side: Side): FastifyPluginAsyncZod {
  const action = SIDE_ACTION[side];
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 1, parts: 2, headerPairs: 100 },
    });

    app.get(
      '/calls',
      { config: { action }, schema: { tags, summary: '正在受理的申报计划', response: { 200: z.object({ items: z.array(ZCallSchema) }) } } },
      async (req) => {
        const ctx = ctxOf(req);
        return { items: (await listCalls(ctx.db, ctx.today(), true)).map((c) => ({ ...c, applications: 0 })) };
      },
    );

    app.get(
      '/applications',
      {
        config: { action },
        schema: {
          tags,
          summary: side === 'self' ? '我的申请' : '本单位人才的申请',
          querystring: ZApplicationListQuery,
          response: { 200: ZApplicationPageSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return listApplications(ctx.db, await whoOf(ctx, side), req.query);
      },
    );

    app.get(
      '/applications/:id',
      {
        config: { action, scope: own },
        schema: { tags, summary: '申请进度与审核意见', params: ZIdParam, response: { 200: ZApplicationSchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_application', req.params.id);
        const a = await getApplication(ctx.db, req.params.id);
        // Expert scores and names are the office's working papers.
        return { ...a, expertScores: [] };
      },
    );

    app.post(
      '/applications',
      {
        config: { action },
        schema: {
          tags,
          summary: '向申报计划提出申请（草稿，上传材料后提交）',
          body: ZApplicationCreateSchema,
          response: { 201: ZApplicationSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        // Another employer's staff member: a 404 with an audited refusal (checked again inside the write).
        if (side === 'employer' && req.body.personId) await requireOwn(ctx, side, 'talent_person', req.body.personId);
        const id = await audited(
          ctx,
          {
            action: 'talent.application.create',
            objectType: 'talent_application',
            objectId: (r) => r,
            detail: () => ({ side, callId: req.body.callId, itemId: req.body.itemId }),
          },
          (trx: Trx) => createApplication(ctx, trx, side, req.body),
        );
        return reply.code(201).send({ ...(await getApplication(ctx.db, id)), expertScores: [] });
      },
    );

    /** A step on the applicant's or employer's own application: checked to be theirs, expert scores left out. */
    const step =
      <B extends object>(code: string, fn: StepRun<B>) =>
      async (req: { params: { id: number }; body: B }, ctx: Ctx) => {
        await requireOwn(ctx, side, 'talent_application', req.params.id);
        return { ...(await decideOn(ctx, code, req.params.id, req.body, fn, { side })), expertScores: [] };
      };

    app.patch(
      '/applications/:id',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: '修改草稿或退回的申请',
          params: ZIdParam,
          body: ZApplicationCorrectSchema,
          response: { 200: ZApplicationSchema },
        },
      },
      (req) => step('talent.application.correct', correctApplication)(req, ctxOf(req)),
    );

    app.post(
      '/applications/:id/submit',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: '提交或重新提交申请（须齐备所需材料）',
          params: ZIdParam,
          body: z.strictObject({}).optional(),
          response: { 200: ZApplicationSchema },
        },
      },
      (req) => step('talent.application.submit', submitApplication)({ params: req.params, body: {} }, ctxOf(req)),
    );

    app.post(
      '/applications/:id/withdraw',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: '撤回申请',
          params: ZIdParam,
          body: z.strictObject({ reason: z.string().trim().max(200, '理由不超过 200 字').default('') }),
          response: { 200: ZApplicationSchema },
        },
      },
      (req) =>
        step('talent.application.withdraw', (ctx, trx, id, b: { reason: string }) => withdrawApplication(ctx, trx, id, b.reason))(
          req,
          ctxOf(req),
        ),
    );

    if (side === 'employer')
      app.post(
        '/applications/:id/review',
        {
          config: { action, scope: own },
          schema: {
            tags,
            summary: '用人单位审核本单位人才的申请：通过或退回修改',
            params: ZIdParam,
            body: ZDecisionSchema,
            response: { 200: ZApplicationSchema },
          },
        },
        (req) => step('talent.application.employer_review', employerReview)(req, ctxOf(req)),
      );

    app.post(
      '/applications/:id/attachments',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: `上传申报材料（multipart：字段 kind 为材料名称，file 为文件；PDF/JPG/PNG/DOCX/XLSX/PPTX，单个不超过 ${MB} MB，每份申请最多 ${MAX_ATTACHMENTS} 个）`,
          params: ZIdParam,
          response: { 201: ZApplicationSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_application', req.params.id);
        const { kind, name, content } = await readKindFile(req, MB);
        await storeAttachment(ctx, req.params.id, kind, name, content);
        return reply.code(201).send({ ...(await getApplication(ctx.db, req.params.id)), expertScores: [] });
      },
    );

    app.get(
      '/applications/:id/attachments/:attachmentId',
      {
        config: { action, scope: { ...own, 'params.attachmentId': 'none' } },
        schema: { tags, summary: '下载本人申报材料', params: ZAttachmentParams },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_application', req.params.id);
        return downloadAttachment(ctx, reply, req.params.id, req.params.attachmentId);
      },
    );
  };
}

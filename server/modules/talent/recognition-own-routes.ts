// 人才分类认定 from the applicant's side (issue 15 point 2): the same routes for the talent (talent.self, under
// /api/talent-portal) and for the employer acting for its staff (talent.employer, under /api/talent-portal/employer).
// A draft is filled, evidence uploaded (bounded, type checked by content, audited), then submitted; a draft or a
// returned application may be corrected (tier, basis, résumé) before it is (re)submitted. Another's recognition is
// a 404 with an audited refusal.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZOwnRecognitionCreateSchema,
  ZOwnRecognitionRowSchema,
  ZRecognitionCreateSchema,
  ZRecognitionResubmitSchema,
  ZRecognitionTierOptionSchema,
  ZRecognitionSchema,
  type TRecognition,
} from '../../../domain/schemas/talent.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { readKindFile } from '../../http/kind-file-upload.js';
import { notFound } from '../../errors.js';
import { ATTACHMENT_LIMITS } from '../meetings/file-check.js';
import { ownPersonId, requireOwn, SIDE_ACTION, type Side } from '../talent-policies/access.js';
import { createRecognition, editRecognition, getRecognition, presentRow, resubmitRecognition, rows, submitDraft } from './recognition.js';
import { deleteEvidence, MAX_EVIDENCE, ownRecognitionIds, storeEvidence } from './recognition-evidence.js';

const tags = ['talent-portal'];
const MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
// Ids are checked by requireOwn (not in the organization tree).
const own = { 'params.id': 'none' } as const;
const one = { 200: ZRecognitionSchema };
const ZVersionSchema = z.strictObject({ version: z.number().int().positive() });

/** The applicant's view: the experts' names and scores and the officers' names are the office's working papers. */
async function ownView(ctx: Ctx, id: number): Promise<TRecognition> {
  const r = await getRecognition(ctx.db, id);
  return { ...r, experts: [], criteria: [], steps: r.steps.map((s) => ({ ...s, userName: null })) };
}

export function ownRecognitionRoutes(side: Side): FastifyPluginAsyncZod {
  const action = SIDE_ACTION[side];
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 1, parts: 2, headerPairs: 100 },
    });

    app.get(
      '/recognition-tiers',
      {
        config: { action },
        schema: {
          tags,
          summary: '可申请认定的人才层次（现行）',
          response: { 200: z.object({ items: z.array(ZRecognitionTierOptionSchema) }) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const today = ctx.today();
        const items = await ctx.db
          .selectFrom('talent_tiers as tt')
          .innerJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
          .select(['tt.id', 'tt.name', 'ts.name as set_name', 'tt.expert_review'])
          .where(sql<boolean>`ts.effective_on <= ${today}::date and (ts.superseded_on is null or ts.superseded_on > ${today}::date)`)
          .orderBy('ts.id')
          .orderBy('tt.id')
          .execute();
        return { items: items.map((t) => ({ id: t.id, name: t.name, setName: t.set_name, expertReview: t.expert_review })) };
      },
    );

    app.get(
      '/recognitions',
      {
        config: { action },
        schema: {
          tags,
          summary: side === 'self' ? '我的人才分类认定申请' : '本单位人才的分类认定申请',
          response: { 200: z.object({ items: z.array(ZOwnRecognitionRowSchema) }) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const ids = await ownRecognitionIds(ctx, side);
        if (!ids.length) return { items: [] };
        const list = await rows(ctx.db).where('r.id', 'in', ids).orderBy('r.id', 'desc').limit(200).execute();
        return { items: list.map((r) => ({ ...presentRow(r), reason: r.reason })) };
      },
    );

    app.get(
      '/recognitions/:id',
      { config: { action, scope: own }, schema: { tags, summary: '认定申请进度、退回理由与佐证材料', params: ZIdParam, response: one } },
      async (req) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_recognition', req.params.id);
        return ownView(ctx, req.params.id);
      },
    );

    app.post(
      '/recognitions',
      {
        config: { action },
        schema: {
          tags,
          summary: '申请人才分类认定（草稿：上传佐证材料后提交）',
          body: side === 'self' ? ZOwnRecognitionCreateSchema : ZRecognitionCreateSchema,
          response: { 201: ZRecognitionSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const personId = req.body.personId ?? (await ownPersonId(ctx));
        if (!personId) throw notFound('人才');
        await requireOwn(ctx, side, 'talent_person', personId);
        const id = await audited<number>(
          ctx,
          { action: 'talent.recognition.create', objectType: 'talent_recognition', objectId: (r) => r, detail: () => ({ side }) },
          (trx) => createRecognition(inTrx(ctx, trx), { ...req.body, personId }, side, true),
        );
        return reply.code(201).send(await ownView(ctx, id));
      },
    );

    const change = <B>(
      path: string,
      audit: string,
      summary: string,
      body: z.ZodType<B>,
      fn: (ctx: Ctx, id: number, b: B) => Promise<void>,
    ) =>
      app.post(
        `/recognitions/:id/${path}`,
        { config: { action, scope: own }, schema: { tags, summary, params: ZIdParam, body, response: one } },
        async (req) => {
          const ctx = ctxOf(req);
          await requireOwn(ctx, side, 'talent_recognition', req.params.id);
          await audited(ctx, { action: audit, objectType: 'talent_recognition', objectId: () => req.params.id }, (trx) =>
            fn(inTrx(ctx, trx), req.params.id, req.body as B),
          );
          return ownView(ctx, req.params.id);
        },
      );

    change('submit', 'talent.recognition.submit', '提交认定申请（进入审核）', ZVersionSchema, (ctx, id, b) =>
      submitDraft(ctx, id, b.version),
    );
    change('resubmit', 'talent.recognition.resubmit', '退回的申请修改后重新提交', ZRecognitionResubmitSchema, (ctx, id, b) =>
      resubmitRecognition(ctx, id, b, false),
    );

    app.patch(
      '/recognitions/:id',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: '修改草稿或退回的申请（申请层次、认定依据、个人简历；提交审核后不能修改）',
          params: ZIdParam,
          body: ZRecognitionResubmitSchema,
          response: one,
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_recognition', req.params.id);
        await audited(
          ctx,
          { action: 'talent.recognition.edit', objectType: 'talent_recognition', objectId: () => req.params.id, detail: () => ({ side }) },
          (trx) => editRecognition(inTrx(ctx, trx), req.params.id, req.body),
        );
        return ownView(ctx, req.params.id);
      },
    );

    app.post(
      '/recognitions/:id/evidence',
      {
        config: { action, scope: own },
        schema: {
          tags,
          summary: `上传认定佐证材料（multipart：字段 kind 为材料名称，file 为文件；PDF/JPG/PNG/DOCX/XLSX/PPTX，单个不超过 ${MB} MB，每份申请最多 ${MAX_EVIDENCE} 个；仅草稿或退回的申请）`,
          params: ZIdParam,
          response: { 201: ZRecognitionSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_recognition', req.params.id);
        const { kind, name, content } = await readKindFile(req, MB);
        await storeEvidence(ctx, req.params.id, kind, name, content);
        return reply.code(201).send(await ownView(ctx, req.params.id));
      },
    );

    app.delete(
      '/recognitions/:id/evidence/:documentId',
      {
        config: { action, scope: { ...own, 'params.documentId': 'none' } },
        schema: {
          tags,
          summary: '删除佐证材料（仅草稿或退回的申请）',
          params: z.strictObject({ id: z.coerce.number().int().positive(), documentId: z.coerce.number().int().positive() }),
          response: one,
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await requireOwn(ctx, side, 'talent_recognition', req.params.id);
        await deleteEvidence(ctx, req.params.id, req.params.documentId);
        return ownView(ctx, req.params.id);
      },
    );
  };
}

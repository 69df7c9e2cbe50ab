// 人才分类认定 endpoints (issue 15 point 2): the office's list, entry, review decisions, expert assignment,
// objections and the end of 公示 (talent.review); the expert's own queue and scoring (talent.expert: only
// applications assigned to them, other experts' scores sealed until all are in).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZExpertAccountSchema,
  ZExpertAssignSchema,
  ZExpertScoreSchema,
  ZObjectionSchema,
  ZPublicityEndSchema,
  ZRecognitionCreateSchema,
  ZRecognitionDecideSchema,
  ZRecognitionListQuery,
  ZRecognitionResubmitSchema,
  ZRecognitionRowSchema,
  ZRecognitionSchema,
} from '../../../domain/schemas/talent.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx } from '../../context.js';
import { requireAccess } from '../../scope/access.js';
import {
  createRecognition,
  decideRecognition,
  endPublicity,
  getRecognition,
  listRecognitions,
  recordObjection,
  requireReviewLevel,
  resubmitRecognition,
} from './recognition.js';
import { assignExperts, expertAccounts, expertQueue, requireAssigned, scoreRecognition } from './recognition-experts.js';

const tags = ['talent-recognition'];
const recScope = { 'params.id': 'talent_recognition' } as const;
const one = { 200: ZRecognitionSchema };

export const recognitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/recognitions',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '人才分类认定申请（本辖区）',
        querystring: ZRecognitionListQuery,
        response: { 200: z.object({ items: z.array(ZRecognitionRowSchema) }) },
      },
    },
    async (req) => ({ items: await listRecognitions(ctxOf(req), req.query) }),
  );

  app.post(
    '/recognitions',
    {
      config: { action: 'talent.write' },
      schema: { tags, summary: '代为登记人才分类认定申请', body: ZRecognitionCreateSchema, response: { 201: ZRecognitionSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await requireAccess(ctx, 'talent.write', 'talent_person', req.body.personId);
      const id = await audited<number>(
        ctx,
        { action: 'talent.recognition.submit', objectType: 'talent_recognition', objectId: (r) => r },
        (trx) => createRecognition(inTrx(ctx, trx), req.body, 'officer'),
      );
      return reply.code(201).send(await getRecognition(ctx.db, id));
    },
  );

  app.get(
    '/recognitions/:id',
    {
      config: { action: 'talent.read', scope: recScope },
      schema: { tags, summary: '认定申请详情（各环节决定、专家评分、公示与异议）', params: ZIdParam, response: one },
    },
    (req) => getRecognition(ctxOf(req).db, req.params.id),
  );

  const write = <B>(
    path: string,
    action: 'talent.review' | 'talent.write',
    audit: string,
    summary: string,
    body: z.ZodType<B>,
    fn: (ctx: ReturnType<typeof ctxOf>, id: number, b: B) => Promise<void>,
  ) =>
    app.post(
      `/recognitions/:id/${path}`,
      { config: { action, scope: recScope }, schema: { tags, summary, params: ZIdParam, body, response: one } },
      async (req) => {
        const ctx = ctxOf(req);
        // The city's steps are refused to a district office before the change opens its transaction (audited).
        if (action === 'talent.review') await requireReviewLevel(ctx, action, req.params.id);
        await audited(
          ctx,
          { action: audit, objectType: 'talent_recognition', objectId: () => req.params.id, detail: () => ({ ...(req.body as object) }) },
          (trx) => fn(inTrx(ctx, trx), req.params.id, req.body as B),
        );
        return getRecognition(ctx.db, req.params.id);
      },
    );

  write(
    'decide',
    'talent.review',
    'talent.recognition.decide',
    '区初审或市复核：通过、退回修改或不予认定（退回与不予认定须写明理由）',
    ZRecognitionDecideSchema,
    (ctx, id, b) => decideRecognition(ctx, id, b, 'office'),
  );
  write('experts', 'talent.review', 'talent.recognition.experts', '指定评审专家（评分前可调整）', ZExpertAssignSchema, (ctx, id, b) =>
    assignExperts(ctx, id, b.expertIds, b.version),
  );
  write(
    'objections',
    'talent.review',
    'talent.recognition.objection',
    '登记公示期间收到的异议及处理情况',
    ZObjectionSchema,
    recordObjection,
  );
  write(
    'publicity-end',
    'talent.review',
    'talent.recognition.conclude',
    '公示期满：认定层次并发放人才卡，或不予认定（写明理由）',
    ZPublicityEndSchema,
    endPublicity,
  );
  write(
    'resubmit',
    'talent.write',
    'talent.recognition.resubmit',
    '退回的申请修改后重新提交',
    ZRecognitionResubmitSchema,
    resubmitRecognition,
  );

  app.get(
    '/experts',
    {
      config: { action: 'talent.review' },
      schema: {
        tags,
        summary: '可指定的评审专家',
        response: { 200: z.object({ items: z.array(ZExpertAccountSchema) }) },
      },
    },
    async (req) => ({ items: await expertAccounts(ctxOf(req)) }),
  );

  app.get(
    '/expert/recognitions',
    {
      config: { action: 'talent.expert' },
      schema: { tags, summary: '本人受邀评审的认定申请', response: { 200: z.object({ items: z.array(ZRecognitionRowSchema) }) } },
    },
    async (req) => ({ items: await expertQueue(ctxOf(req)) }),
  );

  app.get(
    '/expert/recognitions/:id',
    {
      config: { action: 'talent.expert', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '评审的认定申请（他人评分在全部评完前不可见）', params: ZIdParam, response: one },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireAssigned(ctx, req.params.id);
      return getRecognition(ctx.db, req.params.id, ctx.actor.userId);
    },
  );

  app.post(
    '/expert/recognitions/:id/score',
    {
      config: { action: 'talent.expert', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '专家按评审指标评分（提交后不可修改）', params: ZIdParam, body: ZExpertScoreSchema, response: one },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireAssigned(ctx, req.params.id);
      await audited(ctx, { action: 'talent.recognition.score', objectType: 'talent_recognition', objectId: () => req.params.id }, (trx) =>
        scoreRecognition(inTrx(ctx, trx), req.params.id, req.body),
      );
      return getRecognition(ctx.db, req.params.id, ctx.actor.userId);
    },
  );
};

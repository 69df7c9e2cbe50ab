// Selection-and-appointment endpoints (issue 13 points 1–3): parse, authorize (route `action`), scope (the
// selection lies where its managing organization lies), call the service. Every write runs in one transaction with
// its audit row and answers the whole selection as it now stands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Action } from '../../../domain/permissions.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAdvanceSchema,
  ZAppointInput,
  ZAvoidanceCheckResult,
  ZAvoidanceCheckSchema,
  ZAvoidanceDecisionSchema,
  ZEligibleForPost,
  ZEligibleQuery,
  ZStopSchema,
  ZFourMustSchema,
  ZInspection,
  ZMeeting,
  ZObjectionHandleSchema,
  ZObjectionSchema,
  ZOverrideSchema,
  ZPickerQuery,
  ZPickerSchema,
  ZProbationSchema,
  ZPublicityInput,
  ZPublicityPreviewQuery,
  ZPublicityPreviewSchema,
  ZRecommendationSchema,
  ZSelectionCreateSchema,
  ZSelectionListQuery,
  ZSelectionListSchema,
  ZSelectionSchema,
} from '../../../domain/schemas/cadre-selections.js';
import { audited, recordRead } from '../../audit/record.js';
import { requireAccess } from '../../scope/access.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { attachmentHeader } from '../../export/xlsx.js';
import { avoidanceOfList } from './avoidance.js';
import { competitionRoutes } from './competition-routes.js';
import { eligibleForPost } from './eligible-for-post.js';
import { packetPdf } from './packet.js';
import { presentSelection, summaryOf } from './presenters.js';
import { publicityWindow } from './publicity.js';
import { candidateRows, listSelections, pickerRows } from './queries.js';
import { recordPdf } from './record-pdf.js';
import * as svc from './service.js';
import type { SelectionRow } from './queries.js';

const tags = ['cadre-selections'];
const scope = { 'params.id': 'cadre_selection' } as const;

type Step<B> = (ctx: Ctx, s: SelectionRow, body: B) => Promise<unknown>;
/** The helper that registers one audited POST /:id/<path> step (handed to the 竞争上岗 routes). */
export type StepRoute = <S extends z.ZodType>(
  path: string,
  action: string,
  summary: string,
  body: S,
  fn: Step<z.infer<S>>,
  perm?: Action,
  before?: (ctx: Ctx, body: z.infer<S>) => Promise<void>,
) => void;

export const cadreSelectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const show = async (ctx: Ctx, id: number) => presentSelection(ctx.db, await svc.loadSelection(ctx, id), ctx.today());

  /** One POST /:id/<path> step: the write and its audit row in one transaction, then the selection. */
  function step<S extends z.ZodType>(
    path: string,
    action: string,
    summary: string,
    body: S,
    fn: Step<z.infer<S>>,
    perm: Action = 'cadre.select',
    /** A scope check of ids in the body, before the transaction so that its refusal row is kept. */
    before?: (ctx: Ctx, body: z.infer<S>) => Promise<void>,
  ) {
    app.post(
      `/:id/${path}`,
      {
        config: { action: perm, scope },
        schema: { tags, summary, params: ZIdParam, body, response: { 200: ZSelectionSchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await before?.(ctx, req.body as z.infer<S>);
        await audited(
          ctx,
          { action, objectType: 'cadre_selection', objectId: () => req.params.id, detail: () => ({ body: req.body as object }) },
          async (trx) => {
            const c = inTrx(ctx, trx);
            await fn(c, await svc.loadSelection(c, req.params.id), req.body as z.infer<S>);
          },
        );
        return show(ctx, req.params.id);
      },
    );
  }

  app.get(
    '/',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '干部选拔任用一览（按环节）', querystring: ZSelectionListQuery, response: { 200: ZSelectionListSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const rows = await listSelections(ctx.db, ctx.actor.scopePath, req.query);
      const cands = await candidateRows(
        ctx.db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => summaryOf(r, cands)) };
    },
  );

  app.get(
    '/picker',
    {
      config: { action: 'cadre.select' },
      schema: { tags, summary: '可选职位或干部（管理范围内）', querystring: ZPickerQuery, response: { 200: ZPickerSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await pickerRows(ctx.db, ctx.actor.scopePath, req.query.kind, req.query.q) };
    },
  );

  app.get(
    '/publicity-preview',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '任前公示期：按法定节假日计算 5 个工作日的截止日期',
        querystring: ZPublicityPreviewQuery,
        response: { 200: ZPublicityPreviewSchema },
      },
    },
    (req) => Promise.resolve(publicityWindow(req.query.startOn)),
  );

  app.post(
    '/',
    {
      config: { action: 'cadre.select' },
      schema: { tags, summary: '分析研判和动议：启动一次干部选拔任用', body: ZSelectionCreateSchema, response: { 201: ZSelectionSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await requireAccess(ctx, 'cadre.select', 'cadre_post', [...new Set(req.body.postIds)]);
      const r = await audited<{ id: number }>(
        ctx,
        { action: 'cadre.selection.create', objectType: 'cadre_selection', objectId: (x) => x.id },
        (trx) => svc.createSelection(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await show(ctx, r.id));
    },
  );

  app.get(
    '/:id',
    {
      config: { action: 'cadre.read', scope },
      schema: { tags, summary: '选拔任用记录（含资格、回避、下一环节条件）', params: ZIdParam, response: { 200: ZSelectionSchema } },
    },
    (req) => show(ctxOf(req), req.params.id),
  );

  step(
    'recommendation',
    'cadre.selection.recommend',
    '民主推荐：会议推荐、谈话调研推荐和人选',
    ZRecommendationSchema,
    svc.recordRecommendation,
    'cadre.select',
    (ctx, b) => requireAccess(ctx, 'cadre.select', 'cadre', [...new Set(b.candidates.map((c) => c.cadreId))]),
  );
  step('inspection', 'cadre.selection.inspect', '考察：考察组、谈话人数和考察材料', ZInspection, svc.recordInspection);
  step('four-musts', 'cadre.selection.check', '办结“凡提四必”事项（附依据）', ZFourMustSchema, svc.closeFourMust);
  step(
    'override',
    'cadre.selection.override',
    '任职资格例外认定（须说明理由）',
    ZOverrideSchema,
    svc.overrideFinding,
    'cadre.select_override',
  );
  step(
    'avoidance',
    'cadre.selection.avoidance',
    '回避情形的决定（须说明理由）',
    ZAvoidanceDecisionSchema,
    svc.decideAvoidance,
    'cadre.select_override',
  );
  step('meeting', 'cadre.selection.meeting', '讨论决定：会议、到会成员和逐人表决', ZMeeting, svc.recordMeeting);
  step('publicity', 'cadre.selection.publicity', '任前公示：开始日期（截止日按工作日计算）', ZPublicityInput, svc.recordPublicity);
  step('objections', 'cadre.selection.objection', '登记公示期间反映的问题', ZObjectionSchema, svc.recordObjection);
  step('objections/handle', 'cadre.selection.objection_handle', '办结公示期间反映的问题', ZObjectionHandleSchema, svc.handleObjection);
  step('advance', 'cadre.selection.advance', '进入下一环节（不符合条件的说明理由和条款）', ZAdvanceSchema, svc.advance);
  step('appoint', 'cadre.selection.appoint', '任职：谈话、任职文件和任职记录', ZAppointInput, svc.appoint);
  step('probation', 'cadre.selection.probation', '试用期满考核', ZProbationSchema, svc.endProbation);
  step('stop', 'cadre.selection.stop', '终止选拔任用（任职前任一环节，须说明理由）', ZStopSchema, svc.stopSelection);
  competitionRoutes(step);

  app.post(
    '/avoidance-check',
    {
      config: { action: 'cadre.select' },
      schema: {
        tags,
        summary: '拟任名单回避检查：逐人对照现任职务和名单中其他人选（干部 → 职位）',
        body: ZAvoidanceCheckSchema,
        response: { 200: ZAvoidanceCheckResult },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireAccess(ctx, 'cadre.select', 'cadre', [...new Set(req.body.items.map((x) => x.cadreId))]);
      await requireAccess(ctx, 'cadre.select', 'cadre_post', [...new Set(req.body.items.map((x) => x.postId))]);
      const flags = await avoidanceOfList(ctx.db, req.body.items);
      return {
        items: req.body.items.map((x, i) => ({ ...x, flags: flags[i] })),
        flagged: flags.filter((f) => f.length > 0).length,
      };
    },
  );

  app.get(
    '/eligible',
    {
      config: { action: 'cadre.select' },
      schema: {
        tags,
        summary: '职位人选资格筛查：管理范围内在职干部逐人按任职资格条件核对（附条款）',
        querystring: ZEligibleQuery,
        response: { 200: ZEligibleForPost },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireAccess(ctx, 'cadre.select', 'cadre_post', [req.query.postId]);
      return eligibleForPost(ctx.db, ctx.actor.scopePath, req.query.postId, ctx.today(), req.query.limit);
    },
  );

  app.get(
    '/:id/packet.pdf',
    {
      config: { action: 'cadre.export', scope },
      schema: { tags, summary: '上会材料：每名人选的干部任免审批表（PDF）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { pdf, title } = await packetPdf(ctx, req.params.id);
      await recordRead(ctx, 'cadre.selection.export', 'cadre_selection', { id: req.params.id, kind: 'packet' });
      reply.header('Content-Type', 'application/pdf').header('Content-Disposition', attachmentHeader(`上会材料-${title}.pdf`));
      return reply.send(pdf);
    },
  );

  app.get(
    '/:id/record.pdf',
    {
      config: { action: 'cadre.export', scope },
      schema: { tags, summary: '选人用人纪实（PDF）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const s = await show(ctx, req.params.id);
      const pdf = await recordPdf(s);
      await recordRead(ctx, 'cadre.selection.export', 'cadre_selection', { id: req.params.id, kind: 'record' });
      reply.header('Content-Type', 'application/pdf').header('Content-Disposition', attachmentHeader(`选人用人纪实-${s.title}.pdf`));
      return reply.send(pdf);
    },
  );
};

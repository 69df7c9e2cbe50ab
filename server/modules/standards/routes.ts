// Branch standards endpoints (issue 4 point 4): checklist versions, self-assessment, the higher level's
// review and star rating, the rating overview. Weak organizations: weak-routes.ts; the export: export.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAssessmentListQuery,
  ZAssessmentListSchema,
  ZAssessmentQuery,
  ZAssessmentViewSchema,
  ZChecklistCreateSchema,
  ZChecklistSchema,
  ZRatingOverviewSchema,
  ZRatingQuery,
  ZReviewSchema,
  ZSelfAssessmentSchema,
  ZStarHistorySchema,
  ZSubmitSchema,
} from '../../../domain/schemas/standards.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { loadInScope } from '../../scope/access.js';
import { loadOrg } from '../orgs/service.js';
import { createChecklist, listChecklists } from './checklists.js';
import {
  assessmentList,
  assessmentView,
  findAssessment,
  reviewAssessment,
  saveSelfAssessment,
  starHistory,
  submitAssessment,
} from './assessments.js';
import { ratingOverview } from './ratings.js';
import { registerWeakOrgRoutes } from './weak-routes.js';
import { registerRatingExport } from './export.js';

const tags = ['standards'];

export const standardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const thisYear = (ctx: Ctx) => Number(ctx.today().slice(0, 4));
  const assessmentOf = (ctx: Ctx, id: number, action: 'standard.write' | 'standard.review') =>
    loadInScope(ctx, action, 'standard_assessment', id, (x) => findAssessment(ctx.db, x));
  const viewOf = (ctx: Ctx, a: { org_id: number; org_name: string; org_kind: string; org_path: string; year: number }) =>
    assessmentView(ctx.db, ctx.actor, { id: a.org_id, name: a.org_name, kind: a.org_kind, path: a.org_path }, a.year);

  app.get(
    '/checklists',
    {
      config: { action: 'standard.read' },
      schema: { tags, summary: '标准化建设评分标准（各版本）', response: { 200: z.object({ items: z.array(ZChecklistSchema) }) } },
    },
    async () => ({ items: await listChecklists(db) }),
  );

  app.post(
    '/checklists',
    {
      config: { action: 'standard.config' },
      schema: {
        tags,
        summary: '发布新版评分标准（自生效日期起，按年度 1 月 1 日所用版本评定）',
        body: ZChecklistCreateSchema,
        response: { 201: z.object({ items: z.array(ZChecklistSchema) }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // The checklist applies to the whole city: only the city's organization department sets it.
      const own = await db.selectFrom('orgs').select('parent_id').where('id', '=', ctx.actor.orgId).executeTakeFirst();
      if (own?.parent_id !== null) throw new AppError('SETTINGS_LEVEL', '评分标准只能由市级组织部门发布', 403);
      await audited(
        ctx,
        {
          action: 'standard.checklist',
          objectType: 'standard_checklist',
          objectId: (id) => id,
          detail: () => ({ name: req.body.name, effectiveFrom: req.body.effectiveFrom, items: req.body.items.length }),
        },
        (trx: Trx) => createChecklist(trx, ctx.actor.userId, req.body),
      );
      return reply.code(201).send({ items: await listChecklists(db) });
    },
  );

  app.get(
    '/orgs/:id/assessment',
    {
      config: { scope: { 'params.id': 'org' }, action: 'standard.read' },
      schema: {
        tags,
        summary: '党支部年度自评与审核情况',
        params: ZIdParam,
        querystring: ZAssessmentQuery,
        response: { 200: ZAssessmentViewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return assessmentView(ctx.db, ctx.actor, await loadOrg(ctx, 'standard.read', req.params.id), req.query.year);
    },
  );

  app.put(
    '/orgs/:id/assessment',
    {
      config: { scope: { 'params.id': 'org' }, action: 'standard.write' },
      schema: {
        tags,
        summary: '保存党支部自评（草稿）',
        params: ZIdParam,
        body: ZSelfAssessmentSchema,
        response: { 200: ZAssessmentViewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'standard.write', req.params.id);
      await audited(
        ctx,
        {
          action: 'standard.self',
          objectType: 'standard_assessment',
          objectId: (id) => id,
          detail: () => ({ orgId: org.id, year: req.body.year }),
        },
        (trx: Trx) => saveSelfAssessment(trx, org, req.body, thisYear(ctx)),
      );
      return assessmentView(ctx.db, ctx.actor, org, req.body.year);
    },
  );

  app.post(
    '/assessments/:id/submit',
    {
      config: { scope: { 'params.id': 'standard_assessment' }, action: 'standard.write' },
      schema: { tags, summary: '提交自评（报上级审核）', params: ZIdParam, body: ZSubmitSchema, response: { 200: ZAssessmentViewSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const a = await assessmentOf(ctx, req.params.id, 'standard.write');
      await audited(
        ctx,
        {
          action: 'standard.submit',
          objectType: 'standard_assessment',
          objectId: () => a.id,
          detail: () => ({ orgId: a.org_id, year: a.year }),
        },
        (trx: Trx) => submitAssessment(trx, ctx.actor, a, req.body.version, ctx.clock.now()),
      );
      return viewOf(ctx, a);
    },
  );

  app.post(
    '/assessments/:id/review',
    {
      config: { scope: { 'params.id': 'standard_assessment' }, action: 'standard.review' },
      schema: {
        tags,
        summary: '上级审核：退回或逐项评分定星',
        params: ZIdParam,
        body: ZReviewSchema,
        response: { 200: ZAssessmentViewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const a = await assessmentOf(ctx, req.params.id, 'standard.review');
      await audited(
        ctx,
        {
          action: `standard.review.${req.body.decision}`,
          objectType: 'standard_assessment',
          objectId: () => a.id,
          detail: (r) => ({ orgId: a.org_id, year: a.year, ...r }),
        },
        (trx: Trx) => reviewAssessment(inTrx(ctx, trx), a, req.body),
      );
      return viewOf(ctx, a);
    },
  );

  app.get(
    '/assessments',
    {
      config: { action: 'standard.read' },
      schema: {
        tags,
        summary: '下级党支部的年度评定（待审核与已审核）',
        querystring: ZAssessmentListQuery,
        response: { 200: ZAssessmentListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'standard.read', req.query.orgId ?? ctx.actor.orgId);
      return assessmentList(ctx.db, ctx.actor, org.path, req.query.year, req.query.status);
    },
  );

  app.get(
    '/orgs/:id/stars',
    {
      config: { scope: { 'params.id': 'org' }, action: 'standard.read' },
      schema: {
        tags,
        summary: '党支部星级评定历史',
        params: ZIdParam,
        response: { 200: z.object({ items: z.array(ZStarHistorySchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await starHistory(ctx.db, (await loadOrg(ctx, 'standard.read', req.params.id)).id) };
    },
  );

  app.get(
    '/ratings',
    {
      config: { action: 'standard.read' },
      schema: { tags, summary: '星级评定分布（按星级计数，不排名）', querystring: ZRatingQuery, response: { 200: ZRatingOverviewSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'standard.read', req.query.orgId ?? ctx.actor.orgId);
      return ratingOverview(ctx.db, org, req.query.year, { stars: req.query.stars, status: req.query.status });
    },
  );

  await registerRatingExport(app);
  await registerWeakOrgRoutes(app);
};

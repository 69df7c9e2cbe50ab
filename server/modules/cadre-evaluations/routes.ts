// 民主测评, the officer's routes (issue 13 point 5): create for a team or a list of cadres, generate
// voting codes (answered once, in clear), open, close, the live turnout, the results after closing and
// their Excel export. The voters' routes are in public-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZEvaluationCodesRequest,
  ZEvaluationCodesSchema,
  ZEvaluationCreateSchema,
  ZEvaluationDetailSchema,
  ZEvaluationListQuery,
  ZEvaluationListSchema,
  ZEvaluationResultsSchema,
  ZEvaluationTeamsSchema,
} from '../../../domain/schemas/cadre-evaluations.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import { findEvaluation, listEvaluations, teamsInScope } from './queries.js';
import {
  closeEvaluation,
  createEvaluation,
  evaluationDetail,
  evaluationResults,
  issueCodes,
  loadEvaluation,
  openEvaluation,
} from './service.js';
import { registerEvaluationExport } from './export.js';

const tags = ['cadre-evaluations'];
const action = 'cadre.evaluate' as const;
const scope = { 'params.id': 'cadre_evaluation' } as const;

export const cadreEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const evaluationOf = (ctx: Ctx, id: number) => loadInScope(ctx, action, 'cadre_evaluation', id, (x) => findEvaluation(ctx.db, x));

  app.get(
    '/',
    {
      config: { action },
      schema: {
        tags,
        summary: '民主测评列表（含测评码使用情况）',
        querystring: ZEvaluationListQuery,
        response: { 200: ZEvaluationListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listEvaluations(ctx.db, ctx.actor.scopePath, req.query.status) };
    },
  );

  app.get(
    '/teams',
    {
      config: { action },
      schema: { tags, summary: '可测评的班子及其现任成员', response: { 200: ZEvaluationTeamsSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const teams = await teamsInScope(ctx.db, ctx.actor.scopePath);
      return { items: teams.map(({ managerOrgId: _m, ...t }) => t) };
    },
  );

  app.post(
    '/',
    {
      config: { action, scope: { 'body.teamId': 'cadre_team', 'body.cadreIds': 'cadre' } },
      schema: {
        tags,
        summary: '新建民主测评（班子及其现任成员，或干部名单；测评对象在此时固定）',
        body: ZEvaluationCreateSchema,
        response: { 201: ZEvaluationDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited(
        ctx,
        {
          action: 'evaluation.create',
          objectType: 'cadre_evaluation',
          objectId: (x) => x,
          detail: () => ({ title: req.body.title, teamId: req.body.teamId ?? null, cadreIds: req.body.cadreIds ?? null }),
        },
        (trx: Trx) => createEvaluation(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await evaluationDetail(ctx, await loadEvaluation(ctx, id)));
    },
  );

  app.get(
    '/:id',
    {
      config: { action, scope },
      schema: { tags, summary: '民主测评详情与各类别测评码使用情况', params: ZIdParam, response: { 200: ZEvaluationDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return evaluationDetail(ctx, await evaluationOf(ctx, req.params.id));
    },
  );

  app.post(
    '/:id/codes',
    {
      config: { action, scope, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '生成测评码（明文只返回这一次，系统只保存其密钥散列）',
        params: ZIdParam,
        body: ZEvaluationCodesRequest,
        response: { 200: ZEvaluationCodesSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const e = await evaluationOf(ctx, req.params.id);
      const codes = await audited(
        ctx,
        {
          action: 'evaluation.codes',
          objectType: 'cadre_evaluation',
          objectId: () => e.id,
          detail: (r) => ({ counts: Object.fromEntries(r.items.map((i) => [i.category, i.codes.length])) }),
        },
        (trx: Trx) => issueCodes(inTrx(ctx, trx), e, req.body),
      );
      return reply.header('Cache-Control', 'no-store').send(codes);
    },
  );

  for (const [path, code, run] of [
    ['/:id/open', 'evaluation.open', openEvaluation],
    ['/:id/close', 'evaluation.close', closeEvaluation],
  ] as const) {
    app.post(
      path,
      {
        config: { action, scope },
        schema: {
          tags,
          summary: code === 'evaluation.open' ? '开始测评（此后可凭测评码投票）' : '结束测评（此后不能投票，可查看结果）',
          params: ZIdParam,
          response: { 200: ZEvaluationDetailSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const e = await evaluationOf(ctx, req.params.id);
        await audited(ctx, { action: code, objectType: 'cadre_evaluation', objectId: () => e.id }, (trx: Trx) => run(inTrx(ctx, trx), e));
        return evaluationDetail(ctx, await loadEvaluation(ctx, e.id));
      },
    );
  }

  app.get(
    '/:id/results',
    {
      config: { action, scope },
      schema: {
        tags,
        summary: '测评结果（结束后）：按对象、项目、类别统计票数、得分和比率',
        params: ZIdParam,
        response: { 200: ZEvaluationResultsSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const results = await evaluationResults(ctx, await evaluationOf(ctx, req.params.id));
      await recordRead(ctx, 'evaluation.results', 'cadre_evaluation', { evaluationId: req.params.id });
      return reply.header('Cache-Control', 'no-store').send(results);
    },
  );

  registerEvaluationExport(app, evaluationOf);
};

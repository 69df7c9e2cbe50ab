// The talent evaluation's endpoints (issue 15 point 7): indicator sets (read by the office, adopted with
// talent.config), a person's evaluations over the years and the record of one year (talent.write, scope: the
// talent's district), and a year's distribution in bands. No route lists people by score.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZEvaluationInputSchema,
  ZEvaluationSummarySchema,
  ZIndicatorSetCreateSchema,
  ZIndicatorSetSchema,
  ZPersonEvaluationsSchema,
} from '../../../domain/schemas/talent-evaluations.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx } from '../../context.js';
import { personEvaluations, writeEvaluation, type WrittenEvaluation } from './evaluations.js';
import { createIndicatorSet, indicatorSets } from './indicators.js';
import { evaluationSummary } from './queries.js';

const tags = ['talent-evaluations'];
const personScope = { 'params.id': 'talent_person' } as const;
const ZSets = z.object({ items: z.array(ZIndicatorSetSchema) });

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '人才评价指标体系（显绩、潜绩；按生效日期）', response: { 200: ZSets } },
    },
    async (req) => ({ items: await indicatorSets(ctxOf(req)) }),
  );

  app.post(
    '/indicators',
    {
      config: { action: 'talent.config' },
      schema: {
        tags,
        summary: '发布新的评价指标体系（自生效日起取代现行体系）',
        body: ZIndicatorSetCreateSchema,
        response: { 201: ZSets },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited<string>(
        ctx,
        {
          action: 'talent.indicator.create',
          objectType: 'talent_indicator_set',
          objectId: (r) => r,
          detail: () => ({ effectiveOn: req.body.effectiveOn, source: req.body.source, indicators: req.body.indicators }),
        },
        (trx) => createIndicatorSet(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send({ items: await indicatorSets(ctx) });
    },
  );

  app.get(
    '/evaluations/summary',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '人才评价分布（各年度分数段人数与平均分，不排名）', response: { 200: ZEvaluationSummarySchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return evaluationSummary(ctx.db, ctx.actor.scopePath);
    },
  );

  app.get(
    '/people/:id/evaluations',
    {
      config: { action: 'talent.read', scope: personScope },
      schema: { tags, summary: '一名人才的历年评价（显绩、潜绩、综合）', params: ZIdParam, response: { 200: ZPersonEvaluationsSchema } },
    },
    async (req) => personEvaluations(ctxOf(req), req.params.id),
  );

  app.post(
    '/people/:id/evaluations',
    {
      config: { action: 'talent.write', scope: personScope },
      schema: {
        tags,
        summary: '登记一名人才的年度评价（同一年度再次登记即修改）',
        params: ZIdParam,
        body: ZEvaluationInputSchema,
        response: { 200: ZPersonEvaluationsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited<WrittenEvaluation>(
        ctx,
        {
          action: 'talent.evaluation.record',
          objectType: 'talent_person',
          objectId: () => req.params.id,
          detail: (r) => ({ year: r.year, achieved: r.achieved, potential: r.potential, total: r.total, replaced: r.replaced }),
        },
        (trx) => writeEvaluation(inTrx(ctx, trx), req.params.id, req.body),
      );
      return personEvaluations(ctx, req.params.id);
    },
  );
};

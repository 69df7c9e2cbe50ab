// The office's decisions on an application (issue 15 point 5): the review at the current step (district, city,
// the end of the expert review), expert scores, objections during 公示, approval, the release of an instalment
// after the on-the-job check and a clawback. Scope: an application lies in its talent's district; each decision
// is one audited transaction (decide.ts) and answers the application as it now stands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZApplicationSchema,
  ZClawbackSchema,
  ZDecisionSchema,
  ZExpertScoreSchema,
  ZObjectionCreateSchema,
  ZObjectionHandleSchema,
  ZPayoutReleaseSchema,
} from '../../../domain/schemas/talent-policies.js';
import { ctxOf } from '../../context.js';
import { decideOn } from './decide.js';
import { forExpert, getApplication } from './queries.js';
import { approveApplication, handleObjection, recordObjection, reviewApplication, scoreApplication } from './review.js';
import { clawBack, releasePayout } from './payouts.js';

const tags = ['talent-policies'];
const appScope = { 'params.id': 'talent_application' } as const;
const ZReason = z.strictObject({ reason: z.string().trim().max(500, '意见不超过 500 字').default('') });

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/review',
    {
      config: { action: 'talent.review', scope: appScope },
      schema: {
        tags,
        summary: '审核（区级初审、市级复核或结束专家评审）：通过、退回修改或不予通过，须说明理由；进入公示时可指定公示开始日期',
        params: ZIdParam,
        body: ZDecisionSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) => decideOn(ctxOf(req), 'talent.application.review', req.params.id, req.body, reviewApplication),
  );

  app.post(
    '/applications/:id/scores',
    {
      config: { action: 'talent.expert', scope: appScope },
      schema: {
        tags,
        summary: '专家评分（互不可见，评分后可见他人评分）',
        params: ZIdParam,
        body: ZExpertScoreSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return forExpert(await decideOn(ctx, 'talent.application.score', req.params.id, req.body, scoreApplication), ctx.actor.displayName);
    },
  );

  app.get(
    '/expert/applications/:id',
    {
      config: { action: 'talent.expert', scope: appScope },
      schema: { tags, summary: '专家查看待评申请', params: ZIdParam, response: { 200: ZApplicationSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return forExpert(await getApplication(ctx.db, req.params.id), ctx.actor.displayName);
    },
  );

  app.post(
    '/applications/:id/objections',
    {
      config: { action: 'talent.review', scope: appScope },
      schema: {
        tags,
        summary: '登记公示期间收到的反映',
        params: ZIdParam,
        body: ZObjectionCreateSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) => decideOn(ctxOf(req), 'talent.application.objection', req.params.id, req.body, recordObjection),
  );

  app.post(
    '/applications/:id/objections/:objectionId',
    {
      // The objection is checked by the service to belong to the application.
      config: { action: 'talent.review', scope: { ...appScope, 'params.objectionId': 'none' } },
      schema: {
        tags,
        summary: '处理公示反映（属实则不予通过）',
        params: z.strictObject({ id: z.coerce.number().int().positive(), objectionId: z.coerce.number().int().positive() }),
        body: ZObjectionHandleSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) =>
      decideOn(
        ctxOf(req),
        'talent.application.objection_handle',
        req.params.id,
        req.body,
        (ctx, trx, id, b) => handleObjection(ctx, trx, id, req.params.objectionId, b),
        { objectionId: req.params.objectionId },
      ),
  );

  app.post(
    '/applications/:id/approve',
    {
      config: { action: 'talent.review', scope: appScope },
      schema: { tags, summary: '公示期满审批，生成发放计划', params: ZIdParam, body: ZReason, response: { 200: ZApplicationSchema } },
    },
    (req) =>
      decideOn(ctxOf(req), 'talent.application.approve', req.params.id, req.body, (ctx, trx, id, b) =>
        approveApplication(ctx, trx, id, b.reason),
      ),
  );

  app.post(
    '/applications/:id/payouts/:payoutId/release',
    {
      // The instalment is checked by the service to belong to the application.
      config: { action: 'talent.pay', scope: { ...appScope, 'params.payoutId': 'none' } },
      schema: {
        tags,
        summary: '在岗核查后发放一期（未在岗则停止后续发放）',
        params: z.strictObject({ id: z.coerce.number().int().positive(), payoutId: z.coerce.number().int().positive() }),
        body: ZPayoutReleaseSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) =>
      decideOn(
        ctxOf(req),
        'talent.payout.release',
        req.params.id,
        req.body,
        (ctx, trx, id, b) => releasePayout(ctx, trx, id, req.params.payoutId, b),
        { payoutId: req.params.payoutId },
      ),
  );

  app.post(
    '/applications/:id/clawback',
    {
      config: { action: 'talent.pay', scope: appScope },
      schema: {
        tags,
        summary: '追回（提前离职或弄虚作假）',
        params: ZIdParam,
        body: ZClawbackSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) => decideOn(ctxOf(req), 'talent.payout.clawback', req.params.id, req.body, clawBack),
  );
};

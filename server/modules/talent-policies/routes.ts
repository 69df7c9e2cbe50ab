// The talent office's endpoints for policies, calls, applications and payouts (issue 15 points 4 and 5): parse,
// authorize (action + scope: an application lies in its talent's district), call the service; every write in
// one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZApplicationListQuery,
  ZApplicationPageSchema,
  ZApplicationSchema,
  ZCallCreateSchema,
  ZCallSchema,
  ZEvaluateSchema,
  ZEvaluationSchema,
  ZEvaluationsPageSchema,
  ZEvaluationsQuery,
  ZItemCreateSchema,
  ZLedgerQuery,
  ZLedgerSchema,
  ZPersonPickSchema,
  ZPolicyCreateSchema,
  ZPolicySchema,
  ZVersionCreateSchema,
} from '../../../domain/schemas/talent-policies.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { createCall } from './calls.js';
import { evaluateFor, evaluationsPage } from './evaluate.js';
import { addItem, addVersion, createPolicy, getPolicy, listPolicies } from './policies.js';
import { getApplication, ledgerOf, listApplications, listCalls, pickPeople } from './queries.js';
import { registerLedgerExport } from './export.js';
import { reviewRoutes } from './review-routes.js';

const tags = ['talent-policies'];
const appScope = { 'params.id': 'talent_application' } as const;

export const talentPolicyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/policies',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '人才政策库（含项目及各生效日期的标准）', response: { 200: z.object({ items: z.array(ZPolicySchema) }) } },
    },
    async (req) => ({ items: await listPolicies(ctxOf(req).db) }),
  );

  app.get(
    '/policies/:id',
    {
      config: { action: 'talent.read', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '一项人才政策', params: ZIdParam, response: { 200: ZPolicySchema } },
    },
    async (req) => getPolicy(ctxOf(req).db, req.params.id),
  );

  app.post(
    '/policies',
    {
      config: { action: 'talent.config' },
      schema: {
        tags,
        summary: '登记人才政策（文号、发文单位、施行与失效日期、项目及标准）',
        body: ZPolicyCreateSchema,
        response: { 201: ZPolicySchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited(
        ctx,
        {
          action: 'talent.policy.create',
          objectType: 'talent_policy',
          objectId: (r) => r,
          detail: () => ({ docNo: req.body.docNo, items: req.body.items.map((i) => i.code) }),
        },
        (trx: Trx) => createPolicy(ctx, trx, req.body),
      );
      return reply.code(201).send(await getPolicy(ctx.db, id));
    },
  );

  app.post(
    '/policies/:id/items',
    // Policies are city-wide data, not records in the tree.
    {
      config: { action: 'talent.config', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '为政策增加补贴项目', params: ZIdParam, body: ZItemCreateSchema, response: { 201: ZPolicySchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.policy.item',
          objectType: 'talent_policy',
          objectId: () => req.params.id,
          detail: (r) => ({ itemId: r, code: req.body.code }),
        },
        (trx: Trx) => addItem(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await getPolicy(ctx.db, req.params.id));
    },
  );

  app.post(
    '/policy-items/:id/versions',
    {
      config: { action: 'talent.config', scope: { 'params.id': 'none' } },
      schema: {
        tags,
        summary: '调整补贴项目的金额或条件（自某日起生效的新标准）',
        params: ZIdParam,
        body: ZVersionCreateSchema,
        response: { 201: ZPolicySchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const r = await audited(
        ctx,
        {
          action: 'talent.policy.version',
          objectType: 'talent_policy',
          objectId: (x) => x.policyId,
          detail: (x) => ({
            itemId: req.params.id,
            versionId: x.versionId,
            effectiveOn: req.body.effectiveOn,
            amountFen: req.body.amountFen,
          }),
        },
        (trx: Trx) => addVersion(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await getPolicy(ctx.db, r.policyId));
    },
  );

  app.post(
    '/policies/:id/evaluate',
    {
      config: { action: 'talent.read', scope: { 'params.id': 'none', 'body.personId': 'talent_person' } },
      schema: {
        tags,
        summary: '按某日测算人才能否享受政策及金额，逐项说明理由（录入事实或选择已登记人才）',
        params: ZIdParam,
        body: ZEvaluateSchema,
        response: { 200: ZEvaluationSchema },
      },
    },
    async (req) => evaluateFor(ctxOf(req).db, req.params.id, req.body),
  );

  app.get(
    '/policies/:id/evaluations',
    {
      config: { action: 'talent.read', scope: { 'params.id': 'none' } },
      schema: {
        tags,
        summary: '按某日对本辖区已登记人才（或某申报计划的申请人）逐人测算政策，分页，逐项说明理由',
        params: ZIdParam,
        querystring: ZEvaluationsQuery,
        response: { 200: ZEvaluationsPageSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return evaluationsPage(ctx.db, ctx.actor.scopePath, req.params.id, req.query);
    },
  );

  app.get(
    '/policy-people',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '按姓名查找本辖区已登记人才（测算用）',
        querystring: z.strictObject({ q: z.string().trim().max(40).default('') }),
        response: { 200: z.object({ items: z.array(ZPersonPickSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await pickPeople(ctx.db, ctx.actor.scopePath, req.query.q) };
    },
  );

  app.get(
    '/calls',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '申报计划', response: { 200: z.object({ items: z.array(ZCallSchema) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listCalls(ctx.db, ctx.today()) };
    },
  );

  app.post(
    '/calls',
    {
      config: { action: 'talent.config' },
      schema: { tags, summary: '发布申报计划（受理起止日期、所需材料）', body: ZCallCreateSchema, response: { 201: ZCallSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const b = req.body;
      const id = await audited(
        ctx,
        {
          action: 'talent.call.create',
          objectType: 'talent_call',
          objectId: (r) => r,
          detail: () => ({ policyId: b.policyId, opensOn: b.opensOn, closesOn: b.closesOn }),
        },
        (trx: Trx) => createCall(ctx, trx, b),
      );
      return reply.code(201).send((await listCalls(ctx.db, ctx.today())).find((c) => c.id === id)!);
    },
  );

  app.get(
    '/applications',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '政策申请（按状态、申报计划、姓名筛选）',
        querystring: ZApplicationListQuery,
        response: { 200: ZApplicationPageSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return listApplications(ctx.db, { scopePath: ctx.actor.scopePath }, req.query);
    },
  );

  app.get(
    '/applications/:id',
    {
      config: { action: 'talent.read', scope: appScope },
      schema: { tags, summary: '一份申请（审核记录、材料、公示、发放）', params: ZIdParam, response: { 200: ZApplicationSchema } },
    },
    async (req) => getApplication(ctxOf(req).db, req.params.id),
  );

  app.get(
    '/ledger',
    {
      config: { action: 'talent.pay' },
      schema: { tags, summary: '发放与追回台账', querystring: ZLedgerQuery, response: { 200: ZLedgerSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return ledgerOf(ctx.db, ctx.actor.scopePath, req.query, 2000);
    },
  );

  await registerLedgerExport(app);
  await app.register(reviewRoutes);
};

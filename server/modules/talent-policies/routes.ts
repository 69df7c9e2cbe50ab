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
  ZClawbackSchema,
  ZDecisionSchema,
  ZEvaluateSchema,
  ZEvaluationSchema,
  ZExpertScoreSchema,
  ZItemCreateSchema,
  ZLedgerQuery,
  ZLedgerSchema,
  ZObjectionCreateSchema,
  ZObjectionHandleSchema,
  ZPayoutReleaseSchema,
  ZPersonPickSchema,
  ZPolicyCreateSchema,
  ZPolicySchema,
  ZVersionCreateSchema,
} from '../../../domain/schemas/talent-policies.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { evaluateFor } from './evaluate.js';
import { addItem, addVersion, createPolicy, getPolicy, listPolicies } from './policies.js';
import { forExpert, getApplication, ledgerOf, listApplications, listCalls, pickPeople } from './queries.js';
import { approveApplication, handleObjection, recordObjection, reviewApplication, scoreApplication } from './review.js';
import { clawBack, releasePayout } from './payouts.js';
import { registerLedgerExport } from './export.js';

const tags = ['talent-policies'];
const appScope = { 'params.id': 'talent_application' } as const;
const ZReason = z.strictObject({ reason: z.string().trim().max(500, '意见不超过 500 字').default('') });

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
      if (b.closesOn < b.opensOn) throw conflict('截止日期不能早于开始日期', 'closesOn');
      const id = await audited(
        ctx,
        {
          action: 'talent.call.create',
          objectType: 'talent_call',
          objectId: (r) => r,
          detail: () => ({ policyId: b.policyId, opensOn: b.opensOn, closesOn: b.closesOn }),
        },
        async (trx: Trx) => {
          const p = await trx.selectFrom('talent_policies').select('id').where('id', '=', b.policyId).executeTakeFirst();
          if (!p) throw notFound('政策');
          const row = await trx
            .insertInto('talent_calls')
            .values({
              policy_id: b.policyId,
              title: b.title,
              opens_on: b.opensOn,
              closes_on: b.closesOn,
              required_attachments: JSON.stringify(b.requiredAttachments),
              note: b.note,
              created_by: ctx.actor.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        },
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

  const decided =
    (action: string, run: (ctx: ReturnType<typeof ctxOf>, trx: Trx, id: number, body: never) => Promise<unknown>) =>
    async (req: { params: { id: number }; body: unknown }, ctx: ReturnType<typeof ctxOf>) => {
      await audited(
        ctx,
        {
          action,
          objectType: 'talent_application',
          objectId: () => req.params.id,
          detail: (r) => ({ ...(req.body as object), result: r }),
        },
        (trx: Trx) => run(ctx, trx, req.params.id, req.body as never),
      );
      return getApplication(ctx.db, req.params.id);
    };

  app.post(
    '/applications/:id/review',
    {
      config: { action: 'talent.review', scope: appScope },
      schema: {
        tags,
        summary: '审核（区级初审、市级复核或结束专家评审）：通过、退回修改或不予通过，须说明理由',
        params: ZIdParam,
        body: ZDecisionSchema,
        response: { 200: ZApplicationSchema },
      },
    },
    (req) => decided('talent.application.review', reviewApplication)(req, ctxOf(req)),
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
      const a = await decided('talent.application.score', scoreApplication)(req, ctx);
      return forExpert(a, ctx.actor.displayName);
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
    (req) => decided('talent.application.objection', recordObjection)(req, ctxOf(req)),
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
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.application.objection_handle',
          objectType: 'talent_application',
          objectId: () => req.params.id,
          detail: () => ({ objectionId: req.params.objectionId, ...req.body }),
        },
        (trx: Trx) => handleObjection(ctx, trx, req.params.id, req.params.objectionId, req.body),
      );
      return getApplication(ctx.db, req.params.id);
    },
  );

  app.post(
    '/applications/:id/approve',
    {
      config: { action: 'talent.review', scope: appScope },
      schema: { tags, summary: '公示期满审批，生成发放计划', params: ZIdParam, body: ZReason, response: { 200: ZApplicationSchema } },
    },
    (req) =>
      decided('talent.application.approve', (ctx, trx, id, b: { reason: string }) => approveApplication(ctx, trx, id, b.reason))(
        req,
        ctxOf(req),
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
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.payout.release',
          objectType: 'talent_application',
          objectId: () => req.params.id,
          detail: (r) => ({ payoutId: req.params.payoutId, ...req.body, result: r }),
        },
        (trx: Trx) => releasePayout(ctx, trx, req.params.id, req.params.payoutId, req.body),
      );
      return getApplication(ctx.db, req.params.id);
    },
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
    (req) => decided('talent.payout.clawback', clawBack)(req, ctxOf(req)),
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
};

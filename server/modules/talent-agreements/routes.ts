// 柔性引才 agreements' endpoints (issue 15 point 3). The office (/api/talent/agreements): list with filters and
// counts, the Excel export, detail, create, on-site days, deliverables and their acceptance, end or terminate,
// renew; an agreement lies where its employer and its talent lie (scope resource talent_agreement). An employer's
// account (/api/talent/employer/agreements): its own agreements only, and their on-site days (404 and an audited
// refusal for another's). Every write in one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAgreementCreateSchema,
  ZAgreementEndSchema,
  ZAgreementListQuery,
  ZAgreementPageSchema,
  ZAgreementRenewSchema,
  ZAgreementSchema,
  ZDeliverableCreateSchema,
  ZDeliverableDecideSchema,
  ZDeliverableParams,
  ZOnsiteDaysSchema,
  type TAgreementListQuery,
} from '../../../domain/schemas/talent-agreements.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { ownEmployerIds } from '../talent-policies/access.js';
import { filteredAgreements, type Who } from './queries.js';
import {
  addDeliverable,
  createAgreement,
  decide,
  endAgreement,
  getAgreement,
  recordDays,
  renewAgreement,
  requireOwnAgreement,
} from './service.js';
import { registerAgreementExport } from './export.js';

const tags = ['talent-agreements'];
const scope = { 'params.id': 'talent_agreement' } as const;
const objectType = 'talent_agreement';

async function page(ctx: Ctx, who: Who, q: TAgreementListQuery) {
  const { offset, limit, ...f } = q;
  const rows = await filteredAgreements(ctx.db, who, f, ctx.today());
  return {
    items: rows.slice(offset, offset + limit),
    total: rows.length,
    counts: {
      active: rows.filter((r) => r.status === 'active').length,
      behind: rows.filter((r) => r.behind).length,
      endingSoon: rows.filter((r) => r.endingSoon).length,
    },
  };
}

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agreements',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '柔性引才协议（按用人单位、引才方式、状态、即将到期、在岗天数不足筛选）',
        querystring: ZAgreementListQuery,
        response: { 200: ZAgreementPageSchema },
      },
    },
    (req) => {
      const ctx = ctxOf(req);
      return page(ctx, { scopePath: ctx.actor.scopePath }, req.query);
    },
  );

  await registerAgreementExport(app);

  app.get(
    '/agreements/:id',
    {
      config: { action: 'talent.read', scope },
      schema: {
        tags,
        summary: '柔性引才协议详情（在岗天数、约定成果、人才历年评价）',
        params: ZIdParam,
        response: { 200: ZAgreementSchema },
      },
    },
    (req) => getAgreement(ctxOf(req), req.params.id, true),
  );

  app.post(
    '/agreements',
    {
      config: { action: 'talent.write' },
      schema: { tags, summary: '登记柔性引才协议', body: ZAgreementCreateSchema, response: { 201: ZAgreementSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        {
          action: 'talent.agreement.create',
          objectType,
          objectId: (r) => r,
          detail: () => ({ personId: req.body.personId, employerId: req.body.employerId, form: req.body.form, endsOn: req.body.endsOn }),
        },
        (trx) => createAgreement(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await getAgreement(ctx, id, true));
    },
  );

  app.post(
    '/agreements/:id/days',
    {
      config: { action: 'talent.write', scope },
      schema: { tags, summary: '登记在岗天数', params: ZIdParam, body: ZOnsiteDaysSchema, response: { 201: ZAgreementSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited<number>(
        ctx,
        { action: 'talent.agreement.days', objectType, objectId: () => req.params.id, detail: (r) => ({ dayId: r, ...req.body }) },
        (trx) => recordDays(inTrx(ctx, trx), req.params.id, req.body, 'office'),
      );
      return reply.code(201).send(await getAgreement(ctx, req.params.id, true));
    },
  );

  app.post(
    '/agreements/:id/deliverables',
    {
      config: { action: 'talent.write', scope },
      schema: { tags, summary: '增加约定成果', params: ZIdParam, body: ZDeliverableCreateSchema, response: { 201: ZAgreementSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited<number>(
        ctx,
        {
          action: 'talent.agreement.deliverable',
          objectType,
          objectId: () => req.params.id,
          detail: (r) => ({ deliverableId: r, ...req.body }),
        },
        (trx) => addDeliverable(inTrx(ctx, trx), req.params.id, req.body),
      );
      return reply.code(201).send(await getAgreement(ctx, req.params.id, true));
    },
  );

  app.post(
    '/agreements/:id/deliverables/:deliverableId/decision',
    {
      config: { action: 'talent.write', scope: { ...scope, 'params.deliverableId': 'none' } },
      schema: {
        tags,
        summary: '验收约定成果（通过或退回修改）',
        params: ZDeliverableParams,
        body: ZDeliverableDecideSchema,
        response: { 200: ZAgreementSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.agreement.accept',
          objectType,
          objectId: () => req.params.id,
          detail: () => ({ deliverableId: req.params.deliverableId, ...req.body }),
        },
        (trx) => decide(inTrx(ctx, trx), req.params.id, req.params.deliverableId, req.body),
      );
      return getAgreement(ctx, req.params.id, true);
    },
  );

  app.post(
    '/agreements/:id/end',
    {
      config: { action: 'talent.write', scope },
      schema: {
        tags,
        summary: '协议到期终止或提前解除（须写明原因）',
        params: ZIdParam,
        body: ZAgreementEndSchema,
        response: { 200: ZAgreementSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.agreement.end',
          objectType,
          objectId: () => req.params.id,
          detail: () => ({ status: req.body.status, endedOn: req.body.endedOn, reason: req.body.reason }),
        },
        (trx) => endAgreement(inTrx(ctx, trx), req.params.id, req.body),
      );
      return getAgreement(ctx, req.params.id, true);
    },
  );

  app.post(
    '/agreements/:id/renew',
    {
      config: { action: 'talent.write', scope },
      schema: {
        tags,
        summary: '续签（新协议接续原协议）',
        params: ZIdParam,
        body: ZAgreementRenewSchema,
        response: { 201: ZAgreementSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        {
          action: 'talent.agreement.renew',
          objectType,
          objectId: (r) => r,
          detail: (r) => ({ renewedFrom: req.params.id, id: r, endsOn: req.body.endsOn }),
        },
        (trx) => renewAgreement(inTrx(ctx, trx), req.params.id, req.body),
      );
      return reply.code(201).send(await getAgreement(ctx, id, true));
    },
  );
};

/** The employer account's own agreements: list, detail, on-site days (ids checked by requireOwnAgreement). */
export const employerAgreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const own = { 'params.id': 'none' } as const;
  const action = 'talent.employer';

  app.get(
    '/agreements',
    {
      config: { action },
      schema: { tags, summary: '本单位的柔性引才协议', querystring: ZAgreementListQuery, response: { 200: ZAgreementPageSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return page(ctx, { employerIds: await ownEmployerIds(ctx) }, req.query);
    },
  );

  app.get(
    '/agreements/:id',
    {
      config: { action, scope: own },
      schema: { tags, summary: '本单位的一份柔性引才协议', params: ZIdParam, response: { 200: ZAgreementSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireOwnAgreement(ctx, req.params.id);
      return getAgreement(ctx, req.params.id, false);
    },
  );

  app.post(
    '/agreements/:id/days',
    {
      config: { action, scope: own },
      schema: { tags, summary: '用人单位登记在岗天数', params: ZIdParam, body: ZOnsiteDaysSchema, response: { 201: ZAgreementSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await requireOwnAgreement(ctx, req.params.id);
      await audited<number>(
        ctx,
        {
          action: 'talent.agreement.days',
          objectType,
          objectId: () => req.params.id,
          detail: (r) => ({ dayId: r, side: 'employer', ...req.body }),
        },
        (trx) => recordDays(inTrx(ctx, trx), req.params.id, req.body, 'employer'),
      );
      return reply.code(201).send(await getAgreement(ctx, req.params.id, false));
    },
  );
};

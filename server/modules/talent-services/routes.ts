// Talent services (issue 15 point 6): the office configures departments and service types and follows
// every request of its talents; a department (role talent_service) sees and answers only the requests
// routed to it; a talent (role talent) asks, follows, closes or withdraws their own. Each write runs in
// one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZServiceAnswerSchema,
  ZServiceCloseSchema,
  ZServiceDepartmentCreateSchema,
  ZServiceDepartmentSchema,
  ZServiceRequestCreateSchema,
  ZServiceRequestListSchema,
  ZServiceRequestQuery,
  ZServiceRequestSchema,
  ZServiceRouteSchema,
  ZServiceTypeCreateSchema,
  ZServiceTypeSchema,
  ZServiceTypeUpdateSchema,
  ZServiceVersionSchema,
  type TServiceRequestQuery,
} from '../../../domain/schemas/talent-services.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { countRequests, departmentFigures, listDepartments, listTypes, loadRequests, type RequestFilter } from './queries.js';
import * as s from './service.js';

const tags = ['talent-services'];
const reqScope = { 'params.id': 'talent_service_request' } as const;
const ZCreated = z.object({ id: z.number().int() });

async function list(ctx: Ctx, q: TServiceRequestQuery, f: RequestFilter) {
  const filter: RequestFilter = {
    ...f,
    status: q.status,
    typeId: q.typeId,
    q: q.q,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    departmentId: f.departmentId ?? q.departmentId,
  };
  const today = ctx.today();
  const [items, total, byDepartment] = await Promise.all([
    loadRequests(ctx.db, filter, today, { limit: q.limit, offset: q.offset }),
    countRequests(ctx.db, filter, today),
    departmentFigures(ctx.db, filter, today),
  ]);
  return { items, total, byDepartment };
}

async function one(ctx: Ctx, id: number) {
  const [row] = await loadRequests(ctx.db, { ids: [id] }, ctx.today());
  return row;
}

export const talentServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  // —— the talent office ——
  app.get(
    '/departments',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '人才服务部门', response: { 200: z.object({ items: z.array(ZServiceDepartmentSchema) }) } },
    },
    async (req) => ({ items: await listDepartments(ctxOf(req).db) }),
  );

  app.post(
    '/departments',
    {
      config: { action: 'talent.config' },
      schema: { tags, summary: '新增人才服务部门', body: ZServiceDepartmentCreateSchema, response: { 201: ZCreated } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        { action: 'talent.service.department', objectType: 'talent_service_department', objectId: (i) => i },
        (trx) => s.createDepartment(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/types',
    {
      config: { action: 'talent.read' },
      schema: { tags, summary: '人才服务类型（承办部门与办理时限）', response: { 200: z.object({ items: z.array(ZServiceTypeSchema) }) } },
    },
    async (req) => ({ items: await listTypes(ctxOf(req).db, false) }),
  );

  app.post(
    '/types',
    {
      config: { action: 'talent.config' },
      schema: { tags, summary: '新增人才服务类型', body: ZServiceTypeCreateSchema, response: { 201: ZCreated } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        { action: 'talent.service.type', objectType: 'talent_service_type', objectId: (i) => i, detail: () => ({ code: req.body.code }) },
        (trx) => s.createType(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/types/:id',
    {
      config: { action: 'talent.config', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '修改人才服务类型（部门、时限、停用）', params: ZIdParam, body: ZServiceTypeUpdateSchema },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'talent.service.type', objectType: 'talent_service_type', objectId: () => req.params.id }, (trx) =>
        s.updateType(inTrx(ctx, trx), req.params.id, req.body),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/requests',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '人才服务申请（本辖区人才的）',
        querystring: ZServiceRequestQuery,
        response: { 200: ZServiceRequestListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return list(ctx, req.query, { scopePath: ctx.actor.scopePath });
    },
  );

  app.post(
    '/requests',
    {
      config: { action: 'talent.write' },
      schema: { tags, summary: '代人才提交服务申请', body: ZServiceRequestCreateSchema, response: { 201: ZServiceRequestSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        { action: 'talent.service.request', objectType: 'talent_service_request', objectId: (i) => i },
        (trx) => s.createRequest(inTrx(ctx, trx), req.body, 'office'),
      );
      return reply.code(201).send(await one(ctx, id));
    },
  );

  app.get(
    '/requests/:id',
    {
      config: { action: 'talent.read', scope: reqScope },
      schema: { tags, summary: '服务申请详情', params: ZIdParam, response: { 200: ZServiceRequestSchema } },
    },
    async (req) => s.requestFor(ctxOf(req), req.params.id, 'office', 'talent.read'),
  );

  app.post(
    '/requests/:id/route',
    {
      config: { action: 'talent.write', scope: reqScope },
      schema: {
        tags,
        summary: '转交其他部门办理（附理由）',
        params: ZIdParam,
        body: ZServiceRouteSchema,
        response: { 200: ZServiceRequestSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.service.route',
          objectType: 'talent_service_request',
          objectId: () => req.params.id,
          detail: () => ({ to: req.body.departmentId }),
        },
        (trx) => s.route(inTrx(ctx, trx), req.params.id, req.body),
      );
      return one(ctx, req.params.id);
    },
  );

  app.post(
    '/requests/:id/close',
    {
      config: { action: 'talent.write', scope: reqScope },
      schema: {
        tags,
        summary: '办结（部门已答复的申请）',
        params: ZIdParam,
        body: ZServiceCloseSchema,
        response: { 200: ZServiceRequestSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'talent.service.close', objectType: 'talent_service_request', objectId: () => req.params.id }, (trx) =>
        s.close(inTrx(ctx, trx), req.params.id, req.body, 'office'),
      );
      return one(ctx, req.params.id);
    },
  );

  // —— a service department: only the requests routed to it ——
  app.get(
    '/department/requests',
    {
      config: { action: 'talent.service' },
      schema: {
        tags,
        summary: '本部门承办的人才服务申请',
        querystring: ZServiceRequestQuery,
        response: { 200: ZServiceRequestListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const departmentId = await s.myDepartmentId(ctx).catch(() => null);
      return departmentId ? list(ctx, req.query, { departmentId }) : { items: [], total: 0, byDepartment: [] };
    },
  );

  app.get(
    '/department/requests/:id',
    {
      config: { action: 'talent.service', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '本部门承办的申请详情', params: ZIdParam, response: { 200: ZServiceRequestSchema } },
    },
    async (req) => s.requestFor(ctxOf(req), req.params.id, 'department', 'talent.service'),
  );

  for (const [verb, body, fn, summary] of [
    ['accept', ZServiceVersionSchema, s.accept, '受理'],
    ['answer', ZServiceAnswerSchema, s.answer, '答复办理结果（超时答复标记为逾期，不拒收）'],
  ] as const) {
    app.post(
      `/department/requests/:id/${verb}`,
      {
        config: { action: 'talent.service', scope: { 'params.id': 'none' } },
        schema: { tags, summary, params: ZIdParam, body, response: { 200: ZServiceRequestSchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await audited(
          ctx,
          { action: `talent.service.${verb}`, objectType: 'talent_service_request', objectId: () => req.params.id },
          (trx) => (fn as (c: Ctx, id: number, b: unknown) => Promise<void>)(inTrx(ctx, trx), req.params.id, req.body),
        );
        return one(ctx, req.params.id);
      },
    );
  }

  // —— the talent's own requests ——
  app.get(
    '/me/types',
    {
      config: { action: 'talent.self' },
      schema: { tags, summary: '可申请的人才服务', response: { 200: z.object({ items: z.array(ZServiceTypeSchema) }) } },
    },
    async (req) => ({ items: await listTypes(ctxOf(req).db, true) }),
  );

  app.get(
    '/me/requests',
    {
      config: { action: 'talent.self' },
      schema: { tags, summary: '我的服务申请', querystring: ZServiceRequestQuery, response: { 200: ZServiceRequestListSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const personId = await s.myPersonId(ctx).catch(() => null);
      return personId ? list(ctx, req.query, { personId }) : { items: [], total: 0, byDepartment: [] };
    },
  );

  app.post(
    '/me/requests',
    {
      config: { action: 'talent.self' },
      schema: { tags, summary: '申请人才服务', body: ZServiceRequestCreateSchema, response: { 201: ZServiceRequestSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        { action: 'talent.service.request', objectType: 'talent_service_request', objectId: (i) => i },
        (trx) => s.createRequest(inTrx(ctx, trx), req.body, 'self'),
      );
      return reply.code(201).send(await one(ctx, id));
    },
  );

  app.get(
    '/me/requests/:id',
    {
      config: { action: 'talent.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '我的服务申请详情', params: ZIdParam, response: { 200: ZServiceRequestSchema } },
    },
    async (req) => s.requestFor(ctxOf(req), req.params.id, 'self', 'talent.self'),
  );

  app.post(
    '/me/requests/:id/close',
    {
      config: { action: 'talent.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '确认办结并评价', params: ZIdParam, body: ZServiceCloseSchema, response: { 200: ZServiceRequestSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'talent.service.close', objectType: 'talent_service_request', objectId: () => req.params.id }, (trx) =>
        s.close(inTrx(ctx, trx), req.params.id, req.body, 'self'),
      );
      return one(ctx, req.params.id);
    },
  );

  app.post(
    '/me/requests/:id/withdraw',
    {
      config: { action: 'talent.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '撤回服务申请', params: ZIdParam, body: ZServiceVersionSchema, response: { 200: ZServiceRequestSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        { action: 'talent.service.withdraw', objectType: 'talent_service_request', objectId: () => req.params.id },
        (trx) => s.withdraw(inTrx(ctx, trx), req.params.id, req.body),
      );
      return one(ctx, req.params.id);
    },
  );
};

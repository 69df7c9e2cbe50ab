// The 能上能下, young-cadre pool and supervision endpoints (issue 13 points 6–8): parse, authorize (the route's
// action and scope: a record lies where its cadre does), call the service; every write runs in one transaction
// with its audit row and answers with the cadre's records.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADJUSTMENT_2022, ADJUSTMENT_KINDS } from '../../../domain/rules/cadre-adjustment.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAdjustmentCreateSchema,
  ZPartTimeSchema,
  ZPassportInSchema,
  ZPassportOutSchema,
  ZPassportReturnSchema,
  ZPoolEnterSchema,
  ZPoolEntrySchema,
  ZPoolLeaveSchema,
  ZReportSchema,
  ZSituationsSchema,
  ZSupervisionRecordsSchema,
} from '../../../domain/schemas/cadre-supervision.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import {
  enterPool,
  handInPassport,
  leavePool,
  listPool,
  recordAdjustment,
  recordPartTime,
  recordReport,
  returnPassport,
  supervisionRecords,
  takeOutPassport,
} from './service.js';

const tags = ['cadre-supervision'];
const cadreScope = { 'params.id': 'cadre' } as const;

export const cadreSupervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/situations',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '不适宜担任现职的情形与调整方式（推进领导干部能上能下规定）', response: { 200: ZSituationsSchema } },
    },
    () => ({
      version: ADJUSTMENT_2022.version,
      title: ADJUSTMENT_2022.title,
      article: ADJUSTMENT_2022.article,
      kinds: [...ADJUSTMENT_KINDS],
      situations: [...ADJUSTMENT_2022.situations],
    }),
  );

  app.get(
    '/cadres/:id',
    {
      config: { action: 'cadre.read', scope: cadreScope },
      schema: {
        tags,
        summary: '干部的能上能下调整、优秀年轻干部库、个人有关事项报告、出国（境）证照与兼职记录',
        params: ZIdParam,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    (req) => {
      const ctx = ctxOf(req);
      return supervisionRecords(ctx.db, req.params.id, ctx.today());
    },
  );

  app.post(
    '/cadres/:id/adjustments',
    {
      config: { action: 'cadre.supervise', scope: cadreScope },
      schema: {
        tags,
        summary: '登记能上能下调整（调离岗位、免职、降职同时免去现任职务）',
        params: ZIdParam,
        body: ZAdjustmentCreateSchema,
        response: { 201: ZSupervisionRecordsSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.supervision.adjust',
          objectType: 'cadre',
          objectId: () => req.params.id,
          detail: (r) => ({ adjustmentId: r.id, kind: req.body.kind, situation: req.body.situation, appointmentId: r.appointmentId }),
        },
        (trx: Trx) => recordAdjustment(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await supervisionRecords(ctx.db, req.params.id, ctx.today()));
    },
  );

  app.get(
    '/pool',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '优秀年轻干部库一览（本级及下级管理的干部）',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(ZPoolEntrySchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listPool(ctx.db, ctx.actor.scopePath, req.query.all === 'true') };
    },
  );

  app.post(
    '/cadres/:id/pool',
    {
      config: { action: 'cadre.supervise', scope: cadreScope },
      schema: {
        tags,
        summary: '纳入优秀年轻干部库（按入库条件核对并记录）',
        params: ZIdParam,
        body: ZPoolEnterSchema,
        response: { 201: ZSupervisionRecordsSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.supervision.pool_enter',
          objectType: 'cadre_pool_entry',
          objectId: (r) => r.id,
          detail: (r) => ({ cadreId: req.params.id, source: req.body.source, eligible: r.eligible, findings: r.findings }),
        },
        (trx: Trx) => enterPool(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await supervisionRecords(ctx.db, req.params.id, ctx.today()));
    },
  );

  app.post(
    '/pool/:id/leave',
    {
      config: { action: 'cadre.supervise', scope: { 'params.id': 'cadre_pool_entry' } },
      schema: {
        tags,
        summary: '调出优秀年轻干部库',
        params: ZIdParam,
        body: ZPoolLeaveSchema,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const r = await audited(
        ctx,
        {
          action: 'cadre.supervision.pool_leave',
          objectType: 'cadre_pool_entry',
          objectId: (x) => x.id,
          detail: (x) => ({ cadreId: x.cadreId, reason: req.body.reason }),
        },
        (trx: Trx) => leavePool(trx, req.params.id, req.body),
      );
      return supervisionRecords(ctx.db, r.cadreId, ctx.today());
    },
  );

  app.put(
    '/cadres/:id/reports',
    {
      config: { action: 'cadre.supervise', scope: cadreScope },
      schema: {
        tags,
        summary: '登记个人有关事项报告及抽查核实结果（每年一份）',
        params: ZIdParam,
        body: ZReportSchema,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.supervision.report',
          objectType: 'cadre',
          objectId: () => req.params.id,
          detail: () => ({ year: req.body.year, checkKind: req.body.checkKind }),
        },
        (trx: Trx) => recordReport(ctx, trx, req.params.id, req.body),
      );
      return supervisionRecords(ctx.db, req.params.id, ctx.today());
    },
  );

  app.post(
    '/cadres/:id/passports',
    {
      config: { action: 'cadre.supervise', scope: cadreScope },
      schema: {
        tags,
        summary: '登记因私出国（境）证照交存',
        params: ZIdParam,
        body: ZPassportInSchema,
        response: { 201: ZSupervisionRecordsSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.supervision.passport',
          objectType: 'cadre_passport',
          objectId: (r) => r.id,
          detail: () => ({ cadreId: req.params.id, kind: req.body.kind }),
        },
        (trx: Trx) => handInPassport(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await supervisionRecords(ctx.db, req.params.id, ctx.today()));
    },
  );

  app.post(
    '/passports/:id/take-out',
    {
      config: { action: 'cadre.supervise', scope: { 'params.id': 'cadre_passport' } },
      schema: {
        tags,
        summary: '登记证照领用（经批准因私出国（境））',
        params: ZIdParam,
        body: ZPassportOutSchema,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const r = await audited(
        ctx,
        {
          action: 'cadre.supervision.passport_out',
          objectType: 'cadre_passport',
          objectId: (x) => x.id,
          detail: (x) => ({ cadreId: x.cadreId, dueOn: req.body.dueOn }),
        },
        (trx: Trx) => takeOutPassport(trx, req.params.id, req.body),
      );
      return supervisionRecords(ctx.db, r.cadreId, ctx.today());
    },
  );

  app.post(
    '/passports/:id/return',
    {
      config: { action: 'cadre.supervise', scope: { 'params.id': 'cadre_passport' } },
      schema: {
        tags,
        summary: '登记证照交回',
        params: ZIdParam,
        body: ZPassportReturnSchema,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const r = await audited(
        ctx,
        {
          action: 'cadre.supervision.passport_return',
          objectType: 'cadre_passport',
          objectId: (x) => x.id,
          detail: (x) => ({ cadreId: x.cadreId, late: x.late }),
        },
        (trx: Trx) => returnPassport(trx, req.params.id, req.body.returnedOn),
      );
      return supervisionRecords(ctx.db, r.cadreId, ctx.today());
    },
  );

  app.post(
    '/cadres/:id/part-time',
    {
      config: { action: 'cadre.supervise', scope: cadreScope },
      schema: { tags, summary: '登记兼职审批', params: ZIdParam, body: ZPartTimeSchema, response: { 201: ZSupervisionRecordsSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.supervision.part_time',
          objectType: 'cadre',
          objectId: () => req.params.id,
          detail: (r) => ({ partTimeId: r.id, organization: req.body.organization, paid: req.body.paid }),
        },
        (trx: Trx) => recordPartTime(ctx, trx, req.params.id, req.body),
      );
      return reply.code(201).send(await supervisionRecords(ctx.db, req.params.id, ctx.today()));
    },
  );
};

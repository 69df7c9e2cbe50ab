// Member development endpoints (发展党员): parse, authorize by the route's action, scope (declared in
// the config, checked by http/scope-hook.ts), call the service with the request's context.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZBoardSchema,
  ZEligibleMemberSchema,
  ZEligibleQuery,
  ZPeopleQuery,
  ZPersonCreateSchema,
  ZPersonDetailSchema,
  ZPersonRowSchema,
  ZRuleSetSchema,
  ZStepCheckSchema,
  ZStepInputSchema,
} from '../../../domain/schemas/development.js';
import { PERSON_STATUS_LABELS, stepDef } from '../../../domain/rules/development-steps.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { ctxOf } from '../../context.js';
import { board, eligible, listPeople, personDetail } from './reads.js';
import { createPerson, personById, previewStep, receivingBranch, recordStep } from './service.js';
import * as q from './queries.js';

const tags = ['development'];
const EXPORT_MAX = 20_000;

export const developmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/rule-sets',
    {
      config: { action: 'dev.read' },
      schema: { tags, summary: '发展党员规则版本（按生效日期）', response: { 200: z.object({ items: z.array(ZRuleSetSchema) }) } },
    },
    // Spread: an interface has no index signature, the response schema's records need one.
    async () => ({ items: (await q.ruleSets(db)).map((s) => ({ ...s, numbers: { ...s.numbers }, articles: { ...s.articles } })) }),
  );

  app.get(
    '/board',
    {
      config: { action: 'dev.read' },
      schema: {
        tags,
        summary: '发展党员看板：各阶段人数、即将到期与逾期',
        querystring: z.strictObject({ orgId: z.coerce.number().int().positive().optional() }),
        response: { 200: ZBoardSchema },
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return board(ctxOf(req), req.query.orgId);
    },
  );

  app.get(
    '/people',
    {
      config: { action: 'dev.read' },
      schema: {
        tags,
        summary: '发展党员名单',
        querystring: ZPeopleQuery,
        response: { 200: z.object({ items: z.array(ZPersonRowSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return listPeople(ctxOf(req), req.query);
    },
  );

  app.get(
    '/people/export',
    {
      config: { action: 'dev.read', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '导出发展党员名单（Excel）',
        querystring: ZPeopleQuery.omit({ cursor: true, limit: true }).extend({
          purpose: z.string().trim().min(2, '请填写导出用途').max(100),
        }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, ...f } = req.query;
      const page = await listPeople(ctx, { ...f, limit: EXPORT_MAX });
      const buf = await toXlsx(
        '发展党员',
        [
          { header: '姓名', value: (r) => r.name },
          { header: '性别', width: 6, value: (r) => r.gender },
          { header: '出生日期', width: 12, value: (r) => r.birthDate },
          { header: '所在党支部', width: 36, value: (r) => r.orgName },
          { header: '所处阶段', value: (r) => PERSON_STATUS_LABELS[r.status].zh },
          { header: '已完成步骤', width: 28, value: (r) => (r.lastStep ? `${r.lastStep}. ${stepDef(r.lastStep).zh}` : '') },
          { header: '申请日期', width: 12, value: (r) => r.appliedOn },
          { header: '下一步', width: 28, value: (r) => (r.nextDue ? `${r.nextDue.stepNo}. ${stepDef(r.nextDue.stepNo).zh}` : '') },
          { header: '最早', width: 12, value: (r) => r.nextDue?.from ?? '' },
          { header: '最迟', width: 12, value: (r) => r.nextDue?.by ?? '' },
          { header: '是否逾期', width: 8, value: (r) => (r.overdue ? '逾期' : '') },
        ],
        page.items,
      );
      // The export is audited with its purpose, filter and row count (SECURITY.md 22).
      await recordRead(ctx, 'dev.export', 'dev_person', { purpose, filter: f, rows: page.items.length });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`发展党员名单-${ctx.today()}.xlsx`))
        .header('Cache-Control', 'no-store');
      return reply.send(buf);
    },
  );

  app.post(
    '/people',
    {
      config: { action: 'dev.write' },
      schema: {
        tags,
        summary: '登记入党申请人（第1步 递交入党申请书）',
        body: ZPersonCreateSchema,
        response: { 201: ZPersonDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await receivingBranch(ctx, req.body.orgId);
      const person = await audited(
        ctx,
        {
          action: 'dev.apply',
          objectType: 'dev_person',
          objectId: (p) => p.id,
          detail: (p) => ({ orgId: p.org_id, appliedOn: p.applied_on }),
        },
        (trx: Trx) => createPerson(trx, ctx, org, req.body),
      );
      return reply
        .code(201)
        .header('Cache-Control', 'no-store')
        .send(await personDetail(ctx, person));
    },
  );

  app.get(
    '/people/:id',
    {
      config: { scope: { 'params.id': 'dev_person' }, action: 'dev.read' },
      schema: { tags, summary: '发展党员详情与 25 步记录', params: ZIdParam, response: { 200: ZPersonDetailSchema } },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const ctx = ctxOf(req);
      return personDetail(ctx, await personById(ctx, req.params.id));
    },
  );

  app.post(
    '/people/:id/check',
    {
      config: { scope: { 'params.id': 'dev_person' }, action: 'dev.write' },
      schema: {
        tags,
        summary: '预检：记录该步骤是否违反时限或条件',
        params: ZIdParam,
        body: ZStepInputSchema,
        response: { 200: ZStepCheckSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return previewStep(ctx, await personById(ctx, req.params.id), req.body);
    },
  );

  app.post(
    '/people/:id/steps',
    {
      config: { scope: { 'params.id': 'dev_person' }, action: 'dev.write' },
      schema: {
        tags,
        summary: '记录下一步（日期、人员、材料、表决、特殊情况）',
        params: ZIdParam,
        body: ZStepInputSchema,
        response: { 201: ZPersonDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const person = await personById(ctx, req.params.id);
      const done = await audited(
        ctx,
        {
          action: req.body.override ? 'dev.step_override' : 'dev.step',
          objectType: 'dev_person',
          objectId: () => person.id,
          detail: (r) => ({
            stepNo: r.step.step_no,
            doneOn: r.step.done_on,
            passed: r.step.passed,
            override: r.overridden.length ? { codes: r.overridden, reason: req.body.override?.reason } : undefined,
            memberId: r.person.member_id ?? undefined,
          }),
        },
        (trx: Trx) => recordStep(trx, ctx, person.id, req.body),
      );
      return reply
        .code(201)
        .header('Cache-Control', 'no-store')
        .send(await personDetail(ctx, done.person));
    },
  );

  app.get(
    '/eligible-members',
    {
      config: { action: 'dev.read' },
      schema: {
        tags,
        summary: '可作培养联系人、入党介绍人的正式党员',
        querystring: ZEligibleQuery,
        response: { 200: z.object({ items: z.array(ZEligibleMemberSchema) }) },
      },
    },
    async (req) => ({ items: await eligible(ctxOf(req), req.query.orgId, req.query.q) }),
  );
};

// Weak-organization (软弱涣散) endpoints under /api/standards: the list with rectification progress,
// data-based suggestions, naming (a strictly higher organization), tasks, progress, and 整改销号.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAcceptSchema,
  ZRectTaskCreateSchema,
  ZRectTaskProgressSchema,
  ZSuggestionListSchema,
  ZSuggestionQuery,
  ZWeakListQuery,
  ZWeakOrgCreateSchema,
  ZWeakOrgDetailSchema,
  ZWeakOrgSchema,
} from '../../../domain/schemas/standards.js';
import type { Action } from '../../../domain/permissions.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import { loadOrg } from '../orgs/service.js';
import {
  acceptWeak,
  addRectTask,
  findWeak,
  nameWeakOrg,
  taskRow,
  updateRectTask,
  weakDetail,
  weakList,
  type WeakRow,
} from './weak-orgs.js';
import { weakOrgSuggestions } from './suggestions.js';

const tags = ['standards'];

export function registerWeakOrgRoutes(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    const weakOf = (ctx: Ctx, id: number, action: Action) => loadInScope(ctx, action, 'weak_org', id, (x) => findWeak(ctx.db, x));
    const detail = async (ctx: Ctx, id: number) => weakDetail(ctx.db, ctx.actor, (await findWeak(ctx.db, id)) as WeakRow, ctx.today());

    r.get(
      '/weak-orgs',
      {
        config: { action: 'standard.read' },
        schema: {
          tags,
          summary: '软弱涣散党组织及整改进度',
          querystring: ZWeakListQuery,
          response: { 200: z.object({ items: z.array(ZWeakOrgSchema) }) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const org = await loadOrg(ctx, 'standard.read', req.query.orgId ?? ctx.actor.orgId);
        return weakList(ctx.db, ctx.actor, org.path, { year: req.query.year, status: req.query.status }, ctx.today());
      },
    );

    r.get(
      '/weak-orgs/suggestions',
      {
        config: { action: 'standard.review' },
        schema: {
          tags,
          summary: '按数据提示可能软弱涣散的党支部（星级低、组织生活少、换届逾期）',
          querystring: ZSuggestionQuery,
          response: { 200: ZSuggestionListSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const org = await loadOrg(ctx, 'standard.review', req.query.orgId ?? ctx.actor.orgId);
        return weakOrgSuggestions(ctx.db, ctx.actor.scopePath, org.path, req.query.year, ctx.today());
      },
    );

    r.post(
      '/weak-orgs',
      {
        config: { action: 'standard.review' },
        schema: { tags, summary: '认定软弱涣散党组织（上级党组织）', body: ZWeakOrgCreateSchema, response: { 201: ZWeakOrgDetailSchema } },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const org = await loadOrg(ctx, 'standard.review', req.body.orgId);
        const id = await audited(
          ctx,
          {
            action: 'standard.weak.name',
            objectType: 'weak_org',
            objectId: (x) => x,
            detail: () => ({ orgId: org.id, year: req.body.year, reasons: req.body.reasons }),
          },
          (trx: Trx) => nameWeakOrg(inTrx(ctx, trx), org, req.body),
        );
        return reply.code(201).send(await detail(ctx, id));
      },
    );

    r.get(
      '/weak-orgs/:id',
      {
        config: { scope: { 'params.id': 'weak_org' }, action: 'standard.read' },
        schema: { tags, summary: '软弱涣散党组织整改详情', params: ZIdParam, response: { 200: ZWeakOrgDetailSchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return weakDetail(ctx.db, ctx.actor, await weakOf(ctx, req.params.id, 'standard.read'), ctx.today());
      },
    );

    r.post(
      '/weak-orgs/:id/tasks',
      {
        config: { scope: { 'params.id': 'weak_org' }, action: 'standard.write' },
        schema: { tags, summary: '添加整改任务', params: ZIdParam, body: ZRectTaskCreateSchema, response: { 201: ZWeakOrgDetailSchema } },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const w = await weakOf(ctx, req.params.id, 'standard.write');
        await audited(
          ctx,
          {
            action: 'standard.rectify.task',
            objectType: 'weak_org',
            objectId: () => w.id,
            detail: (taskId) => ({ taskId, title: req.body.title, dueOn: req.body.dueOn }),
          },
          (trx: Trx) => addRectTask(trx, w, req.body),
        );
        return reply.code(201).send(await detail(ctx, w.id));
      },
    );

    r.patch(
      '/rectification-tasks/:id',
      {
        config: { scope: { 'params.id': 'rectification_task' }, action: 'standard.write' },
        schema: {
          tags,
          summary: '报告整改进度（100% 即完成）',
          params: ZIdParam,
          body: ZRectTaskProgressSchema,
          response: { 200: ZWeakOrgDetailSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const t = await loadInScope(ctx, 'standard.write', 'rectification_task', req.params.id, (x) => taskRow(ctx.db, x));
        await audited(
          ctx,
          {
            action: 'standard.rectify.progress',
            objectType: 'rectification_task',
            objectId: () => t.id,
            detail: (x) => ({ weakOrgId: t.weak_org_id, from: t.progress, ...x }),
          },
          (trx: Trx) => updateRectTask(trx, t, req.body.progress, req.body.note, ctx.today(), ctx.clock.now()),
        );
        return detail(ctx, t.weak_org_id);
      },
    );

    r.post(
      '/weak-orgs/:id/accept',
      {
        config: { scope: { 'params.id': 'weak_org' }, action: 'standard.review' },
        schema: {
          tags,
          summary: '整改销号（上级党组织，全部任务完成后）',
          params: ZIdParam,
          body: ZAcceptSchema,
          response: { 200: ZWeakOrgDetailSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const w = await weakOf(ctx, req.params.id, 'standard.review');
        await audited(
          ctx,
          {
            action: 'standard.weak.accept',
            objectType: 'weak_org',
            objectId: () => w.id,
            detail: () => ({ orgId: w.org_id, year: w.year, note: req.body.note ?? null }),
          },
          (trx: Trx) => acceptWeak(inTrx(ctx, trx), w),
        );
        return detail(ctx, w.id);
      },
    );
  };
  return app.register(plugin);
}

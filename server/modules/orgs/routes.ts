// Organization endpoints: parse, authorize (by the route's `action`), scope, call the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZCommitteeSchema,
  ZOrgCreateSchema,
  ZOrgDetailSchema,
  ZOrgDissolveSchema,
  ZOrgHistoryListSchema,
  ZOrgMoveSchema,
  ZOrgNodeSchema,
  ZOrgSearchHitSchema,
  ZOrgSearchQuery,
  ZOrgUpdateSchema,
} from '../../../domain/schemas/orgs.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import * as changes from './org-changes.js';
import { history, loadOrg, orgDetail, scopeRoots, search } from './service.js';
import * as q from './queries.js';
import { presentNode } from './presenters.js';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roots',
    {
      config: { action: 'org.read' },
      schema: { tags, summary: '本人可见的根组织', response: { 200: z.object({ items: z.array(ZOrgNodeSchema) }) } },
    },
    async (req) => ({ items: await scopeRoots(ctxOf(req)) }),
  );

  app.get(
    '/search',
    {
      config: { action: 'org.read' },
      schema: {
        tags,
        summary: '按名称或拼音首字母搜索组织',
        querystring: ZOrgSearchQuery,
        response: { 200: z.object({ items: z.array(ZOrgSearchHitSchema) }) },
      },
    },
    async (req) => ({ items: await search(ctxOf(req), req.query.q, req.query.limit) }),
  );

  app.get(
    '/:id',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.read' },
      schema: { tags, summary: '组织详情', params: ZIdParam, response: { 200: ZOrgDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return orgDetail(ctx, await loadOrg(ctx, 'org.read', req.params.id));
    },
  );

  app.get(
    '/:id/children',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.read' },
      schema: {
        tags,
        summary: '下级组织（懒加载树）',
        params: ZIdParam,
        querystring: z.strictObject({ includeDissolved: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(ZOrgNodeSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'org.read', req.params.id);
      const rows = await q.childrenOf(ctx.db, ctx.actor.scopePath, org.id, req.query.includeDissolved === 'true');
      return { items: rows.map(presentNode) };
    },
  );

  app.get(
    '/:id/history',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.read' },
      schema: { tags, summary: '变更历史（上级组织以名称给出：orgNames）', params: ZIdParam, response: { 200: ZOrgHistoryListSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return history(ctx, (await loadOrg(ctx, 'org.read', req.params.id)).id);
    },
  );

  app.post(
    '/',
    {
      config: { action: 'org.create', scope: { 'body.parentId': 'org' } },
      schema: { tags, summary: '新建组织', body: ZOrgCreateSchema, response: { 201: ZOrgDetailSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const parent = await loadOrg(ctx, 'org.create', req.body.parentId);
      const org = await audited(
        ctx,
        { action: 'org.create', objectType: 'org', objectId: (o) => o.id, detail: (o) => ({ name: o.name, parentId: parent.id }) },
        (trx: Trx) => changes.createOrg(trx, ctx.actor, parent, req.body, ctx.clock.now()),
      );
      return reply.code(201).send(await orgDetail(ctx, org));
    },
  );

  app.patch(
    '/:id',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.update' },
      schema: { tags, summary: '编辑组织', params: ZIdParam, body: ZOrgUpdateSchema, response: { 200: ZOrgDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'org.update', req.params.id);
      const after = await audited(
        ctx,
        { action: 'org.update', objectType: 'org', objectId: (o) => o.id, detail: () => ({ fields: Object.keys(req.body) }) },
        (trx: Trx) => changes.updateOrg(trx, ctx.actor, org, req.body, ctx.clock.now()),
      );
      return orgDetail(ctx, after);
    },
  );

  app.post(
    '/:id/move',
    {
      config: { scope: { 'params.id': 'org', 'body.newParentId': 'org' }, action: 'org.move' },
      schema: { tags, summary: '移动组织（连同下级）', params: ZIdParam, body: ZOrgMoveSchema, response: { 200: ZOrgDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'org.move', req.params.id);
      const target = await loadOrg(ctx, 'org.move', req.body.newParentId);
      const after = await audited(
        ctx,
        { action: 'org.move', objectType: 'org', objectId: (o) => o.id, detail: () => ({ from: org.parent_id, to: target.id }) },
        (trx: Trx) => changes.moveOrg(trx, ctx.actor, org, target, ctx.clock.now()),
      );
      return orgDetail(ctx, after);
    },
  );

  app.post(
    '/:id/dissolve',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.dissolve' },
      schema: { tags, summary: '撤销组织', params: ZIdParam, body: ZOrgDissolveSchema, response: { 200: ZOrgDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'org.dissolve', req.params.id);
      const after = await audited(
        ctx,
        { action: 'org.dissolve', objectType: 'org', objectId: (o) => o.id, detail: () => ({ reason: req.body.reason }) },
        (trx: Trx) => changes.dissolveOrg(trx, ctx.actor, org, req.body.dissolvedOn, req.body.reason, ctx.clock.now()),
      );
      return orgDetail(ctx, after);
    },
  );

  app.put(
    '/:id/committee',
    {
      config: { scope: { 'params.id': 'org' }, action: 'org.update' },
      schema: { tags, summary: '设置班子成员', params: ZIdParam, body: ZCommitteeSchema, response: { 200: ZOrgDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'org.update', req.params.id);
      await audited(
        ctx,
        { action: 'org.committee', objectType: 'org', objectId: () => org.id, detail: () => ({ size: req.body.members.length }) },
        (trx: Trx) => changes.setCommittee(trx, ctx.actor, org, req.body, ctx.clock.now()),
      );
      return orgDetail(ctx, org);
    },
  );
};

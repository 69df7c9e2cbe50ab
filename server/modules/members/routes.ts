// Member record endpoints: parse, authorize (by the route's `action`), scope (declared in the config,
// checked by http/scope-hook.ts before the handler), call the service with the request's context.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZMemberCountSchema,
  ZMemberCreateSchema,
  ZMemberDetailSchema,
  ZMemberFilterQuery,
  ZMemberHistorySchema,
  ZMemberListQuery,
  ZMemberListSchema,
  ZMemberUpdateSchema,
  ZRevealIdSchema,
} from '../../../domain/schemas/members.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { orgById } from '../orgs/queries.js';
import { memberById } from './access.js';
import { createMember, updateMember } from './member-changes.js';
import { countMembers, listMembers, memberDetail, memberHistory, myMemberId, revealIdNumber } from './service.js';
import { importRoutes } from './import/routes.js';
import { exportRoutes } from './export.js';

const tags = ['members'];

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'member.read' },
      schema: { tags, summary: '党员列表（筛选、搜索、键集分页）', querystring: ZMemberListQuery, response: { 200: ZMemberListSchema } },
    },
    async (req) => listMembers(ctxOf(req), req.query),
  );

  app.get(
    '/count',
    {
      config: { action: 'member.read' },
      schema: { tags, summary: '符合筛选条件的党员人数', querystring: ZMemberFilterQuery, response: { 200: ZMemberCountSchema } },
    },
    async (req) => countMembers(ctxOf(req), req.query),
  );

  app.get(
    '/me',
    { config: { action: 'member.self' }, schema: { tags, summary: '本人党员档案', response: { 200: ZMemberDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      return memberDetail(ctx, await myMemberId(ctx));
    },
  );

  app.get(
    '/:id',
    {
      config: { scope: { 'params.id': 'member' }, action: 'member.read' },
      schema: { tags, summary: '党员详情', params: ZIdParam, response: { 200: ZMemberDetailSchema } },
    },
    async (req) => memberDetail(ctxOf(req), req.params.id),
  );

  app.get(
    '/:id/history',
    {
      config: { scope: { 'params.id': 'member' }, action: 'member.read' },
      schema: {
        tags,
        summary: '党员信息变更历史',
        params: ZIdParam,
        response: { 200: z.object({ items: z.array(ZMemberHistorySchema), orgNames: z.record(z.string(), z.string()) }) },
      },
    },
    async (req) => memberHistory(ctxOf(req), req.params.id),
  );

  app.post(
    '/',
    {
      config: { action: 'member.write' },
      schema: { tags, summary: '新增党员', body: ZMemberCreateSchema, response: { 201: ZMemberDetailSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await orgById(ctx.db, req.body.orgId);
      const id = await audited(
        ctx,
        {
          action: 'member.create',
          objectType: 'member',
          objectId: (mid) => mid,
          detail: () => ({ orgId: org.id, category: req.body.category }),
        },
        (trx: Trx) => createMember(trx, ctx, org, req.body, ctx.clock.now()),
      );
      return reply.code(201).send(await memberDetail(ctx, id));
    },
  );

  app.patch(
    '/:id',
    {
      config: { scope: { 'params.id': 'member' }, action: 'member.write' },
      schema: {
        tags,
        summary: '编辑党员信息（只提交改动的字段）',
        params: ZIdParam,
        body: ZMemberUpdateSchema,
        response: { 200: ZMemberDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      await audited(
        ctx,
        { action: 'member.update', objectType: 'member', objectId: () => m.id, detail: (fields) => ({ fields }) },
        (trx: Trx) => updateMember(trx, ctx, m, req.body, ctx.clock.now()),
      );
      return memberDetail(ctx, m.id);
    },
  );

  app.post(
    '/:id/reveal-id',
    {
      config: { scope: { 'params.id': 'member' }, action: 'member.reveal_id' },
      schema: { tags, summary: '查看完整身份证号（记入审计）', params: ZIdParam, response: { 200: ZRevealIdSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return revealIdNumber(ctx, await memberById(ctx.db, req.params.id));
    },
  );

  await app.register(importRoutes, { prefix: '/import' });
  await app.register(exportRoutes);
};

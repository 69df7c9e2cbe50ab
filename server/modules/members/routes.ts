// Member record endpoints: parse, authorize (by the route's `action`), scope, call the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZMemberCountSchema, ZMemberCreateSchema, ZMemberDetailSchema, ZMemberFilterQuery, ZMemberHistorySchema,
  ZMemberListQuery, ZMemberListSchema, ZMemberUpdateSchema, ZRevealIdSchema,
} from '../../../domain/schemas/members.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { requireOrg } from '../orgs/service.js';
import { requireMember } from './access.js';
import { createMember, updateMember } from './member-changes.js';
import { countMembers, listMembers, memberDetail, memberHistory, myMemberId, revealIdNumber } from './service.js';
import { importRoutes } from './import/routes.js';
import { exportRoutes } from './export.js';

const tags = ['members'];

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps;

  app.get('/', { config: { action: 'member.read' }, schema: { tags, summary: '党员列表（筛选、搜索、键集分页）', querystring: ZMemberListQuery, response: { 200: ZMemberListSchema } } },
    async (req) => listMembers(req, req.query));

  app.get('/count', { config: { action: 'member.read' }, schema: { tags, summary: '符合筛选条件的党员人数', querystring: ZMemberFilterQuery, response: { 200: ZMemberCountSchema } } },
    async (req) => countMembers(req, req.query));

  app.get('/me', { config: { action: 'member.self' }, schema: { tags, summary: '本人党员档案', response: { 200: ZMemberDetailSchema } } },
    async (req) => memberDetail(req, await myMemberId(req)));

  app.get('/:id', { config: { action: 'member.read' }, schema: { tags, summary: '党员详情', params: ZIdParam, response: { 200: ZMemberDetailSchema } } },
    async (req) => memberDetail(req, (await requireMember(req, req.params.id, 'member.read')).id));

  app.get('/:id/history', { config: { action: 'member.read' }, schema: { tags, summary: '党员信息变更历史', params: ZIdParam, response: { 200: z.object({ items: z.array(ZMemberHistorySchema), orgNames: z.record(z.string(), z.string()) }) } } },
    async (req) => memberHistory(req, (await requireMember(req, req.params.id, 'member.read')).id));

  app.post('/', { config: { action: 'member.write' }, schema: { tags, summary: '新增党员', body: ZMemberCreateSchema, response: { 201: ZMemberDetailSchema } } },
    async (req, reply) => {
      const org = await requireOrg(req, req.body.orgId, 'member.write');
      const id = await audited(req, { action: 'member.create', objectType: 'member', objectId: (mid) => mid, detail: () => ({ orgId: org.id, category: req.body.category }) },
        (trx: Trx) => createMember(trx, req, org, req.body, clock.now()));
      return reply.code(201).send(await memberDetail(req, id));
    });

  app.patch('/:id', { config: { action: 'member.write' }, schema: { tags, summary: '编辑党员信息（只提交改动的字段）', params: ZIdParam, body: ZMemberUpdateSchema, response: { 200: ZMemberDetailSchema } } },
    async (req) => {
      const m = await requireMember(req, req.params.id, 'member.write');
      await audited(req, { action: 'member.update', objectType: 'member', objectId: () => m.id, detail: (fields) => ({ fields }) },
        (trx: Trx) => updateMember(trx, req, m, req.body, clock.now()));
      return memberDetail(req, m.id);
    });

  app.post('/:id/reveal-id', { config: { action: 'member.reveal_id' }, schema: { tags, summary: '查看完整身份证号（记入审计）', params: ZIdParam, response: { 200: ZRevealIdSchema } } },
    async (req) => revealIdNumber(req, await requireMember(req, req.params.id, 'member.reveal_id')));

  await app.register(importRoutes, { prefix: '/import' });
  await app.register(exportRoutes);
};

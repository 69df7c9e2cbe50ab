// Organization endpoints: parse, authorize (by the route's `action`), scope, call the service.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZCommitteeSchema, ZOrgCreateSchema, ZOrgDetailSchema, ZOrgDissolveSchema, ZOrgHistoryListSchema,
  ZOrgMoveSchema, ZOrgNodeSchema, ZOrgSearchHitSchema, ZOrgSearchQuery, ZOrgUpdateSchema,
} from '../../../domain/schemas/orgs.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import * as changes from './org-changes.js';
import { history, orgDetail, requireOrg, scopeRoots, search } from './service.js';
import * as q from './queries.js';
import { presentNode } from './presenters.js';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const detailOf = (req: FastifyRequest, org: q.OrgRow) => orgDetail(db, req.actor!, org);

  app.get('/roots', { config: { action: 'org.read' }, schema: { tags, summary: '本人可见的根组织', response: { 200: z.object({ items: z.array(ZOrgNodeSchema) }) } } },
    async (req) => ({ items: await scopeRoots(db, req.actor!) }));

  app.get('/search', { config: { action: 'org.read' }, schema: { tags, summary: '按名称或拼音首字母搜索组织', querystring: ZOrgSearchQuery, response: { 200: z.object({ items: z.array(ZOrgSearchHitSchema) }) } } },
    async (req) => ({ items: await search(db, req.actor!, req.query.q, req.query.limit) }));

  app.get('/:id', { config: { action: 'org.read' }, schema: { tags, summary: '组织详情', params: ZIdParam, response: { 200: ZOrgDetailSchema } } },
    async (req) => detailOf(req, await requireOrg(req, req.params.id, 'org.read')));

  app.get('/:id/children', {
    config: { action: 'org.read' },
    schema: { tags, summary: '下级组织（懒加载树）', params: ZIdParam, querystring: z.strictObject({ includeDissolved: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(ZOrgNodeSchema) }) } },
  }, async (req) => {
    const org = await requireOrg(req, req.params.id, 'org.read');
    const rows = await q.childrenOf(db, req.actor!.scopePath, org.id, req.query.includeDissolved === 'true');
    return { items: rows.map(presentNode) };
  });

  app.get('/:id/history', { config: { action: 'org.read' }, schema: { tags, summary: '变更历史（上级组织以名称给出：orgNames）', params: ZIdParam, response: { 200: ZOrgHistoryListSchema } } },
    async (req) => history(db, (await requireOrg(req, req.params.id, 'org.read')).id));

  app.post('/', { config: { action: 'org.create' }, schema: { tags, summary: '新建组织', body: ZOrgCreateSchema, response: { 201: ZOrgDetailSchema } } },
    async (req, reply) => {
      const parent = await requireOrg(req, req.body.parentId, 'org.create');
      const org = await audited(req, { action: 'org.create', objectType: 'org', objectId: (o) => o.id, detail: (o) => ({ name: o.name, parentId: parent.id }) },
        (trx: Trx) => changes.createOrg(trx, req.actor!, parent, req.body, clock.now()));
      return reply.code(201).send(await detailOf(req, org));
    });

  app.patch('/:id', { config: { action: 'org.update' }, schema: { tags, summary: '编辑组织', params: ZIdParam, body: ZOrgUpdateSchema, response: { 200: ZOrgDetailSchema } } },
    async (req) => {
      const org = await requireOrg(req, req.params.id, 'org.update');
      const after = await audited(req, { action: 'org.update', objectType: 'org', objectId: (o) => o.id, detail: () => ({ fields: Object.keys(req.body) }) },
        (trx: Trx) => changes.updateOrg(trx, req.actor!, org, req.body, clock.now()));
      return detailOf(req, after);
    });

  app.post('/:id/move', { config: { action: 'org.move' }, schema: { tags, summary: '移动组织（连同下级）', params: ZIdParam, body: ZOrgMoveSchema, response: { 200: ZOrgDetailSchema } } },
    async (req) => {
      const org = await requireOrg(req, req.params.id, 'org.move');
      const target = await requireOrg(req, req.body.newParentId, 'org.move');
      const after = await audited(req, { action: 'org.move', objectType: 'org', objectId: (o) => o.id, detail: () => ({ from: org.parent_id, to: target.id }) },
        (trx: Trx) => changes.moveOrg(trx, req.actor!, org, target, clock.now()));
      return detailOf(req, after);
    });

  app.post('/:id/dissolve', { config: { action: 'org.dissolve' }, schema: { tags, summary: '撤销组织', params: ZIdParam, body: ZOrgDissolveSchema, response: { 200: ZOrgDetailSchema } } },
    async (req) => {
      const org = await requireOrg(req, req.params.id, 'org.dissolve');
      const after = await audited(req, { action: 'org.dissolve', objectType: 'org', objectId: (o) => o.id, detail: () => ({ reason: req.body.reason }) },
        (trx: Trx) => changes.dissolveOrg(trx, req.actor!, org, req.body.dissolvedOn, req.body.reason, clock.now()));
      return detailOf(req, after);
    });

  app.put('/:id/committee', { config: { action: 'org.update' }, schema: { tags, summary: '设置班子成员', params: ZIdParam, body: ZCommitteeSchema, response: { 200: ZOrgDetailSchema } } },
    async (req) => {
      const org = await requireOrg(req, req.params.id, 'org.update');
      await audited(req, { action: 'org.committee', objectType: 'org', objectId: () => org.id, detail: () => ({ size: req.body.members.length }) },
        (trx: Trx) => changes.setCommittee(trx, req.actor!, org, req.body, clock.now()));
      return detailOf(req, org);
    });
};

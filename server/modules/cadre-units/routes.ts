// Units, posts and quotas, the 干部配备一览表, leadership teams and their structure (issue 12 points 2
// and 5): parse, authorize (route `action`), scope (route `scope`), call the service. Units lie where
// their managing organization lies (干部管理权限): outside the caller's subtree a unit answers 404,
// the refusal audited. Every write runs in one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZPostCreateSchema,
  ZPostUpdateSchema,
  ZRosterPageSchema,
  ZRosterQuery,
  ZStructurePeopleQuery,
  ZStructurePeopleSchema,
  ZStructureQuery,
  ZStructureSchema,
  ZStructureTableQuery,
  ZStructureTableSchema,
  ZTeamListQuery,
  ZTeamListSchema,
  ZTeamPageSchema,
  ZTeamTermUpdateSchema,
  ZUnitCreateSchema,
  ZUnitDetailSchema,
  ZUnitListQuery,
  ZUnitListSchema,
  ZUnitUpdateSchema,
} from '../../../domain/schemas/cadre-units.js';
import { requirementSetOn } from '../../../domain/rules/team-structure.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { createPost, createUnit, saveTeamTerm, updatePost, updateUnit } from './changes.js';
import { listUnits } from './queries.js';
import { presentUnit } from './presenters.js';
import { peopleOfFilter, resolveFilter, rosterPage, structureFrom, teamList, teamPage, unitDetail } from './service.js';
import { structurePeople, structureTable } from './structure.js';
import { exportRoutes } from './export.js';

const tags = ['cadre-units'];
const byManager = { 'query.managerOrgId': 'org' } as const;

export const cadreUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'cadre.read', scope: byManager },
      schema: {
        tags,
        summary: '单位列表（按管理单位、类别、级别；树形按上级单位）',
        querystring: ZUnitListQuery,
        response: { 200: ZUnitListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { q, ...f } = req.query;
      return { items: (await listUnits(ctx.db, await resolveFilter(ctx, f), q)).map(presentUnit) };
    },
  );

  app.post(
    '/',
    {
      config: { action: 'cadre.write', scope: { 'body.managerOrgId': 'org', 'body.parentUnitId': 'cadre_unit' } },
      schema: { tags, summary: '新建单位', body: ZUnitCreateSchema, response: { 201: ZUnitDetailSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const u = await audited(
        ctx,
        { action: 'cadre.unit.create', objectType: 'cadre_unit', objectId: (r) => r.id, detail: () => ({ ...req.body }) },
        (trx: Trx) => createUnit(trx, req.body, ctx.clock.now()),
      );
      return reply.code(201).send(await unitDetail(ctx.db, u.id));
    },
  );

  app.get(
    '/roster',
    {
      config: { action: 'cadre.read', scope: byManager },
      schema: {
        tags,
        summary: '干部配备一览表（单位 × 职位 × 人员；超职数、缺配标出；按单位分页）',
        querystring: ZRosterQuery,
        response: { 200: ZRosterPageSchema },
      },
    },
    (req) => rosterPage(ctxOf(req), req.query),
  );

  app.get(
    '/teams',
    {
      config: { action: 'cadre.read', scope: byManager },
      schema: {
        tags,
        summary: '领导班子列表（届期、应换届时间、结构要求未达标项）',
        querystring: ZTeamListQuery,
        response: { 200: ZTeamListSchema },
      },
    },
    (req) => teamList(ctxOf(req), req.query),
  );

  app.get(
    '/structure',
    {
      config: { action: 'cadre.read', scope: { ...byManager, 'query.unitId': 'cadre_unit' } },
      schema: { tags, summary: '班子结构分析（一个班子或一组班子）', querystring: ZStructureQuery, response: { 200: ZStructureSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { onDate, ...q } = req.query;
      return structureFrom(await peopleOfFilter(ctx.db, await resolveFilter(ctx, q)), onDate ?? ctx.today());
    },
  );

  app.get(
    '/structure/table',
    {
      config: { action: 'cadre.read', scope: { ...byManager, 'query.unitId': 'cadre_unit' } },
      schema: {
        tags,
        summary: '干部结构统计表（行：维度取值；列：合计与各职务层次）',
        querystring: ZStructureTableQuery,
        response: { 200: ZStructureTableSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { onDate, dim, ...q } = req.query;
      return structureTable(ctx.db, await resolveFilter(ctx, q), dim, onDate ?? ctx.today());
    },
  );

  app.get(
    '/structure/people',
    {
      config: { action: 'cadre.read', scope: { ...byManager, 'query.unitId': 'cadre_unit' } },
      schema: {
        tags,
        summary: '结构统计表中一个数字对应的干部名单',
        querystring: ZStructurePeopleQuery,
        response: { 200: ZStructurePeopleSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { onDate, dim: _d, value: _v, level: _l, ...q } = req.query;
      return structurePeople(ctx.db, await resolveFilter(ctx, q), req.query, onDate ?? ctx.today());
    },
  );

  app.get(
    '/requirements',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '现行班子结构要求（版本、生效日期、每项的依据与把握程度 V/R/L）',
        response: {
          200: z.object({
            version: z.string(),
            effectiveFrom: z.string(),
            title: z.string(),
            requirements: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                basis: z.string(),
                source: z.string(),
                unitKinds: z.array(z.string()).nullable(),
              }),
            ),
          }),
        },
      },
    },
    (req) => {
      const s = requirementSetOn(ctxOf(req).today());
      return {
        ...s,
        requirements: s.requirements.map((r) => ({
          id: r.id,
          title: r.title,
          basis: r.basis,
          source: r.source,
          unitKinds: r.unitKinds ? [...r.unitKinds] : null,
        })),
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre_unit' } },
      schema: { tags, summary: '单位详情（职位与职数、下属单位）', params: ZIdParam, response: { 200: ZUnitDetailSchema } },
    },
    (req) => unitDetail(ctxOf(req).db, req.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre_unit', 'body.parentUnitId': 'cadre_unit' } },
      schema: { tags, summary: '修改单位（带版本号）', params: ZIdParam, body: ZUnitUpdateSchema, response: { 200: ZUnitDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        { action: 'cadre.unit.update', objectType: 'cadre_unit', objectId: (r) => r.id, detail: () => ({ ...req.body }) },
        (trx: Trx) => updateUnit(trx, req.params.id, req.body, ctx.clock.now()),
      );
      return unitDetail(ctx.db, req.params.id);
    },
  );

  app.post(
    '/:id/posts',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre_unit' } },
      schema: { tags, summary: '新增职位及职数', params: ZIdParam, body: ZPostCreateSchema, response: { 201: ZUnitDetailSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.post.create',
          objectType: 'cadre_post',
          objectId: (r) => r.id,
          detail: () => ({ unitId: req.params.id, ...req.body }),
        },
        (trx: Trx) => createPost(trx, req.params.id, req.body, ctx.clock.now()),
      );
      return reply.code(201).send(await unitDetail(ctx.db, req.params.id));
    },
  );

  app.patch(
    '/posts/:id',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre_post' } },
      schema: {
        tags,
        summary: '修改职位或职数（带版本号）',
        params: ZIdParam,
        body: ZPostUpdateSchema,
        response: { 200: ZUnitDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const p = await audited(
        ctx,
        {
          action: 'cadre.post.update',
          objectType: 'cadre_post',
          objectId: (r) => r.id,
          detail: (r) => ({ unitId: r.unitId, ...req.body }),
        },
        (trx: Trx) => updatePost(trx, req.params.id, req.body),
      );
      return unitDetail(ctx.db, p.unitId);
    },
  );

  app.get(
    '/:id/team',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre_unit' } },
      schema: {
        tags,
        summary: '领导班子：成员、届期与应换届时间、结构分析、结构要求检查',
        params: ZIdParam,
        querystring: z.strictObject({ onDate: ZStructureQuery.shape.onDate }),
        response: { 200: ZTeamPageSchema },
      },
    },
    (req) => teamPage(ctxOf(req), req.params.id, req.query.onDate),
  );

  app.put(
    '/:id/team',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre_unit' } },
      schema: {
        tags,
        summary: '登记或修改班子届期（应换届时间默认按届期年限推算）',
        params: ZIdParam,
        body: ZTeamTermUpdateSchema,
        response: { 200: ZTeamPageSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'cadre.team.term',
          objectType: 'cadre_team',
          objectId: (r) => r.id,
          detail: (r) => ({ unitId: req.params.id, ...req.body, renewDueOn: r.renewDueOn }),
        },
        (trx: Trx) => saveTeamTerm(trx, req.params.id, req.body),
      );
      return teamPage(ctx, req.params.id);
    },
  );

  await app.register(exportRoutes);
};

// The cadre assessment endpoints (issue 13 point 4): parse, authorize (the route's action and scope),
// call the service; every write runs in one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZCadreHitSchema,
  ZCadreRecordsSchema,
  ZCadreSearchQuery,
  ZConsequenceQuery,
  ZConsequenceSchema,
  ZEntriesSaveSchema,
  ZOngoingSchema,
  ZRaiseSchema,
  ZReturnSchema,
  ZSourceSchema,
  ZSpecialSchema,
  ZUnitCreateSchema,
  ZUnitDetailSchema,
  ZUnitListQuery,
  ZUnitRowSchema,
} from '../../../domain/schemas/cadre-assessments.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, type Ctx } from '../../context.js';
import { recordWriteRoutes } from '../../http/record-write-route.js';
import { requireAccess, scopeSql } from '../../scope/access.js';
import { consequencesOf, presentConsequence } from './consequences.js';
import { listUnits } from './queries.js';
import { cadreRecords, deleteSpecial, recordOngoing, recordSpecial, searchCadres, sources } from './records.js';
import { confirmUnit, createUnit, peopleOf, presentRow, returnUnit, saveEntries, setRaised, submitUnit, unitDetail } from './service.js';
import { registerAssessmentExcel } from './excel.js';

const tags = ['cadre-assessments'];
const unitScope = { 'params.id': 'assessment_unit' } as const;

/** The managing organization a list or a new unit is for: the actor's own unless named (the scope hook checked it). */
async function managerPath(ctx: Ctx, orgId: number | undefined): Promise<string> {
  if (orgId === undefined) return ctx.actor.scopePath;
  const o = await ctx.db
    .selectFrom('orgs')
    .select((eb) => eb.cast<string>('path', 'text').as('path'))
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return o.path;
}

export const cadreAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = (ctx: Ctx, id: number) => unitDetail(ctx.db, id);
  const auditUnit = <T extends { id: number }>(
    ctx: Ctx,
    action: string,
    fn: (trx: Trx) => Promise<T>,
    detail?: (r: T) => Record<string, unknown>,
  ) => audited<T>(ctx, { action, objectType: 'assessment_unit', objectId: (r) => r.id, detail }, fn);

  app.get(
    '/units',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '年度考核单位一览（状态与优秀比例使用情况）',
        querystring: ZUnitListQuery,
        response: { 200: z.object({ items: z.array(ZUnitRowSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: (await listUnits(ctx.db, req.query.year, await managerPath(ctx, req.query.orgId))).map(presentRow) };
    },
  );

  app.post(
    '/units',
    {
      config: { action: 'cadre.assess', scope: { 'body.cadreUnitId': 'cadre_unit', 'body.cadreIds': 'cadre' } },
      schema: {
        tags,
        summary: '新建考核单位（从单位现任干部或名单选取参加考核人员）',
        body: ZUnitCreateSchema,
        response: { 201: ZUnitDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const people = await peopleOf(ctx.db, req.body);
      // The serving cadres of a unit are checked too: a unit may hold cadres managed elsewhere.
      await requireAccess(ctx, 'cadre.assess', 'cadre', people);
      const r = await auditUnit(
        ctx,
        'cadre.assess.unit_create',
        (trx) => createUnit(ctx, trx, req.body, people),
        (x) => ({ year: req.body.year, people: x.people }),
      );
      return reply.code(201).send(await detail(ctx, r.id));
    },
  );

  app.get(
    '/units/:id',
    {
      config: { action: 'cadre.read', scope: unitScope },
      schema: { tags, summary: '考核单位：人员、可定等次、优秀限额', params: ZIdParam, response: { 200: ZUnitDetailSchema } },
    },
    (req) => detail(ctxOf(req), req.params.id),
  );

  app.put(
    '/units/:id/entries',
    {
      config: { action: 'cadre.assess', scope: unitScope },
      schema: {
        tags,
        summary: '保存参加考核人员及等次（草稿）',
        params: ZIdParam,
        body: ZEntriesSaveSchema,
        response: { 200: ZUnitDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await requireAccess(
        ctx,
        'cadre.assess',
        'cadre',
        req.body.entries.map((e) => e.cadreId),
      );
      await auditUnit(
        ctx,
        'cadre.assess.grades',
        (trx) => saveEntries(trx, req.params.id, req.body),
        (r) => ({ graded: r.graded }),
      );
      return detail(ctx, req.params.id);
    },
  );

  app.put(
    '/units/:id/raise',
    {
      config: { action: 'cadre.assess', scope: unitScope },
      schema: {
        tags,
        summary: '登记（或撤销）优秀比例提高到 25% 的批准',
        params: ZIdParam,
        body: ZRaiseSchema,
        response: { 200: ZUnitDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await auditUnit(
        ctx,
        'cadre.assess.raise',
        (trx) => setRaised(trx, req.params.id, req.body),
        () => ({ ...req.body }),
      );
      return detail(ctx, req.params.id);
    },
  );

  app.post(
    '/units/:id/submit',
    {
      config: { action: 'cadre.assess', scope: unitScope },
      schema: { tags, summary: '提交考核结果（超过优秀限额不能提交）', params: ZIdParam, response: { 200: ZUnitDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await auditUnit(
        ctx,
        'cadre.assess.submit',
        (trx) => submitUnit(ctx, trx, req.params.id),
        (r) => ({ excellent: r.excellent, assessed: r.assessed }),
      );
      return detail(ctx, req.params.id);
    },
  );

  app.post(
    '/units/:id/confirm',
    {
      config: { action: 'cadre.assess', scope: unitScope },
      schema: {
        tags,
        summary: '管理机关确认考核结果（写入干部档案的年度考核结果）',
        params: ZIdParam,
        response: { 200: ZUnitDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await auditUnit(
        ctx,
        'cadre.assess.confirm',
        (trx) => confirmUnit(ctx, trx, req.params.id),
        (r) => ({ published: r.published }),
      );
      return detail(ctx, req.params.id);
    },
  );

  app.post(
    '/units/:id/return',
    {
      config: { action: 'cadre.assess', scope: unitScope },
      schema: { tags, summary: '退回考核结果（注明理由）', params: ZIdParam, body: ZReturnSchema, response: { 200: ZUnitDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await auditUnit(
        ctx,
        'cadre.assess.return',
        (trx) => returnUnit(ctx, trx, req.params.id, req.body.reason),
        () => ({ reason: req.body.reason }),
      );
      return detail(ctx, req.params.id);
    },
  );

  app.get(
    '/consequences',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '考核结果的运用（连续三年优秀记三等功、不称职降级、连续两年不称职辞退、基本称职诫勉），逐条注明依据',
        querystring: ZConsequenceQuery,
        response: { 200: z.object({ items: z.array(ZConsequenceSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const found = await consequencesOf(ctx.db, [req.query.year], scopeSql('u.manager_path', await managerPath(ctx, req.query.orgId)));
      return { items: found.map(presentConsequence) };
    },
  );

  app.get(
    '/sources',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '可选取考核人员的单位（现任干部人数）', response: { 200: z.object({ items: z.array(ZSourceSchema) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: (await sources(ctx.db, ctx.actor.scopePath)).map((x) => ({ ...x, cadres: x.cadres ?? 0 })) };
    },
  );

  app.get(
    '/cadres',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '按姓名或拼音首字母查找干部',
        querystring: ZCadreSearchQuery,
        response: { 200: z.object({ items: z.array(ZCadreHitSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await searchCadres(ctx.db, ctx.actor.scopePath, req.query.q) };
    },
  );

  app.get(
    '/cadres/:id',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } },
      schema: {
        tags,
        summary: '干部的年度考核结果、结果运用、平时考核与专项考核记录',
        params: ZIdParam,
        response: { 200: ZCadreRecordsSchema },
      },
    },
    (req) => cadreRecords(ctxOf(req).db, req.params.id),
  );

  // The writes on one cadre's records share the supervision routes' shape (http/record-write-route.ts).
  const write = recordWriteRoutes(app, { tags, response: ZCadreRecordsSchema, records: (ctx, id) => cadreRecords(ctx.db, id) });
  write({
    method: 'PUT',
    url: '/cadres/:id/ongoing',
    action: 'cadre.assess',
    resource: 'cadre',
    summary: '登记平时考核（按季度：好、较好、一般、较差）',
    body: ZOngoingSchema,
    write: (ctx, trx, id, b) => recordOngoing(ctx, trx, id, b),
    audit: {
      action: 'cadre.assess.ongoing',
      objectType: 'cadre',
      objectId: (r) => r.cadreId,
      detail: (r, b) => ({ year: r.year, quarter: r.quarter, grade: b.grade }),
    },
  });
  write({
    method: 'POST',
    url: '/cadres/:id/special',
    action: 'cadre.assess',
    resource: 'cadre',
    status: 201,
    summary: '登记专项考核',
    body: ZSpecialSchema,
    write: (ctx, trx, id, b) => recordSpecial(ctx, trx, id, b),
    audit: {
      action: 'cadre.assess.special',
      objectType: 'special_assessment',
      objectId: (r) => r.id,
      detail: (_r, _b, id) => ({ cadreId: id }),
    },
  });
  write({
    method: 'DELETE',
    url: '/special/:id',
    action: 'cadre.assess',
    resource: 'special_assessment',
    summary: '删除专项考核记录',
    write: (_ctx, trx, id) => deleteSpecial(trx, id),
    audit: {
      action: 'cadre.assess.special_delete',
      objectType: 'special_assessment',
      objectId: (r) => r.id,
      detail: (r) => ({ cadreId: r.cadreId }),
    },
    cadreOf: (r) => r.cadreId,
  });

  await registerAssessmentExcel(app);
};

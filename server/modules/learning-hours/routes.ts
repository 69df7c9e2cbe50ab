// The 学时 archive's endpoints (issue 14 points 6–8): parse, authorize (the route's action and scope),
// call the service. Every change runs in one transaction with its audit row; exports ask their purpose
// and are audited. Uploads are multipart, bounded and checked by content before anything reads them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZArchiveSchema,
  ZBehindSchema,
  ZCloseYearSchema,
  ZClosureSchema,
  ZClosuresSchema,
  ZDuplicateDecisionSchema,
  ZDuplicatesSchema,
  ZExportQuery,
  ZMyHoursSchema,
  ZOrgYearQuery,
  ZRequirementCreateSchema,
  ZRequirementSchema,
  ZSharesSchema,
  ZYearQuery,
  ZYearsArchiveSchema,
} from '../../../domain/schemas/learning-hours.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { invalid, notFound } from '../../errors.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { learnerOfActor, type Learner } from '../learning/learner.js';
import { archiveOf, behindOf, closeYear, closuresIn, learnerOfCadre, rowsOf, sharesOf } from './archive.js';
import { listRequirements, loadVersions } from './year-requirements.js';
import { decideDuplicate, detectInSubtree, duplicatesIn } from './duplicates.js';
import { myReports } from './self-reports.js';
import { selfReportAndImportRoutes } from './self-report-routes.js';

const tags = ['learning-hours'];
/** The signed-in learner; an account with no member or cadre record behind it finds no archive (404, as the member's own pages do). */
export async function myLearner(ctx: Ctx): Promise<Learner> {
  const l = await learnerOfActor(ctx);
  if (!l) throw notFound('本人学习档案');
  return l;
}
const thisYear = (ctx: Ctx) => Number(ctx.today().slice(0, 4));

export async function pathOf(ctx: Ctx, orgId: number): Promise<string> {
  const o = await ctx.db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst();
  if (!o) throw notFound('组织');
  return String(o.path);
}

export const learningHoursRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— Requirements (versioned data) ———
  app.get(
    '/requirements',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '学时要求（按对象和生效日期的各个版本及依据）',
        response: { 200: z.object({ items: z.array(ZRequirementSchema) }) },
      },
    },
    async (req) => ({ items: await listRequirements(ctxOf(req).db) }),
  );

  app.post(
    '/requirements',
    {
      config: { action: 'learning.config' },
      schema: {
        tags,
        summary: '新增学时要求版本（自生效日期起适用，不改动历史版本）',
        body: ZRequirementCreateSchema,
        response: { 201: ZRequirementSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const b = req.body;
      const id = await audited(
        ctx,
        { action: 'learning.requirement.create', objectType: 'learning_requirement', objectId: (x) => x, detail: () => ({ ...b }) },
        async (trx: Trx) => {
          const dup = await trx
            .selectFrom('learning_requirements')
            .select('id')
            .where('audience', '=', b.audience)
            .where('effective_from', '=', b.effectiveFrom)
            .executeTakeFirst();
          if (dup) throw invalid('该对象在这一生效日期已有版本，请换一个生效日期', 'effectiveFrom');
          const r = await trx
            .insertInto('learning_requirements')
            .values({
              audience: b.audience,
              hours: b.hours,
              period_years: b.periodYears,
              effective_from: b.effectiveFrom,
              source: b.source,
              tag: b.tag,
              created_by: ctx.actor.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return r.id;
        },
      );
      return reply.code(201).send((await listRequirements(ctx.db)).find((r) => r.id === id)!);
    },
  );

  // ——— Archives ———
  app.get(
    '/hours/members/:id',
    {
      config: { action: 'learning.read', scope: { 'params.id': 'member' } },
      schema: {
        tags,
        summary: '党员某年度的学时档案（按来源、要求、差额、网络学时）',
        params: ZIdParam,
        querystring: ZYearQuery,
        response: { 200: ZArchiveSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return archiveOf(ctx, { memberId: req.params.id, cadreId: null }, req.query.year ?? thisYear(ctx));
    },
  );

  app.get(
    '/hours/cadres/:id',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '干部近五年的学时档案（干部档案中的学时栏）', params: ZIdParam, response: { 200: ZYearsArchiveSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await learnerOfCadre(ctx.db, req.params.id);
      const y = thisYear(ctx);
      const items = [];
      for (let year = y; year > y - 5; year--) items.push(await archiveOf(ctx, l, year));
      return { items };
    },
  );

  app.get(
    '/me/hours',
    {
      config: { action: 'learning.self' },
      schema: { tags, summary: '本人某年度的学时、要求与自主学习申报', querystring: ZYearQuery, response: { 200: ZMyHoursSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await myLearner(ctx);
      return { archive: await archiveOf(ctx, l, req.query.year ?? thisYear(ctx)), reports: await myReports(ctx, l) };
    },
  );

  app.get(
    '/hours/behind',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '本组织及下级组织学时未达要求的党员及差额（按组织排列，不排名）',
        querystring: ZOrgYearQuery,
        response: { 200: ZBehindSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return behindOf(ctx, req.query.orgId, req.query.year ?? thisYear(ctx), req.query.offset, req.query.limit);
    },
  );

  app.get(
    '/hours/shares',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '各下级组织的学时完成率（附口径，不对个人排名）',
        querystring: ZOrgYearQuery,
        response: { 200: ZSharesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return sharesOf(ctx, req.query.orgId, req.query.year ?? thisYear(ctx));
    },
  );

  app.get(
    '/hours/export',
    {
      config: { action: 'learning.export' },
      schema: { tags, summary: '导出学时档案（Excel，须填写用途，记入审计）', querystring: ZExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const year = req.query.year ?? thisYear(ctx);
      const rows = await rowsOf(ctx.db, await pathOf(ctx, req.query.orgId), year, await loadVersions(ctx.db));
      const buf = await toXlsx(
        `${year}年度学时`,
        [
          { header: '姓名', width: 10, value: (r: (typeof rows)[number]) => r.name },
          { header: '所在党组织', width: 28, value: (r) => r.orgName },
          { header: '网络学习', value: (r) => r.bySource.online },
          { header: '测试', value: (r) => r.bySource.quiz },
          { header: '培训班', value: (r) => r.bySource.class },
          { header: '上级调训', value: (r) => r.bySource.assigned },
          { header: '党校', value: (r) => r.bySource.party_school },
          { header: '自主申报', value: (r) => r.bySource.self },
          { header: '合计', value: (r) => r.total },
          { header: '要求', value: (r) => r.required },
          { header: '差额', value: (r) => Math.max(0, Math.round((r.required - r.total) * 10) / 10) },
        ],
        rows,
      );
      await recordRead(ctx, 'learning.hours.export', 'learning_year', {
        purpose: req.query.purpose,
        orgId: req.query.orgId,
        year,
        rows: rows.length,
      });
      return reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`${year}年度学时档案.xlsx`))
        .send(buf);
    },
  );

  // ——— Duplicates ———
  app.get(
    '/hours/duplicates',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '标记为重复的学时记录（同一培训多个来源，只计一次）',
        querystring: ZOrgYearQuery,
        response: { 200: ZDuplicatesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { marked: 0, items: await duplicatesIn(ctx, await pathOf(ctx, req.query.orgId), req.query.year ?? thisYear(ctx)) };
    },
  );

  app.post(
    '/hours/duplicates/detect',
    {
      config: { action: 'learning.approve' },
      schema: {
        tags,
        summary: '检查本组织及下级组织某年度的重复学时记录并标记',
        body: z.strictObject({ orgId: z.number().int().positive(), year: z.number().int().min(2000).max(2100) }),
        response: { 200: ZDuplicatesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const p = await pathOf(ctx, req.body.orgId);
      const marked = await audited(
        ctx,
        {
          action: 'learning.duplicate.detect',
          objectType: 'learning_year',
          objectId: () => req.body.year,
          detail: (n) => ({ orgId: req.body.orgId, marked: n }),
        },
        (trx: Trx) => detectInSubtree(inTrx(ctx, trx), p, req.body.year),
      );
      return { marked, items: await duplicatesIn(ctx, p, req.body.year) };
    },
  );

  app.post(
    '/hours/duplicates/:id',
    {
      config: { action: 'learning.approve', scope: { 'params.id': 'learning_credit' } },
      schema: {
        tags,
        summary: '确认或撤销重复标记',
        params: ZIdParam,
        body: ZDuplicateDecisionSchema,
        response: { 200: z.object({ ofId: z.number().int() }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return audited(
        ctx,
        {
          action: req.body.action === 'confirm' ? 'learning.duplicate.confirm' : 'learning.duplicate.undo',
          objectType: 'learning_credit',
          objectId: () => req.params.id,
          detail: (r) => ({ ofId: r.ofId }),
        },
        (trx: Trx) => decideDuplicate(inTrx(ctx, trx), req.params.id, req.body.action),
      );
    },
  );

  // ——— Closed years ———
  app.get(
    '/hours/years',
    { config: { action: 'learning.read' }, schema: { tags, summary: '已关闭归档的年度', response: { 200: ZClosuresSchema } } },
    async (req) => ({ items: await closuresIn(ctxOf(req)) }),
  );

  app.post(
    '/hours/years/:year/close',
    {
      config: { action: 'learning.config', scope: { 'params.year': 'none' } },
      schema: {
        tags,
        summary: '关闭并归档某年度（冻结每人学时快照；此后到达的记录保留并标为迟到）',
        params: z.strictObject({ year: z.coerce.number().int().min(2000, '年度不早于 2000 年').max(2100, '年度不晚于 2100 年') }),
        body: ZCloseYearSchema,
        response: { 201: ZClosureSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (req.params.year >= thisYear(ctx)) throw invalid('只能关闭已经结束的年度', 'year');
      const r = await audited(
        ctx,
        {
          action: 'learning.year.close',
          objectType: 'learning_year',
          objectId: () => req.params.year,
          detail: (x) => ({ orgId: req.body.orgId, people: x.people }),
        },
        (trx: Trx) => closeYear(inTrx(ctx, trx), req.body.orgId, req.params.year),
      );
      return reply.code(201).send((await closuresIn(ctx)).find((c) => c.id === r.id)!);
    },
  );

  await app.register(selfReportAndImportRoutes);
};

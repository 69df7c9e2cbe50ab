// Dues endpoints (ISSUE 3 point 6): parse, authorize (route `action`), scope (declared in the config,
// checked by http/scope-hook.ts), call the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZArrearsListSchema,
  ZArrearsQuery,
  ZBaseCreateSchema,
  ZBaseSchema,
  ZBulkPaymentSchema,
  ZDuesSettingsSchema,
  ZMemberDuesSchema,
  ZMemberPaymentSchema,
  ZReductionCreateSchema,
  ZReductionDecideSchema,
  ZReductionListQuery,
  ZReductionSchema,
  ZSheetQuery,
  ZSheetSchema,
  ZTotalsQuery,
  ZTotalsSchema,
  ZVoluntarySchema,
} from '../../../domain/schemas/dues.js';
import { monthsBetween } from '../../../domain/rules/dues.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { ctxOf, type Ctx } from '../../context.js';
import { scopeSql } from '../../scope/access.js';
import { orgById } from '../orgs/queries.js';
import { memberById } from '../members/access.js';
import { myMemberId } from '../members/service.js';
import * as changes from './changes.js';
import { arrearsList, memberDues, sheet, totalsOf } from './service.js';
import { getDuesSettings, putDuesSettings } from './settings.js';
import { presentBase, presentReduction, reductionRows, mayDecide } from './presenters.js';
import { registerDuesExport } from './export.js';
import { bulkPay } from './bulk-pay.js';
import { startDuesSummaries } from './summaries.js';
import { lastClosedMonth } from './service.js';

const tags = ['dues'];

export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const settings = () => getDuesSettings(db);
  // The summaries' deltas are folded every few seconds; the arrears turn over with the month.
  startDuesSummaries(app, 5000, () => lastClosedMonth(clock.now()));
  const memberView = async (ctx: Ctx, id: number) =>
    memberDues(ctx.db, ctx.actor, await memberById(ctx.db, id), await settings(), ctx.clock.now());

  app.get(
    '/settings',
    {
      config: { action: 'dues.read' },
      schema: { tags, summary: '党费设置（取整方式、农民党员标准、欠缴提醒）', response: { 200: ZDuesSettingsSchema } },
    },
    () => settings(),
  );

  app.put(
    '/settings',
    {
      config: { action: 'dues.approve' },
      schema: { tags, summary: '修改党费设置（市级）', body: ZDuesSettingsSchema, response: { 200: ZDuesSettingsSchema } },
    },
    async (req) => {
      // art. 6: the farmer amount is set by the province; here the city's top organization holds it.
      const ctx = ctxOf(req);
      const root = await db.selectFrom('orgs').select('parent_id').where('id', '=', ctx.actor.orgId).executeTakeFirst();
      if (root?.parent_id !== null) throw new AppError('SETTINGS_LEVEL', '党费设置只能由市级组织部门修改', 403);
      await audited(
        ctx,
        { action: 'dues.settings', objectType: 'settings', objectId: () => 'dues', detail: (n) => ({ ...req.body, recomputed: n }) },
        async (trx: Trx) => {
          await putDuesSettings(trx, req.body, clock.now());
          return changes.recomputeDues(trx, req.body);
        },
      );
      return settings();
    },
  );

  app.get(
    '/me',
    { config: { action: 'member.self' }, schema: { tags, summary: '本人党费与欠缴', response: { 200: ZMemberDuesSchema } } },
    async (req) => {
      const m = await db
        .selectFrom('members')
        .selectAll()
        .where('id', '=', await myMemberId(ctxOf(req)))
        .executeTakeFirst();
      if (!m) throw notFound('本人党员档案');
      return memberDues(db, null, m, await settings(), clock.now());
    },
  );

  app.get(
    '/members/:id',
    {
      config: { scope: { 'params.id': 'member' }, action: 'dues.read' },
      schema: { tags, summary: '党员党费账户（基数、逐月应缴实缴、欠缴）', params: ZIdParam, response: { 200: ZMemberDuesSchema } },
    },
    (req) => memberView(ctxOf(req), req.params.id),
  );

  app.post(
    '/members/:id/bases',
    {
      config: { scope: { 'params.id': 'member' }, action: 'dues.write' },
      schema: {
        tags,
        summary: '设置党费基数（自当月起按新基数计算）',
        params: ZIdParam,
        body: ZBaseCreateSchema,
        response: { 201: ZBaseSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      const s = await settings();
      const row = await audited(
        ctx,
        {
          action: 'dues.base',
          objectType: 'member',
          objectId: () => m.id,
          detail: (b) => ({ category: b.category, effectiveFrom: b.effective_from, dueFen: b.due_fen }),
        },
        (trx: Trx) => changes.addBase(trx, ctx, m, req.body, s),
      );
      return reply.code(201).send(presentBase(row));
    },
  );

  app.post(
    '/members/:id/payments',
    {
      config: { scope: { 'params.id': 'member' }, action: 'dues.write' },
      schema: {
        tags,
        summary: '登记党员缴费（可多月）',
        params: ZIdParam,
        body: ZMemberPaymentSchema,
        response: { 200: ZMemberDuesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      await audited(
        ctx,
        {
          action: 'dues.pay',
          objectType: 'member',
          objectId: () => m.id,
          detail: (r) => ({ ...r, receiptNo: req.body.receiptNo ?? null }),
        },
        (trx: Trx) => changes.payMonths(trx, ctx, m, req.body),
      );
      return memberView(ctx, m.id);
    },
  );

  app.post(
    '/members/:id/voluntary',
    {
      config: { scope: { 'params.id': 'member' }, action: 'dues.write' },
      schema: { tags, summary: '登记自愿多交党费', params: ZIdParam, body: ZVoluntarySchema, response: { 200: ZMemberDuesSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      await audited(
        ctx,
        {
          action: 'dues.voluntary',
          objectType: 'member',
          objectId: () => m.id,
          detail: (r) => ({ amountFen: req.body.amountFen, toCentre: r.to_centre }),
        },
        (trx: Trx) => changes.payVoluntary(trx, ctx, m, req.body),
      );
      return memberView(ctx, m.id);
    },
  );

  app.post(
    '/members/:id/reductions',
    {
      config: { scope: { 'params.id': 'member' }, action: 'dues.write' },
      schema: {
        tags,
        summary: '提出党费减免（报上级党委审批）',
        params: ZIdParam,
        body: ZReductionCreateSchema,
        response: { 200: ZMemberDuesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      await audited(
        ctx,
        {
          action: 'dues.reduction.propose',
          objectType: 'dues_reduction',
          objectId: (r) => r.id,
          detail: () => ({ memberId: m.id, kind: req.body.kind, from: req.body.monthFrom, to: req.body.monthTo }),
        },
        (trx: Trx) => changes.proposeReduction(trx, ctx, m, req.body),
      );
      return memberView(ctx, m.id);
    },
  );

  app.get(
    '/reductions',
    {
      config: { action: 'dues.read' },
      schema: {
        tags,
        summary: '党费减免申请',
        querystring: ZReductionListQuery,
        response: { 200: z.object({ items: z.array(ZReductionSchema) }) },
      },
    },
    async (req) => {
      // The query's orgId is checked by the route's scope; without one, the actor's own organization.
      const org = await orgById(db, req.query.orgId ?? req.actor!.orgId);
      const rows = await reductionRows(db, (q) => {
        let x = q.where(scopeSql('o.path', org.path));
        if (req.query.status) x = x.where('r.status', '=', req.query.status);
        return x;
      });
      return { items: rows.map((r) => presentReduction(r, req.actor)) };
    },
  );

  app.post(
    '/reductions/:id/decide',
    {
      config: { scope: { 'params.id': 'dues_reduction' }, action: 'dues.approve' },
      schema: {
        tags,
        summary: '审批党费减免（上级党委）',
        params: ZIdParam,
        body: ZReductionDecideSchema,
        response: { 200: ZReductionSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const [r] = await reductionRows(db, (q) => q.where('r.id', '=', req.params.id));
      if (!r) throw notFound('减免申请');
      // art. 7: only a strictly higher committee decides, and never the level that proposed it.
      if (!mayDecide(ctx.actor, r)) {
        throw r.status !== 'proposed'
          ? invalid('该减免申请已审批', 'decision')
          : new AppError('APPROVAL_LEVEL', '党费减免须由上级党委审批，提出申请的组织不能自行审批', 403);
      }
      await audited(
        ctx,
        {
          action: `dues.reduction.${req.body.decision}`,
          objectType: 'dues_reduction',
          objectId: () => r.id,
          detail: () => ({ memberId: r.member_id, note: req.body.note ?? null }),
        },
        (trx: Trx) => changes.decideReduction(trx, ctx, r.id, req.body.decision, req.body.note),
      );
      const [after] = await reductionRows(db, (q) => q.where('r.id', '=', r.id));
      return presentReduction(after, ctx.actor);
    },
  );

  app.get(
    '/orgs/:id/sheet',
    {
      config: { scope: { 'params.id': 'org' }, action: 'dues.read' },
      schema: { tags, summary: '支部党费收缴表（按月）', params: ZIdParam, querystring: ZSheetQuery, response: { 200: ZSheetSchema } },
    },
    async (req) => sheet(db, await orgById(db, req.params.id), req.query.month, await settings(), clock.now()),
  );

  app.post(
    '/orgs/:id/payments',
    {
      config: { scope: { 'params.id': 'org' }, action: 'dues.write' },
      schema: {
        tags,
        summary: '批量登记当月党费（勾选已缴党员）',
        params: ZIdParam,
        body: ZBulkPaymentSchema,
        response: { 200: ZSheetSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await orgById(ctx.db, req.params.id);
      await audited(
        ctx,
        {
          action: 'dues.pay.bulk',
          objectType: 'org',
          objectId: () => org.id,
          detail: (r) => ({ month: req.body.month, members: r.members, amountFen: r.amountFen }),
        },
        (trx: Trx) => bulkPay(trx, ctx, org.id, req.body),
      );
      return sheet(db, org, req.body.month, await settings(), clock.now());
    },
  );

  app.get(
    '/orgs/:id/arrears',
    {
      config: { scope: { 'params.id': 'org' }, action: 'dues.read' },
      schema: {
        tags,
        summary: '欠缴党费名单（连续欠缴预警）',
        params: ZIdParam,
        querystring: ZArrearsQuery,
        response: { 200: ZArrearsListSchema },
      },
    },
    async (req) => {
      const org = await orgById(db, req.params.id);
      return arrearsList(db, org.path, req.query.minLevel, req.query.limit, await settings(), clock.now());
    },
  );

  app.get(
    '/orgs/:id/totals',
    {
      config: { scope: { 'params.id': 'org' }, action: 'dues.read' },
      schema: {
        tags,
        summary: '党费收缴统计（按组织、按月）',
        params: ZIdParam,
        querystring: ZTotalsQuery,
        response: { 200: ZTotalsSchema },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (to < from) throw invalid('结束月份不能早于开始月份', 'to');
      if (monthsBetween(from, to) >= 24) throw invalid('统计区间最长 24 个月', 'from');
      return totalsOf(db, await orgById(db, req.params.id), from, to);
    },
  );

  registerDuesExport(app);
};

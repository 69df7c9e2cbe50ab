// Terms and elections endpoints (ISSUE 4 point 3): parse, authorize (route `action`), scope, call the service.
// Every write runs in one transaction with its audit row.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { nameHolds } from '../../db/name-search.js';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAdjustmentCreateSchema,
  ZAdjustmentDecisionSchema,
  ZAdjustmentListQuery,
  ZAdjustmentSchema,
  ZCandidateQuery,
  ZDecisionSchema,
  ZElectionConfirmSchema,
  ZElectionListQuery,
  ZElectionRequestSchema,
  ZElectionResultSchema,
  ZElectionSchema,
  ZEligibleSchema,
  ZOrgTermsSchema,
  ZOverdueSchema,
  ZTermListQuery,
  ZTermPageSchema,
  ZTermRecordSchema,
} from '../../../domain/schemas/terms.js';
import { termRuleOf } from '../../../domain/rules/terms.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { loadInScope, scopeSql } from '../../scope/access.js';
import { loadOrg } from '../orgs/service.js';
import { findOrg } from '../orgs/queries.js';
import { adjustmentRows, electionRows, presentAdjustment, presentElection } from './presenters.js';
import { orgTerms, termPage, watchList } from './service.js';
import { confirmElection, decideElection, recordResult, requestElection } from './elections.js';
import { decideAdjustment, proposeAdjustment, recordTerm } from './term-changes.js';
import { registerTermExport } from './export.js';

const tags = ['terms'];

export const termRoutes: FastifyPluginAsyncZod = async (app) => {
  const orgView = async (ctx: Ctx, id: number) => orgTerms(ctx.db, ctx.actor, await loadOrg(ctx, 'term.read', id), ctx.today());
  /** The election after the scope check (scope/access.ts: 404 outside the subtree, the refusal audited). */
  const election = (ctx: Ctx, id: number, action: string) =>
    loadInScope(ctx, action, 'election', id, async (x) => (await electionRows(ctx.db, (q) => q.where('e.id', '=', x)))[0]);

  app.get(
    '/',
    {
      config: { action: 'term.read' },
      schema: { tags, summary: '届期一览（本组织及下级，含状态与筛选）', querystring: ZTermListQuery, response: { 200: ZTermPageSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return termPage(ctx.db, await loadOrg(ctx, 'term.read', req.query.orgId ?? ctx.actor.orgId), req.query, ctx.today());
    },
  );

  app.get(
    '/overdue',
    {
      config: { action: 'term.read' },
      schema: {
        tags,
        summary: '逾期未换届、已批准延期、逾期未报结果',
        querystring: z.strictObject({ orgId: z.coerce.number().int().positive().optional() }),
        response: { 200: ZOverdueSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return watchList(ctx.db, ctx.actor, await loadOrg(ctx, 'term.read', req.query.orgId ?? ctx.actor.orgId), ctx.today());
    },
  );

  app.get(
    '/orgs/:id',
    {
      config: { scope: { 'params.id': 'org' }, action: 'term.read' },
      schema: { tags, summary: '组织的届期、历届、换届选举与延期记录', params: ZIdParam, response: { 200: ZOrgTermsSchema } },
    },
    (req) => orgView(ctxOf(req), req.params.id),
  );

  app.get(
    '/orgs/:id/candidates',
    {
      config: { scope: { 'params.id': 'org' }, action: 'term.write' },
      schema: {
        tags,
        summary: '可作为候选人的正式党员（第五条）',
        params: ZIdParam,
        querystring: ZCandidateQuery,
        response: { 200: z.object({ items: z.array(ZEligibleSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { db } = ctx;
      const org = await loadOrg(ctx, 'term.write', req.params.id);
      let x = db
        .selectFrom('members as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'o.name as orgName'])
        .where(sql<boolean>`m.org_path <@ ${org.path}::ltree`)
        .where('m.category', '=', 'full')
        .where('m.status', 'in', COUNTED_STATUSES);
      if (req.query.q) x = x.where(nameHolds('m.name', req.query.q));
      return { items: await x.orderBy('m.sort_key').orderBy('m.id').limit(100).execute() };
    },
  );

  app.post(
    '/orgs/:id/term',
    {
      config: { scope: { 'params.id': 'org' }, action: 'term.write' },
      schema: {
        tags,
        summary: '录入现任届期（系统启用前选举产生的）',
        params: ZIdParam,
        body: ZTermRecordSchema,
        response: { 200: ZOrgTermsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'term.write', req.params.id);
      await audited(
        ctx,
        {
          action: 'term.record',
          objectType: 'org',
          objectId: () => org.id,
          detail: (t) => ({ electedOn: t.elected_on, endsOn: t.ends_on, termKind: t.term_kind }),
        },
        (trx: Trx) => recordTerm(trx, org, termRuleOf({ kind: org.kind, unitType: org.unit_type }), req.body.electedOn, ctx.today()),
      );
      return orgView(ctx, org.id);
    },
  );

  app.post(
    '/orgs/:id/elections',
    {
      config: { scope: { 'params.id': 'org' }, action: 'term.write' },
      schema: {
        tags,
        summary: '提出换届选举申请（本组织，报上级批复）',
        params: ZIdParam,
        body: ZElectionRequestSchema,
        response: { 201: ZElectionSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'term.write', req.params.id);
      const e = await audited(
        ctx,
        {
          action: 'term.election.request',
          objectType: 'election',
          objectId: (r) => r.id,
          detail: (r) => ({ orgId: org.id, plannedOn: r.planned_on, seats: r.planned_seats }),
        },
        (trx: Trx) =>
          requestElection(
            trx,
            ctx.actor,
            org,
            termRuleOf({ kind: org.kind, unitType: org.unit_type }),
            req.body,
            ctx.today(),
            ctx.clock.now(),
          ),
      );
      const [row] = await electionRows(ctx.db, (x) => x.where('e.id', '=', e.id));
      return reply.code(201).send(presentElection(row, ctx.actor, ctx.today()));
    },
  );

  app.get(
    '/elections',
    {
      config: { action: 'term.read' },
      schema: {
        tags,
        summary: '换届选举（本组织及下级；可只看待我审批）',
        querystring: ZElectionListQuery,
        response: { 200: z.object({ items: z.array(ZElectionSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'term.read', req.query.orgId ?? ctx.actor.orgId);
      const mine = req.query.mine === 'true';
      const rows = await electionRows(ctx.db, (x) => {
        let y = x.where(scopeSql('o.path', org.path));
        if (req.query.status) y = y.where('e.status', '=', req.query.status);
        if (mine) y = y.where('e.status', 'in', ['requested', 'held']).where('o.id', '<>', ctx.actor.orgId);
        return y;
      });
      const items = rows.map((e) => presentElection(e, ctx.actor, ctx.today()));
      return { items: mine ? items.filter((e) => e.canDecide || e.canConfirm) : items };
    },
  );

  app.get(
    '/elections/:id',
    {
      config: { scope: { 'params.id': 'election' }, action: 'term.read' },
      schema: { tags, summary: '换届选举详情', params: ZIdParam, response: { 200: ZElectionSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentElection(await election(ctx, req.params.id, 'term.read'), ctx.actor, ctx.today());
    },
  );

  app.post(
    '/elections/:id/decide',
    {
      config: { scope: { 'params.id': 'election' }, action: 'term.approve' },
      schema: {
        tags,
        summary: '批复换届选举申请（上级党组织）',
        params: ZIdParam,
        body: ZDecisionSchema,
        response: { 200: ZElectionSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const e = await election(ctx, req.params.id, 'term.approve');
      await audited(
        ctx,
        {
          action: `term.election.${req.body.decision}`,
          objectType: 'election',
          objectId: () => e.id,
          detail: () => ({ orgId: e.org_id, note: req.body.note ?? null }),
        },
        (trx: Trx) => decideElection(inTrx(ctx, trx), e, req.body.decision, req.body.note, req.body.version),
      );
      return presentElection(await election(ctx, e.id, 'term.read'), ctx.actor, ctx.today());
    },
  );

  app.post(
    '/elections/:id/result',
    {
      config: { scope: { 'params.id': 'election' }, action: 'term.write' },
      schema: {
        tags,
        summary: '登记选举结果（应到、实到、候选人得票；按五分之四和过半数计算）',
        params: ZIdParam,
        body: ZElectionResultSchema,
        response: { 200: ZElectionSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const e = await election(ctx, req.params.id, 'term.write');
      await audited(
        ctx,
        {
          action: 'term.election.result',
          objectType: 'election',
          objectId: () => e.id,
          detail: (o) => ({
            orgId: e.org_id,
            heldOn: req.body.heldOn,
            shouldAttend: req.body.shouldAttend,
            present: req.body.present,
            quorate: o.quorate,
            failure: o.failure,
            elected: o.candidates.filter((c) => c.elected).length,
          }),
        },
        (trx: Trx) => recordResult(trx, e, req.body, ctx.today()),
      );
      return presentElection(await election(ctx, e.id, 'term.read'), ctx.actor, ctx.today());
    },
  );

  app.post(
    '/elections/:id/confirm',
    {
      config: { scope: { 'params.id': 'election' }, action: 'term.approve' },
      schema: {
        tags,
        summary: '审批书记、副书记人选，新一届开始（上级党组织）',
        params: ZIdParam,
        body: ZElectionConfirmSchema,
        response: { 200: ZOrgTermsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const e = await election(ctx, req.params.id, 'term.approve');
      const org = (await findOrg(ctx.db, e.org_id))!;
      await audited(
        ctx,
        {
          action: 'term.election.confirm',
          objectType: 'election',
          objectId: () => e.id,
          detail: (r) => ({ orgId: org.id, termId: r.term.id, endsOn: r.term.ends_on, secretary: r.secretary, committee: r.committee }),
        },
        (trx: Trx) => confirmElection(inTrx(ctx, trx), e, org, termRuleOf({ kind: org.kind, unitType: org.unit_type }), req.body),
      );
      return orgView(ctx, org.id);
    },
  );

  app.post(
    '/orgs/:id/adjustments',
    {
      config: { scope: { 'params.id': 'org' }, action: 'term.write' },
      schema: {
        tags,
        summary: '提出延期或提前换届（不超过 1 年，报上级批准）',
        params: ZIdParam,
        body: ZAdjustmentCreateSchema,
        response: { 200: ZOrgTermsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'term.write', req.params.id);
      await audited(
        ctx,
        {
          action: 'term.adjust.propose',
          objectType: 'term_adjustment',
          objectId: (a) => a.id,
          detail: (a) => ({ orgId: org.id, kind: a.kind, newEnd: a.new_end }),
        },
        (trx: Trx) => proposeAdjustment(trx, ctx.actor, org, req.body, ctx.clock.now()),
      );
      return orgView(ctx, org.id);
    },
  );

  app.get(
    '/adjustments',
    {
      config: { action: 'term.read' },
      schema: {
        tags,
        summary: '延期或提前换届申请（本组织及下级）',
        querystring: ZAdjustmentListQuery,
        response: { 200: z.object({ items: z.array(ZAdjustmentSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'term.read', req.query.orgId ?? ctx.actor.orgId);
      let x = adjustmentRows(ctx.db).where(scopeSql('o.path', org.path));
      if (req.query.status) x = x.where('a.status', '=', req.query.status);
      return { items: (await x.orderBy('a.id', 'desc').limit(500).execute()).map((a) => presentAdjustment(a, ctx.actor)) };
    },
  );

  app.post(
    '/adjustments/:id/decide',
    {
      config: { scope: { 'params.id': 'term_adjustment' }, action: 'term.approve' },
      schema: {
        tags,
        summary: '审批延期或提前换届（上级党组织）',
        params: ZIdParam,
        body: ZAdjustmentDecisionSchema,
        response: { 200: ZAdjustmentSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const find = () => adjustmentRows(ctx.db).where('a.id', '=', req.params.id).executeTakeFirst();
      const a = await loadInScope(ctx, 'term.approve', 'term_adjustment', req.params.id, find);
      await audited(
        ctx,
        {
          action: `term.adjust.${req.body.decision}`,
          objectType: 'term_adjustment',
          objectId: () => a.id,
          detail: () => ({ orgId: a.org_id, kind: a.kind, newEnd: a.new_end, note: req.body.note ?? null }),
        },
        (trx: Trx) => decideAdjustment(inTrx(ctx, trx), a, req.body.decision, req.body.note),
      );
      return presentAdjustment((await find())!, ctx.actor);
    },
  );

  registerTermExport(app);
};

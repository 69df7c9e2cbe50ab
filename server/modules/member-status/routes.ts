// Member status endpoints: 流动党员 registration, 失联, 停止党籍, 出党, 死亡, restoration, and the
// lists that need attention. Writes need status.write; reads member.read; all scoped to the subtree
// (ids by the route's declared scope, lists in SQL).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZStatusChangeResultSchema,
  ZStatusChangeSchema,
  ZStatusEventSchema,
  ZStatusListQuery,
  ZStatusMemberSchema,
} from '../../../domain/schemas/member-status.js';
import {
  LOST_CONTACT_MONTHS,
  SUSPENDED_REMOVAL_YEARS,
  type StatusChangeKind,
  type ExitKind,
  type SuspendBasis,
} from '../../../domain/rules/member-status-rules.js';
import type { MemberStatus } from '../../../domain/member-status.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { memberById } from '../members/access.js';
import { orgById } from '../orgs/queries.js';
import { changeStatus } from './service.js';
import * as q from './queries.js';

const tags = ['member-status'];

export const memberStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/attention',
    {
      config: { action: 'member.read' },
      schema: {
        tags,
        summary: `状态需处理的党员（失联满 ${LOST_CONTACT_MONTHS} 个月、停止党籍满 ${SUSPENDED_REMOVAL_YEARS} 年）`,
        response: { 200: z.object({ items: z.array(ZStatusMemberSchema) }) },
      },
    },
    async (req) => ({ items: await q.needingAttention(db, req.actor!.scopePath, ctxOf(req).today(), 500) }),
  );

  app.get(
    '/list',
    {
      config: { action: 'member.read' },
      schema: {
        tags,
        summary: '按状态列出党员（流动、失联、停止党籍、出党、死亡、转出）',
        querystring: ZStatusListQuery,
        response: { 200: z.object({ items: z.array(ZStatusMemberSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // The query's orgId is checked by the route's scope (http/scope-hook.ts).
      const org = req.query.orgId ? await orgById(ctx.db, req.query.orgId) : null;
      const rows = await q.byStatus(
        ctx.db,
        ctx.actor.scopePath,
        req.query.status,
        org?.path ?? null,
        req.query.cursor ? Number(req.query.cursor) || 0 : null,
        req.query.limit + 1,
        ctx.today(),
      );
      const items = rows.slice(0, req.query.limit);
      return { items, nextCursor: rows.length > req.query.limit ? String(items[items.length - 1].memberId) : null };
    },
  );

  app.get(
    '/:id/events',
    {
      config: { scope: { 'params.id': 'member' }, action: 'member.read' },
      schema: { tags, summary: '党员状态变更记录', params: ZIdParam, response: { 200: z.object({ items: z.array(ZStatusEventSchema) }) } },
    },
    async (req) => {
      const m = await memberById(db, req.params.id);
      const rows = await q.eventsOf(db, m.id);
      return {
        items: rows.map((e) => ({
          id: e.id,
          kind: e.kind as StatusChangeKind,
          fromStatus: e.from_status as MemberStatus,
          toStatus: e.to_status as MemberStatus,
          date: e.event_date,
          reason: e.reason,
          documentNo: e.document_no,
          exitKind: e.exit_kind as ExitKind | null,
          suspendBasis: e.suspend_basis as SuspendBasis | null,
          details: e.details,
          actorName: e.actor_name,
          at: new Date(e.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/:id',
    {
      config: { scope: { 'params.id': 'member' }, action: 'status.write' },
      schema: {
        tags,
        summary: '办理党员状态变更',
        params: ZIdParam,
        body: ZStatusChangeSchema,
        response: { 200: ZStatusChangeResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await memberById(ctx.db, req.params.id);
      return audited(
        ctx,
        {
          action: `status.${req.body.kind}`,
          objectType: 'member',
          objectId: () => m.id,
          detail: (r) => ({ from: r.from, to: r.to, date: req.body.date, documentNo: req.body.documentNo ?? null }),
        },
        (trx: Trx) => changeStatus(trx, ctx, m, req.body),
      );
    },
  );
};

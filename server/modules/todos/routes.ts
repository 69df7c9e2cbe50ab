// To-do endpoints (待办): the caller's own list and count (any signed-in user: the list is their own),
// and the digest of an organization's subtree (todo.digest, limited to the caller's scope).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { can } from '../../../domain/permissions.js';
import { TODO_KINDS, type TodoKind } from '../../../domain/todo-kinds.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf, type Ctx } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { loadOrg } from '../orgs/service.js';
import { digestItems, digestOf, type DigestRow } from './digest.js';
import { contextOf, memberOf, orgRef, presentItem, todosOf } from './service.js';
import {
  ZDigestExportQuery,
  ZDigestItemsQuery,
  ZDigestItemsSchema,
  ZDigestSchema,
  ZDigestViewQuery,
  ZTodoCountSchema,
  ZTodoListSchema,
} from '../../../domain/schemas/todos.js';

const tags = ['todos'];

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  const mine = async (c: Ctx) => {
    const { db, actor: a } = c;
    const [org, member] = await Promise.all([orgRef(db, a.orgId), can(a.roles, 'member.self') ? memberOf(db, a.userId) : null]);
    const ctx = contextOf(db, c.clock.now());
    return { ctx, items: await todosOf(ctx, { roles: a.roles, org, member }) };
  };

  /** The digest's organization: the one asked for inside the caller's scope, or the caller's own. */
  const digestRoot = async (ctx: Ctx, orgId: number | undefined) => {
    const org = await loadOrg(ctx, 'todo.digest', orgId ?? ctx.actor.orgId);
    return { id: org.id, name: org.name, kind: org.kind, path: org.path, parentId: org.id === ctx.actor.orgId ? null : org.parent_id };
  };
  const todoContext = (ctx: Ctx) => contextOf(ctx.db, ctx.clock.now());

  app.get(
    '/',
    { config: { anyUser: true }, schema: { tags, summary: '我的待办（按类别分组，逾期在前）', response: { 200: ZTodoListSchema } } },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { ctx, items } = await mine(ctxOf(req));
      const groups = new Map<TodoKind, { kind: TodoKind; count: number; overdue: number }>();
      for (const x of items) {
        const g = groups.get(x.kind) ?? groups.set(x.kind, { kind: x.kind, count: 0, overdue: 0 }).get(x.kind)!;
        g.count++;
        if (x.overdue) g.overdue++;
      }
      return {
        today: ctx.today,
        total: items.length,
        overdue: items.filter((x) => x.overdue).length,
        groups: [...groups.values()],
        items: items.map(presentItem),
      };
    },
  );

  app.get(
    '/count',
    { config: { anyUser: true }, schema: { tags, summary: '我的待办数量（页头角标）', response: { 200: ZTodoCountSchema } } },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { items } = await mine(ctxOf(req));
      return { total: items.length, overdue: items.filter((x) => x.overdue).length };
    },
  );

  app.get(
    '/digest',
    {
      config: { action: 'todo.digest' },
      schema: {
        tags,
        summary: '下级待办汇总（按直属下级组织统计各类待办及逾期数）',
        querystring: ZDigestViewQuery,
        response: { 200: ZDigestSchema },
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const ctx = ctxOf(req);
      return digestOf(todoContext(ctx), await digestRoot(ctx, req.query.orgId), req.query.fresh === 'true');
    },
  );

  app.get(
    '/digest/items',
    {
      config: { action: 'todo.digest' },
      schema: {
        tags,
        summary: '下级待办明细（仅限本人可办理的类别）',
        querystring: ZDigestItemsQuery,
        response: { 200: ZDigestItemsSchema },
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const ctx = ctxOf(req);
      const root = await digestRoot(ctx, req.query.orgId);
      const r = await digestItems(
        todoContext(ctx),
        root,
        (k) => can(ctx.actor.roles, TODO_KINDS[k].action),
        req.query.kind,
        req.query.limit,
      );
      return { ...r, items: r.items.map(presentItem) };
    },
  );

  app.get(
    '/digest/export',
    {
      config: { action: 'todo.digest', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: '导出下级待办汇总（Excel）', querystring: ZDigestExportQuery },
    },
    async (req, reply) => {
      const { purpose, orgId } = req.query;
      const ctx = ctxOf(req);
      const root = await digestRoot(ctx, orgId);
      const d = await digestOf(todoContext(ctx), root);
      const total: DigestRow = { orgId: root.id, orgName: '合计', orgKind: root.kind, self: false, hasChildren: false, ...d.totals };
      const rows = [...d.rows.map((r) => ({ ...r, orgName: r.self ? `${r.orgName}（本级）` : r.orgName })), total];
      const buf = await toXlsx(
        '待办汇总',
        [
          { header: '党组织', width: 36, value: (r) => r.orgName },
          ...d.kinds.map((k) => ({ header: TODO_KINDS[k].zh, width: 12, value: (r: DigestRow) => r.counts[k] ?? 0 })),
          { header: '合计', width: 10, value: (r) => r.total },
          { header: '其中逾期', width: 10, value: (r) => r.overdueTotal },
          { header: '报上级待批（不计入合计）', width: 14, value: (r) => r.awaitingHigher },
        ],
        rows,
      );
      // Audited with its purpose, filter and row count (SECURITY.md 22).
      await recordRead(ctx, 'todos.export', 'org', { purpose, filter: { orgId: root.id }, rows: rows.length });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`待办汇总-${root.name}-${d.today}.xlsx`))
        .header('Cache-Control', 'no-store');
      return reply.send(buf);
    },
  );
};

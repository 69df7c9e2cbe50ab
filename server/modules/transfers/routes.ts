// Transfer endpoints: parse, authorize (the route's `action`), scope (declared in the config, checked
// by http/scope-hook.ts), call the workflow with the request's context.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ageOn } from '../../../domain/rules/members.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZTransferCandidateQuery,
  ZTransferCandidateSchema,
  ZTransferCreateSchema,
  ZTransferExportQuery,
  ZTransferIncomingSchema,
  ZTransferListQuery,
  ZTransferReturnSchema,
  ZTransferRowSchema,
  ZTransferSettingsSchema,
  ZTransferStepSchema,
  ZTransferTargetQuery,
  ZTransferTargetSchema,
} from '../../../domain/schemas/transfers.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { forbidden, invalid } from '../../errors.js';
import { ctxOf, type Ctx } from '../../context.js';
import { orgById } from '../orgs/queries.js';
import { memberById } from '../members/access.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import * as q from './queries.js';
import * as wf from './service.js';
import { presentLetter } from './presenters.js';
import { getTransferSettings, putTransferSettings } from './transfer-settings.js';
import { renderLetterPdf } from './letter-pdf.js';
import { letterColumns } from './export-columns.js';

const tags = ['transfers'];
const page = z.object({ items: z.array(ZTransferRowSchema), nextCursor: z.string().nullable() });
const EXPORT_MAX = 20_000;

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const show = (ctx: Ctx, l: q.LetterRow) => presentLetter(l, ctx.actor.scopePath, ctx.today());
  const auditSpec = (action: string) => ({
    action,
    objectType: 'transfer',
    objectId: (l: q.LetterRow) => l.id,
    detail: (l: q.LetterRow) => ({ letterNo: l.letter_no, status: l.status, kind: l.kind }),
  });

  app.get(
    '/settings',
    { config: { action: 'transfer.read' }, schema: { tags, summary: '介绍信有效期设置', response: { 200: ZTransferSettingsSchema } } },
    async () => getTransferSettings(db),
  );

  app.put(
    '/settings',
    {
      config: { action: 'transfer.write' },
      schema: {
        tags,
        summary: '修改介绍信有效期设置（市级组织部）',
        body: ZTransferSettingsSchema,
        response: { 200: ZTransferSettingsSchema },
      },
    },
    async (req) => {
      // A city-wide setting: only staff bound to the root organization may change it.
      const ctx = ctxOf(req);
      if (ctx.actor.scopePath.includes('.')) throw forbidden();
      const before = await getTransferSettings(db);
      return audited(
        ctx,
        { action: 'transfer.settings', objectType: 'settings', objectId: () => 'transfers', detail: () => ({ before, after: req.body }) },
        (trx: Trx) => putTransferSettings(trx, req.body, clock.now()),
      );
    },
  );

  app.get(
    '/',
    {
      config: { action: 'transfer.read' },
      schema: { tags, summary: '转出 / 转入 / 逾期介绍信列表', querystring: ZTransferListQuery, response: { 200: page } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { cursor, limit, ...f } = req.query;
      const rows = await q.listLetters(ctx.db, ctx.actor.scopePath, f, ctx.today(), cursor ? Number(cursor) || 0 : null, limit + 1);
      const items = rows.slice(0, limit).map((l) => show(ctx, l));
      return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
    },
  );

  app.get(
    '/export',
    {
      config: { action: 'transfer.read', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: '导出介绍信列表（Excel）', querystring: ZTransferExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, ...f } = req.query;
      const rows = await q.listLetters(ctx.db, ctx.actor.scopePath, f, ctx.today(), null, EXPORT_MAX);
      const items = rows.map((l) => show(ctx, l));
      const buf = await toXlsx('组织关系转接', letterColumns, items);
      // Audited with its purpose, filter and row count (SECURITY.md 22).
      await recordRead(ctx, 'transfer.export', 'transfer', { purpose, filter: f, rows: items.length });
      return reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`组织关系转接-${ctx.today()}.xlsx`))
        .send(buf);
    },
  );

  app.get(
    '/candidates',
    {
      config: { action: 'transfer.write' },
      schema: {
        tags,
        summary: '可开具介绍信的党员',
        querystring: ZTransferCandidateQuery,
        response: { 200: z.object({ items: z.array(ZTransferCandidateSchema) }) },
      },
    },
    // The query's orgId is checked by the route's scope (http/scope-hook.ts).
    async (req) => ({ items: await q.candidates(db, req.actor!.scopePath, req.query.orgId, req.query.q) }),
  );

  app.get(
    '/targets',
    {
      config: { action: 'transfer.write' },
      schema: {
        tags,
        summary: '搜索市内接收党组织',
        querystring: ZTransferTargetQuery,
        response: { 200: z.object({ items: z.array(ZTransferTargetSchema) }) },
      },
    },
    async (req) => ({ items: await q.searchTargets(db, req.query.q, 20) }),
  );

  app.get(
    '/:id',
    {
      config: { scope: { 'params.id': 'transfer' }, action: 'transfer.read' },
      schema: { tags, summary: '介绍信详情', params: ZIdParam, response: { 200: ZTransferRowSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return show(ctx, await wf.letterById(ctx, req.params.id));
    },
  );

  app.get(
    '/:id/letter.pdf',
    {
      config: { scope: { 'params.id': 'transfer' }, action: 'transfer.read' },
      schema: { tags, summary: '打印组织关系介绍信（存根、介绍信、回执）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const l = await wf.letterById(ctx, req.params.id);
      const m = l.member_id
        ? await db.selectFrom('members').select(['ethnicity', 'birth_date']).where('id', '=', l.member_id).executeTakeFirst()
        : undefined;
      const incoming = l.incoming as { birthDate?: string } | null;
      const birth = m?.birth_date ?? incoming?.birthDate ?? null;
      const pdf = await renderLetterPdf(l, { ethnicity: m?.ethnicity ?? null, age: ageOn(birth, l.issued_on) });
      await recordRead(ctx, 'transfer.print', 'transfer', { id: l.id, letterNo: l.letter_no });
      return reply
        .header('Content-Type', 'application/pdf')
        .header(
          'Content-Disposition',
          `inline; filename="letter.pdf"; filename*=UTF-8''${encodeURIComponent(`组织关系介绍信-${l.letter_no}.pdf`)}`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/',
    {
      config: { scope: { 'body.memberId': 'member' }, action: 'transfer.write' },
      schema: { tags, summary: '开具组织关系介绍信（市内或转出本市）', body: ZTransferCreateSchema, response: { 201: ZTransferRowSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // The member's scope is the route's (body.memberId); their organization lies in it with them.
      const member = await memberById(ctx.db, req.body.memberId);
      const from = await orgById(ctx.db, member.org_id);
      // The receiving organization may be anywhere in the city: it is looked up, not scoped.
      const to =
        req.body.kind === 'within_city' && req.body.toOrgId
          ? ((await db.selectFrom('orgs').selectAll().where('id', '=', req.body.toOrgId).executeTakeFirst()) ?? null)
          : null;
      if (req.body.kind === 'within_city' && !to) throw invalid('请选择存在的接收党组织', 'toOrgId');
      const settings = await getTransferSettings(db);
      const l = await audited(ctx, auditSpec('transfer.issue'), (trx: Trx) =>
        wf.issueLetter(trx, ctx, member, from, to, req.body, settings),
      );
      return reply.code(201).send(show(ctx, l));
    },
  );

  app.post(
    '/incoming',
    {
      config: { scope: { 'body.toOrgId': 'org' }, action: 'transfer.write' },
      schema: { tags, summary: '登记市外转入的介绍信', body: ZTransferIncomingSchema, response: { 201: ZTransferRowSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const to = await orgById(ctx.db, req.body.toOrgId);
      const settings = await getTransferSettings(db);
      const l = await audited(ctx, auditSpec('transfer.incoming'), (trx: Trx) => wf.registerIncoming(trx, ctx, to, req.body, settings));
      return reply.code(201).send(show(ctx, l));
    },
  );

  app.post(
    '/:id/receive',
    {
      config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' },
      schema: { tags, summary: '接收介绍信', params: ZIdParam, body: ZTransferStepSchema, response: { 200: ZTransferRowSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await wf.letterById(ctx, req.params.id);
      return show(
        ctx,
        await audited(ctx, auditSpec('transfer.receive'), (trx: Trx) => wf.receiveLetter(trx, ctx, l.id, req.body.date ?? ctx.today())),
      );
    },
  );

  app.post(
    '/:id/confirm',
    {
      config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' },
      schema: {
        tags,
        summary: '确认接收（党员组织关系转入）',
        params: ZIdParam,
        body: ZTransferStepSchema,
        response: { 200: ZTransferRowSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await wf.letterById(ctx, req.params.id);
      return show(
        ctx,
        await audited(ctx, auditSpec('transfer.confirm'), (trx: Trx) => wf.confirmLetter(trx, ctx, l.id, req.body.date ?? ctx.today())),
      );
    },
  );

  app.post(
    '/:id/return',
    {
      config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' },
      schema: {
        tags,
        summary: '退回介绍信（逾期或拒收）',
        params: ZIdParam,
        body: ZTransferReturnSchema,
        response: { 200: ZTransferRowSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await wf.letterById(ctx, req.params.id);
      return show(
        ctx,
        await audited(
          ctx,
          { ...auditSpec('transfer.return'), detail: (r: q.LetterRow) => ({ letterNo: r.letter_no, reason: req.body.reason }) },
          (trx: Trx) => wf.returnLetter(trx, ctx, l.id, req.body.date ?? ctx.today(), req.body.reason),
        ),
      );
    },
  );
};

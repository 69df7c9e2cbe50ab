// Transfer endpoints: parse, authorize (the route's `action`), scope, call the workflow.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ageOn } from '../../../domain/rules/members.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZTransferCandidateQuery, ZTransferCandidateSchema, ZTransferCreateSchema, ZTransferExportQuery, ZTransferIncomingSchema,
  ZTransferListQuery, ZTransferReturnSchema, ZTransferRowSchema, ZTransferSettingsSchema, ZTransferStepSchema, ZTransferTargetQuery, ZTransferTargetSchema,
} from '../../../domain/schemas/transfers.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { forbidden, invalid } from '../../errors.js';
import { requireOrg } from '../orgs/service.js';
import { requireMember } from '../members/access.js';
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
  const { db, clock, idCrypto } = app.deps;
  const today = () => wf.dayOf(clock.now());
  const show = (req: FastifyRequest, l: q.LetterRow) => presentLetter(l, req.actor!.scopePath, today());
  const auditSpec = (action: string) => ({ action, objectType: 'transfer', objectId: (l: q.LetterRow) => l.id, detail: (l: q.LetterRow) => ({ letterNo: l.letter_no, status: l.status, kind: l.kind }) });

  app.get('/settings', { config: { action: 'transfer.read' }, schema: { tags, summary: '介绍信有效期设置', response: { 200: ZTransferSettingsSchema } } },
    async () => getTransferSettings(db));

  app.put('/settings', { config: { action: 'transfer.write' }, schema: { tags, summary: '修改介绍信有效期设置（市级组织部）', body: ZTransferSettingsSchema, response: { 200: ZTransferSettingsSchema } } },
    async (req) => {
      // A city-wide setting: only staff bound to the root organization may change it.
      if (req.actor!.scopePath.includes('.')) throw forbidden();
      const before = await getTransferSettings(db);
      return audited(req, { action: 'transfer.settings', objectType: 'settings', objectId: () => 'transfers', detail: () => ({ before, after: req.body }) },
        (trx: Trx) => putTransferSettings(trx, req.body, clock.now()));
    });

  app.get('/', { config: { action: 'transfer.read' }, schema: { tags, summary: '转出 / 转入 / 逾期介绍信列表', querystring: ZTransferListQuery, response: { 200: page } } },
    async (req) => {
      const { cursor, limit, ...f } = req.query;
      const rows = await q.listLetters(db, req.actor!.scopePath, f, today(), cursor ? Number(cursor) || 0 : null, limit + 1);
      const items = rows.slice(0, limit).map((l) => show(req, l));
      return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
    });

  app.get('/export', { config: { action: 'transfer.read', rateLimit: { max: 10, timeWindow: 60_000 } }, schema: { tags, summary: '导出介绍信列表（Excel）', querystring: ZTransferExportQuery } },
    async (req, reply) => {
      const { purpose, ...f } = req.query;
      const rows = await q.listLetters(db, req.actor!.scopePath, f, today(), null, EXPORT_MAX);
      const items = rows.map((l) => show(req, l));
      const buf = await toXlsx('组织关系转接', letterColumns, items);
      // Audited with its purpose, filter and row count (SECURITY.md 22).
      await recordRead(req, 'transfer.export', 'transfer', { purpose, filter: f, rows: items.length });
      return reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`组织关系转接-${today()}.xlsx`)).send(buf);
    });

  app.get('/candidates', { config: { action: 'transfer.write' }, schema: { tags, summary: '可开具介绍信的党员', querystring: ZTransferCandidateQuery, response: { 200: z.object({ items: z.array(ZTransferCandidateSchema) }) } } },
    async (req) => {
      const org = await requireOrg(req, req.query.orgId, 'transfer.write');
      return { items: await q.candidates(db, req.actor!.scopePath, org.id, req.query.q) };
    });

  app.get('/targets', { config: { action: 'transfer.write' }, schema: { tags, summary: '搜索市内接收党组织', querystring: ZTransferTargetQuery, response: { 200: z.object({ items: z.array(ZTransferTargetSchema) }) } } },
    async (req) => ({ items: await q.searchTargets(db, req.query.q, 20) }));

  app.get('/:id', { config: { scope: { 'params.id': 'transfer' }, action: 'transfer.read' }, schema: { tags, summary: '介绍信详情', params: ZIdParam, response: { 200: ZTransferRowSchema } } },
    async (req) => show(req, await wf.requireLetter(req, req.params.id, 'transfer.read')));

  app.get('/:id/letter.pdf', { config: { scope: { 'params.id': 'transfer' }, action: 'transfer.read' }, schema: { tags, summary: '打印组织关系介绍信（存根、介绍信、回执）', params: ZIdParam } },
    async (req, reply) => {
      const l = await wf.requireLetter(req, req.params.id, 'transfer.read');
      const m = l.member_id ? await db.selectFrom('members').select(['ethnicity', 'birth_date']).where('id', '=', l.member_id).executeTakeFirst() : undefined;
      const incoming = l.incoming as { birthDate?: string } | null;
      const birth = m?.birth_date ?? incoming?.birthDate ?? null;
      const pdf = await renderLetterPdf(l, { ethnicity: m?.ethnicity ?? null, age: ageOn(birth, l.issued_on) });
      await recordRead(req, 'transfer.print', 'transfer', { id: l.id, letterNo: l.letter_no });
      return reply.header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `inline; filename="letter.pdf"; filename*=UTF-8''${encodeURIComponent(`组织关系介绍信-${l.letter_no}.pdf`)}`).send(pdf);
    });

  app.post('/', { config: { action: 'transfer.write' }, schema: { tags, summary: '开具组织关系介绍信（市内或转出本市）', body: ZTransferCreateSchema, response: { 201: ZTransferRowSchema } } },
    async (req, reply) => {
      const member = await requireMember(req, req.body.memberId, 'transfer.write');
      const from = await requireOrg(req, member.org_id, 'transfer.write');
      // The receiving organization may be anywhere in the city: it is looked up, not scoped.
      const to = req.body.kind === 'within_city' && req.body.toOrgId
        ? await db.selectFrom('orgs').selectAll().where('id', '=', req.body.toOrgId).executeTakeFirst() ?? null : null;
      if (req.body.kind === 'within_city' && !to) throw invalid('请选择存在的接收党组织', 'toOrgId');
      const settings = await getTransferSettings(db);
      const l = await audited(req, auditSpec('transfer.issue'), (trx: Trx) => wf.issueLetter(trx, req.actor!, member, from, to, req.body, settings, today(), clock.now()));
      return reply.code(201).send(show(req, l));
    });

  app.post('/incoming', { config: { action: 'transfer.write' }, schema: { tags, summary: '登记市外转入的介绍信', body: ZTransferIncomingSchema, response: { 201: ZTransferRowSchema } } },
    async (req, reply) => {
      const to = await requireOrg(req, req.body.toOrgId, 'transfer.write');
      const settings = await getTransferSettings(db);
      const l = await audited(req, auditSpec('transfer.incoming'), (trx: Trx) => wf.registerIncoming(trx, req.actor!, idCrypto, to, req.body, settings, clock.now()));
      return reply.code(201).send(show(req, l));
    });

  app.post('/:id/receive', { config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' }, schema: { tags, summary: '接收介绍信', params: ZIdParam, body: ZTransferStepSchema, response: { 200: ZTransferRowSchema } } },
    async (req) => {
      const l = await wf.requireLetter(req, req.params.id, 'transfer.write');
      return show(req, await audited(req, auditSpec('transfer.receive'), (trx: Trx) => wf.receiveLetter(trx, req.actor!, l.id, req.body.date ?? today(), today(), clock.now())));
    });

  app.post('/:id/confirm', { config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' }, schema: { tags, summary: '确认接收（党员组织关系转入）', params: ZIdParam, body: ZTransferStepSchema, response: { 200: ZTransferRowSchema } } },
    async (req) => {
      const l = await wf.requireLetter(req, req.params.id, 'transfer.write');
      return show(req, await audited(req, auditSpec('transfer.confirm'), (trx: Trx) => wf.confirmLetter(trx, req.actor!, idCrypto, l.id, req.body.date ?? today(), today(), clock.now())));
    });

  app.post('/:id/return', { config: { scope: { 'params.id': 'transfer' }, action: 'transfer.write' }, schema: { tags, summary: '退回介绍信（逾期或拒收）', params: ZIdParam, body: ZTransferReturnSchema, response: { 200: ZTransferRowSchema } } },
    async (req) => {
      const l = await wf.requireLetter(req, req.params.id, 'transfer.write');
      return show(req, await audited(req, { ...auditSpec('transfer.return'), detail: (r: q.LetterRow) => ({ letterNo: r.letter_no, reason: req.body.reason }) },
        (trx: Trx) => wf.returnLetter(trx, req.actor!, l.id, req.body.date ?? today(), req.body.reason, today(), clock.now())));
    });
};

// The 学时 archive's self-reported training (the officers' list, decision and evidence download; the
// learner's multipart report with its evidence) and the 调训/党校 spreadsheet import, each upload in its
// own plugin with its own bounds. Registered by routes.ts under the same prefix.
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZImportQuery,
  ZImportResultSchema,
  ZSelfReportDecisionSchema,
  ZSelfReportFieldsSchema,
  ZSelfReportListQuery,
  ZSelfReportSchema,
} from '../../../domain/schemas/learning-hours.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx } from '../../context.js';
import { invalid } from '../../errors.js';
import { attachmentHeader, XLSX_TYPE } from '../../export/xlsx.js';
import { IMPORT_LIMITS, assertSafeXlsx } from '../members/import/xlsx-guard.js';
import { downloadDisposition } from '../meetings/file-check.js';
import { importTraining, trainingTemplate } from './imports.js';
import { EVIDENCE_LIMITS, checkEvidence, decideReport, evidenceOf, reportsIn, selfReport, submitReport } from './self-reports.js';
import { myLearner, pathOf } from './routes.js';

const tags = ['learning-hours'];

export const selfReportAndImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— Self-reported training: the officers' side ———
  app.get(
    '/self-reports',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '本组织及下级组织的自主学习申报',
        querystring: ZSelfReportListQuery,
        response: { 200: z.object({ items: z.array(ZSelfReportSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await reportsIn(ctx, await pathOf(ctx, req.query.orgId), req.query.status) };
    },
  );

  app.post(
    '/self-reports/:id/decision',
    {
      config: { action: 'learning.approve', scope: { 'params.id': 'learning_self_report' } },
      schema: {
        tags,
        summary: '认定或不予认定自主学习申报（不予认定须写明理由）',
        params: ZIdParam,
        body: ZSelfReportDecisionSchema,
        response: { 200: ZSelfReportSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: req.body.approve ? 'learning.self_report.approve' : 'learning.self_report.reject',
          objectType: 'learning_self_report',
          objectId: () => req.params.id,
          detail: (r) => ({ reason: req.body.reason, duplicates: r.duplicates }),
        },
        (trx: Trx) => decideReport(inTrx(ctx, trx), req.params.id, req.body.approve, req.body.reason),
      );
      return selfReport(ctx, req.params.id);
    },
  );

  app.get(
    '/self-reports/:id/evidence',
    {
      config: { action: 'learning.read', scope: { 'params.id': 'learning_self_report' } },
      schema: { tags, summary: '下载申报的证明材料（记入审计）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const e = await evidenceOf(ctx, req.params.id);
      await recordRead(ctx, 'learning.self_report.evidence', 'learning_self_report', { id: req.params.id, sha256: e.evidence_sha256 });
      return reply
        .header('Content-Type', e.evidence_mime)
        .header('Content-Disposition', downloadDisposition(e.evidence_name))
        .header('X-Content-Type-Options', 'nosniff')
        .send(e.evidence);
    },
  );

  // ——— Uploads (multipart, each in its own plugin with its own bounds) ———
  await app.register(async (plain) => {
    const sub = plain.withTypeProvider<ZodTypeProvider>();
    await sub.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
    });
    sub.get(
      '/imports/template',
      { config: { action: 'learning.import' }, schema: { tags, summary: '下载上级调训、党校学时导入模板' } },
      async (_req, reply) =>
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Content-Disposition', attachmentHeader('培训学时导入模板.xlsx'))
          .send(await trainingTemplate()),
    );
    sub.post(
      '/imports',
      {
        config: { action: 'learning.import' },
        schema: {
          tags,
          summary: '导入上级调训或党校学时（multipart，字段 file；全部无误才写入，逐行报告错误）',
          querystring: ZImportQuery,
          response: { 200: ZImportResultSchema },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
        const part = await req.file();
        if (!part) throw invalid('请选择要导入的文件', 'file');
        const fileName = path.basename(part.filename || '培训学时.xlsx').slice(0, 120);
        const file = await part.toBuffer();
        if (part.file.truncated) throw invalid(`文件超过 ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB，请拆分后导入`, 'file');
        await assertSafeXlsx(file, fileName);
        return importTraining(ctxOf(req), req.query.kind, file, fileName, req.query.dryRun === 'true');
      },
    );
  });

  await app.register(async (plain) => {
    const sub = plain.withTypeProvider<ZodTypeProvider>();
    await sub.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 8, fieldSize: 2000, parts: 9, headerPairs: 100 },
    });
    sub.post(
      '/self-reports',
      {
        config: { action: 'learning.self' },
        schema: {
          tags,
          summary: `本人申报自主学习（multipart：title, organizer, startedOn, endedOn, hours, online 与证明材料 file；PDF/JPG/PNG，不超过 ${EVIDENCE_LIMITS.maxBytes / 1024 / 1024} MB）`,
          response: { 201: ZSelfReportSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const l = await myLearner(ctx);
        if (!req.isMultipart()) throw invalid('请以 multipart/form-data 提交并附证明材料', 'file');
        const fields: Record<string, unknown> = {};
        let file: { content: Buffer; name: string } | null = null;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const content = await part.toBuffer();
            if (part.file.truncated) throw invalid(`证明材料超过 ${EVIDENCE_LIMITS.maxBytes / 1024 / 1024} MB`, 'file');
            file = { content, name: part.filename || '' };
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
        const parsed = ZSelfReportFieldsSchema.safeParse(fields);
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          throw invalid(i.message, String(i.path[0] ?? 'body'));
        }
        if (!file) throw invalid('请上传证明材料（结业证书、通知或学习记录）', 'file');
        const ev = await checkEvidence(file.content, file.name);
        const id = await audited(
          ctx,
          {
            action: 'learning.self_report.submit',
            objectType: 'learning_self_report',
            objectId: (x) => x,
            detail: () => ({ title: parsed.data.title, hours: parsed.data.hours, evidence: ev.name }),
          },
          (trx: Trx) => submitReport(inTrx(ctx, trx), l, parsed.data, { ...ev, content: file.content }),
        );
        return reply.code(201).send(await selfReport(ctx, id));
      },
    );
  });
};

// The exchange endpoints of the cadre file (issue 12 point 4; external tools call these paths):
// .lrmx in (a batch of files or one zip, previewed with ?dryRun=true) and out, the 任免审批表 as PDF
// and Word, one person or a batch (zip). Multipart is registered here only, for this plugin.
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { ZIdParam } from '../../../../domain/schemas/common.js';
import { ZFormBatchQuery, ZLrmxImportQuery, ZLrmxImportResult } from '../../../../domain/schemas/cadre-exchange.js';
import { ctxOf, type Ctx } from '../../../context.js';
import { invalid, notFound } from '../../../errors.js';
import { recordRead } from '../../../audit/record.js';
import { requireAccess } from '../../../scope/access.js';
import { attachmentHeader } from '../../../export/xlsx.js';
import { writeLrmx } from '../lrmx/write-lrmx.js';
import { formPdf } from '../form/form-pdf.js';
import { formDocx } from '../form/form-docx.js';
import { zipSync } from 'fflate';
import { formFileNames, formZip } from '../form/form-batch.js';
import { sheetOf } from '../sheet.js';
import { importLrmx, type LrmxUpload } from './lrmx-import.js';

const tags = ['cadres'];
export const LRMX_UPLOAD_LIMITS = { fileBytes: 50 * 1024 * 1024, files: 2000, totalBytes: 200 * 1024 * 1024 };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function ownCadreId(ctx: Ctx): Promise<number> {
  const row = await ctx.db.selectFrom('cadres').select('id').where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (!row) throw notFound('本人干部信息');
  return row.id;
}

export const cadreExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: LRMX_UPLOAD_LIMITS.fileBytes, files: LRMX_UPLOAD_LIMITS.files, fields: 0, headerPairs: 100 },
  });

  app.post(
    '/lrmx',
    {
      config: { action: 'cadre.import' },
      schema: {
        tags,
        summary: '导入任免审批表 .lrmx（multipart：多个 .lrmx 文件或一个 .zip；?dryRun=true 仅预览），逐文件报告',
        querystring: ZLrmxImportQuery,
        response: { 200: ZLrmxImportResult },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const managerOrgId = req.query.managerOrgId ?? ctx.actor.orgId;
      if (req.query.managerOrgId !== undefined) await requireAccess(ctx, 'cadre.import', 'org', managerOrgId);
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传 .lrmx 文件或 .zip', 'file');
      const uploads: LrmxUpload[] = [];
      let total = 0;
      for await (const part of req.files()) {
        const name = path.basename(part.filename || `文件${uploads.length + 1}.lrmx`).slice(0, 200);
        const data = await part.toBuffer();
        if (part.file.truncated) throw invalid(`文件“${name}”超过 ${LRMX_UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB`, 'file');
        total += data.length;
        if (total > LRMX_UPLOAD_LIMITS.totalBytes)
          throw invalid(`一次上传的文件合计超过 ${LRMX_UPLOAD_LIMITS.totalBytes / 1024 / 1024} MB，请分批导入`, 'file');
        uploads.push({ name, data });
      }
      if (uploads.length === 0) throw invalid('请选择要导入的 .lrmx 文件或 .zip', 'file');
      const files = await importLrmx(ctx, uploads, {
        dryRun: req.query.dryRun,
        managerOrgId,
        log: (e, file) => req.log.error({ err: e, file }, 'lrmx import: file failed'),
      });
      const ok = files.filter((f) => ['create', 'update', 'created', 'updated'].includes(f.status)).length;
      const skipped = files.filter((f) => f.status === 'skipped').length;
      return { dryRun: req.query.dryRun, files, counts: { ok, errors: files.length - ok - skipped, skipped } };
    },
  );

  app.get(
    '/:id/lrmx',
    {
      config: { scope: { 'params.id': 'cadre' }, action: 'cadre.export' },
      schema: { tags, summary: '导出任免审批表 .lrmx', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const sheet = await sheetOf(ctx, req.params.id);
      await recordRead(ctx, 'cadre.export', 'cadre', { format: 'lrmx', ids: [req.params.id] });
      return reply
        .header('Content-Type', 'application/xml; charset=utf-8')
        .header('Content-Disposition', attachmentHeader(`${sheet.name}.lrmx`))
        .send(writeLrmx(sheet));
    },
  );

  app.get(
    '/:id/form.pdf',
    {
      config: { scope: { 'params.id': 'cadre' }, action: 'cadre.export' },
      schema: { tags, summary: '干部任免审批表（PDF）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const sheet = await sheetOf(ctx, req.params.id);
      await recordRead(ctx, 'cadre.export', 'cadre', { format: 'pdf', ids: [req.params.id] });
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', attachmentHeader(`${sheet.name}_干部任免审批表.pdf`))
        .send(await formPdf([sheet], { today: ctx.today() }));
    },
  );

  app.get(
    '/:id/form.docx',
    {
      config: { scope: { 'params.id': 'cadre' }, action: 'cadre.export' },
      schema: { tags, summary: '干部任免审批表（Word）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const sheet = await sheetOf(ctx, req.params.id);
      await recordRead(ctx, 'cadre.export', 'cadre', { format: 'docx', ids: [req.params.id] });
      return reply
        .header('Content-Type', DOCX)
        .header('Content-Disposition', attachmentHeader(`${sheet.name}_干部任免审批表.docx`))
        .send(await formDocx(sheet, { today: ctx.today() }));
    },
  );

  app.get(
    '/forms',
    {
      config: { action: 'cadre.export' },
      schema: { tags, summary: '批量导出任免审批表（PDF、Word 或 .lrmx，每人一个文件，打包为 zip）', querystring: ZFormBatchQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const ids = req.query.ids;
      await requireAccess(ctx, 'cadre.export', 'cadre', ids);
      const sheets: TCadreSheet[] = [];
      for (const id of ids) sheets.push(await sheetOf(ctx, id));
      await recordRead(ctx, 'cadre.export', 'cadre', { format: req.query.format, ids });
      const entries = sheets.map((sheet) => ({ fileName: sheet.name, sheet }));
      const format = req.query.format;
      const zip =
        format === 'lrmx'
          ? Buffer.from(
              zipSync(
                Object.fromEntries(
                  formFileNames(entries, 'pdf').map((n, i) => [
                    n.replace(/_干部任免审批表\.pdf$/, '.lrmx'),
                    new Uint8Array(writeLrmx(sheets[i])),
                  ]),
                ),
              ),
            )
          : await formZip(entries, format, { today: ctx.today() });
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', attachmentHeader(`干部任免审批表_${ids.length}人.zip`))
        .send(zip);
    },
  );

  app.get(
    '/me/form.pdf',
    { config: { action: 'cadre.self' }, schema: { tags, summary: '本人干部任免审批表（PDF，只读）' } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const sheet = { ...(await sheetOf(ctx, await ownCadreId(ctx))), idNumber: null };
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', attachmentHeader(`${sheet.name}_干部任免审批表.pdf`))
        .send(await formPdf([sheet], { today: ctx.today() }));
    },
  );
};

// A bank's files: the import (Excel in both layouts, GIFT, Aiken; bounded, all or nothing, with the
// per-question report) and the export to Excel in the one-sheet layout (a purpose required, audited).
// Multipart is registered in this child plugin only.
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZExportQuery, ZImportQuery, ZImportReportSchema } from '../../../domain/schemas/learning-quizzes.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { invalid } from '../../errors.js';
import { attachmentHeader, XLSX_TYPE } from '../../export/xlsx.js';
import { bankForExport } from './banks.js';
import { bankXlsx, EXCEL_LIMITS } from './import/excel.js';
import { importIntoBank } from './import/import-bank.js';
import { TEXT_LIMITS } from './import/text-formats.js';

const tags = ['learning-quizzes'];
const bankScope = { 'params.id': 'learning_bank' } as const;

export function registerBankFiles(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    await r.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: Math.max(EXCEL_LIMITS.maxFileBytes, TEXT_LIMITS.maxBytes), files: 1, fields: 0, parts: 1, headerPairs: 100 },
    });

    r.post(
      '/banks/:id/import',
      {
        config: { action: 'learning.import', scope: bankScope, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: '导入试题（format=excel|gift|aiken，multipart 字段 file；有任何错误则全部不导入，报告指明工作表、行、列）',
          params: ZIdParam,
          querystring: ZImportQuery,
          response: { 200: ZImportReportSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
        const part = await req.file();
        if (!part) throw invalid('请选择要导入的文件', 'file');
        const fileName = path.basename(part.filename || '题库.xlsx').slice(0, 120);
        // Held in memory, bounded by the multipart limit; never written to disk.
        const file = await part.toBuffer();
        const max = req.query.format === 'excel' ? EXCEL_LIMITS.maxFileBytes : TEXT_LIMITS.maxBytes;
        if (part.file.truncated || file.length > max) throw invalid(`文件超过 ${max / 1024 / 1024} MB，请拆分后导入`, 'file');
        return importIntoBank(ctx, req.params.id, req.query.format, file, fileName);
      },
    );

    r.get(
      '/banks/:id/export',
      {
        config: { action: 'learning.export', scope: bankScope, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags, summary: '导出题库（Excel，一张表含“题型”列，可原样导回）', params: ZIdParam, querystring: ZExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { bank, questions } = await bankForExport(ctx.db, req.params.id);
        const buf = await bankXlsx(bank.name, questions);
        await recordRead(ctx, 'learning.bank.export', 'learning_bank', {
          purpose: req.query.purpose,
          bankId: bank.id,
          rows: questions.length,
        });
        reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`题库-${bank.name}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}

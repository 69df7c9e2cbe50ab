// Roster import endpoint: the upload is bounded and checked before any parser sees it (the member
// import's guard, SECURITY.md 25), held in memory only, and imported all or nothing in the request
// (a roster is at most 20,000 rows). `?dryRun=true` checks and matches without writing.
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRosterImportQuery, ZRosterImportResult } from '../../../../domain/schemas/cadre-search.js';
import { ctxOf } from '../../../context.js';
import { invalid } from '../../../errors.js';
import { IMPORT_LIMITS, assertSafeXlsx } from '../../members/import/xlsx-guard.js';
import { importRoster } from './import-roster.js';

const tags = ['cadre-search'];

export const rosterImportRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });

  app.post(
    '/',
    {
      config: { action: 'cadre.import' },
      schema: {
        tags,
        summary: '导入干部花名册（multipart，字段 file；全部成功才写入，逐行报告错误）',
        querystring: ZRosterImportQuery,
        response: { 200: ZRosterImportResult },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
      const part = await req.file();
      if (!part) throw invalid('请选择要导入的文件', 'file');
      const fileName = path.basename(part.filename || '干部花名册.xlsx').slice(0, 120);
      const file = await part.toBuffer();
      if (part.file.truncated) throw invalid(`文件超过 ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB，请拆分后导入`, 'file');
      await assertSafeXlsx(file, fileName);
      return importRoster(ctxOf(req), file, fileName, req.query.dryRun === 'true');
    },
  );
};

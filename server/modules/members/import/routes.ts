// Import endpoints: the template, the upload (checked before parsing, SECURITY.md 25) and the
// progress of the job it starts. Multipart is registered here only, for this prefix.
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../context.js';
import { ZImportJobSchema } from '../../../../domain/schemas/members.js';
import { attachmentHeader, XLSX_TYPE } from '../../../export/xlsx.js';
import { conflict, invalid, notFound } from '../../../errors.js';
import { IMPORT_LIMITS, assertSafeXlsx } from './xlsx-guard.js';
import { jobFor, runningJobOf, startImport } from './import-job.js';
import { prepareReader } from './read-pool.js';
import { importTemplate } from './template.js';

const tags = ['members'];

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });

  app.get('/template', { config: { action: 'member.import' }, schema: { tags, summary: '下载党员信息导入模板' } }, async (_req, reply) =>
    reply
      .header('Content-Type', XLSX_TYPE)
      .header('Content-Disposition', attachmentHeader('党员信息导入模板.xlsx'))
      .send(await importTemplate()),
  );

  app.post(
    '/',
    {
      config: { action: 'member.import' },
      schema: { tags, summary: '上传党员信息表（multipart，字段 file），返回导入任务', response: { 202: ZImportJobSchema } },
    },
    async (req, reply) => {
      if (runningJobOf(req.actor!.userId)) throw conflict('您有一个导入正在进行，请等它完成后再上传', 'file');
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
      const part = await req.file();
      if (!part) throw invalid('请选择要导入的文件', 'file');
      const fileName = path.basename(part.filename || '导入文件.xlsx').slice(0, 120);
      // The reading thread loads while the file arrives and is checked; it sees the file only once it has passed.
      const reader = prepareReader();
      try {
        // Held in memory (at most the upload limit), never written to disk: it is gone with the job (issue 11.9).
        const file = await part.toBuffer();
        if (part.file.truncated) throw invalid(`文件超过 ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB，请拆分后导入`, 'file');
        const declared = await assertSafeXlsx(file, fileName);
        // The job gets the context and the logger, built now; it never sees the request again.
        return reply.code(202).send(startImport(ctxOf(req), req.server.deps.bulk, req.log, { file, reader }, fileName, declared.rows));
      } catch (e) {
        await reader.cancel();
        throw e;
      }
    },
  );

  app.get(
    '/:jobId',
    {
      config: { scope: { 'params.jobId': 'none' }, action: 'member.import' },
      schema: { tags, summary: '导入进度与错误报告', params: z.strictObject({ jobId: z.uuid() }), response: { 200: ZImportJobSchema } },
    },
    async (req) => {
      const job = jobFor(req.params.jobId, req.actor!.userId);
      if (!job) throw notFound('导入任务');
      return job;
    },
  );
};

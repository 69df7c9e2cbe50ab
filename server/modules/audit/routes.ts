// The audit administrator's view: search, export (itself audited) and chain verification.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditExportQuery, ZAuditListQuery, ZAuditRowSchema, ZChainReportSchema } from '../../../domain/schemas/audit.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { verifyAuditChain } from '../../audit/verify-chain.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import { filtered, listAudit, objectNames, presentAudit } from './queries.js';

const tags = ['audit'];
const EXPORT_MAX = 100_000;
const RESULT_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/',
    {
      config: { action: 'audit.read' },
      schema: {
        tags,
        summary: '审计日志查询',
        querystring: ZAuditListQuery,
        response: { 200: z.object({ items: z.array(ZAuditRowSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { cursor, limit, ...f } = req.query;
      return listAudit(db, f, cursor, limit);
    },
  );

  app.get(
    '/export',
    {
      config: { action: 'audit.export', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: '导出审计日志（Excel）', querystring: ZAuditExportQuery },
    },
    async (req, reply) => {
      const { purpose, ...f } = req.query;
      const ctx = ctxOf(req);
      const rows = await filtered(ctx.db, f)
        .orderBy('seq', 'desc')
        .limit(EXPORT_MAX + 1)
        .execute();
      if (rows.length > EXPORT_MAX) throw invalid(`导出行数超过 ${EXPORT_MAX} 行，请缩小时间范围`, 'from');
      const names = await objectNames(db, rows);
      const items = rows.map((r) => presentAudit(r, names));
      const buf = await toXlsx(
        '审计日志',
        [
          { header: '序号', width: 8, value: (r) => r.seq },
          { header: '时间', width: 22, value: (r) => r.at },
          { header: '操作人', value: (r) => r.actorName },
          { header: '角色', value: (r) => r.role },
          { header: 'IP', value: (r) => r.ip },
          { header: '操作', value: (r) => r.actionLabel },
          { header: '操作代码', value: (r) => r.action },
          { header: '对象类型', value: (r) => r.objectLabel },
          { header: '对象', value: (r) => r.objectName },
          { header: '对象编号', value: (r) => r.objectId },
          { header: '结果', value: (r) => RESULT_LABELS[r.result] },
          { header: '请求号', width: 38, value: (r) => r.requestId },
          { header: '详情', width: 40, value: (r) => (r.detail == null ? null : JSON.stringify(r.detail)) },
        ],
        items,
      );
      // The export is audited with its purpose, its filter and the number of rows (SECURITY.md 22).
      await recordRead(ctx, 'audit.export', 'audit_log', { purpose, filter: f, rows: items.length });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`));
      return reply.send(buf);
    },
  );

  app.get(
    '/verify',
    { config: { action: 'audit.read' }, schema: { tags, summary: '校验审计日志哈希链', response: { 200: ZChainReportSchema } } },
    async () => verifyAuditChain(db),
  );
};

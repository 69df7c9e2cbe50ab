// Excel exports of the statistics (SECURITY.md 22): a table in the 党内统计 layout, and the list of
// people behind a number (identity numbers masked). Each asks its purpose, is audited with the
// filter and the number of rows, and is rate-limited per user after authorization.
import dayjs from 'dayjs';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPeopleExportQuery, ZTableCode, ZTableExportQuery } from '../../../domain/schemas/statistics.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import { allPeople, peopleSource } from './people.js';
import { resolveTable } from './request.js';
import { tableXlsx } from './table-xlsx.js';
import { buildTable } from './tables.js';

const EXPORT_MAX = 200_000;
const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `stats-export:${req.actor?.userId ?? req.ip}`,
};
const tags = ['statistics'];
const WIDE = new Set(['orgName', 'parentName', 'note']);

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps;
  const stamp = () => dayjs(clock.now()).format('YYYYMMDD');

  app.get(
    '/tables/:code/export',
    {
      config: { scope: { 'params.code': 'none' }, action: 'stats.export', rateLimit: EXPORT_RATE },
      schema: {
        tags,
        summary: '导出统计表（Excel，党内统计表样式：表名、填报单位、统计截止日期、表头、合计；须填写用途，记入审计）',
        params: ZTableCode,
        querystring: ZTableExportQuery,
      },
    },
    async (req, reply) => {
      const { purpose, ...q } = req.query;
      const ctx = ctxOf(req);
      const r = await resolveTable(ctx, req.params.code, q, 'stats.export');
      const table = await buildTable(ctx.db, r);
      const buf = await tableXlsx(table, ctx.today());
      await recordRead(ctx, 'stats.export', 'stats_table', {
        purpose,
        filter: { code: table.code, orgId: r.org.id, month: r.month, ageBands: r.ageBands, period: table.period },
        rows: table.rows.length,
      });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`${table.title.zh}-${r.org.name}-${r.month}-${stamp()}.xlsx`));
      return reply.send(buf);
    },
  );

  app.get(
    '/tables/:code/people/export',
    {
      config: { scope: { 'params.code': 'none' }, action: 'stats.export', rateLimit: EXPORT_RATE },
      schema: {
        tags,
        summary: '导出统计数字对应的名单（Excel，身份证号脱敏；须填写用途，记入审计）',
        params: ZTableCode,
        querystring: ZPeopleExportQuery,
      },
    },
    async (req, reply) => {
      const { purpose, row, col, ...q } = req.query;
      const ctx = ctxOf(req);
      const r = await resolveTable(ctx, req.params.code, q, 'stats.export');
      const src = await peopleSource(ctx.db, { ...r, row, col });
      const count = await src.count();
      if (count > EXPORT_MAX) throw invalid(`名单超过 ${EXPORT_MAX.toLocaleString()} 行，请选择下级组织后再导出`, 'row');
      const buf = await toXlsx(
        '名单',
        src.columns.map((c) => ({
          header: c.title.zh,
          width: WIDE.has(c.key) || c.title.zh === '组织名称' ? 30 : 14,
          value: (x: { values: Record<string, string | number | null> }) => x.values[c.key] ?? null,
        })),
        allPeople(src),
      );
      await recordRead(ctx, 'stats.export.people', 'stats_table', {
        purpose,
        filter: { code: r.code, orgId: r.org.id, row, col, month: r.month, ageBands: r.ageBands },
        rows: count,
      });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`名单-${src.title.replace(/\s/g, '')}-${stamp()}.xlsx`));
      return reply.send(buf);
    },
  );
};

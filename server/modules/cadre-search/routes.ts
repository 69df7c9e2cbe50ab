// Cadre search endpoints (/api/cadre-search): the search, saved queries per account, the roster
// export and (import/) the roster import. Every search runs inside the actor's 干部管理权限 scope;
// saved queries are not records of the tree ('none'): their owner check answers 404 for others.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  DEFAULT_ROSTER_COLUMNS,
  ZCadreSearchBody,
  ZCadreSearchResult,
  ZRosterExportBody,
  ZSavedQueryCreate,
  ZSavedQueryList,
  ZSavedQueryRename,
  ZSavedQueryRun,
  ZSavedQuerySchema,
} from '../../../domain/schemas/cadre-search.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { invalid } from '../../errors.js';
import { attachmentHeader, XLSX_TYPE } from '../../export/xlsx.js';
import { countCadres } from './queries.js';
import { ROSTER_EXPORT_MAX, writeRosterXlsx } from './roster-export.js';
import { deleteSaved, listSaved, renameSaved, resolveQuery, savedById, saveQuery, searchCadres } from './service.js';
import { rosterImportRoutes } from './import/routes.js';

const tags = ['cadre-search'];
const savedScope = { 'params.id': 'none' } as const;
// SECURITY.md 26: exports are rate-limited per user, counted after authorization.
const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `cadre-roster-export:${req.actor?.userId ?? req.ip}`,
};

export const cadreSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '干部查询（结构化条件，键集分页）', body: ZCadreSearchBody, response: { 200: ZCadreSearchResult } },
    },
    async (req) => searchCadres(ctxOf(req), req.body.query, req.body.cursor, req.body.limit),
  );

  app.get(
    '/saved',
    { config: { action: 'cadre.read' }, schema: { tags, summary: '我的查询方案', response: { 200: ZSavedQueryList } } },
    async (req) => ({ items: await listSaved(ctxOf(req)) }),
  );

  app.post(
    '/saved',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '保存查询方案', body: ZSavedQueryCreate, response: { 201: ZSavedQuerySchema } },
    },
    async (req, reply) => reply.code(201).send(await saveQuery(ctxOf(req), req.body.name, req.body.query)),
  );

  app.patch(
    '/saved/:id',
    {
      config: { scope: savedScope, action: 'cadre.read' },
      schema: { tags, summary: '重命名查询方案', params: ZIdParam, body: ZSavedQueryRename, response: { 200: ZSavedQuerySchema } },
    },
    async (req) => renameSaved(ctxOf(req), req.params.id, req.body.name),
  );

  app.delete(
    '/saved/:id',
    { config: { scope: savedScope, action: 'cadre.read' }, schema: { tags, summary: '删除查询方案', params: ZIdParam } },
    async (req, reply) => {
      await deleteSaved(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/saved/:id/run',
    {
      config: { scope: savedScope, action: 'cadre.read' },
      schema: { tags, summary: '按查询方案查询', params: ZIdParam, body: ZSavedQueryRun, response: { 200: ZCadreSearchResult } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const saved = await savedById(ctx, req.params.id);
      return searchCadres(ctx, saved.query, req.body.cursor, req.body.limit);
    },
  );

  app.post(
    '/export',
    {
      config: { action: 'cadre.export', rateLimit: EXPORT_RATE },
      schema: { tags, summary: '导出干部花名册（干部一张表，Excel，所选列）', body: ZRosterExportBody },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { query, purpose } = req.body;
      const columns = req.body.columns ?? DEFAULT_ROSTER_COLUMNS;
      const today = ctx.today();
      const f = resolveQuery(query, ctx.actor.scopePath, today);
      if ((await countCadres(ctx.db, f)) > ROSTER_EXPORT_MAX)
        throw invalid(`导出行数超过 ${ROSTER_EXPORT_MAX.toLocaleString()} 行，请缩小查询范围`, 'query');
      const { buffer, rows } = await writeRosterXlsx(ctx.db, f, columns, query.ageAt ?? today);
      // Audited with its purpose, the query as asked, the columns and the number of rows (SECURITY.md 22).
      await recordRead(ctx, 'cadre.export', 'cadre', { purpose, query, columns, rows });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`干部花名册-${today.replaceAll('-', '')}.xlsx`));
      return reply.send(buffer);
    },
  );

  await app.register(rosterImportRoutes, { prefix: '/import' });
};

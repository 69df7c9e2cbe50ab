// The 能上能下, young-cadre pool and supervision endpoints (issue 13 points 6–8): parse, authorize (the route's
// action and scope: a record lies where its cadre does), call the service; every write runs in one transaction
// with its audit row and answers with the cadre's records (http/record-write-route.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADJUSTMENT_2022, ADJUSTMENT_KINDS } from '../../../domain/rules/cadre-adjustment.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZPoolEntrySchema, ZSituationsSchema, ZSupervisionRecordsSchema } from '../../../domain/schemas/cadre-supervision.js';
import { ctxOf, type Ctx } from '../../context.js';
import { recordWriteRoutes } from '../../http/record-write-route.js';
import { registerSupervisionExports } from './export.js';
import { listPool } from './pool.js';
import { supervisionRecords } from './records.js';
import { registerSupervisionWrites } from './routes-writes.js';

const tags = ['cadre-supervision'];

export const cadreSupervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const records = (ctx: Ctx, cadreId: number) => supervisionRecords(ctx.db, cadreId, ctx.today());

  app.get(
    '/situations',
    {
      config: { action: 'cadre.read' },
      schema: { tags, summary: '不适宜担任现职的情形与调整方式（推进领导干部能上能下规定）', response: { 200: ZSituationsSchema } },
    },
    () => ({
      version: ADJUSTMENT_2022.version,
      title: ADJUSTMENT_2022.title,
      article: ADJUSTMENT_2022.article,
      kinds: [...ADJUSTMENT_KINDS],
      situations: [...ADJUSTMENT_2022.situations],
    }),
  );

  app.get(
    '/cadres/:id',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } },
      schema: {
        tags,
        summary: '干部的能上能下调整、优秀年轻干部库、个人有关事项报告、出国（境）申请与证照、兼职记录',
        params: ZIdParam,
        response: { 200: ZSupervisionRecordsSchema },
      },
    },
    (req) => records(ctxOf(req), req.params.id),
  );

  app.get(
    '/pool',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '优秀年轻干部库一览（本级及下级管理的干部，含培养计划与跟踪记录）',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(ZPoolEntrySchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listPool(ctx.db, ctx.actor.scopePath, req.query.all === 'true') };
    },
  );

  registerSupervisionWrites(recordWriteRoutes(app, { tags, response: ZSupervisionRecordsSchema, records }));
  await app.register(registerSupervisionExports);
};

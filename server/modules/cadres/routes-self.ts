// The cadre's own pages (cadre.self: only the file whose account is theirs, cadres.user_id) and the
// correction requests: the cadre asks, an officer who manages the cadre decides (issue 12.6).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCadreMeSchema,
  ZCorrectionDecisionSchema,
  ZCorrectionListQuery,
  ZCorrectionListSchema,
  ZCorrectionRequestSchema,
  ZCorrectionSchema,
} from '../../../domain/schemas/cadres.js';
import { audited, recordRead } from '../../audit/record.js';
import { ctxOf, inTrx } from '../../context.js';
import { downloadDisposition } from '../meetings/file-check.js';
import * as k from './corrections.js';
import { cadrePhoto } from './service.js';
import { corrections } from './queries.js';
import { presentCorrection } from './presenters.js';

const tags = ['cadres'];
const ZCorrParams = z.strictObject({ corrId: z.coerce.number().int().positive() });

export const selfRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      config: { action: 'cadre.self' },
      schema: { tags, summary: '我的干部信息（只读，任免审批表样式）', response: { 200: ZCadreMeSchema } },
    },
    async (req) => k.myFile(ctxOf(req)),
  );

  app.get('/me/photo', { config: { action: 'cadre.self' }, schema: { tags, summary: '我的照片' } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const p = await cadrePhoto(ctx, await k.myCadreId(ctx));
    return reply.header('Content-Type', p.mime).header('X-Content-Type-Options', 'nosniff').send(p.bytes);
  });

  app.get(
    '/me/corrections',
    { config: { action: 'cadre.self' }, schema: { tags, summary: '我的更正申请', response: { 200: ZCorrectionListSchema } } },
    async (req) => k.myCorrections(ctxOf(req)),
  );

  app.post(
    '/me/corrections',
    {
      config: { action: 'cadre.self' },
      schema: {
        tags,
        summary: '申请更正本人干部信息（附理由，可附证明材料）',
        body: ZCorrectionRequestSchema,
        response: { 201: ZCorrectionSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        {
          action: 'cadre.correction.request',
          objectType: 'cadre_correction',
          objectId: (cid) => cid,
          detail: () => ({ field: req.body.field }),
        },
        (trx) => k.requestCorrection(inTrx(ctx, trx), req.body),
      );
      const mine = await corrections(ctx.db, { cadreId: await k.myCadreId(ctx) }, 'all');
      return reply.code(201).send(presentCorrection(mine.find((r) => r.id === id)!));
    },
  );

  app.get(
    '/corrections',
    {
      config: { action: 'cadre.read' },
      schema: {
        tags,
        summary: '干部信息更正申请（所管理干部的）',
        querystring: ZCorrectionListQuery,
        response: { 200: ZCorrectionListSchema },
      },
    },
    async (req) => k.correctionQueue(ctxOf(req), req.query.status),
  );

  for (const decision of ['approve', 'refuse'] as const) {
    app.post(
      `/corrections/:corrId/${decision}`,
      {
        config: { action: 'cadre.write', scope: { 'params.corrId': 'cadre_correction' } },
        schema: {
          tags,
          summary: decision === 'approve' ? '同意更正（按申请修改干部档案）' : '不予更正（须说明理由）',
          params: ZCorrParams,
          body: ZCorrectionDecisionSchema,
          response: { 200: ZCorrectionSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const r = await audited<{ cadreId: number; field: string }>(
          ctx,
          {
            action: decision === 'approve' ? 'cadre.correction.approve' : 'cadre.correction.refuse',
            objectType: 'cadre_correction',
            objectId: () => req.params.corrId,
            detail: (d) => ({ cadreId: d.cadreId, field: d.field }),
          },
          (trx) => (decision === 'approve' ? k.approveCorrection : k.refuseCorrection)(inTrx(ctx, trx), req.params.corrId, req.body.note),
        );
        const rows = await corrections(ctx.db, { cadreId: r.cadreId }, 'all');
        return presentCorrection(rows.find((x) => x.id === req.params.corrId)!);
      },
    );
  }

  app.get(
    '/corrections/:corrId/evidence',
    {
      config: { action: 'cadre.read', scope: { 'params.corrId': 'cadre_correction' } },
      schema: { tags, summary: '下载更正申请的证明材料（记入审计）', params: ZCorrParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const e = await k.correctionEvidence(ctx, req.params.corrId);
      await recordRead(ctx, 'cadre.correction.evidence', 'cadre_correction', { correctionId: req.params.corrId, fileName: e.name });
      return reply
        .header('Content-Type', e.mime)
        .header('Content-Disposition', downloadDisposition(e.name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(e.bytes);
    },
  );
};

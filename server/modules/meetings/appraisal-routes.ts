// 民主评议党员 endpoints under /api/meetings/appraisals: the grade grid of an organization and year,
// saving a draft, finalizing. Scope: the organization (another branch's appraisal is a 404).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZAppraisalQuery, ZAppraisalSaveSchema, ZAppraisalSchema } from '../../../domain/schemas/meetings.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import { loadOrg } from '../orgs/service.js';
import { findOrg } from '../orgs/queries.js';
import { appraisalView, finalize, saveDraft } from './appraisal-service.js';

const tags = ['meetings'];

export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'life.read' },
      schema: {
        tags,
        summary: '民主评议党员（某组织某年度的评议名单与等次）',
        querystring: ZAppraisalQuery,
        response: { 200: ZAppraisalSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return appraisalView(ctx.db, await loadOrg(ctx, 'life.read', req.query.orgId), req.query.year);
    },
  );

  app.put(
    '/',
    {
      config: { action: 'life.write' },
      schema: {
        tags,
        summary: '保存民主评议等次（草稿；优秀不超过三分之一，预备党员不评等次）',
        body: ZAppraisalSaveSchema,
        response: { 200: ZAppraisalSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'life.write', req.body.orgId);
      await audited(
        ctx,
        {
          action: 'appraisal.save',
          objectType: 'appraisal',
          objectId: (id) => id,
          detail: () => ({
            orgId: org.id,
            year: req.body.year,
            graded: req.body.grades.filter((g) => g.grade).length,
            meetingId: req.body.meetingId ?? null,
          }),
        },
        (trx: Trx) => saveDraft(trx, org, req.body, ctx.actor.userId, ctx.today()),
      );
      return appraisalView(ctx.db, org, req.body.year);
    },
  );

  app.post(
    '/:id/finalize',
    {
      config: { scope: { 'params.id': 'appraisal' }, action: 'life.write' },
      schema: { tags, summary: '确认民主评议结果（正式党员须全部评定等次）', params: ZIdParam, response: { 200: ZAppraisalSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const a = await loadInScope(ctx, 'life.write', 'appraisal', req.params.id, (x) =>
        ctx.db.selectFrom('appraisals').select(['id', 'org_id', 'year']).where('id', '=', x).executeTakeFirst(),
      );
      const org = (await findOrg(ctx.db, a.org_id))!;
      await audited(
        ctx,
        {
          action: 'appraisal.finalize',
          objectType: 'appraisal',
          objectId: () => a.id,
          detail: (r) => ({ orgId: a.org_id, year: a.year, ...r }),
        },
        (trx: Trx) => finalize(trx, a.id, ctx.clock.now()),
      );
      return appraisalView(ctx.db, org, a.year);
    },
  );
};

// 民主评议党员 endpoints under /api/meetings/appraisals: the grade grid of an organization and year,
// saving a draft, finalizing. Scope: the organization (another branch's appraisal is a 404).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZAppraisalQuery, ZAppraisalSaveSchema, ZAppraisalSchema } from '../../../domain/schemas/meetings.js';
import { audited, recordDenied } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { notFound } from '../../errors.js';
import { requireOrg } from '../orgs/service.js';
import { findOrgInScope } from '../orgs/queries.js';
import { appraisalView, finalize, saveDraft } from './appraisal-service.js';
import { dayCn } from './changes.js';

const tags = ['meetings'];

export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get('/', { config: { action: 'life.read' }, schema: { tags, summary: '民主评议党员（某组织某年度的评议名单与等次）', querystring: ZAppraisalQuery, response: { 200: ZAppraisalSchema } } },
    async (req) => appraisalView(db, await requireOrg(req, req.query.orgId, 'life.read'), req.query.year));

  app.put('/', { config: { action: 'life.write' }, schema: { tags, summary: '保存民主评议等次（草稿；优秀不超过三分之一，预备党员不评等次）', body: ZAppraisalSaveSchema, response: { 200: ZAppraisalSchema } } },
    async (req) => {
      const org = await requireOrg(req, req.body.orgId, 'life.write');
      await audited(req, { action: 'appraisal.save', objectType: 'appraisal', objectId: (id) => id, detail: () => ({ orgId: org.id, year: req.body.year, graded: req.body.grades.filter((g) => g.grade).length, meetingId: req.body.meetingId ?? null }) },
        (trx: Trx) => saveDraft(trx, org, req.body, req.actor!.userId, dayCn(clock.now())));
      return appraisalView(db, org, req.body.year);
    });

  app.post('/:id/finalize', { config: { scope: { 'params.id': 'appraisal' }, action: 'life.write' }, schema: { tags, summary: '确认民主评议结果（正式党员须全部评定等次）', params: ZIdParam, response: { 200: ZAppraisalSchema } } },
    async (req) => {
      const a = await db.selectFrom('appraisals').select(['id', 'org_id', 'year']).where('id', '=', req.params.id).executeTakeFirst();
      const org = a && (await findOrgInScope(db, req.actor!.scopePath, a.org_id));
      if (!a || !org) {
        if (a) await recordDenied(req, 'life.write', 'appraisal', a.id, 'scope');
        throw notFound('民主评议');
      }
      await audited(req, { action: 'appraisal.finalize', objectType: 'appraisal', objectId: () => a.id, detail: (r) => ({ orgId: a.org_id, year: a.year, ...r }) },
        (trx: Trx) => finalize(trx, a.id, clock.now()));
      return appraisalView(db, org, a.year);
    });
};

// Cadre file endpoints (/api/cadres): parse, authorize (the route's action), scope (declared in the
// config: a cadre lies where its managing organization lies, 干部管理权限), one service call, every
// write in its audited transaction. The cadre's own pages and the correction requests are in
// routes-self.ts; the photo upload (multipart) in routes-photo.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZAppointmentEnd,
  ZAppointmentInput,
  ZCadreAssessmentsSchema,
  ZCadreBasicUpdateSchema,
  ZCadreCreateSchema,
  ZCadreEducationSchema,
  ZCadreFamilySchema,
  ZCadreFileSchema,
  ZCadreHistorySchema,
  ZCadreListQuery,
  ZCadreListSchema,
  ZCadreRanksSchema,
  ZCadreResumeSchema,
  ZCadreRevealIdSchema,
  ZCadreReviewInput,
  ZCadreRewardsSchema,
} from '../../../domain/schemas/cadres.js';
import { audited } from '../../audit/record.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { changeAndShow } from './service.js';
import * as s from './service.js';
import { selfRoutes } from './routes-self.js';
import { photoRoutes } from './routes-photo.js';

const tags = ['cadres'];
const file = { 200: ZCadreFileSchema };
const ZAppointmentParams = z.strictObject({ id: z.coerce.number().int().positive(), appointmentId: z.coerce.number().int().positive() });

export const cadreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'cadre.read', scope: { 'query.managerOrgId': 'org', 'query.unitId': 'cadre_unit' } },
      schema: {
        tags,
        summary: '干部列表（按管理权限、单位、层级筛选，键集分页）',
        querystring: ZCadreListQuery,
        response: { 200: ZCadreListSchema },
      },
    },
    async (req) => s.listCadres(ctxOf(req), req.query),
  );

  app.post(
    '/',
    {
      // memberId is checked by the service (the member record must lie in the actor's scope).
      config: { action: 'cadre.write', scope: { 'body.managerOrgId': 'org', 'body.memberId': 'none' } },
      schema: { tags, summary: '新建干部档案（可关联党员档案）', body: ZCadreCreateSchema, response: { 201: ZCadreFileSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(
        ctx,
        { action: 'cadre.create', objectType: 'cadre', objectId: (cid) => cid, detail: () => ({ memberId: req.body.memberId ?? null }) },
        (trx) => s.createCadre(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await s.cadreFile(ctx, id));
    },
  );

  await app.register(selfRoutes);

  app.get(
    '/:id',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '干部档案（全部栏目与任免审批表摘要）', params: ZIdParam, response: file },
    },
    async (req) => s.cadreFile(ctxOf(req), req.params.id),
  );

  app.get(
    '/:id/history',
    {
      config: { action: 'cadre.read', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '干部档案变更历史', params: ZIdParam, response: { 200: ZCadreHistorySchema } },
    },
    async (req) => s.cadreHistory(ctxOf(req), req.params.id),
  );

  app.post(
    '/:id/reveal-id',
    {
      config: { action: 'cadre.reveal_id', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '查看干部完整身份证号（记入审计）', params: ZIdParam, response: { 200: ZCadreRevealIdSchema } },
    },
    async (req) => s.revealCadreId(ctxOf(req), req.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre', 'body.managerOrgId': 'org', 'body.userId': 'user' } },
      schema: { tags, summary: '编辑干部基本信息（只提交改动的字段）', params: ZIdParam, body: ZCadreBasicUpdateSchema, response: file },
    },
    async (req) => {
      const fields = Object.keys(req.body).filter((k) => !['version', 'reason'].includes(k));
      return changeAndShow(ctxOf(req), 'cadre.update', req.params.id, (ctx) => s.updateBasic(ctx, req.params.id, req.body), { fields });
    },
  );

  const sections = [
    ['education', ZCadreEducationSchema, 'cadre.education', '编辑学历学位（全日制、在职）', s.updateEducation],
    ['resume', ZCadreResumeSchema, 'cadre.resume', '编辑简历（结构化条目）', s.updateResume],
    ['ranks', ZCadreRanksSchema, 'cadre.ranks', '编辑职级记录', s.replaceRanks],
    ['rewards', ZCadreRewardsSchema, 'cadre.rewards', '编辑奖惩情况（是否在任免审批表上显示）', s.replaceRewards],
    ['assessments', ZCadreAssessmentsSchema, 'cadre.assessments', '编辑年度考核结果', s.replaceAssessments],
    ['family', ZCadreFamilySchema, 'cadre.family', '编辑家庭主要成员及重要社会关系（含移居国（境）外）', s.replaceFamily],
  ] as const;
  for (const [path, body, action, summary, fn] of sections) {
    app.put(
      `/:id/${path}`,
      {
        config: { action: 'cadre.write', scope: { 'params.id': 'cadre' } },
        schema: { tags, summary, params: ZIdParam, body, response: file },
      },
      async (req) =>
        changeAndShow(ctxOf(req), action, req.params.id, (ctx) =>
          (fn as (c: Ctx, id: number, b: unknown) => Promise<number>)(ctx, req.params.id, req.body),
        ),
    );
  }

  app.post(
    '/:id/appointments',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre', 'body.unitId': 'cadre_unit', 'body.postId': 'cadre_post' } },
      schema: {
        tags,
        summary: '登记任职（任职时间为党委（党组）决定时间，附文号）',
        params: ZIdParam,
        body: ZAppointmentInput,
        response: file,
      },
    },
    async (req) =>
      changeAndShow(ctxOf(req), 'cadre.appointment.add', req.params.id, (ctx) => s.addAppointment(ctx, req.params.id, req.body), {
        title: req.body.title,
        decidedOn: req.body.decidedOn,
        docNo: req.body.docNo,
      }),
  );

  app.post(
    '/:id/appointments/:appointmentId/end',
    {
      config: { action: 'cadre.write', scope: { 'params.id': 'cadre', 'params.appointmentId': 'cadre_appointment' } },
      schema: { tags, summary: '免去职务', params: ZAppointmentParams, body: ZAppointmentEnd, response: file },
    },
    async (req) =>
      changeAndShow(
        ctxOf(req),
        'cadre.appointment.end',
        req.params.id,
        (ctx) => s.endAppointment(ctx, req.params.id, req.params.appointmentId, req.body),
        { appointmentId: req.params.appointmentId, endedOn: req.body.endedOn },
      ),
  );

  app.post(
    '/:id/reviews',
    {
      config: { action: 'cadre.review', scope: { 'params.id': 'cadre' } },
      schema: { tags, summary: '三龄二历审核：确认一项（注明核对的材料）', params: ZIdParam, body: ZCadreReviewInput, response: file },
    },
    async (req) =>
      changeAndShow(ctxOf(req), 'cadre.review.confirm', req.params.id, (ctx) => s.reviewItem(ctx, req.params.id, req.body), {
        item: req.body.item,
        source: req.body.source,
      }),
  );

  await app.register(photoRoutes);
};

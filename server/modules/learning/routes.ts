// Theory learning's materials, plans and flagged study for staff (issue 14 points 1–3): parse, authorize
// (action and scope in each route's config: a material or plan lies where its organization does), call
// the service. The learner's routes are in learner-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZFlagListSchema,
  ZFlagReviewSchema,
  ZMaterialCreateSchema,
  ZMaterialDetailSchema,
  ZMaterialPageSchema,
  ZMaterialQuerySchema,
  ZMaterialUpdateSchema,
  ZPlanCreateSchema,
  ZPlanListSchema,
  ZPlanProgressQuerySchema,
  ZPlanProgressSchema,
  ZPlanSchema,
} from '../../../domain/schemas/learning.js';
import { ctxOf } from '../../context.js';
import { notFound } from '../../errors.js';
import { listFlags, reviewFlag } from './flags.js';
import { materialFileRoutes, sendMaterialFile } from './material-routes.js';
import { createMaterial, listMaterials, materialDetail, updateMaterial } from './materials.js';
import { closePlan, createPlan, listPlans, loadPlan } from './plans.js';
import { planProgressFor } from './service.js';

const tags = ['learning'];
const material = { 'params.id': 'learning_material' } as const;
const plan = { 'params.id': 'learning_plan' } as const;

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/materials',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '学习材料（本组织及下级发布的，和上级发布的；中文全文搜索）',
        querystring: ZMaterialQuerySchema,
        response: { 200: ZMaterialPageSchema },
      },
    },
    (req) => listMaterials(ctxOf(req), req.query),
  );

  app.post(
    '/materials',
    {
      config: { action: 'learning.manage' },
      schema: {
        tags,
        summary: '发布学习材料（文章正文经安全过滤）',
        body: ZMaterialCreateSchema,
        response: { 201: ZMaterialDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await createMaterial(ctx, req.body);
      return reply.code(201).send((await materialDetail(ctx.db, id))!);
    },
  );

  app.get(
    '/materials/:id',
    {
      config: { action: 'learning.read', scope: material },
      schema: { tags, summary: '学习材料详情', params: ZIdParam, response: { 200: ZMaterialDetailSchema } },
    },
    async (req) => (await materialDetail(ctxOf(req).db, req.params.id)) ?? Promise.reject(notFound('学习材料')),
  );

  app.patch(
    '/materials/:id',
    {
      config: { action: 'learning.manage', scope: material },
      schema: {
        tags,
        summary: '修改或撤下学习材料',
        params: ZIdParam,
        body: ZMaterialUpdateSchema,
        response: { 200: ZMaterialDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await updateMaterial(ctx, req.params.id, req.body);
      return (await materialDetail(ctx.db, req.params.id))!;
    },
  );

  app.get(
    '/materials/:id/file',
    {
      config: { action: 'learning.read', scope: material },
      schema: { tags, summary: '材料文件（支持 Range 分段读取）', params: ZIdParam },
    },
    (req, reply) => sendMaterialFile(req, reply, req.params.id),
  );

  await app.register(materialFileRoutes);

  app.get(
    '/plans',
    {
      config: { action: 'learning.read' },
      schema: { tags, summary: '学习计划（本组织及下级发布的）', response: { 200: ZPlanListSchema } },
    },
    async (req) => ({
      items: await listPlans(ctxOf(req)),
    }),
  );

  app.post(
    '/plans',
    {
      config: { action: 'learning.manage' },
      schema: {
        tags,
        summary: '下达学习计划（学习对象、材料与测验、要求学时、起止日期）',
        body: ZPlanCreateSchema,
        response: { 201: ZPlanSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await createPlan(ctx, req.body);
      return reply.code(201).send(await loadPlan(ctx.db, id, ctx.today()));
    },
  );

  app.get(
    '/plans/:id',
    {
      config: { action: 'learning.read', scope: plan },
      schema: { tags, summary: '学习计划详情', params: ZIdParam, response: { 200: ZPlanSchema } },
    },
    (req) => {
      const ctx = ctxOf(req);
      return loadPlan(ctx.db, req.params.id, ctx.today());
    },
  );

  app.post(
    '/plans/:id/close',
    {
      config: { action: 'learning.manage', scope: plan },
      schema: { tags, summary: '提前结束学习计划（到期自动结束）', params: ZIdParam, response: { 200: ZPlanSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await closePlan(ctx, req.params.id);
      return loadPlan(ctx.db, req.params.id, ctx.today());
    },
  );

  app.get(
    '/plans/:id/progress',
    {
      config: { action: 'learning.read', scope: plan },
      schema: {
        tags,
        summary: '计划完成率（按下级组织，不对个人排名）',
        params: ZIdParam,
        querystring: ZPlanProgressQuerySchema,
        response: { 200: ZPlanProgressSchema },
      },
    },
    (req) => planProgressFor(ctxOf(req), req.params.id, req.query.orgId),
  );

  app.get(
    '/flags',
    {
      config: { action: 'learning.approve' },
      schema: {
        tags,
        summary: '待复核的异常学习记录（长时间无间断、多账号同一设备、超速播放）',
        querystring: z.strictObject({ all: z.enum(['1', '0']).optional() }),
        response: { 200: ZFlagListSchema },
      },
    },
    async (req) => ({ items: await listFlags(ctxOf(req), req.query.all !== '1') }),
  );

  app.post(
    '/flags/:id/review',
    {
      config: { action: 'learning.approve', scope: { 'params.id': 'learning_flag' } },
      schema: { tags, summary: '复核异常学习记录', params: ZIdParam, body: ZFlagReviewSchema },
    },
    async (req, reply) => {
      await reviewFlag(ctxOf(req), req.params.id, req.body.review, req.body.note);
      return reply.code(204).send();
    },
  );
};

// The learner's own learning (issue 14 points 3 and 7): their plans with their progress, the materials
// published for them, and the study-session API a mobile client also calls. Ids here are not checked
// against the tree: a material must be published at or above the learner's organization, a session
// must be the caller's own (both answered 404 otherwise, by the services).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZHeartbeatResultSchema,
  ZHeartbeatSchema,
  ZMaterialDetailSchema,
  ZMaterialPageSchema,
  ZMaterialQuerySchema,
  ZMyPlansSchema,
  ZSessionStartSchema,
} from '../../../domain/schemas/learning.js';
import { ctxOf } from '../../context.js';
import { notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { studyLearnerOfActor } from './learner.js';

/** The learner behind the account (a member, a cadre or an activist); an account with none behind it finds nothing (404). */
const requireLearner = async (ctx: Ctx) => (await studyLearnerOfActor(ctx)) ?? Promise.reject(notFound('学习者档案'));
import { sendMaterialFile } from './material-routes.js';
import { learnerMaterial, listMaterials, materialDetail } from './materials.js';
import { myPlans } from './plans.js';
import { confirmPresence, heartbeat, materialCredited, startSession } from './study.js';

const tags = ['learning'];
const own = { 'params.id': 'none' } as const;

export const learnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/my/plans',
    { config: { action: 'learning.self' }, schema: { tags, summary: '我的学习计划与进度', response: { 200: ZMyPlansSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await myPlans(ctx, await requireLearner(ctx)) };
    },
  );

  app.get(
    '/my/materials',
    {
      config: { action: 'learning.self' },
      schema: {
        tags,
        summary: '发布给我的学习材料（中文全文搜索）',
        querystring: ZMaterialQuerySchema,
        response: { 200: ZMaterialPageSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await requireLearner(ctx);
      return listMaterials(ctx, req.query, l.orgPath);
    },
  );

  app.get(
    '/my/materials/:id',
    {
      config: { action: 'learning.self', scope: own },
      schema: { tags, summary: '学习材料（含本人已认定的学习时长）', params: ZIdParam, response: { 200: ZMaterialDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const l = await requireLearner(ctx);
      await learnerMaterial(ctx, l, req.params.id);
      return (await materialDetail(ctx.db, req.params.id, await materialCredited(ctx, l, req.params.id)))!;
    },
  );

  app.get(
    '/my/materials/:id/file',
    { config: { action: 'learning.self', scope: own }, schema: { tags, summary: '学习材料文件（支持 Range）', params: ZIdParam } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await learnerMaterial(ctx, await requireLearner(ctx), req.params.id);
      return sendMaterialFile(req, reply, req.params.id);
    },
  );

  app.post(
    '/materials/:id/sessions',
    {
      config: { action: 'learning.self', scope: own },
      schema: { tags, summary: '开始学习（同一账号只有最新的会话计时）', params: ZIdParam, response: { 201: ZSessionStartSchema } },
    },
    async (req, reply) => reply.code(201).send(await startSession(ctxOf(req), req.params.id)),
  );

  app.post(
    '/sessions/:id/heartbeat',
    {
      config: { action: 'learning.self', scope: own },
      schema: {
        tags,
        summary: '学习心跳（每 20–60 秒；按服务器时间计时，页面隐藏不计）',
        params: ZIdParam,
        body: ZHeartbeatSchema,
        response: { 200: ZHeartbeatResultSchema },
      },
    },
    (req) => heartbeat(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/sessions/:id/presence',
    {
      config: { action: 'learning.self', scope: own },
      schema: { tags, summary: '确认仍在学习（回答“还在吗？”后继续计时）', params: ZIdParam, response: { 200: ZHeartbeatResultSchema } },
    },
    (req) => confirmPresence(ctxOf(req), req.params.id),
  );
};

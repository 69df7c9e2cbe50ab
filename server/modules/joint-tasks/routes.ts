// Party-building + business joint tasks (issue 4 point 5): the board of an organization or a subtree,
// a task with its update log, stage moves with progress, the check result, and the Excel export.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZJointTaskCheckSchema,
  ZJointTaskCreateSchema,
  ZJointTaskDetailSchema,
  ZJointTaskEditSchema,
  ZJointTaskListQuery,
  ZJointTaskListSchema,
  ZJointTaskUpdateSchema,
} from '../../../domain/schemas/joint-tasks.js';
import type { Action } from '../../../domain/permissions.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import { loadOrg } from '../orgs/service.js';
import { checkTask, createTask, editTask, findTask, presentTask, reportProgress, taskBoard, taskUpdates, type TaskRow } from './service.js';
import { registerJointTaskExport } from './export.js';

const tags = ['joint-tasks'];

export const jointTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  const taskOf = (ctx: Ctx, id: number, action: Action) => loadInScope(ctx, action, 'joint_task', id, (x) => findTask(ctx.db, x));
  const detail = async (ctx: Ctx, id: number) => {
    const t = (await findTask(ctx.db, id)) as TaskRow;
    return { ...presentTask(t, ctx.actor, ctx.today()), updates: await taskUpdates(ctx.db, id) };
  };

  app.get(
    '/',
    {
      config: { action: 'task.read' },
      schema: {
        tags,
        summary: '党建业务融合任务看板（按阶段，可筛选年度、阶段、逾期、下级）',
        querystring: ZJointTaskListQuery,
        response: { 200: ZJointTaskListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'task.read', req.query.orgId ?? ctx.actor.orgId);
      return taskBoard(ctx, org, req.query);
    },
  );

  app.post(
    '/',
    {
      config: { action: 'task.write' },
      schema: {
        tags,
        summary: '新建融合任务（党建内容与业务内容一起谋划）',
        body: ZJointTaskCreateSchema,
        response: { 201: ZJointTaskDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'task.write', req.body.orgId);
      const id = await audited(
        ctx,
        {
          action: 'task.create',
          objectType: 'joint_task',
          objectId: (x) => x,
          detail: () => ({ orgId: org.id, year: req.body.year, title: req.body.title }),
        },
        (trx: Trx) => createTask(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await detail(ctx, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { scope: { 'params.id': 'joint_task' }, action: 'task.read' },
      schema: { tags, summary: '融合任务详情与进展记录', params: ZIdParam, response: { 200: ZJointTaskDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return detail(ctx, (await taskOf(ctx, req.params.id, 'task.read')).id);
    },
  );

  app.patch(
    '/:id',
    {
      config: { scope: { 'params.id': 'joint_task' }, action: 'task.write' },
      schema: {
        tags,
        summary: '修改融合任务内容、责任人或期限',
        params: ZIdParam,
        body: ZJointTaskEditSchema,
        response: { 200: ZJointTaskDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const t = await taskOf(ctx, req.params.id, 'task.write');
      await audited(
        ctx,
        { action: 'task.edit', objectType: 'joint_task', objectId: () => t.id, detail: (fields) => ({ fields }) },
        (trx: Trx) => editTask(inTrx(ctx, trx), t, req.body),
      );
      return detail(ctx, t.id);
    },
  );

  app.post(
    '/:id/updates',
    {
      config: { scope: { 'params.id': 'joint_task' }, action: 'task.write' },
      schema: {
        tags,
        summary: '报告进展（可推进一个阶段，退回须说明原因）',
        params: ZIdParam,
        body: ZJointTaskUpdateSchema,
        response: { 200: ZJointTaskDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const t = await taskOf(ctx, req.params.id, 'task.write');
      await audited(
        ctx,
        { action: 'task.progress', objectType: 'joint_task', objectId: () => t.id, detail: (r) => ({ ...r, note: req.body.note ?? null }) },
        (trx: Trx) => reportProgress(inTrx(ctx, trx), t, req.body),
      );
      return detail(ctx, t.id);
    },
  );

  app.post(
    '/:id/check',
    {
      config: { scope: { 'params.id': 'joint_task' }, action: 'task.check' },
      schema: {
        tags,
        summary: '登记检查结果（本级或上级党组织）',
        params: ZIdParam,
        body: ZJointTaskCheckSchema,
        response: { 200: ZJointTaskDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const t = await taskOf(ctx, req.params.id, 'task.check');
      await audited(
        ctx,
        { action: 'task.check', objectType: 'joint_task', objectId: () => t.id, detail: (r) => ({ ...r, note: req.body.note ?? null }) },
        (trx: Trx) => checkTask(inTrx(ctx, trx), t, req.body),
      );
      return detail(ctx, t.id);
    },
  );

  await registerJointTaskExport(app);
};

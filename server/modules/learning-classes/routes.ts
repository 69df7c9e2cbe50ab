// Training classes (issue 14 points 5 and 7): the organizer's routes under /api/learning/classes (a class
// lies where its organizing organization lies), the learner's under /api/learning/me (their own trainee
// rows only, me-routes.ts). Parse, authorize (action and scope in each route's config), call the service; writes run in
// one transaction with their audit row, except the anonymous 评课, which writes none (me.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZClassCreateSchema,
  ZClassDetailSchema,
  ZClassSummarySchema,
  ZDecisionSchema,
  ZEnrolImportSchema,
  ZEnrolReportSchema,
  ZEnrolSchema,
  ZMarkSchema,
  ZSessionInputSchema,
  ZSignCodeSchema,
} from '../../../domain/schemas/learning-classes.js';
import { audited, recordRead } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx, type Ctx } from '../../context.js';
import { attachmentHeader } from '../../export/xlsx.js';
import { signCode } from './attendance.js';
import { certificateData, certificatePdf } from './certificate.js';

import { classesUnder, summaryOf } from './queries.js';
import { decideApplication, enrolByImport, enrolByList } from './enrolment.js';
import {
  addSession,
  classDetail,
  closeSession,
  completeClass,
  createClass,
  decideLeave,
  loadClass,
  markAttendance,
  sessionOfClass,
} from './service.js';

const tags = ['learning-classes'];
const classScope = { 'params.id': 'learning_class' } as const;
const ZSessionParams = z.strictObject({ id: z.coerce.number().int().positive(), sessionId: z.coerce.number().int().positive() });
const ZTraineeParams = z.strictObject({ id: z.coerce.number().int().positive(), traineeId: z.coerce.number().int().positive() });
const ZLeaveParams = z.strictObject({ id: z.coerce.number().int().positive(), leaveId: z.coerce.number().int().positive() });

/** The origin the request came to, for links printed in QR codes (the sign-in page, the verification page). */
export const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const learningClassRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A change to a class, audited against it, answering with the class. */
  const change = async <T>(
    ctx: Ctx,
    id: number,
    action: string,
    fn: (c: Ctx) => Promise<T>,
    detail?: (r: T) => Record<string, unknown>,
  ) => {
    await audited<T>(ctx, { action, objectType: 'learning_class', objectId: () => id, detail: (r) => detail?.(r) ?? null }, (trx: Trx) =>
      fn(inTrx(ctx, trx)),
    );
    return classDetail(ctx, id);
  };

  app.get(
    '/classes',
    {
      config: { action: 'learning.read' },
      schema: { tags, summary: '培训班一览（本级及下级组织举办）', response: { 200: z.object({ items: z.array(ZClassSummarySchema) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: (await classesUnder(ctx.db, ctx.actor.scopePath)).map(summaryOf) };
    },
  );

  app.post(
    '/classes',
    {
      config: { action: 'learning.manage' },
      schema: {
        tags,
        summary: '新建培训班（课次、授课人、地点或线上链接、人数上限）',
        body: ZClassCreateSchema,
        response: { 201: ZClassDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited(
        ctx,
        {
          action: 'learning.class.create',
          objectType: 'learning_class',
          objectId: (r) => r,
          detail: () => ({ title: req.body.title, orgId: req.body.orgId }),
        },
        (trx: Trx) => createClass(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await classDetail(ctx, id));
    },
  );

  app.get(
    '/classes/:id',
    {
      config: { action: 'learning.read', scope: classScope },
      schema: { tags, summary: '培训班详情：课次、学员、考勤、请假、评课结果', params: ZIdParam, response: { 200: ZClassDetailSchema } },
    },
    (req) => classDetail(ctxOf(req), req.params.id),
  );

  app.post(
    '/classes/:id/sessions',
    {
      config: { action: 'learning.manage', scope: classScope },
      schema: { tags, summary: '增加课次', params: ZIdParam, body: ZSessionInputSchema, response: { 200: ZClassDetailSchema } },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.session_add',
        (c) => addSession(c, req.params.id, req.body),
        () => ({ date: req.body.date }),
      ),
  );

  app.post(
    '/classes/:id/trainees',
    {
      config: { action: 'learning.manage', scope: classScope },
      schema: {
        tags,
        summary: '按名单报名（本组织范围内的党员、干部）',
        params: ZIdParam,
        body: ZEnrolSchema,
        response: { 200: ZClassDetailSchema },
      },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.enrol',
        (c) => enrolByList(c, req.params.id, req.body),
        (added) => ({
          added,
          memberIds: req.body.memberIds,
          cadreIds: req.body.cadreIds,
        }),
      ),
  );

  app.post(
    '/classes/:id/trainees/import',
    {
      config: { action: 'learning.manage', scope: classScope },
      schema: {
        tags,
        summary: '导入名单（每行一个姓名，重名时姓名后加党员编号；有错误行则全部不导入）',
        params: ZIdParam,
        body: ZEnrolImportSchema,
        response: { 200: ZEnrolReportSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await loadClass(ctx, req.params.id);
      // Checked first without writing: a list with errors writes nothing and no audit row.
      const report = await enrolByImport(ctx, req.params.id, req.body.text, false);
      if (!report.ok) return report;
      return audited(
        ctx,
        {
          action: 'learning.class.enrol_import',
          objectType: 'learning_class',
          objectId: () => req.params.id,
          detail: (r) => ({ added: r.added }),
        },
        (trx: Trx) => enrolByImport(inTrx(ctx, trx), req.params.id, req.body.text),
      );
    },
  );

  app.post(
    '/classes/:id/trainees/:traineeId/decision',
    {
      config: { action: 'learning.approve', scope: { ...classScope, 'params.traineeId': 'none' } },
      schema: { tags, summary: '审核报名申请', params: ZTraineeParams, body: ZDecisionSchema, response: { 200: ZClassDetailSchema } },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.application_decide',
        (c) => decideApplication(c, req.params.id, req.params.traineeId, req.body),
        () => ({
          traineeId: req.params.traineeId,
          approve: req.body.approve,
        }),
      ),
  );

  app.get(
    '/classes/:id/sessions/:sessionId/code',
    {
      config: { action: 'learning.manage', scope: { ...classScope, 'params.sessionId': 'none' } },
      schema: {
        tags,
        summary: '签到码（每 30 秒更换）和签到二维码，供组织者投屏',
        params: ZSessionParams,
        response: { 200: ZSignCodeSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const s = await sessionOfClass(ctx, req.params.id, req.params.sessionId);
      return reply.header('Cache-Control', 'no-store').send(await signCode(ctx, s, originOf(req)));
    },
  );

  app.post(
    '/classes/:id/sessions/:sessionId/attendance',
    {
      config: { action: 'learning.manage', scope: { ...classScope, 'params.sessionId': 'none' } },
      schema: {
        tags,
        summary: '组织者登记考勤（到课、迟到、请假、缺课）',
        params: ZSessionParams,
        body: ZMarkSchema,
        response: { 200: ZClassDetailSchema },
      },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.attendance',
        (c) => markAttendance(c, req.params.id, req.params.sessionId, req.body),
        (withdrawn) => ({
          sessionId: req.params.sessionId,
          traineeId: req.body.traineeId,
          status: req.body.status,
          withdrawn,
        }),
      ),
  );

  app.post(
    '/classes/:id/sessions/:sessionId/close',
    {
      config: { action: 'learning.manage', scope: { ...classScope, 'params.sessionId': 'none' } },
      schema: {
        tags,
        summary: '结束本次课签到（未签到的记缺课，已批准请假的记请假）',
        params: ZSessionParams,
        response: { 200: ZClassDetailSchema },
      },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.session_close',
        (c) => closeSession(c, req.params.id, req.params.sessionId),
        (withdrawn) => ({
          sessionId: req.params.sessionId,
          withdrawn,
        }),
      ),
  );

  app.post(
    '/classes/:id/leaves/:leaveId/decision',
    {
      config: { action: 'learning.approve', scope: { ...classScope, 'params.leaveId': 'none' } },
      schema: {
        tags,
        summary: '审批请假（批准的请假计入 1/7 缺课时限）',
        params: ZLeaveParams,
        body: ZDecisionSchema,
        response: { 200: ZClassDetailSchema },
      },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.leave_decide',
        (c) => decideLeave(c, req.params.id, req.params.leaveId, req.body),
        (r) => ({
          leaveId: req.params.leaveId,
          approve: req.body.approve,
          withdrawn: r.withdrawn,
        }),
      ),
  );

  app.post(
    '/classes/:id/complete',
    {
      config: { action: 'learning.manage', scope: classScope },
      schema: { tags, summary: '结业：计入学时、颁发结业证书', params: ZIdParam, response: { 200: ZClassDetailSchema } },
    },
    (req) =>
      change(
        ctxOf(req),
        req.params.id,
        'learning.class.complete',
        (c) => completeClass(c, req.params.id),
        (r) => ({ ...r }),
      ),
  );

  app.get(
    '/classes/:id/trainees/:traineeId/certificate.pdf',
    {
      config: { action: 'learning.read', scope: { ...classScope, 'params.traineeId': 'none' } },
      schema: { tags, summary: '学员的结业证书（PDF）', params: ZTraineeParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const t = await ctx.db
        .selectFrom('learning_class_trainees')
        .select('id')
        .where('id', '=', req.params.traineeId)
        .where('class_id', '=', req.params.id)
        .executeTakeFirst();
      const d = await certificateData(ctx, t ? Number(t.id) : 0);
      const pdf = await certificatePdf(d, originOf(req));
      await recordRead(ctx, 'learning.class.certificate', 'learning_class_trainee', { id: req.params.traineeId, classId: req.params.id });
      reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', attachmentHeader(`结业证书-${d.name}-${d.classTitle}.pdf`));
      return reply.send(pdf);
    },
  );
};

// Training classes (issue 14 points 5 and 7): the learner's own routes under /api/learning/me (their own
// trainee rows only): classes, application, sign-in with the organizer's changing code, leave, the anonymous
// 评课, certificates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZCertificateSchema,
  ZEvaluateSchema,
  ZLeaveRequestSchema,
  ZMyClassesSchema,
  ZSignInResultSchema,
  ZSignInSchema,
} from '../../../domain/schemas/learning-classes.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf, inTrx } from '../../context.js';
import { attachmentHeader } from '../../export/xlsx.js';

import { certificateData, certificatePdf } from './certificate.js';
import { originOf } from './routes.js';
import { applyToClass, evaluate, myCertificate, myCertificates, myClasses, requestLeave, signIn } from './me.js';

const tags = ['learning-classes'];

export const learnerClassRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/classes',
    {
      config: { action: 'learning.self' },
      schema: { tags, summary: '我的培训班（课次、考勤、请假、评课）和可报名的培训班', response: { 200: ZMyClassesSchema } },
    },
    (req) => myClasses(ctxOf(req)),
  );

  app.post(
    '/me/classes/:id/apply',
    {
      config: { action: 'learning.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '报名参加培训班（待审核）', params: ZIdParam, response: { 200: ZMyClassesSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'learning.class.apply',
          objectType: 'learning_class_trainee',
          objectId: (r) => r,
          detail: () => ({ classId: req.params.id }),
        },
        (trx: Trx) => applyToClass(inTrx(ctx, trx), req.params.id),
      );
      return myClasses(ctx);
    },
  );

  app.post(
    '/me/sign-in',
    {
      config: { action: 'learning.self' },
      schema: { tags, summary: '凭屏幕上的签到码签到（开课后签到记为迟到）', body: ZSignInSchema, response: { 200: ZSignInResultSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const r = await audited(
        ctx,
        {
          action: 'learning.class.sign_in',
          objectType: 'learning_class_trainee',
          objectId: (x) => x.traineeId,
          detail: (x) => ({ sessionId: req.body.sessionId, status: x.status }),
        },
        (trx: Trx) => signIn(inTrx(ctx, trx), req.body.sessionId, req.body.code),
      );
      return { status: r.status, signedAt: r.signedAt };
    },
  );

  app.post(
    '/me/sessions/:id/leave',
    {
      config: { action: 'learning.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '为一次课请假（待审批）', params: ZIdParam, body: ZLeaveRequestSchema, response: { 200: ZMyClassesSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'learning.class.leave_request',
          objectType: 'learning_class_leave',
          objectId: (r) => r.id,
          detail: (r) => ({ sessionId: req.params.id, traineeId: r.traineeId }),
        },
        (trx: Trx) => requestLeave(inTrx(ctx, trx), req.params.id, req.body.reason),
      );
      return myClasses(ctx);
    },
  );

  app.post(
    '/me/sessions/:id/evaluation',
    {
      config: { action: 'learning.self', scope: { 'params.id': 'none' } },
      schema: {
        tags,
        summary: '匿名评课（每人每课一次；评价不关联评价人）',
        params: ZIdParam,
        body: ZEvaluateSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      // No audit row: it would pair the trainee with the time of an evaluation (me.ts, docs/security.md).
      await evaluate(ctxOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/me/certificates',
    {
      config: { action: 'learning.self' },
      schema: { tags, summary: '我的结业证书', response: { 200: z.object({ items: z.array(ZCertificateSchema) }) } },
    },
    async (req) => ({ items: await myCertificates(ctxOf(req)) }),
  );

  app.get(
    '/me/certificates/:id/pdf',
    {
      config: { action: 'learning.self', scope: { 'params.id': 'none' } },
      schema: { tags, summary: '下载我的结业证书（PDF）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const d = await certificateData(ctx, await myCertificate(ctx, req.params.id));
      const pdf = await certificatePdf(d, originOf(req));
      reply.header('Content-Type', 'application/pdf').header('Content-Disposition', attachmentHeader(`结业证书-${d.classTitle}.pdf`));
      return reply.send(pdf);
    },
  );
};

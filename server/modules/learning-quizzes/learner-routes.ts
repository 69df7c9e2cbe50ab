// The learner's quizzes (issue 14 point 7): list, start or resume a sitting, save answers, submit, read
// the result. Ids here are not checked against the tree (a member's scope is their branch, a quiz's
// organization is above it): the service answers 404 for a quiz not meant for the learner and for a
// sitting that is not their own, and audits the refusal.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZAnswersSchema, ZAttemptSchema, ZMyQuizSchema } from '../../../domain/schemas/learning-quizzes.js';
import { ctxOf } from '../../context.js';
import { attemptView, saveAnswers, startAttempt, submitAttempt } from './attempts.js';
import { myQuizzes } from './my-quizzes.js';

const tags = ['learning-quizzes'];
const own = { 'params.id': 'none' } as const;

export const learnerQuizRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/quizzes',
    {
      config: { action: 'learning.self' },
      schema: {
        tags,
        summary: '我的测试（本人的答题次数、最好成绩、是否通过）',
        response: { 200: z.object({ items: z.array(ZMyQuizSchema) }) },
      },
    },
    async (req) => ({ items: await myQuizzes(ctxOf(req)) }),
  );

  app.post(
    '/me/quizzes/:id/attempts',
    {
      config: { action: 'learning.self', scope: own },
      schema: { tags, summary: '开始答题（已有未交卷的答题则继续）；试卷不含答案', params: ZIdParam, response: { 200: ZAttemptSchema } },
    },
    (req) => startAttempt(ctxOf(req), req.params.id),
  );

  app.get(
    '/attempts/:id',
    {
      config: { action: 'learning.self', scope: own },
      schema: {
        tags,
        summary: '本人的一次答题：未交卷时为试卷，交卷后含得分、答案与解析',
        params: ZIdParam,
        response: { 200: ZAttemptSchema },
      },
    },
    (req) => attemptView(ctxOf(req), req.params.id),
  );

  app.put(
    '/attempts/:id/answers',
    {
      config: { action: 'learning.self', scope: own },
      schema: {
        tags,
        summary: '保存答案（超过时限后不再保存，按截止时已保存的答案评分）',
        params: ZIdParam,
        body: ZAnswersSchema,
        response: { 200: ZAttemptSchema },
      },
    },
    (req) => saveAnswers(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/attempts/:id/submit',
    {
      config: { action: 'learning.self', scope: own },
      schema: {
        tags,
        summary: '交卷（超过时限提交的答案不计，按截止时已保存的答案评分并注明超时）',
        params: ZIdParam,
        body: ZAnswersSchema,
        response: { 200: ZAttemptSchema },
      },
    },
    (req) => submitAttempt(ctxOf(req), req.params.id, req.body),
  );
};

// Question banks and quizzes, the staff's side (issue 14 point 4): parse, authorize (the route's action
// and scope: a bank or quiz lies where its organization lies), call the service; every write runs in
// one transaction with its audit row. Registered under /api/learning.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZBankCreateSchema,
  ZBankListQuery,
  ZBankSchema,
  ZBankUpdateSchema,
  ZQuestionInputSchema,
  ZQuestionListQuery,
  ZQuestionPageSchema,
  ZQuestionParams,
  ZQuestionSchema,
  ZQuestionStatsSchema,
  ZQuizInputSchema,
  ZQuizListQuery,
  ZQuizSchema,
} from '../../../domain/schemas/learning-quizzes.js';
import { audited } from '../../audit/record.js';
import { ctxOf, type Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import {
  addQuestion,
  checkQuestion,
  createBank,
  listQuestions,
  presentQuestion,
  retireQuestion,
  updateBank,
  updateQuestion,
} from './banks.js';
import { listBanks, questionStats } from './queries.js';
import { createQuiz, listQuizzes, quizDetail, setQuizStatus, updateQuiz } from './quizzes.js';
import { registerBankFiles } from './bank-files.js';

const tags = ['learning-quizzes'];
const bankScope = { 'params.id': 'learning_bank' } as const;
const questionScope = { 'params.id': 'learning_bank', 'params.questionId': 'learning_question' } as const;
const quizScope = { 'params.id': 'learning_quiz' } as const;

async function orgPath(db: Db, orgId: number): Promise<string> {
  const o = await db
    .selectFrom('orgs')
    .select((eb) => eb.cast<string>('path', 'text').as('path'))
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return o.path;
}

/** One bank (the scope hook has checked it lies in the subtree). */
async function bankOf(ctx: Ctx, id: number) {
  const [bank] = await listBanks(ctx.db, ctx.actor.scopePath, { id });
  if (!bank) throw notFound('题库');
  return bank;
}

export const learningQuizRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/banks',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '题库一览（本级及下级；usable=true 时另列上级组织可供本级组卷的题库）',
        querystring: ZBankListQuery,
        response: { 200: z.object({ items: z.array(ZBankSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const path = req.query.orgId ? await orgPath(ctx.db, req.query.orgId) : ctx.actor.scopePath;
      const items = await listBanks(ctx.db, ctx.actor.scopePath, {
        orgPath: path,
        q: req.query.q,
        usableAt: req.query.usable === 'true' ? path : undefined,
      });
      return { items };
    },
  );

  app.post(
    '/banks',
    {
      config: { action: 'learning.manage' },
      schema: { tags, summary: '新建题库（属于一个组织，本级及下级组卷可用）', body: ZBankCreateSchema, response: { 201: ZBankSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const r = await audited<{ id: number }>(
        ctx,
        { action: 'learning.bank.create', objectType: 'learning_bank', objectId: (x) => x.id, detail: () => ({ name: req.body.name }) },
        (trx) => createBank(ctx, trx, req.body),
      );
      return reply.code(201).send(await bankOf(ctx, r.id));
    },
  );

  app.get(
    '/banks/:id',
    {
      config: { action: 'learning.read', scope: bankScope },
      schema: { tags, summary: '题库：题型与分类的题目数', params: ZIdParam, response: { 200: ZBankSchema } },
    },
    (req) => bankOf(ctxOf(req), req.params.id),
  );

  app.put(
    '/banks/:id',
    {
      config: { action: 'learning.manage', scope: bankScope },
      schema: { tags, summary: '修改题库名称与说明', params: ZIdParam, body: ZBankUpdateSchema, response: { 200: ZBankSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'learning.bank.update', objectType: 'learning_bank', objectId: () => req.params.id }, (trx) =>
        updateBank(trx, req.params.id, req.body),
      );
      return bankOf(ctx, req.params.id);
    },
  );

  app.get(
    '/banks/:id/questions',
    {
      config: { action: 'learning.read', scope: bankScope },
      schema: {
        tags,
        summary: '题库中的试题（按题型、分类、难度、题干筛选）',
        params: ZIdParam,
        querystring: ZQuestionListQuery,
        response: { 200: ZQuestionPageSchema },
      },
    },
    (req) => listQuestions(ctxOf(req).db, req.params.id, req.query),
  );

  app.post(
    '/banks/:id/questions',
    {
      config: { action: 'learning.manage', scope: bankScope },
      schema: { tags, summary: '新增试题', params: ZIdParam, body: ZQuestionInputSchema, response: { 201: ZQuestionSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const q = checkQuestion(req.body);
      const r = await audited<{ id: number }>(
        ctx,
        {
          action: 'learning.question.create',
          objectType: 'learning_question',
          objectId: (x) => x.id,
          detail: () => ({ bankId: req.params.id }),
        },
        (trx) => addQuestion(trx, req.params.id, q),
      );
      return reply.code(201).send(await questionById(ctx, r.id));
    },
  );

  app.put(
    '/banks/:id/questions/:questionId',
    {
      config: { action: 'learning.manage', scope: questionScope },
      schema: {
        tags,
        summary: '修改试题（已被答过的试题保留原样，改为新题）',
        params: ZQuestionParams,
        body: ZQuestionInputSchema,
        response: { 200: ZQuestionSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const q = checkQuestion(req.body);
      const r = await audited<{ id: number }>(
        ctx,
        {
          action: 'learning.question.update',
          objectType: 'learning_question',
          objectId: () => req.params.questionId,
          detail: (x) => ({ bankId: req.params.id, newId: x.id }),
        },
        (trx) => updateQuestion(trx, req.params.id, req.params.questionId, q),
      );
      return questionById(ctx, r.id);
    },
  );

  app.delete(
    '/banks/:id/questions/:questionId',
    {
      config: { action: 'learning.manage', scope: questionScope },
      schema: { tags, summary: '删除试题（已被答过的试题停用，答题记录不变）', params: ZQuestionParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        { action: 'learning.question.retire', objectType: 'learning_question', objectId: () => req.params.questionId },
        (trx) => retireQuestion(trx, req.params.id, req.params.questionId),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/banks/:id/stats',
    {
      config: { action: 'learning.read', scope: bankScope },
      schema: { tags, summary: '题库试题的答错率（答错人次最多的题目在前）', params: ZIdParam, response: { 200: ZQuestionStatsSchema } },
    },
    (req) => questionStats(ctxOf(req).db, { bankId: req.params.id }),
  );

  app.get(
    '/quizzes',
    {
      config: { action: 'learning.read' },
      schema: {
        tags,
        summary: '测试一览（本级及下级组织的）',
        querystring: ZQuizListQuery,
        response: { 200: z.object({ items: z.array(ZQuizSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const path = req.query.orgId ? await orgPath(ctx.db, req.query.orgId) : undefined;
      return { items: await listQuizzes(ctx.db, ctx.actor.scopePath, { orgPath: path, status: req.query.status }) };
    },
  );

  app.post(
    '/quizzes',
    {
      config: { action: 'learning.manage' },
      schema: { tags, summary: '新建测试（草稿）：抽题规则、时限、次数、及格线', body: ZQuizInputSchema, response: { 201: ZQuizSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const r = await audited<{ id: number }>(
        ctx,
        { action: 'learning.quiz.create', objectType: 'learning_quiz', objectId: (x) => x.id, detail: () => ({ title: req.body.title }) },
        (trx) => createQuiz(ctx, trx, req.body),
      );
      return reply.code(201).send(await quizDetail(ctx.db, r.id));
    },
  );

  app.get(
    '/quizzes/:id',
    {
      config: { action: 'learning.read', scope: quizScope },
      schema: { tags, summary: '测试：抽题规则（各规则缺题数）与参加情况', params: ZIdParam, response: { 200: ZQuizSchema } },
    },
    (req) => quizDetail(ctxOf(req).db, req.params.id),
  );

  app.put(
    '/quizzes/:id',
    {
      config: { action: 'learning.manage', scope: quizScope },
      schema: {
        tags,
        summary: '修改测试（已开始的答题保留原试卷）',
        params: ZIdParam,
        body: ZQuizInputSchema,
        response: { 200: ZQuizSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'learning.quiz.update', objectType: 'learning_quiz', objectId: () => req.params.id }, (trx) =>
        updateQuiz(trx, req.params.id, req.body),
      );
      return quizDetail(ctx.db, req.params.id);
    },
  );

  for (const [verb, to, action, summary] of [
    ['publish', 'published', 'learning.quiz.publish', '发布测试（各抽题规则须有足够的题目）'],
    ['close', 'closed', 'learning.quiz.close', '结束测试（不再开始新的答题）'],
  ] as const)
    app.post(
      `/quizzes/:id/${verb}`,
      {
        config: { action: 'learning.manage', scope: quizScope },
        schema: { tags, summary, params: ZIdParam, response: { 200: ZQuizSchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await audited(ctx, { action, objectType: 'learning_quiz', objectId: () => req.params.id }, (trx) =>
          setQuizStatus(trx, req.params.id, to),
        );
        return quizDetail(ctx.db, req.params.id);
      },
    );

  app.get(
    '/quizzes/:id/stats',
    {
      config: { action: 'learning.read', scope: quizScope },
      schema: {
        tags,
        summary: '测试试题的答错率（答错人次最多的题目在前；不列个人成绩排名）',
        params: ZIdParam,
        response: { 200: ZQuestionStatsSchema },
      },
    },
    (req) => questionStats(ctxOf(req).db, { quizId: req.params.id }),
  );

  registerBankFiles(app);
};

async function questionById(ctx: Ctx, id: number) {
  const r = await ctx.db
    .selectFrom('learning_questions')
    .select(['id', 'bank_id', 'type', 'stem', 'options', 'answer', 'category', 'difficulty', 'explanation'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return presentQuestion(r);
}

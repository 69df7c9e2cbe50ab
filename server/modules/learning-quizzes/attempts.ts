// A learner's sittings (issue 14 points 4 and 7): start (the paper drawn and its options shuffled with
// the attempt's stored seed), save answers, submit, and the result with the key and explanations. The
// key never leaves the server before submission. Time is the server's: answers arriving after the
// deadline (beyond a short network grace) are not taken; the sitting is graded on the answers saved by
// the deadline and marked late (domain/rules/quiz.ts, SUBMIT_GRACE_SECONDS), never thrown away.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { inTrx, type Ctx } from '../../context.js';
import { audited, recordDenied } from '../../audit/record.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import {
  acceptsAnswers,
  attemptDeadline,
  drawPaper,
  gradeAttempt,
  gradeQuestion,
  improvesCredit,
  mayStartAttempt,
  toOwnIndexes,
  toShownPlaces,
  type AnswerKey,
  type DrawRule,
  type QuestionType,
  type QuizResponse,
} from '../../../domain/rules/quiz.js';
import type { TAnswers, TAttempt, TShownResponse } from '../../../domain/schemas/learning-quizzes.js';
import { upsertCredit } from '../learning/credits.js';
import { learnerOfActor, type Learner } from '../learning/learner.js';
import { candidatesOf } from './quizzes.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (d: Date | string) => new Date(d).toISOString();

/** `learner_col = id` for this learner (a member, or a cadre who is not one). */
const learnerIs = (l: Learner, alias = '') =>
  l.memberId !== null
    ? sql<boolean>`${sql.raw(alias + 'member_id')} = ${l.memberId}`
    : sql<boolean>`${sql.raw(alias + 'cadre_id')} = ${l.cadreId}`;

/**
 * The learner behind the account. An account with no member or cadre record behind it has no quizzes
 * and no sittings: its ids answer 404 like anyone else's (the route's action was allowed).
 */
async function learner(ctx: Ctx, what: string): Promise<Learner> {
  const l = await learnerOfActor(ctx);
  if (!l) throw notFound(what);
  return l;
}

/** The quiz if it is one this learner takes (published or ended, for their organization or one above); else 404. */
export async function quizForLearner(ctx: Ctx, l: Learner, quizId: number) {
  const q = await ctx.db
    .selectFrom('learning_quizzes as q')
    .innerJoin('orgs as o', 'o.id', 'q.org_id')
    .selectAll('q')
    .select([sql<boolean>`${l.orgPath}::ltree <@ o.path and q.status <> 'draft'`.as('mine')])
    .where('q.id', '=', quizId)
    .executeTakeFirst();
  if (!q?.mine) {
    if (q) await recordDenied(ctx, 'learning.self', 'learning_quiz', quizId, 'scope');
    throw notFound('测试');
  }
  return q;
}

async function ownAttempt(ctx: Ctx, l: Learner, id: number, forUpdate = false) {
  let query = ctx.db
    .selectFrom('learning_attempts')
    .selectAll()
    .select(sql<boolean>`${learnerIs(l)}`.as('mine'))
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const a = await query.executeTakeFirst();
  if (!a?.mine) {
    if (a) await recordDenied(ctx, 'learning.self', 'learning_attempt', id, 'owner');
    throw notFound('答题记录');
  }
  return a;
}

/** Starts a sitting, or resumes the open one. */
export async function startAttempt(ctx: Ctx, quizId: number): Promise<TAttempt> {
  const l = await learner(ctx, '测试');
  const quiz = await quizForLearner(ctx, l, quizId);
  await closeExpired(ctx, l, quizId);
  const open = await ctx.db
    .selectFrom('learning_attempts')
    .select('id')
    .where('quiz_id', '=', quizId)
    .where('submitted_at', 'is', null)
    .where(learnerIs(l))
    .executeTakeFirst();
  if (open) return attemptView(ctx, open.id);
  const today = ctx.today();
  if (quiz.status !== 'published' || today > quiz.closes_on) throw conflict('测试已结束');
  if (today < quiz.opens_on) throw conflict(`测试 ${quiz.opens_on} 开始`);
  const rules = quiz.rules as DrawRule[];
  const id = await audited<number>(
    ctx,
    { action: 'learning.attempt.start', objectType: 'learning_attempt', objectId: (r) => r, detail: () => ({ quizId }) },
    async (trx) => {
      const used = await trx
        .selectFrom('learning_attempts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('quiz_id', '=', quizId)
        .where(learnerIs(l))
        .executeTakeFirstOrThrow();
      if (!mayStartAttempt(Number(used.n), quiz.max_attempts)) throw conflict(`本测试最多可答 ${quiz.max_attempts} 次，次数已用完`);
      const seed = randomInt(1, 2 ** 31 - 1);
      let paper;
      try {
        paper = drawPaper(
          rules,
          await candidatesOf(
            trx,
            rules.map((r) => r.bankId),
          ),
          seed,
        );
      } catch {
        throw new AppError('QUIZ_SHORT', '题库中的题目已不足以组卷，请联系测试的组织者', 409);
      }
      const now = ctx.clock.now();
      const a = await trx
        .insertInto('learning_attempts')
        .values({
          quiz_id: quizId,
          member_id: l.memberId,
          cadre_id: l.cadreId,
          attempt_no: Number(used.n) + 1,
          seed,
          started_at: now,
          deadline: attemptDeadline(now, quiz.time_limit_minutes),
          total: paper.reduce((s, p) => s + p.points, 0),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('learning_attempt_items')
        .values(
          paper.map((p) => ({
            attempt_id: a.id,
            position: p.position,
            question_id: p.questionId,
            option_order: JSON.stringify(p.optionOrder),
            points: p.points,
          })),
        )
        .execute();
      return a.id;
    },
  );
  return attemptView(ctx, id);
}

/** The learner's response (places on the paper) in the question's own terms; a 400 naming the question when its shape is wrong. */
function ownResponse(type: QuestionType, order: number[], r: TShownResponse, position: number): QuizResponse {
  const wrong = () => invalid(`第 ${position + 1} 题的答案格式不对`, 'answers');
  if (type === 'single' || type === 'multiple') {
    if (r.value !== undefined || r.blanks !== undefined) throw wrong();
    if (!r.choices) return null;
    if (r.choices.some((c) => c >= order.length)) throw wrong();
    return toOwnIndexes(r.choices, order);
  }
  if (type === 'judge') {
    if (r.choices !== undefined || r.blanks !== undefined) throw wrong();
    return r.value ?? null;
  }
  if (r.choices !== undefined || r.value !== undefined) throw wrong();
  return r.blanks ? r.blanks.map((b) => b.trim()) : null;
}

async function itemsOf(db: Db, attemptId: number) {
  return db
    .selectFrom('learning_attempt_items as i')
    .innerJoin('learning_questions as q', 'q.id', 'i.question_id')
    .select([
      'i.position',
      'i.option_order',
      'i.points',
      'i.response',
      'i.earned',
      'i.correct',
      'q.type',
      'q.stem',
      'q.options',
      'q.answer',
      'q.explanation',
    ])
    .where('i.attempt_id', '=', attemptId)
    .orderBy('i.position')
    .execute();
}

/** Writes the given responses of an open sitting (others keep what was saved). */
async function writeResponses(trx: Db, attemptId: number, answers: TAnswers['answers']): Promise<void> {
  if (answers.length === 0) return;
  const items = await itemsOf(trx, attemptId);
  const byPos = new Map(items.map((i) => [i.position, i]));
  const rows = answers.map((a) => {
    const it = byPos.get(a.position);
    if (!it) throw invalid(`试卷中没有第 ${a.position + 1} 题`, 'answers');
    return { position: a.position, response: ownResponse(it.type, it.option_order as number[], a, a.position) };
  });
  await sql`update learning_attempt_items i set response = x.response
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(position int, response jsonb)
     where i.attempt_id = ${attemptId} and i.position = x.position`.execute(trx);
}

/** Grades a sitting on its saved responses, records the grade and, on a better pass, the 学时. */
async function grade(
  ctx: Ctx,
  trx: Db,
  a: { id: number; quiz_id: number; member_id: number | null; cadre_id: number | null },
  late: boolean,
  at: Date,
) {
  const quiz = await trx
    .selectFrom('learning_quizzes')
    .select(['title', 'pass_percent', 'multi_scoring', 'hours'])
    .where('id', '=', a.quiz_id)
    .executeTakeFirstOrThrow();
  const items = await itemsOf(trx, a.id);
  const graded = items.map((i) => ({
    position: i.position,
    points: Number(i.points),
    ...gradeQuestion(
      { type: i.type, answer: i.answer as AnswerKey },
      (i.response ?? null) as QuizResponse,
      Number(i.points),
      quiz.multi_scoring,
    ),
  }));
  await sql`update learning_attempt_items i set earned = x.earned, correct = x.correct
      from jsonb_to_recordset(${JSON.stringify(graded)}::jsonb) as x(position int, earned numeric, correct boolean)
     where i.attempt_id = ${a.id} and i.position = x.position`.execute(trx);
  const g = gradeAttempt(graded, quiz.pass_percent);
  const best = await trx
    .selectFrom('learning_attempts')
    .select((eb) => eb.fn.max('percent').as('p'))
    .where('quiz_id', '=', a.quiz_id)
    .where(a.member_id !== null ? sql<boolean>`member_id = ${a.member_id}` : sql<boolean>`cadre_id = ${a.cadre_id}`)
    .where('passed', '=', true)
    .executeTakeFirst();
  await trx
    .updateTable('learning_attempts')
    .set({ submitted_at: at, late, earned: g.earned, percent: g.percent, passed: g.passed })
    .where('id', '=', a.id)
    .execute();
  // One ledger row per quiz and learner (credits.ts), holding the best pass; written even for a quiz
  // of 0 学时, so a plan that lists the quiz sees it passed.
  if (improvesCredit(best?.p === null || best?.p === undefined ? null : Number(best.p), g))
    await upsertCredit(inTrx(ctx, trx), {
      memberId: a.member_id,
      cadreId: a.cadre_id,
      source: 'quiz',
      sourceRef: `quiz:${a.quiz_id}`,
      title: quiz.title,
      hours: Number(quiz.hours),
      earnedOn: ctx.today(),
      online: true,
      note: `第${a.id}号答题 ${g.percent}分`,
    });
  return g;
}

/** Grades the learner's sittings whose time ran out unsubmitted (on the answers saved by the deadline). */
async function closeExpired(ctx: Ctx, l: Learner, quizId?: number): Promise<void> {
  const now = ctx.clock.now();
  let q = ctx.db.selectFrom('learning_attempts').select(['id', 'deadline']).where('submitted_at', 'is', null).where(learnerIs(l));
  if (quizId) q = q.where('quiz_id', '=', quizId);
  for (const a of await q.execute()) if (!acceptsAnswers(new Date(a.deadline), now)) await finish(ctx, a.id, null);
}

/**
 * Submits a sitting: answers given in time are saved and graded; after the deadline they are not
 * taken, and the sitting is graded on what was saved by then and marked late.
 */
async function finish(ctx: Ctx, id: number, answers: TAnswers['answers'] | null): Promise<void> {
  await audited<{ late: boolean; percent: number; passed: boolean }>(
    ctx,
    { action: 'learning.attempt.submit', objectType: 'learning_attempt', objectId: () => id, detail: (r) => r },
    async (trx) => {
      const a = await trx.selectFrom('learning_attempts').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (a.submitted_at) throw conflict('本次测试已交卷');
      const now = ctx.clock.now();
      const inTime = acceptsAnswers(new Date(a.deadline), now);
      if (inTime && answers) await writeResponses(trx, id, answers);
      const g = await grade(ctx, trx, a, !inTime, inTime ? now : new Date(a.deadline));
      return { late: !inTime, percent: g.percent, passed: g.passed };
    },
  );
}

export async function submitAttempt(ctx: Ctx, id: number, body: TAnswers): Promise<TAttempt> {
  const l = await learner(ctx, '答题记录');
  await ownAttempt(ctx, l, id);
  await finish(ctx, id, body.answers);
  return attemptView(ctx, id);
}

/** Saves answers during a sitting; after its time they are refused by grading the sitting as saved. */
export async function saveAnswers(ctx: Ctx, id: number, body: TAnswers): Promise<TAttempt> {
  const l = await learner(ctx, '答题记录');
  const a = await ownAttempt(ctx, l, id);
  if (a.submitted_at) throw conflict('本次测试已交卷');
  if (!acceptsAnswers(new Date(a.deadline), ctx.clock.now())) await finish(ctx, id, null);
  else
    await audited(
      ctx,
      {
        action: 'learning.attempt.save',
        objectType: 'learning_attempt',
        objectId: () => id,
        detail: () => ({ answers: body.answers.length }),
      },
      (trx) => writeResponses(trx, id, body.answers),
    );
  return attemptView(ctx, id);
}

const shown = (type: QuestionType, order: number[], r: unknown): TShownResponse | null => {
  if (r === null || r === undefined) return null;
  if (type === 'single' || type === 'multiple') return { choices: toShownPlaces(r as number[], order) };
  if (type === 'judge') return { value: r as boolean };
  return { blanks: r as string[] };
};

/** The learner's sitting: the paper without its key while open; with key, points and explanations once submitted. */
export async function attemptView(ctx: Ctx, id: number): Promise<TAttempt> {
  const l = await learner(ctx, '答题记录');
  let a = await ownAttempt(ctx, l, id);
  if (!a.submitted_at && !acceptsAnswers(new Date(a.deadline), ctx.clock.now())) {
    await finish(ctx, id, null);
    a = await ownAttempt(ctx, l, id);
  }
  const quiz = await ctx.db
    .selectFrom('learning_quizzes')
    .select(['title', 'pass_percent', 'multi_scoring'])
    .where('id', '=', a.quiz_id)
    .executeTakeFirstOrThrow();
  const done = a.submitted_at !== null;
  const items = await itemsOf(ctx.db, id);
  return {
    id: a.id,
    quizId: a.quiz_id,
    quizTitle: quiz.title,
    attemptNo: a.attempt_no,
    status: done ? 'submitted' : 'open',
    startedAt: iso(a.started_at),
    deadline: iso(a.deadline),
    serverNow: ctx.clock.now().toISOString(),
    submittedAt: a.submitted_at ? iso(a.submitted_at) : null,
    late: a.late,
    earned: num(a.earned),
    total: Number(a.total),
    percent: num(a.percent),
    passed: a.passed,
    passPercent: quiz.pass_percent,
    multiScoring: quiz.multi_scoring,
    items: items.map((i) => {
      const order = i.option_order as number[];
      const options = i.options as string[];
      return {
        position: i.position,
        type: i.type,
        stem: i.stem,
        options: order.map((o) => options[o]),
        blanks: i.type === 'fill' ? (i.answer as string[][]).length : 0,
        points: Number(i.points),
        response: shown(i.type, order, i.response),
        // The key, the points and the explanation only after submission.
        key: done ? shown(i.type, order, i.type === 'fill' ? (i.answer as string[][]).map((b) => b.join(' / ')) : i.answer) : null,
        earned: done ? num(i.earned) : null,
        correct: done ? i.correct : null,
        explanation: done ? i.explanation : null,
      };
    }),
  };
}

export { closeExpired, learnerIs };

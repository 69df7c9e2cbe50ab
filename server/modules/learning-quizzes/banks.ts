// Question banks and their questions: the one writer of learning_banks and learning_questions. A
// question already used by an attempt is never changed in place: an edit retires it and adds the new
// text, so an old paper still shows what its learner saw.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Ctx } from '../../context.js';
import type { AnswerKey, QuestionType } from '../../../domain/rules/quiz.js';
import type { TBankCreate, TBankUpdate, TQuestion, TQuestionInput } from '../../../domain/schemas/learning-quizzes.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { answerText, parseQuestion, type ParsedQuestion } from './import/answers.js';

export async function createBank(ctx: Ctx, trx: Db, body: TBankCreate): Promise<{ id: number }> {
  return trx
    .insertInto('learning_banks')
    .values({ org_id: body.orgId ?? ctx.actor.orgId, name: body.name, description: body.description, created_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateBank(trx: Db, id: number, body: TBankUpdate): Promise<{ id: number }> {
  await trx.updateTable('learning_banks').set({ name: body.name, description: body.description }).where('id', '=', id).execute();
  return { id };
}

interface QuestionRow {
  id: number;
  bank_id: number;
  type: QuestionType;
  stem: string;
  options: unknown;
  answer: unknown;
  category: string;
  difficulty: number;
  explanation: string;
}

/** The staff's view of a question: the key in the spreadsheet's words. */
export function presentQuestion(r: QuestionRow): TQuestion {
  return {
    id: r.id,
    bankId: r.bank_id,
    type: r.type,
    stem: r.stem,
    options: r.options as string[],
    answerText: answerText(r.type, r.answer as AnswerKey),
    category: r.category,
    difficulty: r.difficulty,
    explanation: r.explanation,
  };
}

const QUESTION_COLUMNS = ['id', 'bank_id', 'type', 'stem', 'options', 'answer', 'category', 'difficulty', 'explanation'] as const;

export async function listQuestions(
  db: Db,
  bankId: number,
  f: { type?: QuestionType; category?: string; difficulty?: number; q?: string; offset: number; limit: number },
): Promise<{ items: TQuestion[]; total: number }> {
  let q = db.selectFrom('learning_questions').where('bank_id', '=', bankId).where('retired', '=', false);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.category !== undefined) q = q.where('category', '=', f.category);
  if (f.difficulty) q = q.where('difficulty', '=', f.difficulty);
  if (f.q) q = q.where('stem', 'like', `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
  const [rows, total] = await Promise.all([
    q.select(QUESTION_COLUMNS).orderBy('id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentQuestion), total: Number(total.n) };
}

/** The form's question checked by the import's reader; a 400 naming the field at fault. */
export function checkQuestion(body: TQuestionInput): ParsedQuestion {
  const r = parseQuestion({ ...body, options: body.options ?? [] });
  if ('errors' in r) throw invalid(r.errors[0].message, r.errors[0].field);
  return r.question;
}

const rowOf = (bankId: number, q: ParsedQuestion) => ({
  bank_id: bankId,
  type: q.type,
  stem: q.stem,
  options: JSON.stringify(q.options),
  answer: JSON.stringify(q.answer),
  category: q.category,
  difficulty: q.difficulty,
  explanation: q.explanation,
});

export async function addQuestion(trx: Db, bankId: number, q: ParsedQuestion): Promise<{ id: number }> {
  return trx.insertInto('learning_questions').values(rowOf(bankId, q)).returning('id').executeTakeFirstOrThrow();
}

/**
 * Many questions in one statement (an import): the rows travel as one JSON array and are expanded by
 * the database, so a bank of thousands costs one round trip (issue 16: imports at disk speed).
 */
export async function addQuestions(trx: Db, bankId: number, qs: readonly ParsedQuestion[]): Promise<number> {
  for (let i = 0; i < qs.length; i += 2000) {
    const chunk = JSON.stringify(qs.slice(i, i + 2000).map((q) => ({ ...q, options: q.options, answer: q.answer })));
    await sql`insert into learning_questions (bank_id, type, stem, options, answer, category, difficulty, explanation)
      select ${bankId}, x.type, x.stem, x.options, x.answer, x.category, x.difficulty, x.explanation
        from jsonb_to_recordset(${chunk}::jsonb)
          as x(type text, stem text, options jsonb, answer jsonb, category text, difficulty smallint, explanation text)`.execute(trx);
  }
  return qs.length;
}

async function usedByAttempts(db: Db, questionId: number): Promise<boolean> {
  const r = await db
    .selectFrom('learning_attempt_items')
    .select('question_id')
    .where('question_id', '=', questionId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

async function liveQuestion(db: Db, bankId: number, questionId: number) {
  const q = await db
    .selectFrom('learning_questions')
    .select(['id', 'retired'])
    .where('id', '=', questionId)
    .where('bank_id', '=', bankId)
    .executeTakeFirst();
  if (!q || q.retired) throw notFound('试题');
  return q;
}

/** Changes a question; one used by an attempt is retired and replaced (the answer returns the new id). */
export async function updateQuestion(trx: Db, bankId: number, questionId: number, q: ParsedQuestion): Promise<{ id: number }> {
  await liveQuestion(trx, bankId, questionId);
  if (await usedByAttempts(trx, questionId)) {
    await trx.updateTable('learning_questions').set({ retired: true }).where('id', '=', questionId).execute();
    return addQuestion(trx, bankId, q);
  }
  const { bank_id: _b, ...set } = rowOf(bankId, q);
  await trx.updateTable('learning_questions').set(set).where('id', '=', questionId).execute();
  return { id: questionId };
}

/** Removes a question from the bank: deleted when no paper used it, retired otherwise. */
export async function retireQuestion(trx: Db, bankId: number, questionId: number): Promise<{ id: number }> {
  await liveQuestion(trx, bankId, questionId);
  if (await usedByAttempts(trx, questionId))
    await trx.updateTable('learning_questions').set({ retired: true }).where('id', '=', questionId).execute();
  else await trx.deleteFrom('learning_questions').where('id', '=', questionId).execute();
  return { id: questionId };
}

/** The bank's live questions in full, for the export. */
export async function bankForExport(db: Db, bankId: number) {
  const bank = await db.selectFrom('learning_banks').select(['id', 'name']).where('id', '=', bankId).executeTakeFirst();
  if (!bank) throw new AppError('NOT_FOUND', '题库不存在或无权访问', 404);
  const rows = await db
    .selectFrom('learning_questions')
    .select(QUESTION_COLUMNS)
    .where('bank_id', '=', bankId)
    .where('retired', '=', false)
    .orderBy('type')
    .orderBy('id')
    .execute();
  return {
    bank,
    questions: rows.map((r) => ({ ...r, options: r.options as string[], answer: r.answer as AnswerKey })),
  };
}

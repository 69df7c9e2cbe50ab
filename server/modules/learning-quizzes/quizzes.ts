// Quizzes: the one writer of learning_quizzes, and the staff's view of one (its draw rules with what
// each is short of, and counts of sittings — never a list of people ranked by score, RULES.md §9).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Ctx } from '../../context.js';
import { ruleShortfalls, type Candidate, type DrawRule, type QuestionType } from '../../../domain/rules/quiz.js';
import type { TQuiz, TQuizInput } from '../../../domain/schemas/learning-quizzes.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { scopeSql } from '../../scope/access.js';

const num = (v: unknown) => Number(v ?? 0);

/** The live questions of some banks, as the drawing rules see them. */
export async function candidatesOf(db: Db, bankIds: readonly number[]): Promise<Candidate[]> {
  if (bankIds.length === 0) return [];
  const rows = await db
    .selectFrom('learning_questions')
    .select(['id', 'bank_id', 'type', 'category', sql<number>`jsonb_array_length(options)`.as('n')])
    .where('bank_id', 'in', [...new Set(bankIds)])
    .where('retired', '=', false)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, bankId: r.bank_id, type: r.type, category: r.category, optionCount: num(r.n) }));
}

const rulesOf = (json: unknown): DrawRule[] => (json as DrawRule[]).map((r) => ({ ...r, category: r.category === '' ? null : r.category }));

/**
 * A quiz draws only from banks of its own organization or of an organization above it ("its subtree
 * uses them"); a rule naming any other bank is refused as if the bank did not exist.
 */
async function checkRules(db: Db, orgId: number, body: TQuizInput): Promise<void> {
  if (body.closesOn < body.opensOn) throw invalid('结束日期不能早于开始日期', 'closesOn');
  const ids = [...new Set(body.rules.map((r) => r.bankId))];
  const ok = await db
    .selectFrom('learning_banks as b')
    .innerJoin('orgs as bo', 'bo.id', 'b.org_id')
    .innerJoin('orgs as qo', (j) => j.on('qo.id', '=', orgId))
    .select('b.id')
    .where('b.id', 'in', ids)
    .where(sql<boolean>`qo.path <@ bo.path`)
    .execute();
  if (ok.length !== ids.length) throw new AppError('NOT_FOUND', '抽题规则中的题库不存在或不能用于本组织的测试', 404, 'rules');
}

const rowOf = (body: TQuizInput) => ({
  title: body.title,
  description: body.description,
  rules: JSON.stringify(body.rules.map((r) => ({ ...r, category: r.category || null }))),
  time_limit_minutes: body.timeLimitMinutes,
  max_attempts: body.maxAttempts,
  pass_percent: body.passPercent,
  multi_scoring: body.multiScoring,
  hours: Math.round(body.hours * 10) / 10,
  opens_on: body.opensOn,
  closes_on: body.closesOn,
});

export async function createQuiz(ctx: Ctx, trx: Db, body: TQuizInput): Promise<{ id: number }> {
  const orgId = body.orgId ?? ctx.actor.orgId;
  await checkRules(trx, orgId, body);
  return trx
    .insertInto('learning_quizzes')
    .values({ ...rowOf(body), org_id: orgId, created_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function quizRow(db: Db, id: number) {
  const q = await db.selectFrom('learning_quizzes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!q) throw notFound('测试');
  return q;
}

/** Changes a quiz that has not ended; a published quiz must stay drawable (sittings already started keep their papers). */
export async function updateQuiz(trx: Db, id: number, body: TQuizInput): Promise<{ id: number }> {
  const q = await quizRow(trx, id);
  if (q.status === 'closed') throw conflict('测试已结束，不能修改');
  if (body.orgId !== undefined && body.orgId !== q.org_id) throw invalid('测试所属组织不能修改', 'orgId');
  await checkRules(trx, q.org_id, body);
  if (q.status === 'published') await requireDrawable(trx, rulesOf(JSON.parse(rowOf(body).rules)));
  await trx.updateTable('learning_quizzes').set(rowOf(body)).where('id', '=', id).execute();
  return { id };
}

async function requireDrawable(db: Db, rules: DrawRule[]): Promise<void> {
  const short = ruleShortfalls(
    rules,
    await candidatesOf(
      db,
      rules.map((r) => r.bankId),
    ),
  );
  const i = short.findIndex((s) => s > 0);
  if (i >= 0) throw conflict(`第 ${i + 1} 条抽题规则的题目不足，还差 ${short[i]} 道`, 'rules');
}

export async function setQuizStatus(trx: Db, id: number, to: 'published' | 'closed'): Promise<{ id: number }> {
  const q = await quizRow(trx, id);
  if (to === 'published') {
    if (q.status !== 'draft') throw conflict(q.status === 'published' ? '测试已发布' : '测试已结束');
    await requireDrawable(trx, rulesOf(q.rules));
  } else if (q.status !== 'published') throw conflict('只有已发布的测试可以结束');
  await trx.updateTable('learning_quizzes').set({ status: to }).where('id', '=', id).execute();
  return { id };
}

type QuizRow = Awaited<ReturnType<typeof quizRow>>;

async function present(db: Db, rows: QuizRow[]): Promise<TQuiz[]> {
  if (rows.length === 0) return [];
  const all = rows.flatMap((q) => rulesOf(q.rules));
  const [cands, banks, orgs, counts] = await Promise.all([
    candidatesOf(
      db,
      all.map((r) => r.bankId),
    ),
    db
      .selectFrom('learning_banks')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(all.map((r) => r.bankId)), 0])
      .execute(),
    db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(rows.map((q) => q.org_id))])
      .execute(),
    sql<{ quiz_id: number; attempts: string; learners: string; passed: string }>`
      select quiz_id, count(*) as attempts, count(distinct coalesce(member_id, -cadre_id)) as learners,
             count(distinct coalesce(member_id, -cadre_id)) filter (where passed) as passed
        from learning_attempts where submitted_at is not null and quiz_id = any(${rows.map((q) => q.id)}::bigint[])
       group by quiz_id`.execute(db),
  ]);
  const bankName = new Map(banks.map((b) => [b.id, b.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((q) => {
    const rules = rulesOf(q.rules);
    const short = ruleShortfalls(rules, cands);
    const c = counts.rows.find((x) => Number(x.quiz_id) === q.id);
    return {
      id: q.id,
      orgId: q.org_id,
      orgName: orgName.get(q.org_id) ?? '',
      title: q.title,
      description: q.description,
      rules: rules.map((r, i) => ({ ...r, bankName: bankName.get(r.bankId) ?? '', shortfall: short[i] })),
      questionCount: rules.reduce((s, r) => s + r.count, 0),
      totalPoints: rules.reduce((s, r) => s + r.count * r.points, 0),
      timeLimitMinutes: q.time_limit_minutes,
      maxAttempts: q.max_attempts,
      passPercent: q.pass_percent,
      multiScoring: q.multi_scoring,
      hours: num(q.hours),
      opensOn: q.opens_on,
      closesOn: q.closes_on,
      status: q.status,
      attempts: num(c?.attempts),
      learners: num(c?.learners),
      passedLearners: num(c?.passed),
    };
  });
}

export async function quizDetail(db: Db, id: number): Promise<TQuiz> {
  return (await present(db, [await quizRow(db, id)]))[0];
}

export async function listQuizzes(db: Db, scopePath: string, f: { orgPath?: string; status?: TQuiz['status'] }): Promise<TQuiz[]> {
  let q = db
    .selectFrom('learning_quizzes as q')
    .innerJoin('orgs as o', 'o.id', 'q.org_id')
    .selectAll('q')
    .where(scopeSql('o.path', f.orgPath ?? scopePath));
  if (f.status) q = q.where('q.status', '=', f.status);
  return present(db, await q.orderBy('q.opens_on', 'desc').orderBy('q.id', 'desc').limit(200).execute());
}

export type { QuestionType };

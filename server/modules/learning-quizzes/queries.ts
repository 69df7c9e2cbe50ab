// The SQL of banks, questions and their statistics. Lists filter by the actor's subtree (scopeSql) or,
// for the banks a quiz may draw from, by the organizations above a path ("its subtree uses them").
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { QuestionType } from '../../../domain/rules/quiz.js';
import type { TBank, TQuestionStats } from '../../../domain/schemas/learning-quizzes.js';
import { scopeSql } from '../../scope/access.js';

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Banks in the subtree of `scopePath` (editable), and with `usableAt` those of the organizations above it too. */
export async function listBanks(
  db: Db,
  scopePath: string,
  f: { orgPath?: string; q?: string; usableAt?: string; id?: number },
): Promise<TBank[]> {
  let query = db
    .selectFrom('learning_banks as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select(['b.id', 'b.org_id', 'b.name', 'b.description', 'o.name as org_name'])
    .select(scopeSql('o.path', scopePath).as('editable'));
  query = query.where((eb) =>
    f.usableAt
      ? eb.or([scopeSql('o.path', f.orgPath ?? scopePath), sql<boolean>`${f.usableAt}::ltree <@ o.path`])
      : scopeSql('o.path', f.orgPath ?? scopePath),
  );
  if (f.id) query = query.where('b.id', '=', f.id);
  if (f.q) query = query.where('b.name', 'like', `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
  const banks = await query.orderBy('o.path').orderBy('b.id').limit(500).execute();
  if (banks.length === 0) return [];
  const cats = await db
    .selectFrom('learning_questions')
    .select(['bank_id', 'type', 'category', (eb) => eb.fn.countAll<string>().as('n')])
    .where(
      'bank_id',
      'in',
      banks.map((b) => b.id),
    )
    .where('retired', '=', false)
    .groupBy(['bank_id', 'type', 'category'])
    .orderBy('category')
    .execute();
  return banks.map((b) => {
    const mine = cats.filter((c) => c.bank_id === b.id);
    const counts = { single: 0, multiple: 0, judge: 0, fill: 0 } as Record<QuestionType, number>;
    for (const c of mine) counts[c.type] += num(c.n);
    return {
      id: b.id,
      orgId: b.org_id,
      orgName: b.org_name,
      name: b.name,
      description: b.description,
      questionCount: Object.values(counts).reduce((s, n) => s + n, 0),
      counts,
      categories: mine.map((c) => ({ category: c.category, type: c.type, count: num(c.n) })),
      editable: Boolean(b.editable),
    };
  });
}

/** Questions most often missed: over graded items of the quiz's attempts, or of every attempt using the bank's questions. */
export async function questionStats(db: Db, by: { quizId: number } | { bankId: number }): Promise<TQuestionStats> {
  const filter = 'quizId' in by ? sql`a.quiz_id = ${by.quizId}` : sql`q.bank_id = ${by.bankId}`;
  const rows = await sql<{ question_id: number; type: QuestionType; stem: string; category: string; answered: string; missed: string }>`
    select i.question_id, q.type, q.stem, q.category, count(*) as answered, count(*) filter (where not i.correct) as missed
      from learning_attempt_items i
      join learning_attempts a on a.id = i.attempt_id
      join learning_questions q on q.id = i.question_id
     where i.correct is not null and ${filter}
     group by i.question_id, q.type, q.stem, q.category
     order by count(*) filter (where not i.correct)::float / count(*) desc, count(*) desc, i.question_id
     limit 100`.execute(db);
  const summary = await sql<{ attempts: string; avg: string | null }>`
    select count(*) as attempts, avg(a.percent) as avg from learning_attempts a
     where a.submitted_at is not null and ${
       'quizId' in by
         ? sql`a.quiz_id = ${by.quizId}`
         : sql`exists (select 1 from learning_attempt_items i join learning_questions q on q.id = i.question_id
                        where i.attempt_id = a.id and q.bank_id = ${by.bankId})`
     }`.execute(db);
  const s = summary.rows[0];
  return {
    attempts: num(s?.attempts),
    averagePercent: s?.avg === null || s?.avg === undefined ? null : Math.round(Number(s.avg) * 10) / 10,
    items: rows.rows.map((r) => ({
      questionId: Number(r.question_id),
      type: r.type,
      stem: r.stem,
      category: r.category,
      answered: num(r.answered),
      missed: num(r.missed),
      missRate: num(r.answered) ? Math.round((num(r.missed) / num(r.answered)) * 1000) / 1000 : 0,
    })),
  };
}

// A learner's quizzes (issue 14 point 7): every published quiz of their organization or one above it,
// with their own sittings only — their best score and whether they passed, no one else's.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { mayStartAttempt, type DrawRule } from '../../../domain/rules/quiz.js';
import type { TMyQuiz } from '../../../domain/schemas/learning-quizzes.js';
import { learnerOfActor } from '../learning/learner.js';
import { closeExpired, learnerIs } from './attempts.js';

export async function myQuizzes(ctx: Ctx): Promise<TMyQuiz[]> {
  // An account with no member or cadre record behind it has nothing to take.
  const l = await learnerOfActor(ctx);
  if (!l) return [];
  await closeExpired(ctx, l);
  const rows = await sql<{
    id: number;
    title: string;
    description: string;
    org_name: string;
    rules: DrawRule[];
    time_limit_minutes: number;
    max_attempts: number | null;
    pass_percent: number;
    hours: string;
    opens_on: string;
    closes_on: string;
    status: string;
    used: string;
    best: string | null;
    passed: boolean | null;
    open_id: number | null;
    last_id: number | null;
  }>`
    select q.id, q.title, q.description, o.name as org_name, q.rules, q.time_limit_minutes, q.max_attempts, q.pass_percent,
           q.hours, q.opens_on, q.closes_on, q.status,
           count(a.id) as used, max(a.percent) as best, bool_or(a.passed) as passed,
           max(a.id) filter (where a.submitted_at is null) as open_id,
           max(a.id) filter (where a.submitted_at is not null) as last_id
      from learning_quizzes q
      join orgs o on o.id = q.org_id
      left join learning_attempts a on a.quiz_id = q.id and ${learnerIs(l, 'a.')}
     where q.status <> 'draft' and ${l.orgPath}::ltree <@ o.path
     group by q.id, o.name
     order by (q.status = 'published' and q.closes_on >= ${ctx.today()}) desc, q.closes_on, q.id
     limit 200`.execute(ctx.db);
  const today = ctx.today();
  return rows.rows.map((q) => {
    const window = q.status === 'closed' || today > q.closes_on ? 'ended' : today < q.opens_on ? 'upcoming' : 'open';
    const used = Number(q.used);
    return {
      id: Number(q.id),
      title: q.title,
      description: q.description,
      orgName: q.org_name,
      questionCount: q.rules.reduce((s, r) => s + r.count, 0),
      totalPoints: q.rules.reduce((s, r) => s + r.count * r.points, 0),
      timeLimitMinutes: q.time_limit_minutes,
      maxAttempts: q.max_attempts,
      attemptsUsed: used,
      passPercent: q.pass_percent,
      hours: Number(q.hours),
      opensOn: q.opens_on,
      closesOn: q.closes_on,
      window,
      bestPercent: q.best === null ? null : Number(q.best),
      passed: q.passed === true,
      openAttemptId: q.open_id === null ? null : Number(q.open_id),
      lastAttemptId: q.last_id === null ? null : Number(q.last_id),
      canStart: window === 'open' && (q.open_id !== null || mayStartAttempt(used, q.max_attempts)),
    };
  });
}

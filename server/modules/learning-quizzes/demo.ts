// Demo question bank and quizzes: the city's bank of about 300 questions (demo-questions.ts), a city
// quiz and a district quiz published (a third in draft), and sittings of the quizzes by the members of
// the demo member's branch — the `member` account has passed the city quiz and not yet sat the
// district one. Deterministic: the draws, the answers and the days come from a fixed seed.
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { createRng } from '../../demo/prng.js';
import {
  attemptDeadline,
  drawPaper,
  gradeAttempt,
  gradeQuestion,
  type AnswerKey,
  type DrawRule,
  type QuizResponse,
} from '../../../domain/rules/quiz.js';
import { upsertCredit } from '../learning/credits.js';
import { addQuestions } from './banks.js';
import { demoQuestions } from './demo-questions.js';
import { candidatesOf } from './quizzes.js';

const DEMO_SEED = 1404;

interface QuizSpec {
  orgId: number;
  title: string;
  description: string;
  rules: DrawRule[];
  time_limit_minutes: number;
  max_attempts: number | null;
  pass_percent: number;
  multi_scoring: 'all' | 'partial';
  hours: number;
  status: 'draft' | 'published';
}

export async function seedQuizzesDemo(db: Db, now: Date = new Date()): Promise<void> {
  const root = await db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  const member = await db
    .selectFrom('users as u')
    .innerJoin('members as m', 'm.id', 'u.member_id')
    .select(['m.id', 'm.org_id'])
    .where('u.username', '=', 'member')
    .executeTakeFirst();
  const district = await db.selectFrom('users as u').select('u.org_id').where('u.username', '=', 'district-admin').executeTakeFirst();
  if (!root) return;
  const year = dayjs(now).year();
  await db.transaction().execute(async (trx) => {
    const bank = await trx
      .insertInto('learning_banks')
      .values({
        org_id: root.id,
        name: '党章党规与组织工作基础题库',
        description: '演示题库：依据党章、支部工作条例、发展党员工作细则和党费规定编写，供全市各级组卷使用。',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addQuestions(trx, bank.id, demoQuestions());
    const r = (type: DrawRule['type'], count: number, points: number, category: string | null = null): DrawRule => ({
      bankId: bank.id,
      type,
      category,
      count,
      points,
    });
    const specs: QuizSpec[] = [
      {
        orgId: root.id,
        title: `${year}年度党章党规知识测试`,
        description: '全市党员年度测试：单选、多选、判断、填空共30题，满分100分，60分及格，通过计1学时。',
        rules: [r('single', 10, 4), r('multiple', 5, 6), r('judge', 10, 2), r('fill', 5, 2)],
        time_limit_minutes: 30,
        max_attempts: 3,
        pass_percent: 60,
        multi_scoring: 'all',
        hours: 1,
        status: 'published',
      },
      ...(district
        ? [
            {
              orgId: district.org_id,
              title: '组织生活与发展党员基础知识小测',
              description: '区委组织部月度小测：13题，15分钟，80分及格，多选少选得一半分。',
              rules: [r('single', 4, 10, '组织生活'), r('single', 3, 10, '发展党员'), r('judge', 6, 5)],
              time_limit_minutes: 15,
              max_attempts: 2,
              pass_percent: 80,
              multi_scoring: 'partial' as const,
              hours: 0.5,
              status: 'published' as const,
            },
          ]
        : []),
      {
        orgId: root.id,
        title: '入党积极分子培训结业测试',
        description: '草稿：培训班结业时发布。',
        rules: [r('single', 10, 5, '发展党员'), r('judge', 10, 5)],
        time_limit_minutes: 20,
        max_attempts: 1,
        pass_percent: 60,
        multi_scoring: 'all',
        hours: 0,
        status: 'draft',
      },
    ];
    const quizzes: (QuizSpec & { id: number })[] = [];
    for (const s of specs) {
      const { orgId, ...row } = s;
      const q = await trx
        .insertInto('learning_quizzes')
        .values({ ...row, org_id: orgId, rules: JSON.stringify(s.rules), opens_on: `${year}-01-01`, closes_on: `${year}-12-31` })
        .returning('id')
        .executeTakeFirstOrThrow();
      quizzes.push({ ...s, id: q.id });
    }
    if (!member) return;
    const learners = await trx
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', member.org_id)
      .where('status', '=', 'normal')
      .orderBy('id')
      .limit(14)
      .execute();
    const ids = [member.id, ...learners.map((l) => l.id).filter((id) => id !== member.id)];
    const key = new Map(
      (
        await trx
          .selectFrom('learning_questions')
          .select(['id', 'type', 'answer', 'options', 'difficulty'])
          .where('bank_id', '=', bank.id)
          .execute()
      ).map((q) => [q.id, q]),
    );
    const cands = await candidatesOf(trx, [bank.id]);
    const ctx = { db: trx, actor: { userId: null } as unknown as Actor, today: () => dayjs(now).format('YYYY-MM-DD') } as unknown as Ctx;
    const rng = createRng(DEMO_SEED, 1);
    for (const [qi, quiz] of quizzes.filter((q) => q.status === 'published').entries()) {
      for (const [li, memberId] of ids.entries()) {
        // The demo member has sat the city quiz only; a few others have not sat either.
        if (memberId === member.id && qi > 0) continue;
        if (li > 0 && rng.chance(0.25)) continue;
        const skill = memberId === member.id ? 0.85 : 0.55 + rng.next() * 0.4;
        const sittings = rng.chance(0.2) ? 2 : 1;
        let best: number | null = null;
        for (let n = 1; n <= sittings; n++) {
          const seed = DEMO_SEED * 1000 + qi * 100_000 + memberId * 7 + n;
          const paper = drawPaper(quiz.rules, cands, seed);
          const started = dayjs(now)
            .subtract(40 - n * 3 - (li % 20), 'day')
            .hour(20)
            .minute(li)
            .toDate();
          const graded = paper.map((p) => {
            const q = key.get(p.questionId)!;
            const answer = q.answer as AnswerKey;
            const right = rng.chance(skill - (q.difficulty - 2) * 0.12 + (n - 1) * 0.1);
            const response = right ? answer : wrongResponse(q.type, answer, (q.options as string[]).length);
            return { p, response, ...gradeQuestion({ type: q.type, answer }, response as QuizResponse, p.points, quiz.multi_scoring) };
          });
          const g = gradeAttempt(
            graded.map((x) => ({ earned: x.earned, points: x.p.points })),
            quiz.pass_percent,
          );
          const a = await trx
            .insertInto('learning_attempts')
            .values({
              quiz_id: quiz.id,
              member_id: memberId,
              attempt_no: n,
              seed,
              started_at: started,
              deadline: attemptDeadline(started, quiz.time_limit_minutes),
              submitted_at: dayjs(started)
                .add(Math.min(quiz.time_limit_minutes - 1, 8 + (li % 10)), 'minute')
                .toDate(),
              earned: g.earned,
              total: g.total,
              percent: g.percent,
              passed: g.passed,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('learning_attempt_items')
            .values(
              graded.map((x) => ({
                attempt_id: a.id,
                position: x.p.position,
                question_id: x.p.questionId,
                option_order: JSON.stringify(x.p.optionOrder),
                points: x.p.points,
                response: JSON.stringify(x.response),
                earned: x.earned,
                correct: x.correct,
              })),
            )
            .execute();
          if (g.passed && (best === null || g.percent > best)) {
            best = g.percent;
            await upsertCredit(ctx, {
              memberId,
              cadreId: null,
              source: 'quiz',
              sourceRef: `quiz:${quiz.id}`,
              title: quiz.title,
              hours: quiz.hours,
              earnedOn: dayjs(started).format('YYYY-MM-DD'),
              online: true,
              note: `第${a.id}号答题 ${g.percent}分`,
            });
          }
        }
      }
    }
  });
}

/** A plausible wrong answer: another option, a choice left out, the other truth value, a wrong word. */
function wrongResponse(type: string, answer: AnswerKey, optionCount: number): QuizResponse {
  if (type === 'judge') return !(answer as boolean);
  if (type === 'fill') return (answer as string[][]).map(() => '不清楚');
  const key = answer as number[];
  if (type === 'multiple') return key.slice(0, -1);
  return [(key[0] + 1) % optionCount];
}

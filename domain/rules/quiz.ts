// Quizzes of theory learning (issue 14 point 4; PILLARS.md §4): how a paper is drawn from banks by
// type and category counts, how options are shuffled for each sitting, how answers are graded and
// when a sitting is late. No regulation fixes these numbers: they are the quiz's own settings, so the
// functions take them as arguments. Everything here is deterministic given the attempt's seed.

export const QUESTION_TYPES = ['single', 'multiple', 'judge', 'fill'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题', fill: '填空题' };

/** The key of a question: choice indexes (single, multiple), true/false (judge), accepted variants per blank (fill). */
export type AnswerKey = number[] | boolean | string[][];
/** A learner's response in the question's own option indexes (never the shown order). */
export type QuizResponse = number[] | boolean | string[] | null;

export interface GradableQuestion {
  type: QuestionType;
  answer: AnswerKey;
}

/**
 * How multiple choice (and fill-in with several blanks) is graded: 'all' = all or nothing (the usual
 * rule of Party-knowledge tests: 多选、少选、错选均不得分); 'partial' = a wrong pick scores nothing, a
 * correct but incomplete pick half the points (少选得一半), each right blank its share.
 */
export type MultiScoring = 'all' | 'partial';

// ---------------------------------------------------------------- random draws

/** mulberry32: a small seeded generator, so a sitting's draw is reproduced from its stored seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given source. */
export function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export interface DrawRule {
  bankId: number;
  type: QuestionType;
  /** null: any category of the bank. */
  category: string | null;
  count: number;
  /** points of each question drawn by this rule */
  points: number;
}

export interface Candidate {
  id: number;
  bankId: number;
  type: QuestionType;
  category: string;
  /** number of options (0 for judge and fill) */
  optionCount: number;
}

export interface DrawnItem {
  position: number;
  questionId: number;
  points: number;
  type: QuestionType;
  /** optionOrder[i] = the question's own index of the option shown at place i */
  optionOrder: number[];
}

const matches = (r: DrawRule, c: Candidate) =>
  c.bankId === r.bankId && c.type === r.type && (r.category === null || c.category === r.category);

/**
 * Rules with a category take their questions first, so a broader rule of the same type does not use
 * up the questions a narrower one needs; a question is never drawn twice. Answers, per rule in the
 * given order, how many questions are missing (0 when the rule can be met).
 */
export function ruleShortfalls(rules: readonly DrawRule[], candidates: readonly Candidate[]): number[] {
  const used = new Set<number>();
  const short = rules.map(() => 0);
  for (const i of drawOrder(rules)) {
    const pool = candidates.filter((c) => !used.has(c.id) && matches(rules[i], c));
    pool.slice(0, rules[i].count).forEach((c) => used.add(c.id));
    short[i] = Math.max(0, rules[i].count - pool.length);
  }
  return short;
}

function drawOrder(rules: readonly DrawRule[]): number[] {
  return rules.map((_, i) => i).sort((a, b) => Number(rules[a].category === null) - Number(rules[b].category === null) || a - b);
}

const TYPE_ORDER: Record<QuestionType, number> = { single: 0, multiple: 1, judge: 2, fill: 3 };

/**
 * The paper of one sitting: questions drawn at random per rule, laid out by type (single, multiple,
 * judge, fill, as printed papers are) in random order within a type, and each choice question's
 * options shuffled. Throws when a rule cannot be met (ruleShortfalls says which).
 */
export function drawPaper(rules: readonly DrawRule[], candidates: readonly Candidate[], seed: number): DrawnItem[] {
  const rnd = seededRandom(seed);
  const used = new Set<number>();
  const picked: { c: Candidate; points: number }[] = [];
  for (const i of drawOrder(rules)) {
    const pool = candidates.filter((c) => !used.has(c.id) && matches(rules[i], c));
    if (pool.length < rules[i].count) throw new Error(`rule ${i + 1} short of ${rules[i].count - pool.length} questions`);
    for (const c of shuffled(pool, rnd).slice(0, rules[i].count)) {
      used.add(c.id);
      picked.push({ c, points: rules[i].points });
    }
  }
  const laidOut = shuffled(picked, rnd).sort((a, b) => TYPE_ORDER[a.c.type] - TYPE_ORDER[b.c.type]);
  return laidOut.map(({ c, points }, position) => ({
    position,
    questionId: c.id,
    points,
    type: c.type,
    optionOrder: c.type === 'single' || c.type === 'multiple' ? shuffled(range(c.optionCount), rnd) : [],
  }));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The response as shown (places on the paper) turned into the question's own option indexes. */
export function toOwnIndexes(shown: readonly number[], optionOrder: readonly number[]): number[] {
  return [...new Set(shown.map((p) => optionOrder[p]).filter((x) => x !== undefined))].sort((a, b) => a - b);
}

/** The other way: the question's own indexes as places on this paper (to show a key after submission). */
export function toShownPlaces(own: readonly number[], optionOrder: readonly number[]): number[] {
  return own.map((o) => optionOrder.indexOf(o)).sort((a, b) => a - b);
}

// ---------------------------------------------------------------- grading

/** How a fill-in answer is compared: full-width folded (NFKC), spaces dropped, case and final punctuation ignored. */
export function normalizeBlank(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.，,；;！!？?]+$/u, '')
    .toLowerCase();
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The points earned by one response, and whether it was entirely right. */
export function gradeQuestion(
  q: GradableQuestion,
  response: QuizResponse,
  points: number,
  scoring: MultiScoring,
): { earned: number; correct: boolean } {
  const none = { earned: 0, correct: false };
  if (response === null) return none;
  if (q.type === 'judge') return typeof response === 'boolean' && response === q.answer ? { earned: points, correct: true } : none;
  if (q.type === 'single' || q.type === 'multiple') {
    if (!Array.isArray(response) || response.some((x) => typeof x !== 'number')) return none;
    const key = new Set(q.answer as number[]);
    const picked = new Set(response as number[]);
    if (picked.size === 0 || [...picked].some((p) => !key.has(p))) return none;
    if (picked.size === key.size) return { earned: points, correct: true };
    // 少选: some but not all of the right options, and none wrong.
    return q.type === 'multiple' && scoring === 'partial' ? { earned: round1(points / 2), correct: false } : none;
  }
  const blanks = q.answer as string[][];
  if (!Array.isArray(response)) return none;
  const right = blanks.filter((accepted, i) => {
    const given = response[i];
    return typeof given === 'string' && given.trim() !== '' && accepted.some((a) => normalizeBlank(a) === normalizeBlank(given));
  }).length;
  if (right === blanks.length) return { earned: points, correct: true };
  return scoring === 'partial' ? { earned: round1((points * right) / blanks.length), correct: false } : none;
}

export interface AttemptGrade {
  earned: number;
  total: number;
  /** earned / total as a percentage to 0.1 */
  percent: number;
  passed: boolean;
}

/** The sitting's score against the quiz's passing percentage (及格线). */
export function gradeAttempt(items: readonly { earned: number; points: number }[], passPercent: number): AttemptGrade {
  const total = round1(items.reduce((s, i) => s + i.points, 0));
  const earned = round1(items.reduce((s, i) => s + i.earned, 0));
  const percent = total > 0 ? Math.floor((earned / total) * 1000) / 10 : 0;
  return { earned, total, percent, passed: percent >= passPercent };
}

// ---------------------------------------------------------------- time and attempts

/**
 * Seconds a submission may arrive after the deadline and still count as on time: the network's
 * delay, not extra time. Later, the server grades the answers saved by the deadline (never refuses:
 * RULES.md §9 — a learner does not lose a sitting to a slow connection) and marks the sitting late.
 */
export const SUBMIT_GRACE_SECONDS = 30;

/** The deadline of a sitting started at `startedAt`: the time limit, counted by the server's clock. */
export function attemptDeadline(startedAt: Date, limitMinutes: number): Date {
  return new Date(startedAt.getTime() + limitMinutes * 60_000);
}

/** Whether answers arriving at `now` are accepted as the learner's (on time, within the grace). */
export function acceptsAnswers(deadline: Date, now: Date): boolean {
  return now.getTime() <= deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;
}

/** Whether another sitting may start: attempts used against the limit (null: no limit). */
export function mayStartAttempt(used: number, maxAttempts: number | null): boolean {
  return maxAttempts === null || used < maxAttempts;
}

/** A pass credits the quiz's 学时 once; a later, better pass replaces the ledger row's record of it. */
export function improvesCredit(bestPassedPercent: number | null, grade: AttemptGrade): boolean {
  return grade.passed && (bestPassedPercent === null || grade.percent > bestPassedPercent);
}

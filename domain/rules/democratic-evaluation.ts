// 民主测评 (democratic evaluation) of a leadership team and its members: the ballot's answer sets, the
// default dimensions (德、能、勤、绩、廉) and voter categories, ballot validation and the aggregation of
// anonymous ballots per person × item × voter category (RULES.md §7: the answer sets are V, taken from
// existing systems; the scores per answer and the default weights are local practice (L) and editable
// per evaluation, except the scores, which are fixed here so that results of different years compare).

export interface AnswerOption {
  key: string;
  zh: string;
  en: string;
  /** Points for the weighted score; null = not scored (不了解, 弃权). */
  score: number | null;
  /** Counted in the denominator of the rates (不了解 is not: the voter says they cannot judge). */
  counted: boolean;
  /** The top answer (优秀, 满意, 赞成): its share is the 优秀率 / 满意率 / 赞成率. */
  top: boolean;
  /** Answers at or above the pass line (称职以上, 基本满意以上, 赞成). */
  acceptable: boolean;
}

const opt = (key: string, zh: string, en: string, score: number | null, flags: Partial<AnswerOption> = {}): AnswerOption => ({
  key,
  zh,
  en,
  score,
  counted: true,
  top: false,
  acceptable: false,
  ...flags,
});

export const ANSWER_SETS = {
  // 优秀/称职/基本称职/不称职
  grade: [
    opt('excellent', '优秀', 'Excellent', 100, { top: true, acceptable: true }),
    opt('competent', '称职', 'Competent', 80, { acceptable: true }),
    opt('basic', '基本称职', 'Basically competent', 60),
    opt('incompetent', '不称职', 'Incompetent', 0),
  ],
  // 满意/基本满意/不满意/不了解
  satisfaction: [
    opt('satisfied', '满意', 'Satisfied', 100, { top: true, acceptable: true }),
    opt('fair', '基本满意', 'Fairly satisfied', 70, { acceptable: true }),
    opt('dissatisfied', '不满意', 'Dissatisfied', 0),
    opt('unknown', '不了解', 'Don’t know', null, { counted: false }),
  ],
  // 赞成/弃权/反对
  approval: [
    opt('for', '赞成', 'For', 100, { top: true, acceptable: true }),
    opt('abstain', '弃权', 'Abstain', null),
    opt('against', '反对', 'Against', 0),
  ],
} as const satisfies Record<string, readonly AnswerOption[]>;
export type AnswerSetKey = keyof typeof ANSWER_SETS;
export const ANSWER_SET_KEYS = ['grade', 'satisfaction', 'approval'] as const satisfies readonly AnswerSetKey[];

/** The names of the rates each set reports (top share, acceptable share). */
export const RATE_LABELS: Record<AnswerSetKey, { top: { zh: string; en: string }; acceptable: { zh: string; en: string } }> = {
  grade: { top: { zh: '优秀率', en: 'Excellent' }, acceptable: { zh: '称职以上率', en: 'Competent or better' } },
  satisfaction: { top: { zh: '满意率', en: 'Satisfied' }, acceptable: { zh: '基本满意以上率', en: 'Fairly satisfied or better' } },
  approval: { top: { zh: '赞成率', en: 'For' }, acceptable: { zh: '赞成率', en: 'For' } },
};

/** 德、能、勤、绩、廉 with equal weights (L: local 办法 weigh them differently; editable per evaluation). */
export const DEFAULT_DIMENSIONS = [
  { label: '德', weight: 20 },
  { label: '能', weight: 20 },
  { label: '勤', weight: 20 },
  { label: '绩', weight: 20 },
  { label: '廉', weight: 20 },
] as const;

/** The usual voter categories (L), with weights and a number of codes to start from. */
export const DEFAULT_CATEGORIES = [
  { name: '班子成员', weight: 30, codes: 7 },
  { name: '中层干部', weight: 30, codes: 20 },
  { name: '干部职工代表', weight: 25, codes: 30 },
  { name: '服务对象', weight: 15, codes: 10 },
] as const;

/** The key of the team's overall item (总体评价) on a team subject. */
export const OVERALL_ITEM = 'overall';

export interface EvalDefinition {
  /** Dimensions of a cadre subject, keyed d1, d2 … */
  dimensions: readonly { key: string; label: string; weight: number }[];
  /** The answers a cadre's dimensions take. */
  answerSet: AnswerSetKey;
  /** The answers of the team's overall item. */
  teamAnswerSet: AnswerSetKey;
  subjects: readonly { seq: number; kind: 'team' | 'cadre' }[];
  categories: readonly { key: string; weight: number }[];
}

/** A ballot's answers: subject seq → item key (a dimension, or `overall` for the team) → option key. */
export type BallotAnswers = Record<string, Record<string, string>>;
export interface CategoryBallot {
  category: string;
  answers: BallotAnswers;
}

/** The items of a subject and the answer set each takes. */
export function itemsOf(def: EvalDefinition, kind: 'team' | 'cadre'): { key: string; weight: number; set: AnswerSetKey }[] {
  return kind === 'team'
    ? [{ key: OVERALL_ITEM, weight: 1, set: def.teamAnswerSet }]
    : def.dimensions.map((d) => ({ key: d.key, weight: d.weight, set: def.answerSet }));
}

/** Why a ballot is refused, or null when it may be stored: unknown subjects, items or answers, or nothing answered. */
export function ballotProblem(def: EvalDefinition, answers: BallotAnswers): string | null {
  let answered = 0;
  for (const [seq, items] of Object.entries(answers)) {
    const subject = def.subjects.find((s) => String(s.seq) === seq);
    if (!subject) return `测评对象 ${seq} 不在本次测评中`;
    const allowed = itemsOf(def, subject.kind);
    for (const [item, answer] of Object.entries(items)) {
      const it = allowed.find((x) => x.key === item);
      if (!it) return `测评项目 ${item} 不在本次测评中`;
      if (!ANSWER_SETS[it.set].some((o) => o.key === answer)) return `“${answer}”不是该项目的选项`;
      answered++;
    }
  }
  return answered ? null : '请至少填写一项';
}

export interface Tally {
  /** Ballots per option key. */
  counts: Record<string, number>;
  /** Ballots that answered the item. */
  answered: number;
  /** Ballots counted in the rates (不了解 excluded). */
  counted: number;
  /** Mean points of the scored answers, 0–100; null when none. */
  score: number | null;
  topRate: number | null;
  acceptableRate: number | null;
}

export interface ItemResult {
  key: string;
  weight: number;
  set: AnswerSetKey;
  byCategory: Record<string, Tally>;
  /** All categories summed; its score is the category-weighted mean of the categories' scores. */
  all: Tally;
}

export interface SubjectResult {
  seq: number;
  kind: 'team' | 'cadre';
  items: ItemResult[];
  /** The item-weighted score within each category. */
  byCategory: Record<string, number | null>;
  /** The category-weighted mean of byCategory: the person's (or the team's) total. */
  total: number | null;
}

export interface EvaluationResult {
  ballotsByCategory: Record<string, number>;
  subjects: SubjectResult[];
}

/** The weighted mean of the entries that have a value; weights are renormalized over them. */
export function weightedMean(entries: readonly { value: number | null; weight: number }[]): number | null {
  const present = entries.filter((e) => e.value !== null && e.weight > 0);
  const w = present.reduce((s, e) => s + e.weight, 0);
  return w > 0 ? present.reduce((s, e) => s + (e.value as number) * e.weight, 0) / w : null;
}

function tally(set: AnswerSetKey, counts: Record<string, number>): Tally {
  const options: readonly AnswerOption[] = ANSWER_SETS[set];
  let answered = 0;
  let counted = 0;
  let scored = 0;
  let points = 0;
  let top = 0;
  let acceptable = 0;
  for (const o of options) {
    const n = counts[o.key] ?? 0;
    answered += n;
    if (o.counted) counted += n;
    if (o.score !== null) {
      scored += n;
      points += n * o.score;
    }
    if (o.top) top += n;
    if (o.acceptable) acceptable += n;
  }
  return {
    counts: Object.fromEntries(options.map((o) => [o.key, counts[o.key] ?? 0])),
    answered,
    counted,
    score: scored ? points / scored : null,
    topRate: counted ? top / counted : null,
    acceptableRate: counted ? acceptable / counted : null,
  };
}

/**
 * Counts the ballots per subject × item × category and weighs them: an item's score in a category is the
 * mean points of its scored answers; a subject's score in a category weighs its items (dimension weights);
 * its total weighs the categories (category weights). Categories or items without a scored answer drop out
 * and the remaining weights are renormalized, so a category that cast no ballot does not count as zero.
 */
export function aggregateEvaluation(def: EvalDefinition, ballots: readonly CategoryBallot[]): EvaluationResult {
  const ballotsByCategory = Object.fromEntries(def.categories.map((c) => [c.key, 0]));
  // counts[subject][item][category][option]
  const counts = new Map<string, Record<string, number>>();
  const key = (s: number | string, i: string, c: string) => `${s}\u0000${i}\u0000${c}`;
  for (const b of ballots) {
    if (!(b.category in ballotsByCategory)) continue;
    ballotsByCategory[b.category]++;
    for (const [seq, items] of Object.entries(b.answers)) {
      for (const [item, answer] of Object.entries(items)) {
        const k = key(seq, item, b.category);
        const c = counts.get(k) ?? {};
        c[answer] = (c[answer] ?? 0) + 1;
        counts.set(k, c);
      }
    }
  }
  const catWeight = (c: string) => def.categories.find((x) => x.key === c)?.weight ?? 0;
  const subjects = def.subjects.map((s): SubjectResult => {
    const items = itemsOf(def, s.kind).map((it): ItemResult => {
      const byCategory = Object.fromEntries(def.categories.map((c) => [c.key, tally(it.set, counts.get(key(s.seq, it.key, c.key)) ?? {})]));
      const summed: Record<string, number> = {};
      for (const t of Object.values(byCategory)) for (const [o, n] of Object.entries(t.counts)) summed[o] = (summed[o] ?? 0) + n;
      const all = tally(it.set, summed);
      all.score = weightedMean(def.categories.map((c) => ({ value: byCategory[c.key].score, weight: c.weight })));
      return { key: it.key, weight: it.weight, set: it.set, byCategory, all };
    });
    const byCategory = Object.fromEntries(
      def.categories.map((c) => [c.key, weightedMean(items.map((i) => ({ value: i.byCategory[c.key].score, weight: i.weight })))]),
    );
    const total = weightedMean(Object.entries(byCategory).map(([c, value]) => ({ value, weight: catWeight(c) })));
    return { seq: s.seq, kind: s.kind, items, byCategory, total };
  });
  return { ballotsByCategory, subjects };
}

/** Scores and rates as shown and exported: two decimals, rates as percentages. */
export const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
export const percent = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 100);

// Voting codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as XXXXX-XXXXX.
// 31^10 ≈ 8 × 10^14 codes: with the public routes rate-limited, guessing one of an evaluation's few
// hundred live codes is hopeless.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

/** The code as typed (any case, spaces and dashes) → its canonical form, or null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const c = typed.toUpperCase().replace(/[\s-]/g, '');
  return c.length === CODE_LENGTH && [...c].every((ch) => CODE_ALPHABET.includes(ch)) ? c : null;
}

/** ABCDE-FGHJK, as printed on a slip. */
export const formatCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

import { describe, expect, it } from 'vitest';
import {
  aggregateEvaluation,
  ballotProblem,
  formatCode,
  normalizeCode,
  percent,
  round2,
  weightedMean,
  type CategoryBallot,
  type EvalDefinition,
} from './democratic-evaluation';

// A team (seq 0, overall item on 满意/基本满意/不满意/不了解) and one cadre (seq 1) on two dimensions
// weighted 60/40 with 优秀/称职/基本称职/不称职; two voter categories weighted 70/30.
const def: EvalDefinition = {
  dimensions: [
    { key: 'd1', label: '德', weight: 60 },
    { key: 'd2', label: '绩', weight: 40 },
  ],
  answerSet: 'grade',
  teamAnswerSet: 'satisfaction',
  subjects: [
    { seq: 0, kind: 'team' },
    { seq: 1, kind: 'cadre' },
  ],
  categories: [
    { key: 'c1', weight: 70 },
    { key: 'c2', weight: 30 },
  ],
};
const ballots: CategoryBallot[] = [
  { category: 'c1', answers: { 0: { overall: 'satisfied' }, 1: { d1: 'excellent', d2: 'competent' } } },
  { category: 'c1', answers: { 0: { overall: 'unknown' }, 1: { d1: 'competent', d2: 'competent' } } },
  { category: 'c1', answers: { 0: { overall: 'fair' }, 1: { d1: 'excellent' } } }, // d2 left blank
  { category: 'c2', answers: { 0: { overall: 'dissatisfied' }, 1: { d1: 'basic', d2: 'incompetent' } } },
];

describe('aggregateEvaluation against a hand count', () => {
  const r = aggregateEvaluation(def, ballots);
  const team = r.subjects[0];
  const cadre = r.subjects[1];

  it('counts the ballots of each category', () => {
    expect(r.ballotsByCategory).toEqual({ c1: 3, c2: 1 });
  });

  it.each([
    // item, category, counts, answered, counted, score, top rate, acceptable rate
    ['team overall', 'c1', { satisfied: 1, fair: 1, dissatisfied: 0, unknown: 1 }, 3, 2, 85, 0.5, 1],
    ['team overall', 'c2', { satisfied: 0, fair: 0, dissatisfied: 1, unknown: 0 }, 1, 1, 0, 0, 0],
    ['cadre d1', 'c1', { excellent: 2, competent: 1, basic: 0, incompetent: 0 }, 3, 3, 280 / 3, 2 / 3, 1],
    ['cadre d2', 'c1', { excellent: 0, competent: 2, basic: 0, incompetent: 0 }, 2, 2, 80, 0, 1],
    ['cadre d1', 'c2', { excellent: 0, competent: 0, basic: 1, incompetent: 0 }, 1, 1, 60, 0, 0],
    ['cadre d2', 'c2', { excellent: 0, competent: 0, basic: 0, incompetent: 1 }, 1, 1, 0, 0, 0],
  ] as const)('%s in %s', (what, cat, counts, answered, counted, score, top, acceptable) => {
    const item = what === 'team overall' ? team.items[0] : cadre.items.find((i) => i.key === what.slice(-2))!;
    const t = item.byCategory[cat];
    expect(t.counts).toEqual(counts);
    expect([t.answered, t.counted]).toEqual([answered, counted]);
    expect(t.score).toBeCloseTo(score, 9);
    expect(t.topRate).toBeCloseTo(top, 9);
    expect(t.acceptableRate).toBeCloseTo(acceptable, 9);
  });

  it('leaves 不了解 out of the rates and the score, but counts it as answered', () => {
    const all = team.items[0].all;
    expect(all.counts).toEqual({ satisfied: 1, fair: 1, dissatisfied: 1, unknown: 1 });
    expect([all.answered, all.counted]).toEqual([4, 3]);
    expect(all.topRate).toBeCloseTo(1 / 3, 9);
    expect(all.acceptableRate).toBeCloseTo(2 / 3, 9);
  });

  it('weighs categories for an item: d1 = (93.33 × 70 + 60 × 30) / 100', () => {
    const d1 = cadre.items[0].all;
    expect(d1.score).toBeCloseTo(((280 / 3) * 70 + 60 * 30) / 100, 9);
    expect(d1.counts).toEqual({ excellent: 2, competent: 1, basic: 1, incompetent: 0 });
    expect(d1.topRate).toBe(0.5);
    expect(d1.acceptableRate).toBe(0.75);
  });

  it('weighs dimensions within a category and categories for the total', () => {
    expect(cadre.byCategory.c1).toBeCloseTo(88, 9); // 93.33 × 0.6 + 80 × 0.4
    expect(cadre.byCategory.c2).toBeCloseTo(36, 9); // 60 × 0.6 + 0 × 0.4
    expect(cadre.total).toBeCloseTo(72.4, 9); // 88 × 0.7 + 36 × 0.3
    expect(team.byCategory).toEqual({ c1: 85, c2: 0 });
    expect(team.total).toBeCloseTo(59.5, 9);
  });

  it('drops a category that cast no ballot instead of counting it as zero', () => {
    const only = aggregateEvaluation(def, ballots.slice(0, 3));
    expect(only.subjects[1].byCategory.c2).toBeNull();
    expect(only.subjects[1].total).toBeCloseTo(88, 9);
  });

  it('ignores a ballot of a category the evaluation does not have', () => {
    expect(aggregateEvaluation(def, [{ category: 'zz', answers: { 1: { d1: 'excellent' } } }]).subjects[1].total).toBeNull();
  });

  it('scores nobody when there are no ballots', () => {
    const empty = aggregateEvaluation(def, []);
    expect(empty.subjects.map((s) => s.total)).toEqual([null, null]);
    expect(empty.subjects[1].items[0].all.topRate).toBeNull();
  });
});

describe('ballotProblem', () => {
  it.each([
    [{ 0: { overall: 'fair' } }, null],
    [{ 1: { d1: 'excellent', d2: 'basic' } }, null],
    [{}, '请至少填写一项'],
    [{ 0: {} }, '请至少填写一项'],
    [{ 7: { d1: 'excellent' } }, '测评对象 7 不在本次测评中'],
    [{ 1: { overall: 'fair' } }, '测评项目 overall 不在本次测评中'],
    [{ 0: { d1: 'excellent' } }, '测评项目 d1 不在本次测评中'],
    [{ 1: { d1: 'satisfied' } }, '“satisfied”不是该项目的选项'],
  ])('%j → %s', (answers, problem) => {
    expect(ballotProblem(def, answers)).toBe(problem);
  });
});

describe('weightedMean, round2, percent', () => {
  it.each([
    [[], null],
    [[{ value: null, weight: 5 }], null],
    [[{ value: 80, weight: 0 }], null],
    [
      [
        { value: 80, weight: 1 },
        { value: null, weight: 9 },
        { value: 100, weight: 3 },
      ],
      95,
    ],
  ])('%j → %s', (entries, mean) => {
    expect(weightedMean(entries)).toBe(mean);
  });

  it('rounds to two decimals', () => {
    expect([round2(280 / 3), round2(null), percent(2 / 3), percent(null)]).toEqual([93.33, null, 66.67, null]);
  });
});

describe('normalizeCode, formatCode', () => {
  it.each([
    ['ABCDE-FGHJK', 'ABCDEFGHJK'],
    [' abcde fghjk ', 'ABCDEFGHJK'],
    ['23456789AB', '23456789AB'],
    ['ABCDE-FGHJ', null], // too short
    ['ABCDE-FGHJKM', null], // too long
    ['ABCDE-FGHJ0', null], // 0 is not in the alphabet
    ['OBCDEFGHJK', null], // nor O
    ['IBCDEFGHJK', null], // nor I
    ['ABCDE-FGHJ1', null], // nor 1
  ])('%j → %s', (typed, code) => {
    expect(normalizeCode(typed)).toBe(code);
  });

  it('prints a code in two groups of five', () => {
    expect(formatCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });
});

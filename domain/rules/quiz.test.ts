import { describe, expect, it } from 'vitest';
import {
  acceptsAnswers,
  attemptDeadline,
  drawPaper,
  gradeAttempt,
  gradeQuestion,
  improvesCredit,
  mayStartAttempt,
  ruleShortfalls,
  toOwnIndexes,
  toShownPlaces,
  type Candidate,
  type DrawRule,
  type GradableQuestion,
  type MultiScoring,
  type QuizResponse,
} from './quiz.js';

const single: GradableQuestion = { type: 'single', answer: [2] };
const multiple: GradableQuestion = { type: 'multiple', answer: [0, 1, 3] };
const judge: GradableQuestion = { type: 'judge', answer: false };
const fill: GradableQuestion = {
  type: 'fill',
  answer: [
    ['1921', '1921年'],
    ['七一', '7月1日'],
  ],
};

describe('gradeQuestion', () => {
  const cases: [string, GradableQuestion, QuizResponse, MultiScoring, number, boolean][] = [
    ['single right', single, [2], 'all', 2, true],
    ['single wrong', single, [1], 'all', 0, false],
    ['single with two picks', single, [1, 2], 'all', 0, false],
    ['no answer', single, null, 'all', 0, false],
    ['multiple all right', multiple, [3, 0, 1], 'all', 2, true],
    ['multiple incomplete, all or nothing', multiple, [0, 1], 'all', 0, false],
    ['multiple incomplete, partial: half', multiple, [0, 1], 'partial', 1, false],
    ['multiple with a wrong pick, partial: nothing', multiple, [0, 1, 2], 'partial', 0, false],
    ['multiple empty', multiple, [], 'partial', 0, false],
    ['judge right', judge, false, 'all', 2, true],
    ['judge wrong', judge, true, 'all', 2 * 0, false],
    ['judge with a choice list', judge, [0], 'all', 0, false],
    ['fill right with variants and full-width digits', fill, ['１９２１年', '7月1日'], 'all', 2, true],
    ['fill ignores spaces and final punctuation', fill, [' 1921 ', '七一。'], 'all', 2, true],
    ['fill one blank wrong, all or nothing', fill, ['1921', '八一'], 'all', 0, false],
    ['fill one blank wrong, partial: its share', fill, ['1921', '八一'], 'partial', 1, false],
    ['fill empty blanks', fill, ['', ''], 'partial', 0, false],
  ];
  it.each(cases)('%s', (_n, q, r, s, earned, correct) => {
    expect(gradeQuestion(q, r, 2, s)).toEqual({ earned, correct });
  });
});

describe('gradeAttempt', () => {
  it.each([
    [
      [
        { earned: 2, points: 2 },
        { earned: 1, points: 2 },
        { earned: 0, points: 1 },
      ],
      60,
      { earned: 3, total: 5, percent: 60, passed: true },
    ],
    [[{ earned: 2, points: 3 }], 67, { earned: 2, total: 3, percent: 66.6, passed: false }],
    [[], 60, { earned: 0, total: 0, percent: 0, passed: false }],
  ])('%j against %i%%', (items, pass, expected) => {
    expect(gradeAttempt(items, pass)).toEqual(expected);
  });
});

const bank = (n: number, type: Candidate['type'], category: string, from: number, bankId = 1): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({
    id: from + i,
    bankId,
    type,
    category,
    optionCount: type === 'single' ? 4 : type === 'multiple' ? 5 : 0,
  }));
const candidates = [
  ...bank(6, 'single', '党章', 1),
  ...bank(4, 'single', '党史', 100),
  ...bank(5, 'multiple', '党章', 200),
  ...bank(3, 'judge', '', 300),
];

describe('drawPaper', () => {
  const rules: DrawRule[] = [
    { bankId: 1, type: 'single', category: null, count: 5, points: 2 },
    { bankId: 1, type: 'single', category: '党史', count: 4, points: 2 },
    { bankId: 1, type: 'multiple', category: '党章', count: 3, points: 4 },
    { bankId: 1, type: 'judge', category: null, count: 2, points: 1 },
  ];

  it('draws the counts of each rule, never a question twice, laid out by type', () => {
    const paper = drawPaper(rules, candidates, 42);
    expect(paper).toHaveLength(14);
    expect(new Set(paper.map((p) => p.questionId)).size).toBe(14);
    // every 党史 question went to the narrower rule, and the broad rule took 5 of the rest
    expect(paper.filter((p) => p.questionId >= 100 && p.questionId < 200)).toHaveLength(4);
    expect(paper.map((p) => p.type)).toEqual([...Array(9).fill('single'), ...Array(3).fill('multiple'), 'judge', 'judge']);
    expect(paper.map((p) => p.position)).toEqual([...Array(14).keys()]);
    expect(paper.reduce((s, p) => s + p.points, 0)).toBe(9 * 2 + 3 * 4 + 2);
  });

  it('shuffles each choice question’s options as a permutation, and only those', () => {
    for (const p of drawPaper(rules, candidates, 7)) {
      const n = p.type === 'single' ? 4 : p.type === 'multiple' ? 5 : 0;
      expect([...p.optionOrder].sort()).toEqual([...Array(n).keys()]);
    }
  });

  it('is the same for the same seed and differs between seeds', () => {
    expect(drawPaper(rules, candidates, 99)).toEqual(drawPaper(rules, candidates, 99));
    const a = drawPaper(rules, candidates, 1).map((p) => [p.questionId, p.optionOrder]);
    const b = drawPaper(rules, candidates, 2).map((p) => [p.questionId, p.optionOrder]);
    expect(a).not.toEqual(b);
  });

  it('names the rules that cannot be met', () => {
    const short: DrawRule[] = [
      { bankId: 1, type: 'single', category: null, count: 8, points: 1 },
      { bankId: 1, type: 'single', category: '党史', count: 3, points: 1 },
      { bankId: 2, type: 'judge', category: null, count: 1, points: 1 },
    ];
    // the 党史 rule takes 3 first; 7 singles are left for a rule asking 8
    expect(ruleShortfalls(short, candidates)).toEqual([1, 0, 1]);
    expect(ruleShortfalls(rules, candidates)).toEqual([0, 0, 0, 0]);
    expect(() => drawPaper(short, candidates, 1)).toThrow();
  });
});

describe('option places', () => {
  it.each([
    [
      [1, 0],
      [2, 0, 3, 1],
      [0, 2],
    ],
    [[3], [2, 0, 3, 1], [1]],
    [[9], [2, 0, 3, 1], []],
  ])('shown %j under order %j are own %j, and back', (shown, order, own) => {
    expect(toOwnIndexes(shown, order)).toEqual(own);
    if (own.length) expect(toShownPlaces(own, order)).toEqual([...shown].sort());
  });
});

describe('time and attempts', () => {
  const start = new Date('2026-05-01T02:00:00Z');
  it.each([
    [30, '2026-05-01T02:30:00Z', true],
    [30, '2026-05-01T02:30:30Z', true],
    [30, '2026-05-01T02:30:31Z', false],
    [1, '2026-05-01T02:05:00Z', false],
  ])('a %i-minute sitting accepts answers at %s: %s', (limit, at, ok) => {
    expect(acceptsAnswers(attemptDeadline(start, limit), new Date(at))).toBe(ok);
  });
  it.each([
    [0, 1, true],
    [1, 1, false],
    [2, 3, true],
    [50, null, true],
  ])('%i used of %s: may start %s', (used, max, ok) => {
    expect(mayStartAttempt(used, max)).toBe(ok);
  });
  it.each([
    [null, { earned: 6, total: 10, percent: 60, passed: true }, true],
    [60, { earned: 6, total: 10, percent: 60, passed: true }, false],
    [60, { earned: 8, total: 10, percent: 80, passed: true }, true],
    [null, { earned: 5, total: 10, percent: 50, passed: false }, false],
  ])('best %s then %j: credit %s', (best, grade, yes) => {
    expect(improvesCredit(best, grade)).toBe(yes);
  });
});

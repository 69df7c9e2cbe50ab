import { describe, expect, it } from 'vitest';
import {
  acceptanceBlocker,
  checklistForYear,
  checklistProblems,
  DEFAULT_CHECKLIST,
  rectificationSummary,
  scoreError,
  scoreProblems,
  starsFor,
  STANDARD_CATEGORIES,
  totalScore,
  weakSuggestions,
  type StandardItem,
  type WeakSignals,
} from './standards';

const T = DEFAULT_CHECKLIST.starThresholds;
const items: StandardItem[] = [
  { code: 'A', category: '组织设置', title: '甲', maxScore: 60, guide: '' },
  { code: 'B', category: '组织生活', title: '乙', maxScore: 40, guide: '' },
];

describe('the default checklist (L)', () => {
  it('has 100 points over the seven categories, each item with a guide, and passes its own checks', () => {
    expect(DEFAULT_CHECKLIST.items.reduce((n, i) => n + i.maxScore, 0)).toBe(100);
    expect([...new Set(DEFAULT_CHECKLIST.items.map((i) => i.category))]).toEqual([...STANDARD_CATEGORIES]);
    expect(DEFAULT_CHECKLIST.items.every((i) => i.guide.length > 10)).toBe(true);
    expect(checklistProblems(DEFAULT_CHECKLIST.items, T)).toEqual([]);
  });
});

describe('starsFor (五星 ≥ 95, 四星 ≥ 85, 三星 ≥ 75, 二星 ≥ 60, 一星 below)', () => {
  it.each([
    [100, 5],
    [95, 5],
    [94.5, 4],
    [85, 4],
    [84.5, 3],
    [75, 3],
    [74.5, 2],
    [60, 2],
    [59.5, 1],
    [0, 1],
  ])('%d points → %d stars', (total, stars) => {
    expect(starsFor(total, T)).toBe(stars);
  });

  it('reads configured thresholds in any order', () => {
    const mine = [
      { stars: 1, minScore: 0 },
      { stars: 5, minScore: 90 },
      { stars: 3, minScore: 70 },
      { stars: 4, minScore: 80 },
      { stars: 2, minScore: 50 },
    ];
    expect(starsFor(90, mine)).toBe(5);
    expect(starsFor(55, mine)).toBe(2);
  });
});

describe('scoreError: 0 ≤ score ≤ maxScore, step 0.5', () => {
  it.each<[number, number, string | null]>([
    [0, 4, null],
    [4, 4, null],
    [3.5, 4, null],
    [4.5, 4, '不能超过该项满分 4 分'],
    [-0.5, 4, '不能为负'],
    [2.3, 4, '0.5 分为单位'],
    [Number.NaN, 4, '应为数字'],
    [Number.POSITIVE_INFINITY, 4, '应为数字'],
  ])('%d of %d', (score, max, problem) => {
    const e = scoreError(score, max);
    if (problem === null) expect(e).toBeNull();
    else expect(e).toContain(problem);
  });
});

describe('score sheets', () => {
  it('adds the scored items in half points', () => {
    expect(totalScore(items, { A: { score: 55.5 }, B: { score: 39.5 } })).toBe(95);
    expect(totalScore(items, { A: { score: 0.5 } })).toBe(0.5);
    expect(
      totalScore(DEFAULT_CHECKLIST.items, Object.fromEntries(DEFAULT_CHECKLIST.items.map((i) => [i.code, { score: i.maxScore - 0.5 }]))),
    ).toBe(100 - 12);
  });

  it('lets a draft leave items unscored but asks for all of them on submission, naming each', () => {
    expect(scoreProblems(items, { A: { score: 10 } }, false)).toEqual([]);
    expect(scoreProblems(items, { A: { score: 10 } }, true)).toEqual([{ code: 'B', message: '“乙”尚未评分' }]);
  });

  it('refuses a score above the item maximum and a code not in the checklist', () => {
    const p = scoreProblems(items, { A: { score: 61 }, X: { score: 1 } }, false);
    expect(p.map((x) => x.code)).toEqual(['X', 'A']);
    expect(p[1].message).toBe('“甲”分值不能超过该项满分 60 分');
  });
});

describe('checklist versions', () => {
  it.each<[string, StandardItem[], typeof T, string]>([
    ['items not adding up to 100', [items[0]], T, '合计应为 100 分，现为 60 分'],
    ['a repeated code', [items[0], { ...items[1], code: 'A' }], T, '编号 A 重复'],
    [
      'a maximum not in half points',
      [
        { ...items[0], maxScore: 59.7 },
        { ...items[1], maxScore: 40.3 },
      ],
      T,
      '0.5 分倍数',
    ],
    ['a missing star level', items, T.slice(0, 4), '五星至一星各一档'],
    ['thresholds out of order', items, [{ stars: 5, minScore: 80 }, { stars: 4, minScore: 85 }, ...T.slice(2)], '四星的分数线应低于五星'],
    ['a 1-star floor above 0', items, [...T.slice(0, 4), { stars: 1, minScore: 10 }], '一星的分数线应为 0'],
  ])('refuses %s', (_n, its, th, message) => {
    expect(
      checklistProblems(its, th)
        .map((p) => p.message)
        .join('；'),
    ).toContain(message);
  });

  it('uses the version in force on 1 January of the year', () => {
    const v = [
      { id: 1, effectiveFrom: '2019-01-01' },
      { id: 2, effectiveFrom: '2026-01-01' },
      { id: 3, effectiveFrom: '2026-07-01' },
    ];
    expect(checklistForYear(v, 2025)?.id).toBe(1);
    expect(checklistForYear(v, 2026)?.id).toBe(2);
    expect(checklistForYear(v, 2027)?.id).toBe(3);
    expect(checklistForYear(v, 2018)).toBeNull();
  });
});

describe('weak-organization suggestions (L: ≤ 2 stars, < 12 meetings in 12 months, overdue term)', () => {
  const base: WeakSignals = { lastYear: 2025, lastYearStars: 4, meetingsLast12Months: 30, termOverdueSince: null };
  it.each<[string, Partial<WeakSignals>, string[]]>([
    ['nothing for a sound branch', {}, []],
    ['two stars last year', { lastYearStars: 2 }, ['2025年星级评定为二星（二星及以下）']],
    ['three stars is not a signal', { lastYearStars: 3 }, []],
    ['no rating is not a signal', { lastYearStars: null }, []],
    ['11 meetings', { meetingsLast12Months: 11 }, ['近12个月记录组织生活 11 次（少于 12 次）']],
    ['12 meetings is enough', { meetingsLast12Months: 12 }, []],
    ['an overdue term', { termOverdueSince: '2026-03-01' }, ['任期已于 2026-03-01 届满，尚未换届']],
  ])('%s', (_n, over, texts) => {
    expect(weakSuggestions({ ...base, ...over }).map((s) => s.text)).toEqual(texts);
  });

  it('points each suggestion to a listed reason', () => {
    const s = weakSuggestions({ lastYear: 2025, lastYearStars: 1, meetingsLast12Months: 0, termOverdueSince: '2026-01-01' });
    expect(s.map((x) => x.reason)).toEqual(['low_rating', 'life_irregular', 'election_overdue']);
  });
});

describe('rectification', () => {
  const task = (progress: number, status: 'open' | 'done', dueOn: string) => ({ progress, status, dueOn });
  it('sums up progress and counts open tasks past due', () => {
    expect(
      rectificationSummary([task(50, 'open', '2026-01-01'), task(100, 'done', '2025-01-01'), task(0, 'open', '2026-12-31')], '2026-06-01'),
    ).toEqual({ tasks: 3, done: 1, progress: 50, overdue: 1 });
    expect(rectificationSummary([], '2026-06-01')).toEqual({ tasks: 0, done: 0, progress: 0, overdue: 0 });
  });

  it.each<[string, ReturnType<typeof task>[], string | null]>([
    ['no tasks yet', [], '尚未制定整改任务'],
    ['one task open', [task(100, 'done', '2026-01-01'), task(90, 'open', '2026-01-01')], '还有 1 项整改任务未完成'],
    ['all done', [task(100, 'done', '2026-01-01')], null],
  ])('acceptance with %s', (_n, tasks, message) => {
    const b = acceptanceBlocker(tasks);
    if (message === null) expect(b).toBeNull();
    else expect(b).toContain(message);
  });
});

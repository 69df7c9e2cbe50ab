import { describe, expect, it } from 'vitest';
import { bandOf, indicatorSetProblem, indicatorsInForce, scoreEvaluation, scoresProblem, type IndicatorDef } from './talent-evaluation';

const ind = (
  code: string,
  kind: 'achieved' | 'potential',
  weight: number,
  effectiveOn = '2025-01-01',
  supersededOn: string | null = null,
) => ({ code, name: code, kind, weight, effectiveOn, supersededOn }) satisfies IndicatorDef;

const SET = [
  ind('papers', 'achieved', 30),
  ind('projects', 'achieved', 30),
  ind('training', 'potential', 20),
  ind('growth', 'potential', 20),
];

describe('scoring an evaluation by 显绩 and 潜绩', () => {
  it.each([
    [
      { papers: 80, projects: 60, training: 90, growth: 70 },
      { achieved: 70, potential: 80, total: 74 },
    ],
    [
      { papers: 100, projects: 100, training: 0, growth: 0 },
      { achieved: 100, potential: 0, total: 60 },
    ],
    [
      { papers: 0, projects: 0, training: 0, growth: 0 },
      { achieved: 0, potential: 0, total: 0 },
    ],
    [
      { papers: 77, projects: 78, training: 81, growth: 83 },
      { achieved: 77.5, potential: 82, total: 79.3 },
    ],
    [
      { papers: 33, projects: 34, training: 35, growth: 36 },
      { achieved: 33.5, potential: 35.5, total: 34.3 },
    ],
  ])('%j → %j', (scores, want) => expect(scoreEvaluation(SET, scores)).toEqual(want));

  it('weighs unequal weights within a kind', () => {
    const set = [ind('a', 'achieved', 60), ind('b', 'achieved', 20), ind('c', 'potential', 20)];
    expect(scoreEvaluation(set, { a: 90, b: 30, c: 50 })).toEqual({ achieved: 75, potential: 50, total: 70 });
  });
});

describe('the scores must match the set', () => {
  it.each([
    [{ papers: 1, projects: 1, training: 1, growth: 1 }, null],
    [{ papers: 1, projects: 1, training: 1 }, '请为“growth”打分'],
    [{ papers: 1, projects: 1, training: 1, growth: 1, extra: 5 }, '指标“extra”不在适用的指标体系中'],
    [{ papers: 101, projects: 1, training: 1, growth: 1 }, '“papers”的得分应在 0–100 之间'],
  ])('%j → %s', (scores, want) => expect(scoresProblem(SET, scores)).toBe(want));
});

describe('a set of indicators', () => {
  it.each([
    [SET, null],
    [[], '请至少设置一项指标'],
    [[ind('a', 'achieved', 50), ind('a', 'potential', 50)], '指标代码不能重复'],
    [[ind('a', 'achieved', 100)], '请至少设置一项潜绩指标'],
    [[ind('a', 'potential', 100)], '请至少设置一项显绩指标'],
    [[ind('a', 'achieved', 50), ind('b', 'potential', 40)], '各项指标权重之和应为 100（现为 90）'],
  ])('%#: %s', (set, want) => expect(indicatorSetProblem(set)).toBe(want));

  const old = [ind('x', 'achieved', 50, '2024-01-01', '2025-07-01'), ind('y', 'potential', 50, '2024-01-01', '2025-07-01')];
  const neu = [ind('x', 'achieved', 70, '2025-07-01'), ind('z', 'potential', 30, '2025-07-01')];
  it.each([
    ['2023-12-31', []],
    ['2024-06-30', ['x@2024-01-01', 'y@2024-01-01']],
    ['2025-06-30', ['x@2024-01-01', 'y@2024-01-01']],
    ['2025-07-01', ['x@2025-07-01', 'z@2025-07-01']],
    ['2026-12-31', ['x@2025-07-01', 'z@2025-07-01']],
  ])('in force on %s: %j', (on, want) =>
    expect(indicatorsInForce([...old, ...neu], on).map((i) => `${i.code}@${i.effectiveOn}`)).toEqual(want),
  );
});

describe('bands of a total', () => {
  it.each([
    [100, '90-100'],
    [90, '90-100'],
    [89.99, '80-89'],
    [60, '60-69'],
    [59.99, '0-59'],
    [0, '0-59'],
  ])('%d → %s', (total, want) => expect(bandOf(total)).toBe(want));
});

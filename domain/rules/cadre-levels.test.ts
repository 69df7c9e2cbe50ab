import { describe, expect, it } from 'vitest';
import { atOrAbove, isCadreLevel, isPrincipal, levelRank, levelSteps, tierBelow, tierOf } from './cadre-levels';

describe('cadre levels (领导职务层次, ordered from the top)', () => {
  it.each([
    ['正部', 8, '省部级', true],
    ['副部', 7, '省部级', false],
    ['正厅', 6, '厅局级', true],
    ['副厅', 5, '厅局级', false],
    ['正处', 4, '县处级', true],
    ['副处', 3, '县处级', false],
    ['正科', 2, '乡科级', true],
    ['副科', 1, '乡科级', false],
  ] as const)('%s: rank %i, %s, principal %s', (level, rank, tier, principal) => {
    expect(levelRank(level)).toBe(rank);
    expect(tierOf(level)).toBe(tier);
    expect(isPrincipal(level)).toBe(principal);
  });

  it.each([
    ['副处', '正处', 1],
    ['正科', '副处', 1],
    ['副科', '副处', 2],
    ['副科', '正处', 3],
    ['正处', '副处', -1],
  ] as const)('%s → %s is %i steps', (from, to, steps) => {
    expect(levelSteps(from, to)).toBe(steps);
  });

  it('knows the tiers at or above a tier and the tier below', () => {
    expect(atOrAbove('副处', '县处级')).toBe(true);
    expect(atOrAbove('正厅', '县处级')).toBe(true);
    expect(atOrAbove('正科', '县处级')).toBe(false);
    expect(tierBelow('县处级')).toBe('乡科级');
    expect(tierBelow('乡科级')).toBeNull();
    expect(isCadreLevel('正处')).toBe(true);
    expect(isCadreLevel('处级')).toBe(false);
  });
});

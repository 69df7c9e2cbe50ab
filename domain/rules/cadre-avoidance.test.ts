import { describe, expect, it } from 'vitest';
import { avoidanceConflicts, relationKind, type Placement } from './cadre-avoidance';

describe('relationKind (GB/T 4761 称谓 → 回避 relation)', () => {
  it.each([
    ['配偶', 'spouse'],
    ['妻子', 'spouse'],
    ['丈夫', 'spouse'],
    ['父亲', 'lineal'],
    ['母亲', 'lineal'],
    ['长子', 'lineal'],
    ['次女', 'lineal'],
    ['独生女', 'lineal'],
    ['养子', 'lineal'],
    ['外祖母', 'lineal'],
    ['孙女', 'lineal'],
    ['哥哥', 'collateral-within-three'],
    ['妹妹', 'collateral-within-three'],
    ['叔父', 'collateral-within-three'],
    ['舅舅', 'collateral-within-three'],
    ['堂兄', 'collateral-within-three'],
    ['表妹', 'collateral-within-three'],
    ['侄子', 'collateral-within-three'],
    ['外甥女', 'collateral-within-three'],
    ['岳父', 'close-in-law'],
    ['婆婆', 'close-in-law'],
    ['儿媳', 'close-in-law'],
    ['女婿', 'close-in-law'],
    ['嫂子', 'close-in-law'],
    ['姐夫', 'close-in-law'],
    ['小姨子', 'close-in-law'],
    ['亲家母', 'close-in-law'],
    ['舅母', 'close-in-law'],
    [' 岳 母 ', 'close-in-law'],
    ['表侄', 'none'], // fourth generation collateral
    ['朋友', 'none'],
    ['同学', 'none'],
    ['其他亲属', 'none'],
    ['', 'none'],
  ])('%s → %s', (r, kind) => {
    expect(relationKind(r)).toBe(kind);
  });
});

describe('avoidanceConflicts (公务员法第七十四条)', () => {
  const place = (over: Partial<Placement> & { personId: string }): Placement => ({
    name: over.personId,
    unitId: 'bureau',
    leaderId: null,
    leads: [],
    area: 'other',
    ...over,
  });
  const director = place({ personId: '局长', leads: ['bureau'] });
  const deputy = place({ personId: '副局长', leaderId: '局长' });
  const clerk = place({ personId: '科员', leaderId: '科长' });

  it('flags two relatives under the same direct leader', () => {
    const proposed = place({ personId: '新科员', leaderId: '科长' });
    const r = avoidanceConflicts(proposed, [clerk], [{ personId: '新科员', relativeId: '科员', relation: '妻子' }]);
    expect(r.map((c) => c.conflict)).toEqual(['same-leader']);
    expect(r[0].message).toContain('同一领导人员');
    expect(r[0].message).toContain('第七十四条');
  });

  it('flags a direct superior–subordinate line, whichever way the relation is recorded', () => {
    const proposed = place({ personId: '新科长', leaderId: '副局长' });
    const r = avoidanceConflicts(proposed, [deputy], [{ personId: '副局长', relativeId: '新科长', relation: '外甥' }]);
    expect(r.map((c) => c.conflict)).toEqual(['direct-line']);
    expect(r[0].relationKind).toBe('collateral-within-three');
  });

  it.each(['organization', 'discipline', 'audit', 'finance'] as const)('flags %s work in a body the relative leads', (area) => {
    const proposed = place({ personId: '会计', leaderId: '财务科长', area });
    const r = avoidanceConflicts(proposed, [director], [{ personId: '会计', relativeId: '局长', relation: '岳父' }]);
    expect(r.map((c) => c.conflict)).toEqual(['sensitive-work']);
  });

  it('flags the leader taking office over a relative in sensitive work', () => {
    const accountant = place({ personId: '会计', leaderId: '财务科长', area: 'finance' });
    const r = avoidanceConflicts(director, [accountant], [{ personId: '局长', relativeId: '会计', relation: '儿媳' }]);
    expect(r.map((c) => c.conflict)).toEqual(['sensitive-work']);
  });

  it.each([
    ['同学', 0], // no relation for 回避
    ['表侄', 0],
    ['弟弟', 1],
  ])('relation %s under the same leader → %i conflicts', (relation, n) => {
    const proposed = place({ personId: '新科员', leaderId: '科长' });
    expect(avoidanceConflicts(proposed, [clerk], [{ personId: '新科员', relativeId: '科员', relation }])).toHaveLength(n);
  });

  it('finds nothing for relatives in other work of the body or under different leaders', () => {
    const proposed = place({ personId: '新科员', leaderId: '另一科长', area: 'other' });
    const rel = [
      { personId: '新科员', relativeId: '局长', relation: '父亲' },
      { personId: '新科员', relativeId: '科员', relation: '哥哥' },
    ];
    expect(avoidanceConflicts(proposed, [director, clerk], rel)).toEqual([]);
  });

  it('finds the same leader only within the same body', () => {
    const proposed = place({ personId: '新科员', leaderId: '科长', unitId: 'other-bureau' });
    expect(avoidanceConflicts(proposed, [clerk], [{ personId: '新科员', relativeId: '科员', relation: '妻子' }])).toEqual([]);
  });
});

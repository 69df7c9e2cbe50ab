import { describe, expect, it } from 'vitest';
import {
  canEnter,
  committeeDecision,
  nextStep,
  probationApplies,
  publicityEnd,
  publicityRequired,
  SELECTION_STEPS,
  type SelectionState,
} from './cadre-selection';

describe('committeeDecision (第六章 讨论决定: ≥ ⅔ present, > ½ of all members in favour)', () => {
  it.each([
    // members, present, inFavor, quorate, passed
    [9, 6, 5, true, true], // exactly ⅔ present is enough
    [9, 5, 5, false, false], // 15 < 18
    [9, 9, 4, true, false], // 4 of 9 is not more than half
    [9, 6, 4, true, false], // a majority of those present, not of all members
    [10, 7, 6, true, true], // 21 ≥ 20
    [10, 6, 6, false, false], // 18 < 20
    [10, 10, 5, true, false], // exactly half is not more than half
    [10, 8, 6, true, true],
    [7, 5, 4, true, true], // 15 ≥ 14
    [7, 4, 4, false, false],
    [11, 8, 6, true, true], // 24 ≥ 22; 12 > 11
    [11, 8, 5, true, false],
    [3, 2, 2, true, true],
    [1, 1, 1, true, true],
    [1, 0, 0, false, false],
  ])('应到 %i, 实到 %i, 同意 %i → quorate %s, passed %s', (members, present, inFavor, quorate, passed) => {
    expect(committeeDecision({ members, present, inFavor })).toEqual({ quorate, passed });
  });

  it.each([
    [{ members: 0, present: 0, inFavor: 0 }, '至少为 1'],
    [{ members: 9, present: 10, inFavor: 0 }, '不能超过应到会成员数'],
    [{ members: 9, present: 6, inFavor: 7 }, '不能超过实到会成员数'],
    [{ members: 9, present: 6.5, inFavor: 0 }, '非负整数'],
  ])('throws a RangeError in Chinese for %o', (v, text) => {
    expect(() => committeeDecision(v)).toThrow(text);
  });
});

describe('publicityEnd (任前公示不少于 5 个工作日)', () => {
  it.each([
    ['2026-12-07', undefined, '2026-12-11'], // Monday to Friday
    ['2026-12-09', undefined, '2026-12-15'], // Wednesday: 9, 10, 11, 14, 15
    ['2026-12-05', undefined, '2026-12-11'], // Saturday: the count starts on Monday
    ['2026-09-28', undefined, '2026-10-09'], // over National Day: 28, 29, 30, 8, 9
    ['2026-09-20', undefined, '2026-09-24'], // the adjusted working Sunday counts
    ['2026-10-08', undefined, '2026-10-13'], // the adjusted working Saturday 10-10 counts
    ['2026-02-12', undefined, '2026-02-25'], // 春节: 12, 13, 14 (Sat worked), 24, 25
    ['2026-12-07', 7, '2026-12-15'],
  ])('starting %s (%s working days) it ends %s', (start, n, end) => {
    expect(publicityEnd(start, n)).toBe(end);
  });

  it('refuses fewer than 5 working days, citing the article', () => {
    expect(() => publicityEnd('2026-12-07', 3)).toThrow('公示期不少于 5 个工作日');
    expect(() => publicityEnd('2026-12-07', 3)).toThrow('第四十一条');
  });
});

describe('publicityRequired (promotions to 厅局级 and below, with the two exceptions)', () => {
  it.each([
    [true, '正处', null, true],
    [true, '正厅', null, true],
    [true, '副部', null, false],
    [false, '正处', null, false],
    [true, '副处', 'special-post', false],
    [true, '副处', 'publicised-at-election', false],
  ] as const)('promotion %s to %s (exemption %s) → %s', (promotion, level, exemption, required) => {
    expect(publicityRequired({ promotion, level, exemption }).required).toBe(required);
  });
});

describe('probationApplies (试用期: only the three listed kinds, non-elected, 厅局级 and below, on promotion)', () => {
  it.each([
    [false, '副处', 'department-deputy-or-internal', true, true],
    [false, '正科', 'department-deputy-or-internal', true, true], // an internal-unit head
    [false, '正处', 'discipline-internal', true, true],
    [false, '副处', 'court-procuratorate-internal', true, true],
    [false, '副厅', 'department-deputy-or-internal', true, true],
    [true, '副处', 'department-deputy-or-internal', true, false], // elected
    [false, '正处', 'department-principal', true, false], // a department principal: not listed
    [false, '副处', 'court-procuratorate-appointed', true, false], // appointed by the people's congress
    [false, '副部', 'department-deputy-or-internal', true, false], // above 厅局级
    [false, '副处', 'department-deputy-or-internal', false, false], // a transfer, not a promotion
    [false, '副处', 'other', true, false],
  ] as const)('elected %s, %s, %s, promotion %s → %s', (elected, level, kind, promotion, applies) => {
    expect(probationApplies({ elected, level, kind }, promotion)).toBe(applies);
  });
});

describe('the selection steps and canEnter', () => {
  const closed = { file: true, personalMatters: true, disciplineOpinion: true, complaints: true };
  const base: SelectionState = {
    at: '考察',
    checks: closed,
    post: { elected: false, level: '副处', kind: 'department-deputy-or-internal' },
    promotion: true,
    today: '2026-12-20',
  };

  it('walks the steps in the order of the 条例', () => {
    expect(SELECTION_STEPS).toEqual(['分析研判和动议', '民主推荐', '考察', '讨论决定', '任前公示', '任职', '试用期']);
    expect(nextStep('考察')).toBe('讨论决定');
    expect(nextStep('试用期')).toBeNull();
  });

  it('refuses to skip a step', () => {
    const r = canEnter('考察', { ...base, at: '分析研判和动议' });
    expect(r.ok).toBe(false);
    expect(r.reasons[0]).toContain('下一步应为“民主推荐”');
  });

  it.each(['file', 'personalMatters', 'disciplineOpinion', 'complaints'] as const)('does not leave 考察 while %s is open', (k) => {
    const r = canEnter('讨论决定', { ...base, checks: { ...closed, [k]: false } });
    expect(r.ok).toBe(false);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toContain('凡提');
  });

  it('leaves 考察 with the four checks closed', () => {
    expect(canEnter('讨论决定', base)).toEqual({ ok: true, reasons: [] });
  });

  it('needs a quorate, passed decision before publicity', () => {
    expect(canEnter('任前公示', { ...base, at: '讨论决定' }).reasons.join()).toContain('尚未讨论决定');
    const noQuorum = canEnter('任前公示', { ...base, at: '讨论决定', vote: { members: 9, present: 5, inFavor: 5 } });
    expect(noQuorum.reasons.join()).toContain('三分之二');
    const ok = canEnter('任前公示', { ...base, at: '讨论决定', vote: { members: 9, present: 6, inFavor: 5 } });
    expect(ok.ok).toBe(true);
  });

  it('takes office only after the publicity period ends', () => {
    const s: SelectionState = { ...base, at: '任前公示', vote: { members: 9, present: 9, inFavor: 8 }, publicityStartOn: '2026-09-28' };
    expect(canEnter('任职', { ...s, today: '2026-10-09' }).reasons.join()).toContain('2026-10-09 届满');
    expect(canEnter('任职', { ...s, today: '2026-10-10' }).ok).toBe(true);
  });

  it('goes from the decision straight to 任职 when no publicity is required', () => {
    const s: SelectionState = { ...base, at: '讨论决定', vote: { members: 9, present: 9, inFavor: 8 }, publicityExemption: 'special-post' };
    expect(canEnter('任职', s).ok).toBe(true);
    expect(canEnter('任前公示', s).reasons.join()).toContain('特殊岗位');
    expect(canEnter('任职', { ...s, publicityExemption: null }).ok).toBe(false);
  });

  it('enters 试用期 only where it applies', () => {
    const s: SelectionState = { ...base, at: '任职', vote: { members: 9, present: 9, inFavor: 8 }, publicityStartOn: '2026-12-07' };
    expect(canEnter('试用期', s).ok).toBe(true);
    const elected = canEnter('试用期', { ...s, post: { ...s.post, elected: true } });
    expect(elected.reasons.join()).toContain('不实行任职试用期');
  });
});

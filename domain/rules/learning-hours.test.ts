import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REQUIREMENTS,
  completionShare,
  findDuplicates,
  looksLikeSameTraining,
  onlineFloor,
  requirementOf,
  shortfall,
  versionOn,
  type RequirementVersion,
} from './learning-hours';

const V = DEFAULT_REQUIREMENTS;

describe('requirement of a person on a date (党员教育管理工作条例 2019; 干部教育培训工作条例 2023)', () => {
  it.each([
    ['a member', { member: true, committee: false, cadreLevel: null }, '2026-06-01', 32, 0],
    ['a branch secretary', { member: true, committee: true, cadreLevel: null }, '2026-06-01', 56, 0],
    ['a 乡科级 cadre', { member: true, committee: false, cadreLevel: '副科' }, '2026-06-01', 90, 50],
    [
      'a 乡科级 cadre who is also a secretary: the larger number, not the sum',
      { member: true, committee: true, cadreLevel: '正科' },
      '2026-06-01',
      90,
      50,
    ],
    ['a 县处级 cadre: 550 over 5 years', { member: true, committee: false, cadreLevel: '副处' }, '2026-06-01', 110, 50],
    ['a 厅局级 cadre who is not a member', { member: false, committee: false, cadreLevel: '正厅' }, '2026-06-01', 110, 50],
    [
      'a cadre before the 2023 条例 took effect: the member number only',
      { member: true, committee: false, cadreLevel: '副处' },
      '2022-06-01',
      32,
      0,
    ],
    ['nobody', { member: false, committee: false, cadreLevel: null }, '2026-06-01', 0, 0],
  ])('%s', (_label, person, date, hours, online) => {
    const r = requirementOf(V, person, date);
    expect([r.hours, r.onlineHours]).toEqual([hours, online]);
  });

  it('says the online floor is recalled, not verified (RULES.md §7 tag R)', () => {
    const r = requirementOf(V, { member: false, committee: false, cadreLevel: '正科' }, '2026-01-01');
    expect(r.tags).toEqual(['V', 'R']);
  });

  it('a new version applies from its date and leaves the earlier years alone', () => {
    const next: RequirementVersion[] = [
      ...V,
      { audience: 'member', hours: 40, periodYears: 1, effectiveFrom: '2027-01-01', source: 'x', tag: 'L' },
    ];
    expect(versionOn(next, 'member', '2026-12-31')?.hours).toBe(32);
    expect(versionOn(next, 'member', '2027-01-01')?.hours).toBe(40);
    expect(versionOn(next, 'member', '2018-01-01')).toBeNull();
  });
});

describe('shortfall, online floor and shares', () => {
  it.each([
    [32, 20.5, 11.5],
    [32, 32, 0],
    [32, 40.2, 0],
    [56, 55.9, 0.1],
  ])('required %s, earned %s → %s short', (req, got, s) => expect(shortfall(req, got)).toBe(s));
  it('online floor of 50', () => {
    expect(onlineFloor(50, 31.5)).toEqual({ met: false, shortfall: 18.5 });
    expect(onlineFloor(0, 0)).toEqual({ met: true, shortfall: 0 });
  });
  it('completion share to 0.1 %, none for an empty organization', () => {
    expect(completionShare(2, 3)).toBe(66.7);
    expect(completionShare(0, 0)).toBeNull();
  });
});

describe('the same training recorded by two sources', () => {
  const a = { id: 1, source: 'party_school', title: '市委党校中青年干部培训班（第12期）', hours: 24, earnedOn: '2026-04-10' };
  it.each([
    ['same training self-reported', { id: 2, source: 'self', title: '中青年干部培训班第12期', hours: 24, earnedOn: '2026-04-12' }, true],
    ['different hours', { id: 2, source: 'self', title: '中青年干部培训班第12期', hours: 12, earnedOn: '2026-04-12' }, false],
    ['weeks apart', { id: 2, source: 'self', title: '中青年干部培训班第12期', hours: 24, earnedOn: '2026-05-20' }, false],
    ['another title', { id: 2, source: 'assigned', title: '基层治理专题研讨班', hours: 24, earnedOn: '2026-04-10' }, false],
    [
      'same source twice',
      { id: 2, source: 'party_school', title: '市委党校中青年干部培训班（第12期）', hours: 24, earnedOn: '2026-04-10' },
      false,
    ],
  ])('%s', (_l, b, same) => expect(looksLikeSameTraining(a, b)).toBe(same));

  it('marks the lower-ranked source once, as the duplicate of the higher one', () => {
    const self = { id: 9, source: 'self', title: '中青年干部培训班第12期', hours: 24, earnedOn: '2026-04-12' };
    const assigned = { id: 5, source: 'assigned', title: '市委党校中青年干部培训班第12期', hours: 24, earnedOn: '2026-04-10' };
    expect(findDuplicates([self, assigned, a])).toEqual([
      { id: 5, of: 1 },
      { id: 9, of: 1 },
    ]);
  });
});

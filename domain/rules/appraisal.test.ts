import { describe, expect, it } from 'vitest';
import { appraisalCounts, appraisalProblems, excellentLimit, type AppraisalEntry } from './appraisal';
import type { AppraisalGrade } from '../meeting-kinds';

describe('优秀 at most ⅓ of those graded (RULES.md §3, local practice)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [10, 3],
    [29, 9],
    [30, 10],
    [31, 10],
  ])('%i graded → at most %i 优秀', (graded, limit) => {
    expect(excellentLimit(graded)).toBe(limit);
  });
});

const full = (id: number, grade: AppraisalGrade | null): AppraisalEntry => ({ memberId: id, category: 'full', grade });
const prob = (id: number, grade: AppraisalGrade | null = null): AppraisalEntry => ({ memberId: id, category: 'probationary', grade });

describe('appraisal problems', () => {
  it('accepts a complete appraisal within the limit, probationary members ungraded', () => {
    const e = [
      full(1, 'excellent'),
      full(2, 'qualified'),
      full(3, 'qualified'),
      full(4, 'basically_qualified'),
      full(5, 'qualified'),
      full(6, 'excellent'),
      prob(7),
    ];
    expect(appraisalProblems(e, true)).toEqual([]);
    expect(appraisalCounts(e)).toMatchObject({
      toGrade: 6,
      graded: 6,
      probationary: 1,
      excellentLimit: 2,
      byGrade: { excellent: 2, qualified: 3 },
    });
  });
  it('refuses a third 优秀 among 6 full members (limit 2); probationary members do not raise the limit', () => {
    const e = [
      full(1, 'excellent'),
      full(2, 'excellent'),
      full(3, 'excellent'),
      full(4, 'qualified'),
      full(5, 'qualified'),
      full(6, 'qualified'),
      prob(7),
      prob(8),
      prob(9),
    ];
    const p = appraisalProblems(e, false);
    expect(p.map((x) => x.code)).toEqual(['excellent_over_limit']);
    expect(p[0].message).toContain('最多 2 名');
  });
  it('refuses a grade for a probationary member', () => {
    const p = appraisalProblems([full(1, 'qualified'), prob(2, 'qualified')], false);
    expect(p).toMatchObject([{ code: 'probationary_graded', memberId: 2 }]);
    expect(p[0].message).toContain('预备党员');
  });
  it('lets a draft leave members ungraded, but finalizing needs every full member graded', () => {
    const e = [full(1, 'qualified'), full(2, null), full(3, null), prob(4)];
    expect(appraisalProblems(e, false)).toEqual([]);
    const p = appraisalProblems(e, true);
    expect(p).toMatchObject([{ code: 'ungraded', memberId: 2 }]);
    expect(p[0].message).toContain('2 名正式党员未评定');
  });
  it('keeps the limit fixed while the grid is being filled (it counts those to be graded)', () => {
    expect(appraisalCounts([full(1, 'excellent'), full(2, null), full(3, null)]).excellentLimit).toBe(1);
    expect(appraisalProblems([full(1, 'excellent'), full(2, null), full(3, null)], false)).toEqual([]);
  });
});

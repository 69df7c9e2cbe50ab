import { describe, expect, it } from 'vitest';
import { consequences, excellentQuota, gradeAllowed, workingYear, type AssessedPerson } from './assessment';

describe('excellentQuota (优秀 一般不超过 20%, 经批准不超过 25%; rounded down)', () => {
  it.each([
    [10, false, 2],
    [12, false, 2], // 2.4 → 2
    [14, false, 2], // 2.8 → 2: rounding up would exceed 20%
    [15, false, 3],
    [5, false, 1],
    [4, false, 0], // 0.8 → 0: a unit this small is pooled by its 主管部门 (local practice)
    [1, false, 0],
    [0, false, 0],
    [100, false, 20],
    [10, true, 2], // 2.5 → 2
    [12, true, 3],
    [4, true, 1],
    [8, true, 2],
    [100, true, 25],
  ])('%i assessed (raised %s) → at most %i', (n, raised, q) => {
    expect(excellentQuota(n, raised)).toBe(q);
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => excellentQuota(-1)).toThrow('非负整数');
    expect(() => excellentQuota(2.5)).toThrow(RangeError);
  });
});

describe('consequences (第十九条, 第二十一条; 公务员法第五十条、第八十八条)', () => {
  const kinds = (g: Record<number, '优秀' | '称职' | '基本称职' | '不称职'>) => consequences(g).map((c) => `${c.year}:${c.kind}`);

  it('gives a 嘉奖 for each 优秀 and 记三等功 for three consecutive ones', () => {
    expect(kinds({ 2023: '优秀', 2024: '优秀', 2025: '优秀' })).toEqual([
      '2023:commendation',
      '2024:commendation',
      '2025:commendation',
      '2025:merit-third-class',
    ]);
  });

  it.each([
    [{ 2021: '优秀', 2022: '称职', 2023: '优秀', 2024: '优秀' }, 0], // broken by a 称职
    [{ 2020: '优秀', 2021: '优秀', 2023: '优秀' }, 0], // a missing year breaks the run
    [{ 2020: '优秀', 2021: '优秀', 2022: '优秀', 2023: '优秀' }, 1], // the fourth starts a new run
    [{ 2020: '优秀', 2021: '优秀', 2022: '优秀', 2023: '优秀', 2024: '优秀', 2025: '优秀' }, 2],
  ] as const)('%o → %i 三等功', (grades, n) => {
    expect(consequences(grades).filter((c) => c.kind === 'merit-third-class')).toHaveLength(n);
  });

  it('admonishes and bars promotion for 基本称职', () => {
    const c = consequences({ 2025: '基本称职' });
    expect(c.map((x) => x.kind)).toEqual(['admonition', 'no-promotion']);
    expect(c[0].article).toContain('第二十一条');
  });

  it('demotes for one 不称职 and dismisses for two consecutive', () => {
    expect(kinds({ 2024: '不称职' })).toEqual(['2024:demotion']);
    expect(kinds({ 2024: '不称职', 2025: '不称职' })).toEqual(['2024:demotion', '2025:dismissal']);
    expect(kinds({ 2023: '不称职', 2024: '称职', 2025: '不称职' })).toEqual(['2023:demotion', '2025:demotion']);
    expect(consequences({ 2024: '不称职', 2025: '不称职' })[1].article).toContain('第八十八条');
  });
});

describe('gradeAllowed (第二十五条 new hires, 第二十九条 sanctions)', () => {
  const none: AssessedPerson = { sanctions: [] };
  it.each([
    // sanction, imposed on, assessed year, allowed grades ('' = comments only)
    ['警告', '2025-03-01', 2025, '称职,基本称职,不称职'],
    ['警告', '2025-03-01', 2026, '优秀,称职,基本称职,不称职'],
    ['党内警告', '2025-11-01', 2025, '称职,基本称职,不称职'],
    ['记过', '2025-03-01', 2025, ''],
    ['记过', '2025-03-01', 2026, '优秀,称职,基本称职,不称职'],
    ['记大过', '2025-03-01', 2026, ''], // that year and the next
    ['降级', '2025-03-01', 2027, '优秀,称职,基本称职,不称职'],
    ['撤职', '2024-12-30', 2025, ''],
    ['党内严重警告', '2025-05-01', 2025, ''],
    ['撤销党内职务', '2025-05-01', 2025, '不称职'],
    ['留党察看', '2025-05-01', 2025, '不称职'],
    ['留党察看', '2025-05-01', 2026, ''],
    ['开除党籍', '2024-05-01', 2026, ''],
  ] as const)('%s on %s: grades for %i are [%s]', (kind, on, year, grades) => {
    const r = gradeAllowed({ sanctions: [{ kind, on }] }, year);
    expect(r.grades.join(',')).toBe(grades);
    expect(r.commentsOnly).toBe(grades === '');
  });

  it('lets two years of 留党察看 run one more year without a grade', () => {
    expect(gradeAllowed({ sanctions: [{ kind: '留党察看', on: '2024-05-01', years: 2 }] }, 2026).commentsOnly).toBe(true);
    expect(gradeAllowed({ sanctions: [{ kind: '留党察看', on: '2024-05-01', years: 1 }] }, 2026).commentsOnly).toBe(false);
  });

  it('takes the heaviest of several sanctions', () => {
    const r = gradeAllowed(
      {
        sanctions: [
          { kind: '警告', on: '2025-01-10' },
          { kind: '记过', on: '2025-06-01' },
        ],
      },
      2025,
    );
    expect(r.commentsOnly).toBe(true);
    expect(r.reason).toContain('第二十九条');
  });

  it('gives a new hire still on probation at the year end comments only', () => {
    const r = gradeAllowed({ ...none, probation: { from: '2025-08-01', to: '2026-08-01' } }, 2025);
    expect(r).toMatchObject({ grades: [], commentsOnly: true });
    expect(r.reason).toContain('第二十五条');
    expect(gradeAllowed({ ...none, probation: { from: '2025-08-01', to: '2026-08-01' } }, 2026).commentsOnly).toBe(false);
  });

  it('allows every grade otherwise', () => {
    expect(gradeAllowed(none, 2025).grades).toEqual(['优秀', '称职', '基本称职', '不称职']);
  });
});

describe('workingYear (the year being assessed, a default for screens and demo data)', () => {
  it.each([
    ['2026-12-04', 2026],
    ['2026-11-01', 2026],
    ['2026-10-31', 2025],
    ['2027-01-15', 2026],
  ])('%s → %i', (today, year) => {
    expect(workingYear(today)).toBe(year);
  });
});

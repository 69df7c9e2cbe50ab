import { describe, expect, it } from 'vitest';
import { ageOn } from './cadre-age';
import { poolAge, POOL_CRITERIA_DEFAULT, poolEligible, type PoolCandidate } from './cadre-pool';

const on = '2026-12-04';
const cadre = (over: Partial<PoolCandidate> = {}): PoolCandidate => ({
  birth: '1988-05-01',
  level: '副处',
  grades: { 2023: '称职', 2024: '优秀', 2025: '称职' },
  sanctions: [],
  ...over,
});

describe('poolEligible (young-cadre pool, local age limits)', () => {
  it.each([
    // level, birth, age on 2026-12-04 counted by month as on the 任免审批表, ok
    ['副处', '1986-12-04', 40, true], // "40 岁以下" includes 40
    ['副处', '1985-12-04', 41, false],
    ['副处', '1985-12-05', 41, false], // by day 40, but the form prints 41: the pool follows the form
    ['副处', '1985-12', 41, false], // a month only, as a .lrmx gives it
    ['副处', '1986-01', 40, true],
    ['正处', '1981-06-01', 45, true],
    ['正处', '1980-06-01', 46, false],
    ['副厅', '1981-01-01', 45, true],
    ['正厅', '1976-01-01', 50, true],
    ['正科', '1991-01-01', 35, true],
    ['副科', '1994-12-31', 32, true],
    ['副科', '1993-12-31', 33, false],
  ] as const)('%s born %s (%i) → %s', (level, birth, age, ok) => {
    expect(poolAge(birth, on)).toBe(age);
    // one person, one age: the form's and the search's count
    expect(poolAge(birth, on)).toBe(ageOn(birth, on));
    expect(poolEligible(cadre({ level, birth }), on).ok).toBe(ok);
  });

  it('refuses a birth after the date instead of counting a negative age', () => {
    expect(() => poolAge('2027-01', on)).toThrow(RangeError);
  });

  it('keeps out levels without a limit', () => {
    expect(poolEligible(cadre({ level: '副部' }), on).reasons[0]).toContain('不纳入');
  });

  it.each([
    [{ 2025: '基本称职' as const }, false],
    [{ 2023: '不称职' as const }, false],
    [{ 2022: '基本称职' as const }, true], // outside the 3 years looked at
  ])('grades %o → %s', (grades, ok) => {
    expect(poolEligible(cadre({ grades }), on).ok).toBe(ok);
  });

  it('keeps out a cadre in a sanction period, citing it', () => {
    const r = poolEligible(cadre({ sanctions: [{ kind: '记过', on: '2026-03-01' }] }), on);
    expect(r.ok).toBe(false);
    expect(r.reasons[0]).toContain('政务处分法》第八条');
    expect(poolEligible(cadre({ sanctions: [{ kind: '记过', on: '2025-12-04' }] }), on).ok).toBe(true);
  });

  it('takes other limits as settings', () => {
    const strict = { ...POOL_CRITERIA_DEFAULT, maxAge: { ...POOL_CRITERIA_DEFAULT.maxAge, 副处: 35 } };
    // born 1988-05-01: 38 on 2026-12-04, inside the default 40 but not a stricter 35
    expect(poolEligible(cadre(), on).ok).toBe(true);
    expect(poolEligible(cadre(), on, strict).reasons).toEqual([
      '38 岁，副处年轻干部一般为 35 岁以下（本地工作要求（各地自行确定年龄界限））',
    ]);
  });
});

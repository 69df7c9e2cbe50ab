import { describe, expect, it } from 'vitest';
import {
  ageBand,
  cadreAge,
  checkTeam,
  politicalGroup,
  requirementSetOn,
  structureOf,
  TEAM_STRUCTURE_2021,
  valueOf,
  type StructurePerson,
} from './team-structure';

const person = (p: Partial<StructurePerson> = {}): StructurePerson => ({
  sex: '男',
  birth: '1975-06',
  ethnicity: '汉族',
  political: '中共党员',
  eduRank: 3,
  degrees: ['学士'],
  background: '经济',
  since: '2022-03-01',
  ...p,
});
const ON = '2026-06-30';

describe('age and bands', () => {
  it.each([
    ['1990-07', 35, '35岁及以下'],
    ['1990-06-30', 36, '36-40岁'],
    ['1985-01-01', 41, '41-45岁'],
    ['1976-06', 50, '46-50岁'],
    ['1971-06', 55, '51-55岁'],
    ['1970-06', 56, '56岁及以上'],
  ])('born %s is %i on %s and falls in %s', (birth, age, band) => {
    expect(cadreAge(birth, ON)).toBe(age);
    expect(ageBand(cadreAge(birth, ON))).toBe(band);
  });
  it('has no band without a birth date', () => expect(ageBand(cadreAge(null, ON))).toBe(''));
});

describe('dimension values', () => {
  it.each([
    ['中共预备党员', '中共党员'],
    ['民盟盟员', '民主党派'],
    ['九三学社社员', '民主党派'],
    ['无党派人士', '无党派人士'],
    ['群众', '群众'],
    ['', ''],
  ])('%s groups as %s', (p, g) => expect(politicalGroup(p)).toBe(g));
  it('takes the highest degree of both rows and bands years in post', () => {
    expect(valueOf(person({ degrees: ['学士', '硕士'] }), 'degree', ON)).toBe('硕士');
    expect(valueOf(person({ degrees: [] }), 'degree', ON)).toBe('无学位');
    expect(valueOf(person({ since: '2026-01-01' }), 'yearsInPost', ON)).toBe('不满1年');
    expect(valueOf(person({ since: '2021-06-30' }), 'yearsInPost', ON)).toBe('5-10年');
    expect(valueOf(person({ ethnicity: '回族' }), 'ethnicity', ON)).toBe('少数民族');
  });
});

describe('structureOf', () => {
  it('counts every dimension with shares, the unrecorded last', () => {
    const s = structureOf([person(), person({ sex: '女', birth: '1992-01' }), person({ sex: '', birth: null })], ON);
    expect(s.sex).toEqual([
      { value: '男', n: 1, share: 33.3 },
      { value: '女', n: 1, share: 33.3 },
      { value: '', n: 1, share: 33.3 },
    ]);
    expect(s.age.find((x) => x.value === '35岁及以下')!.n).toBe(1);
    expect(s.age.find((x) => x.value === '51-55岁')!.n).toBe(1);
    expect(s.age.at(-1)).toEqual({ value: '', n: 1, share: 33.3 });
    expect(structureOf([], ON).sex.every((x) => x.n === 0 && x.share === 0)).toBe(true);
  });
});

describe('checkTeam', () => {
  const set = requirementSetOn(ON);
  const failing = (kind: string, members: StructurePerson[]) =>
    checkTeam({ unitKind: kind, members }, set, ON)
      .filter((f) => !f.ok)
      .map((f) => f.requirementId);

  it.each<[string, string, StructurePerson[], string[]]>([
    ['a district team of older CPC men', '党委政府', [person(), person(), person()], ['woman', 'young', 'non_cpc']],
    [
      'a district team meeting every requirement',
      '党委政府',
      [person({ sex: '女' }), person({ birth: '1987-01' }), person({ political: '民盟盟员' })],
      [],
    ],
    [
      'a 41-year-old is not young enough for the district team',
      '党委政府',
      [person({ sex: '女', birth: '1985-01', political: '群众' })],
      ['young'],
    ],
    [
      'a government department is only checked for expertise',
      '政府部门',
      [person({ background: '' }), person({ background: '其他' })],
      ['expertise'],
    ],
    ['a township needs someone of 35 or under', '乡镇街道', [person(), person({ background: '党务' })], ['young_township']],
  ])('%s', (_name, kind, members, expected) => {
    expect(failing(kind, members)).toEqual(expected);
  });

  it('gives the reason and the source with its basis', () => {
    const [f] = checkTeam({ unitKind: '人大机关', members: [person()] }, set, ON).filter((x) => x.requirementId === 'woman');
    expect(f).toMatchObject({ ok: false, basis: 'R', reason: '女干部 0 名，要求至少 1 名' });
    expect(f.source).toContain('妇女发展纲要');
  });

  it('does not check an empty team, and uses the set in force on the date', () => {
    expect(checkTeam({ unitKind: '党委政府', members: [] }, set, ON)).toEqual([]);
    expect(requirementSetOn('2010-01-01')).toBe(TEAM_STRUCTURE_2021);
  });
});

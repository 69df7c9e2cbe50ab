import { describe, expect, it } from 'vitest';
import {
  checkState,
  hasCommittee,
  monthsOf,
  ORG_LIFE_RULES_2018,
  owedChecks,
  parsePeriod,
  periodKeyOf,
  ruleSetOn,
  ruleVersionProblems,
  unitTargets,
  windowsOf,
  type OrgLifeRuleSet,
  type PeriodKind,
} from './org-life';

const rule = (kind: string) => ORG_LIFE_RULES_2018.rules.find((r) => r.kind === kind)!;

describe('the 2018 rule set (RULES.md §3, 支部工作条例 2018)', () => {
  it.each([
    ['branch_congress', 'quarter', '第十一条'],
    ['committee_meeting', 'month', '第十二条'],
    ['group_meeting', 'month', '第十三条'],
    ['theme_day', 'month', '第十六条'],
    ['life_meeting', 'year', '第十七条'],
    ['party_lecture', 'quarter', '本地规定'],
    ['appraisal', 'year', '本地规定'],
  ])('%s: %s, cited as %s', (kind, frequency, article) => {
    expect(rule(kind).frequency).toBe(frequency);
    expect(rule(kind).article).toContain(article);
  });

  it('asks nothing of 谈心谈话 (no frequency in the text)', () => {
    expect(ORG_LIFE_RULES_2018.rules.some((r) => r.kind === 'heart_talk')).toBe(false);
  });
});

describe('periods', () => {
  it.each<[PeriodKind, string, string | null, string | null]>([
    ['month', '2026-02', '2026-02-01', '2026-02-28'],
    ['month', '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2026-12', '2026-12-01', '2026-12-31'],
    ['quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['year', '2026', '2026-01-01', '2026-12-31'],
    ['month', '2026-13', null, null],
    ['month', '2026-2', null, null],
    ['quarter', '2026-Q5', null, null],
    ['quarter', '2026-03', null, null],
    ['year', '26', null, null],
  ])('%s %s → %s .. %s', (kind, key, from, to) => {
    const p = parsePeriod(kind, key);
    expect(p && [p.from, p.to]).toEqual(from ? [from, to] : null);
  });

  it.each<[PeriodKind, string, string]>([
    ['month', '2026-11-24', '2026-11'],
    ['quarter', '2026-11-24', '2026-Q4'],
    ['quarter', '2026-03-31', '2026-Q1'],
    ['quarter', '2026-04-01', '2026-Q2'],
    ['year', '2026-11-24', '2026'],
  ])('the %s of %s is %s', (kind, date, key) => expect(periodKeyOf(kind, date)).toBe(key));

  it('lists months across a year end', () => {
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-28' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('windows of a frequency overlapping a period', () => {
    const q = parsePeriod('quarter', '2026-Q2')!;
    expect(windowsOf(q, 'month').map((w) => w.key)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(windowsOf(q, 'quarter').map((w) => w.key)).toEqual(['2026-Q2']);
    expect(windowsOf(q, 'year').map((w) => w.key)).toEqual(['2026']);
    expect(windowsOf(parsePeriod('month', '2026-05')!, 'quarter').map((w) => w.key)).toEqual(['2026-Q2']);
    expect(windowsOf(parsePeriod('year', '2026')!, 'quarter')).toHaveLength(4);
  });
});

describe('who owes what', () => {
  it.each([
    ['a branch of 6 full members and a secretary', { kind: 'branch', committeeSize: 1, fullMembers: 6 }, ['branch']],
    ['a branch with a committee of 3 (第十二条)', { kind: 'branch', committeeSize: 3, fullMembers: 5 }, ['branch', 'committee']],
    ['7 full members must have a committee (第六章)', { kind: 'branch', committeeSize: 1, fullMembers: 7 }, ['branch', 'committee']],
    ['a joint branch', { kind: 'joint_branch', committeeSize: 2, fullMembers: 4 }, ['branch']],
    ['a temporary branch', { kind: 'temporary_branch', committeeSize: 0, fullMembers: 3 }, ['branch']],
    ['a 党小组 (第十三条)', { kind: 'party_group', committeeSize: 0, fullMembers: 8 }, ['party_group']],
    ['a 党总支 is not a unit', { kind: 'general_branch', committeeSize: 5, fullMembers: 80 }, []],
    ['a 党委 is not a unit', { kind: 'party_committee', committeeSize: 7, fullMembers: 300 }, []],
  ])('%s', (_n, facts, targets) => expect(unitTargets(facts)).toEqual(targets));

  it('counts a committee from 3 on record or 7 full members', () => {
    expect(hasCommittee({ committeeSize: 2, fullMembers: 6 })).toBe(false);
    expect(hasCommittee({ committeeSize: 3, fullMembers: 0 })).toBe(true);
    expect(hasCommittee({ committeeSize: 0, fullMembers: 7 })).toBe(true);
  });
});

const count = (checks: { kind: string }[]) =>
  checks.reduce<Record<string, number>>((a, c) => ({ ...a, [c.kind]: (a[c.kind] ?? 0) + 1 }), {});

describe('owedChecks', () => {
  const sets = [ORG_LIFE_RULES_2018];
  it('a closed year: 12 monthly, 4 quarterly and 1 yearly check of each kind', () => {
    const checks = owedChecks(['branch', 'committee'], parsePeriod('year', '2025')!, '2026-11-24', sets);
    expect(count(checks)).toEqual({
      branch_congress: 4,
      committee_meeting: 12,
      party_lecture: 4,
      theme_day: 12,
      life_meeting: 1,
      appraisal: 1,
    });
    expect(checks.find((c) => c.kind === 'theme_day' && c.periodKey === '2025-03')).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
  });

  it('the current year lists no window that has not begun', () => {
    const checks = owedChecks(['branch'], parsePeriod('year', '2026')!, '2026-11-24', sets);
    expect(count(checks)).toEqual({ branch_congress: 4, party_lecture: 4, theme_day: 11, life_meeting: 1, appraisal: 1 });
  });

  it('a month owes its monthly checks and the quarter and year around it', () => {
    const checks = owedChecks(['branch'], parsePeriod('month', '2026-05')!, '2026-11-24', sets);
    expect(checks.map((c) => `${c.kind}@${c.periodKey}`)).toEqual([
      'branch_congress@2026-Q2',
      'party_lecture@2026-Q2',
      'theme_day@2026-05',
      'life_meeting@2026',
      'appraisal@2026',
    ]);
  });

  it('a 党小组 owes only its monthly meeting', () => {
    expect(count(owedChecks(['party_group'], parsePeriod('quarter', '2026-Q1')!, '2026-11-24', sets))).toEqual({ group_meeting: 3 });
  });

  it('nothing is owed for windows ending before the unit was established', () => {
    const checks = owedChecks(['branch'], parsePeriod('quarter', '2026-Q2')!, '2026-11-24', sets, '2026-05-20');
    expect(checks.filter((c) => c.kind === 'theme_day').map((c) => c.periodKey)).toEqual(['2026-05', '2026-06']);
  });

  it('nothing is owed by an organization that is not a unit', () => {
    expect(owedChecks([], parsePeriod('year', '2025')!, '2026-11-24', sets)).toEqual([]);
  });
});

describe('check state', () => {
  it.each([
    ['2026-10-31', 1, '2026-11-24', 'held'],
    ['2026-10-31', 0, '2026-11-24', 'missing'],
    ['2026-11-30', 0, '2026-11-24', 'due'],
    ['2026-11-30', 2, '2026-11-24', 'held'],
    ['2026-11-30', 0, '2026-11-30', 'due'],
    ['2026-11-30', 0, '2026-12-01', 'missing'],
  ])('window to %s, %i held, today %s → %s', (to, n, today, state) => expect(checkState(to, n, today)).toBe(state));
});

describe('versions by date', () => {
  const monthlyLecture: OrgLifeRuleSet = {
    version: '2026-07-01',
    effectiveFrom: '2026-07-01',
    title: '本市规定（党课每月1次）',
    rules: ORG_LIFE_RULES_2018.rules.map((r) =>
      r.kind === 'party_lecture' ? { ...r, frequency: 'month' as const, article: '本市规定：党课每月1次' } : r,
    ),
  };
  const sets = [ORG_LIFE_RULES_2018, monthlyLecture];

  it.each([
    ['2018-10-28', '2018'],
    ['2026-06-30', '2018'],
    ['2026-07-01', '2026-07-01'],
    ['2027-01-01', '2026-07-01'],
    ['2010-01-01', '2018'],
  ])('on %s the set in force is %s', (date, version) => expect(ruleSetOn(date, sets).version).toBe(version));

  it('a new version governs only the windows that begin on or after its date', () => {
    const checks = owedChecks(['branch'], parsePeriod('year', '2026')!, '2026-11-24', sets).filter((c) => c.kind === 'party_lecture');
    expect(checks.map((c) => c.periodKey)).toEqual(['2026-Q1', '2026-Q2', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(checks.at(-1)!.article).toBe('本市规定：党课每月1次');
  });

  const v = (effectiveFrom: string, title = 'x', rules = ORG_LIFE_RULES_2018.rules): OrgLifeRuleSet => ({
    version: effectiveFrom,
    effectiveFrom,
    title,
    rules,
  });
  it.each<[string, OrgLifeRuleSet[], OrgLifeRuleSet[], string | null]>([
    ['a new version from tomorrow', [], [v('2026-11-25')], null],
    ['a new version from today', [], [v('2026-11-24')], null],
    ['a new version dated in the past', [], [v('2026-11-01')], '不能早于今天'],
    ['before the 条例', [], [v('2018-01-01')], '应晚于'],
    ['two versions on one date', [], [v('2027-01-01'), v('2027-01-01')], '重复'],
    ['changing a version in force', [v('2026-01-01')], [v('2026-01-01', 'y')], '不能修改'],
    ['removing a version in force', [v('2026-01-01')], [], '不能删除'],
    ['keeping a version in force as it is', [v('2026-01-01')], [v('2026-01-01'), v('2027-01-01')], null],
    ['changing a future version', [v('2027-01-01')], [v('2027-01-01', 'y')], null],
    ['removing a future version', [v('2027-01-01')], [], null],
    ['a kind twice in one version', [], [v('2027-01-01', 'x', [rule('theme_day'), rule('theme_day')])], '只能设置一次'],
  ])('%s', (_n, stored, next, problem) => {
    const p = ruleVersionProblems(stored, next, '2026-11-24');
    if (problem) expect(p.map((x) => x.message).join('；')).toContain(problem);
    else expect(p).toEqual([]);
  });
});

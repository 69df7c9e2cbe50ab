import { describe, expect, it } from 'vitest';
import {
  evaluatePolicy,
  payoutSchedule,
  publicityPeriod,
  publicityWindow,
  type BenefitItem,
  type Condition,
  type PersonFacts,
  type PolicyData,
} from './talent-policy';

const SRC = '示人才〔2026〕3号 第五条（演示）';
const ev = <T>(value: T, evidence = '人才库登记') => ({ value, evidence });

const base: PersonFacts = {
  birth: ev('1988-03-02'),
  degrees: ev([{ level: 'doctor' as const, abroad: true }]),
  tierCode: ev('C'),
  socialInsuranceMonths: ev(6, '申请 #1 申报'),
  incomeTaxMonths: ev(6, '申请 #1 申报'),
  contractYears: ev(5, '申请 #1 申报'),
  returnedOn: ev('2025-09-01'),
  employerInDistrict: ev(true, '用人单位核实记录'),
  paidItems: ev([], '发放台账'),
};

// Each condition kind, met and unmet, with the number its reason must name (PILLARS.md §5 predicates).
const cases: { name: string; c: Condition; facts: Partial<PersonFacts>; met: boolean; says: string }[] = [
  { name: 'age within 45', c: { kind: 'age_max', max: 45 }, facts: {}, met: true, says: '38 周岁' },
  { name: 'age over 35', c: { kind: 'age_max', max: 35 }, facts: {}, met: false, says: '超过不超过 35 周岁' },
  {
    name: 'age raised to 50 for tier B',
    c: { kind: 'age_max', max: 45, tierMax: { tiers: ['B'], max: 50 } },
    facts: { birth: ev('1978-01-01'), tierCode: ev('B') },
    met: true,
    says: '放宽至 50 周岁',
  },
  {
    name: 'age 48 over 45 for tier C',
    c: { kind: 'age_max', max: 45, tierMax: { tiers: ['B'], max: 50 } },
    facts: { birth: ev('1978-01-01') },
    met: false,
    says: '48 周岁',
  },
  { name: 'foreign doctorate', c: { kind: 'degree', minLevel: 'master', where: 'abroad' }, facts: {}, met: true, says: '境外博士' },
  {
    name: 'domestic master when abroad wanted',
    c: { kind: 'degree', minLevel: 'master', where: 'abroad' },
    facts: { degrees: ev([{ level: 'master' as const, abroad: false }]) },
    met: false,
    says: '要求境外硕士及以上学位',
  },
  { name: 'tier in set', c: { kind: 'tier_in', tiers: ['A', 'B', 'C'] }, facts: {}, met: true, says: 'C 类' },
  { name: 'tier outside set', c: { kind: 'tier_in', tiers: ['A', 'B'] }, facts: {}, met: false, says: '要求 A、B 类之一' },
  { name: 'social insurance 6 ≥ 3', c: { kind: 'social_insurance_months', min: 3 }, facts: {}, met: true, says: '社会保险 6 个月' },
  { name: 'social insurance 6 < 12', c: { kind: 'social_insurance_months', min: 12 }, facts: {}, met: false, says: '不少于 12 个月' },
  {
    name: 'income tax 2 < 3',
    c: { kind: 'income_tax_months', min: 3 },
    facts: { incomeTaxMonths: ev(2, '申请 #1 申报') },
    met: false,
    says: '个人所得税 2 个月',
  },
  { name: 'contract 5 ≥ 3', c: { kind: 'contract_years', min: 3 }, facts: {}, met: true, says: '5 年' },
  {
    name: 'contract 2 < 3',
    c: { kind: 'contract_years', min: 3 },
    facts: { contractYears: ev(2, '申请 #1 申报') },
    met: false,
    says: '不足',
  },
  { name: 'returned 10 months ago ≤ 24', c: { kind: 'returned_within_months', max: 24 }, facts: {}, met: true, says: '10 个月' },
  {
    name: 'returned 34 months ago > 24',
    c: { kind: 'returned_within_months', max: 24 },
    facts: { returnedOn: ev('2023-09-01') },
    met: false,
    says: '34 个月',
  },
  {
    name: 'returned 28 months, 30 for tier C',
    c: { kind: 'returned_within_months', max: 24, tierMax: { tiers: ['C'], max: 30 } },
    facts: { returnedOn: ev('2024-03-01') },
    met: true,
    says: '不超过 30 个月（C 类放宽）',
  },
  { name: 'employer verified', c: { kind: 'employer_in_district' }, facts: {}, met: true, says: '在本区注册并纳税' },
  {
    name: 'employer not verified',
    c: { kind: 'employer_in_district' },
    facts: { employerInDistrict: ev(false, '用人单位核实记录') },
    met: false,
    says: '未经核实',
  },
  { name: 'nothing paid', c: { kind: 'no_duplicate', exclusive: ['HOUSE'] }, facts: {}, met: true, says: '无 LIVE、HOUSE' },
  {
    name: 'exclusive item paid',
    c: { kind: 'no_duplicate', exclusive: ['HOUSE'] },
    facts: { paidItems: ev(['HOUSE'], '发放台账') },
    met: false,
    says: '已享受 HOUSE',
  },
  {
    name: 'same item paid',
    c: { kind: 'no_duplicate', exclusive: [] },
    facts: { paidItems: ev(['LIVE'], '发放台账') },
    met: false,
    says: '已享受 LIVE',
  },
  { name: 'no birth date', c: { kind: 'age_max', max: 45 }, facts: { birth: ev(null) }, met: false, says: '缺少出生日期' },
];

const policyOf = (conditions: Condition[], versions?: BenefitItem['versions']): PolicyData => ({
  docNo: '示人才〔2026〕3号',
  title: '演示政策',
  effectiveOn: '2026-01-01',
  expiresOn: '2028-12-31',
  status: 'in_force',
  items: [
    {
      code: 'LIVE',
      name: '生活补贴',
      versions: versions ?? [{ effectiveOn: '2026-01-01', amountFen: 3_000_000, conditions, source: SRC }],
    },
  ],
});

describe('evaluatePolicy: every condition kind', () => {
  it.each(cases)('$name', ({ c, facts, met, says }) => {
    const r = evaluatePolicy(policyOf([c]), { ...base, ...facts }, '2026-07-01');
    const cond = r.conditions.find((x) => x.key === `LIVE.${c.kind}`)!;
    expect(cond.met).toBe(met);
    expect(cond.reason).toContain(says);
    expect(cond.source).toBe(SRC);
    expect(r.eligible).toBe(met);
    expect(r.amountFen).toBe(met ? 3_000_000 : 0);
  });
});

describe('dated amounts', () => {
  const versions = [
    { effectiveOn: '2026-01-01', amountFen: 3_000_000, conditions: [], source: SRC },
    { effectiveOn: '2026-07-01', amountFen: 4_500_000, conditions: [], source: '示人才〔2026〕9号（演示）' },
  ];
  it.each([
    ['2025-12-31', false, 0],
    ['2026-01-01', true, 3_000_000],
    ['2026-06-30', true, 3_000_000],
    ['2026-07-01', true, 4_500_000],
    ['2029-01-01', false, 0],
  ])('on %s eligible %s amount %i', (on, eligible, amount) => {
    const r = evaluatePolicy(policyOf([], versions), base, on);
    expect(r.eligible).toBe(eligible);
    expect(r.amountFen).toBe(amount);
  });
  it('cites the version in force and says why a policy not yet in force fails', () => {
    expect(evaluatePolicy(policyOf([], versions), base, '2026-08-01').items[0].versionOn).toBe('2026-07-01');
    expect(evaluatePolicy(policyOf([], versions), base, '2025-12-31').conditions[0].reason).toContain('自 2026-01-01 起施行');
  });
});

describe('payout schedule and 公示', () => {
  it('splits an uneven amount into yearly instalments, remainder first', () => {
    expect(payoutSchedule(1_000_001, 3, '2026-03-10')).toEqual([
      { seq: 1, dueOn: '2026-03-10', amountFen: 333_335 },
      { seq: 2, dueOn: '2027-03-10', amountFen: 333_333 },
      { seq: 3, dueOn: '2028-03-10', amountFen: 333_333 },
    ]);
  });
  it.each([
    // decided Thu 2026-09-24: 中秋 (Fri 09-25) and the weekend skipped, starts Mon 09-28; the fifth working day
    // falls after 国庆 (10-01..10-07 off): 28, 29, 30, 10-08, 10-09
    ['2026-09-24', 5, '2026-09-28', '2026-10-09'],
    // the sixth is the adjusted working Saturday 10-10 (调休上班)
    ['2026-09-24', 6, '2026-09-28', '2026-10-10'],
    // an ordinary week: decided Mon 2026-06-08, Tue..Mon
    ['2026-06-08', 5, '2026-06-09', '2026-06-15'],
    ['2026-06-08', 7, '2026-06-09', '2026-06-17'],
  ])('decided %s, %i working days → %s to %s', (on, days, start, end) => {
    expect(publicityPeriod(on, days)).toEqual({ startsOn: start, endsOn: end });
  });
  it.each([
    // posted Mon 2026-09-28: 国庆 (10-01..10-07) named and skipped, ends Fri 10-09
    ['2026-09-28', 5, '2026-10-09', ['国庆节'], false],
    // posted on a Sunday: counting starts Monday, no holiday inside
    ['2026-06-07', 5, '2026-06-12', [], false],
    // a year the calendar does not hold yet: Monday–Friday, provisional
    ['2031-03-03', 5, '2031-03-07', [], true],
  ])('a 公示 posted %s for %i working days ends %s', (start, days, end, names, provisional) => {
    const w = publicityWindow(start as string, days as number);
    expect(w.endsOn).toBe(end);
    expect([...new Set(w.holidays.map((h) => h.name))]).toEqual(names);
    expect(w.provisional).toBe(provisional);
  });
});

// Talent policies as dated data (issue 15 point 4; RULES.md §8, PILLARS.md §5): a benefit item's amount and its
// eligibility conditions are values keyed by effective date, each citing its source, and a person's facts are
// checked against the version in force on the date asked, with a reason in Chinese for every condition naming
// the evidence and the number (the way OpenFisca/PolicyEngine explain a benefit). The conditions are a closed
// vocabulary with parameters: a new policy or a changed amount is data, never code. The predicates are the ones
// quoted from one district's 2025 rules (PILLARS.md §5: employer in the district, ≥ N months of social insurance
// and individual income tax at the employer, returned within N months, age ≤ 45 or ≤ 50 for outstanding people,
// a foreign master's degree or higher).
import dayjs from 'dayjs';
import chineseDays from 'chinese-days';
import { addWorkingDays, calendarCovers, nthWorkingDay } from './working-days';

export const DEGREE_LEVELS = ['bachelor', 'master', 'doctor'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];
export const DEGREE_LABELS: Record<DegreeLevel, string> = { bachelor: '学士', master: '硕士', doctor: '博士' };

export const CONDITION_KINDS = [
  'age_max',
  'degree',
  'tier_in',
  'social_insurance_months',
  'income_tax_months',
  'contract_years',
  'returned_within_months',
  'employer_in_district',
  'no_duplicate',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const CONDITION_LABELS: Record<ConditionKind, { zh: string; en: string }> = {
  age_max: { zh: '年龄上限', en: 'Maximum age' },
  degree: { zh: '学历学位', en: 'Degree' },
  tier_in: { zh: '人才层次', en: 'Tier' },
  social_insurance_months: { zh: '在本单位缴纳社保月数', en: 'Months of social insurance' },
  income_tax_months: { zh: '在本单位缴纳个税月数', en: 'Months of income tax' },
  contract_years: { zh: '劳动（聘用）合同期限', en: 'Contract term' },
  returned_within_months: { zh: '回国（来）时间', en: 'Time since returning' },
  employer_in_district: { zh: '用人单位在本区注册纳税', en: 'Employer registered and taxed here' },
  no_duplicate: { zh: '不重复享受', en: 'No duplicate benefit' },
};

/** One condition of a version: its kind, its parameters and, when it differs from the version's, its own source. */
export type Condition =
  | { kind: 'age_max'; max: number; tierMax?: { tiers: string[]; max: number }; source?: string }
  | { kind: 'degree'; minLevel: DegreeLevel; where: 'abroad' | 'domestic' | 'any'; source?: string }
  | { kind: 'tier_in'; tiers: string[]; source?: string }
  | { kind: 'social_insurance_months'; min: number; source?: string }
  | { kind: 'income_tax_months'; min: number; source?: string }
  | { kind: 'contract_years'; min: number; source?: string }
  | { kind: 'returned_within_months'; max: number; tierMax?: { tiers: string[]; max: number }; source?: string }
  | { kind: 'employer_in_district'; source?: string }
  | { kind: 'no_duplicate'; exclusive: string[]; source?: string };

export interface BenefitVersion {
  effectiveOn: string;
  amountFen: number;
  conditions: Condition[];
  source: string;
}

export interface BenefitItem {
  code: string;
  name: string;
  versions: BenefitVersion[];
}

export interface PolicyData {
  docNo: string;
  title: string;
  effectiveOn: string;
  expiresOn: string | null;
  status: 'draft' | 'in_force' | 'expired' | 'repealed';
  items: BenefitItem[];
}

/** A fact and where it came from ("人才库登记", "申请 #12 申报的社保缴纳证明", "录入"). */
export interface Evidenced<T> {
  value: T;
  evidence: string;
}

export interface PersonFacts {
  birth?: Evidenced<string | null>;
  degrees?: Evidenced<{ level: DegreeLevel; abroad: boolean }[]>;
  tierCode?: Evidenced<string | null>;
  socialInsuranceMonths?: Evidenced<number | null>;
  incomeTaxMonths?: Evidenced<number | null>;
  contractYears?: Evidenced<number | null>;
  returnedOn?: Evidenced<string | null>;
  employerInDistrict?: Evidenced<boolean | null>;
  /** Item codes already paid to the person (the payout ledger). */
  paidItems?: Evidenced<string[]>;
}

export interface ConditionResult {
  key: string;
  item: string;
  met: boolean;
  reason: string;
  source: string;
}

export interface ItemEvaluation {
  code: string;
  name: string;
  /** The version in force on the date (null: the item had no amount yet). */
  versionOn: string | null;
  eligible: boolean;
  amountFen: number;
  conditions: ConditionResult[];
}

export interface PolicyEvaluation {
  eligible: boolean;
  conditions: ConditionResult[];
  amountFen: number;
  items: ItemEvaluation[];
}

/** The version of an item in force on `on`: the latest effective on or before it. */
export function versionOn(item: BenefitItem, on: string): BenefitVersion | null {
  let best: BenefitVersion | null = null;
  for (const v of item.versions) if (v.effectiveOn <= on && (!best || v.effectiveOn > best.effectiveOn)) best = v;
  return best;
}

const fmtYuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
export const yuan = fmtYuan;

const ageOn = (birth: string, on: string) => dayjs(on).diff(dayjs(birth), 'year');
const monthsBetween = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'month');
const missing = (what: string) => `缺少${what}，无法认定`;
const limitFor = (base: number, tierMax: { tiers: string[]; max: number } | undefined, tier: string | null | undefined) =>
  tierMax && tier && tierMax.tiers.includes(tier) ? { limit: tierMax.max, raised: true } : { limit: base, raised: false };

/** One condition against the facts: met or not, and why, naming the evidence and the numbers. */
export function checkCondition(c: Condition, f: PersonFacts, on: string, item: string): { met: boolean; reason: string } {
  const tier = f.tierCode?.value ?? null;
  switch (c.kind) {
    case 'age_max': {
      if (!f.birth?.value) return { met: false, reason: missing('出生日期') };
      const age = ageOn(f.birth.value, on);
      const { limit, raised } = limitFor(c.max, c.tierMax, tier);
      const rule = raised ? `${tier} 类人才放宽至 ${limit} 周岁` : `不超过 ${limit} 周岁`;
      return {
        met: age <= limit,
        reason: `截至 ${on} 年龄 ${age} 周岁（出生日期 ${f.birth.value}，${f.birth.evidence}），${age <= limit ? '符合' : '超过'}${rule}的要求`,
      };
    }
    case 'degree': {
      const list = f.degrees?.value ?? [];
      const rank = (l: DegreeLevel) => DEGREE_LEVELS.indexOf(l);
      const fits = list.filter((d) => rank(d.level) >= rank(c.minLevel) && (c.where === 'any' || d.abroad === (c.where === 'abroad')));
      const want = `${c.where === 'abroad' ? '境外' : c.where === 'domestic' ? '国内' : ''}${DEGREE_LABELS[c.minLevel]}及以上学位`;
      if (list.length === 0) return { met: false, reason: `${f.degrees?.evidence ?? '人才库'}未登记学位，要求${want}` };
      const shown = list.map((d) => `${d.abroad ? '境外' : '国内'}${DEGREE_LABELS[d.level]}`).join('、');
      return {
        met: fits.length > 0,
        reason: `${f.degrees?.evidence ?? ''}登记学位：${shown}；要求${want}，${fits.length ? '符合' : '不符合'}`,
      };
    }
    case 'tier_in': {
      const want = c.tiers.join('、');
      if (!tier) return { met: false, reason: `${f.tierCode?.evidence ?? '人才库'}未认定人才层次，要求 ${want} 类` };
      const met = c.tiers.includes(tier);
      return { met, reason: `人才层次为 ${tier} 类（${f.tierCode?.evidence}），要求 ${want} 类之一，${met ? '符合' : '不符合'}` };
    }
    case 'social_insurance_months':
    case 'income_tax_months': {
      const fact = c.kind === 'social_insurance_months' ? f.socialInsuranceMonths : f.incomeTaxMonths;
      const what = c.kind === 'social_insurance_months' ? '社会保险' : '个人所得税';
      if (fact?.value == null) return { met: false, reason: missing(`在本单位缴纳${what}的月数`) };
      const met = fact.value >= c.min;
      return {
        met,
        reason: `在本单位连续缴纳${what} ${fact.value} 个月（${fact.evidence}），要求不少于 ${c.min} 个月，${met ? '符合' : '不足'}`,
      };
    }
    case 'contract_years': {
      const fact = f.contractYears;
      if (fact?.value == null) return { met: false, reason: missing('劳动（聘用）合同期限') };
      const met = fact.value >= c.min;
      return { met, reason: `劳动（聘用）合同期限 ${fact.value} 年（${fact.evidence}），要求不少于 ${c.min} 年，${met ? '符合' : '不足'}` };
    }
    case 'returned_within_months': {
      if (!f.returnedOn?.value) return { met: false, reason: `${f.returnedOn?.evidence ?? '人才库'}未登记回国（来）日期` };
      const months = monthsBetween(f.returnedOn.value, on);
      const { limit, raised } = limitFor(c.max, c.tierMax, tier);
      const met = months <= limit && months >= 0;
      return {
        met,
        reason: `${f.returnedOn.value} 回国（来）（${f.returnedOn.evidence}），截至 ${on} 已 ${months} 个月，要求不超过 ${limit} 个月${raised ? `（${tier} 类放宽）` : ''}，${met ? '符合' : '不符合'}`,
      };
    }
    case 'employer_in_district': {
      const v = f.employerInDistrict;
      if (v?.value == null) return { met: false, reason: missing('用人单位注册纳税地核实情况') };
      return {
        met: v.value,
        reason: v.value ? `用人单位在本区注册并纳税（${v.evidence}）` : `用人单位未经核实在本区注册纳税（${v.evidence}）`,
      };
    }
    case 'no_duplicate': {
      const paid = f.paidItems?.value ?? [];
      const clash = [item, ...c.exclusive].filter((x) => paid.includes(x));
      return {
        met: clash.length === 0,
        reason: clash.length
          ? `已享受 ${clash.join('、')}（${f.paidItems?.evidence ?? '发放台账'}），不得重复享受`
          : `发放台账无 ${[item, ...c.exclusive].join('、')} 的发放记录（${f.paidItems?.evidence ?? '发放台账'}）`,
      };
    }
  }
}

/** One item on a date: the version in force, every condition with its reason, the amount when all are met. */
export function evaluateItem(item: BenefitItem, facts: PersonFacts, on: string): ItemEvaluation {
  const v = versionOn(item, on);
  if (!v) {
    return {
      code: item.code,
      name: item.name,
      versionOn: null,
      eligible: false,
      amountFen: 0,
      conditions: [
        { key: `${item.code}.version`, item: item.code, met: false, reason: `${on} 时「${item.name}」尚无生效的标准`, source: '' },
      ],
    };
  }
  const conditions = v.conditions.map((c) => ({
    key: `${item.code}.${c.kind}`,
    item: item.code,
    ...checkCondition(c, facts, on, item.code),
    source: c.source || v.source,
  }));
  const eligible = conditions.every((c) => c.met);
  return { code: item.code, name: item.name, versionOn: v.effectiveOn, eligible, amountFen: eligible ? v.amountFen : 0, conditions };
}

/** Whether the policy itself is in force on the date (published, effective, not expired or repealed). */
export function policyInForce(p: PolicyData, on: string): { met: boolean; reason: string } {
  if (p.status === 'draft') return { met: false, reason: `政策（${p.docNo}）尚未发布` };
  if (p.status === 'repealed') return { met: false, reason: `政策（${p.docNo}）已废止` };
  if (on < p.effectiveOn) return { met: false, reason: `政策（${p.docNo}）自 ${p.effectiveOn} 起施行，${on} 尚未生效` };
  if (p.expiresOn && on > p.expiresOn) return { met: false, reason: `政策（${p.docNo}）有效期至 ${p.expiresOn}，${on} 已失效` };
  return { met: true, reason: `政策（${p.docNo}）${p.effectiveOn} 起施行${p.expiresOn ? `，有效期至 ${p.expiresOn}` : ''}，${on} 有效` };
}

/**
 * A policy for a person on a date: eligible when the policy is in force and at least one item's conditions are
 * all met; the amount is the sum of the eligible items' amounts in force on that date.
 */
export function evaluatePolicy(policy: PolicyData, facts: PersonFacts, on: string): PolicyEvaluation {
  const force = policyInForce(policy, on);
  const items = policy.items.map((it) => evaluateItem(it, facts, on));
  const conditions: ConditionResult[] = [
    { key: 'policy.in_force', item: '', met: force.met, reason: force.reason, source: policy.docNo },
    ...items.flatMap((i) => i.conditions),
  ];
  const eligible = force.met && items.some((i) => i.eligible);
  return { eligible, conditions, amountFen: eligible ? items.reduce((s, i) => s + i.amountFen, 0) : 0, items };
}

/**
 * The payout schedule of an approved amount: one payment, or yearly instalments (the first on approval, each
 * later one a year apart, released after an on-the-job check); the remainder of an uneven split goes first.
 */
export function payoutSchedule(
  amountFen: number,
  instalments: number,
  approvedOn: string,
): { seq: number; dueOn: string; amountFen: number }[] {
  const n = Math.max(1, Math.floor(instalments));
  const base = Math.floor(amountFen / n);
  const rest = amountFen - base * n;
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    dueOn: dayjs(approvedOn).add(i, 'year').format('YYYY-MM-DD'),
    amountFen: base + (i === 0 ? rest : 0),
  }));
}

/**
 * The 公示 of an application (RULES.md §8: 5–7 working days, the policy's number): it starts on the first working day
 * after the decision to publicize and ends on its n-th working day, counted on the official holiday calendar.
 */
export function publicityPeriod(decidedOn: string, workingDays: number): { startsOn: string; endsOn: string } {
  const startsOn = addWorkingDays(decidedOn, 1);
  return { startsOn, endsOn: nthWorkingDay(startsOn, workingDays) };
}

/**
 * A 公示 starting on a given day (the day the notice is posted): it ends on its n-th working day counting the start
 * when it is one; the official days off inside it are named, so the reader sees why the end moved past them, and a
 * window in a year the calendar does not hold yet is provisional (counted Monday–Friday).
 */
export function publicityWindow(
  startsOn: string,
  workingDays: number,
): { startsOn: string; endsOn: string; holidays: { date: string; name: string }[]; provisional: boolean } {
  const endsOn = nthWorkingDay(startsOn, workingDays);
  const holidays: { date: string; name: string }[] = [];
  for (let d = dayjs(startsOn); !d.isAfter(dayjs(endsOn), 'day'); d = d.add(1, 'day')) {
    const detail = chineseDays.getDayDetail(d.format('YYYY-MM-DD'));
    // Weekends carry the weekday's name; official days off carry "English,中文,n".
    const zh = detail.name.split(',')[1];
    if (!detail.work && zh) holidays.push({ date: detail.date, name: zh });
  }
  return { startsOn, endsOn, holidays, provisional: !calendarCovers(startsOn) || !calendarCovers(endsOn) };
}

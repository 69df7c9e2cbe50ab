// Organizational-life frequencies (RULES.md §3; 《中国共产党支部工作条例（试行）》2018) as versioned data:
// a rule set says which kinds of meeting a unit owes how often, from its effective date. The built-in
// set is the 2018 text; a city's later versions are settings rows (server/modules/org-life/rule-store.ts),
// each applying to the check windows that begin on or after its date — never to earlier ones.
// Periods: month 'YYYY-MM', quarter 'YYYY-Qn', year 'YYYY'. Dates 'YYYY-MM-DD'.
import { MEETING_KINDS, type MeetingKind } from '../meeting-kinds';
import { BRANCH_KINDS, type OrgKind } from '../org-kinds';
import { ORG_SETUP_RULES } from './org-setup';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Who owes a kind: every branch, a branch that has a committee (第十二条), or each 党小组 (第十三条). */
export type RuleTarget = 'branch' | 'committee' | 'party_group';
export const KIND_TARGET: Record<MeetingKind, RuleTarget> = {
  branch_congress: 'branch',
  committee_meeting: 'committee',
  group_meeting: 'party_group',
  party_lecture: 'branch',
  theme_day: 'branch',
  life_meeting: 'branch',
  appraisal: 'branch',
  heart_talk: 'branch',
};

export interface OrgLifeRule {
  kind: MeetingKind;
  frequency: PeriodKind;
  /** The basis shown with every check, e.g. 《中国共产党支部工作条例（试行）》第十六条. */
  article: string;
}

export interface OrgLifeRuleSet {
  /** Equal to effectiveFrom for a city's version; '2018' for the built-in set. */
  version: string;
  /** First day of the first check window the set governs. */
  effectiveFrom: string;
  title: string;
  rules: OrgLifeRule[];
}

const TJ = '《中国共产党支部工作条例（试行）》';

/** The 2018 条例 (中共中央 2018-10-28 发布施行). 党课 and 民主评议 frequencies are local practice (RULES.md §3 L). */
export const ORG_LIFE_RULES_2018: OrgLifeRuleSet = {
  version: '2018',
  effectiveFrom: '2018-10-28',
  title: `${TJ}（2018年）`,
  rules: [
    { kind: 'branch_congress', frequency: 'quarter', article: `${TJ}第十一条：支部党员大会一般每季度召开1次` },
    { kind: 'committee_meeting', frequency: 'month', article: `${TJ}第十二条：支部委员会会议一般每月召开1次` },
    { kind: 'group_meeting', frequency: 'month', article: `${TJ}第十三条：党小组会一般每月召开1次` },
    { kind: 'party_lecture', frequency: 'quarter', article: '本地规定：党课每季度至少1次（条例未规定频次）' },
    { kind: 'theme_day', frequency: 'month', article: `${TJ}第十六条：每月相对固定1天开展主题党日` },
    { kind: 'life_meeting', frequency: 'year', article: `${TJ}第十七条：组织生活会一般每年召开1次` },
    { kind: 'appraisal', frequency: 'year', article: '本地规定：民主评议党员每年开展1次' },
  ],
};

export interface Period {
  kind: PeriodKind;
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthSpan = (y: number, m1: number, m2: number) => ({ from: `${y}-${pad(m1)}-01`, to: `${y}-${pad(m2)}-${pad(daysIn(y, m2))}` });

/** The period a key names, or null when the key does not fit its kind. */
export function parsePeriod(kind: PeriodKind, key: string): Period | null {
  if (kind === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
    return m ? { kind, key, ...monthSpan(Number(m[1]), Number(m[2]), Number(m[2])) } : null;
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    if (!m) return null;
    const q = Number(m[2]);
    return { kind, key, ...monthSpan(Number(m[1]), q * 3 - 2, q * 3) };
  }
  return /^\d{4}$/.test(key) ? { kind, key, ...monthSpan(Number(key), 1, 12) } : null;
}

/** The key of the period of a kind containing a date (or a month 'YYYY-MM'). */
export function periodKeyOf(kind: PeriodKind, date: string): string {
  if (kind === 'month') return date.slice(0, 7);
  if (kind === 'year') return date.slice(0, 4);
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function periodOf(kind: PeriodKind, date: string): Period {
  return parsePeriod(kind, periodKeyOf(kind, date))!;
}

/** The months 'YYYY-MM' a period covers, in order. */
export function monthsOf(p: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const end = p.to.slice(0, 7);
  for (let key = `${y}-${pad(m)}`; key <= end; key = `${y}-${pad(m)}`) {
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The windows of a frequency that overlap a period: its months, its quarters, or its year(s). */
export function windowsOf(p: Pick<Period, 'from' | 'to'>, frequency: PeriodKind): Period[] {
  const keys = new Set(monthsOf(p).map((m) => periodKeyOf(frequency, m)));
  return [...keys].map((k) => parsePeriod(frequency, k)!);
}

/** The rule set in force on a date: the latest whose effectiveFrom is not after it (the oldest before any). */
export function ruleSetOn(date: string, sets: readonly OrgLifeRuleSet[]): OrgLifeRuleSet {
  let best: OrgLifeRuleSet | undefined;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best ?? [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0] ?? ORG_LIFE_RULES_2018;
}

export interface UnitFacts {
  kind: OrgKind | string;
  /** Committee members on record (书记 included). */
  committeeSize: number;
  /** Full members counted in the branch (its 党小组 included). */
  fullMembers: number;
}

/**
 * A branch has a committee when one of 3 or more is on record, or when it must have one: 正式党员 7 人以上
 * (支部工作条例 第六章, domain/rules/org-setup.ts) — a missing committee does not excuse its meetings.
 */
export function hasCommittee(f: Pick<UnitFacts, 'committeeSize' | 'fullMembers'>): boolean {
  return f.committeeSize >= ORG_SETUP_RULES.committeeMin || f.fullMembers >= ORG_SETUP_RULES.committeeFromFullMembers;
}

/** The targets a unit answers for; empty for an organization that is not a unit (a 党委, a 党总支). */
export function unitTargets(f: UnitFacts): RuleTarget[] {
  if (f.kind === 'party_group') return ['party_group'];
  if (!BRANCH_KINDS.includes(f.kind as OrgKind)) return [];
  return hasCommittee(f) ? ['branch', 'committee'] : ['branch'];
}

export interface OwedCheck {
  kind: MeetingKind;
  periodKey: string;
  from: string;
  to: string;
  article: string;
}

/**
 * The checks a unit owes for a period: each rule's windows overlapping the period (a monthly rule one per
 * month, a quarterly one per quarter, a yearly one per year), each under the rule set in force when the
 * window begins. Windows beginning after today, or ending before the unit was established, are not owed.
 */
export function owedChecks(
  targets: readonly RuleTarget[],
  period: Pick<Period, 'from' | 'to'>,
  today: string,
  sets: readonly OrgLifeRuleSet[],
  establishedOn: string | null = null,
): OwedCheck[] {
  const out: OwedCheck[] = [];
  if (targets.length === 0) return out;
  for (const frequency of PERIOD_KINDS) {
    for (const w of windowsOf(period, frequency)) {
      if (w.from > today || (establishedOn && establishedOn > w.to)) continue;
      for (const r of ruleSetOn(w.from, sets).rules) {
        if (r.frequency === frequency && targets.includes(KIND_TARGET[r.kind]))
          out.push({ kind: r.kind, periodKey: w.key, from: w.from, to: w.to, article: r.article });
      }
    }
  }
  const order = (k: MeetingKind) => MEETING_KINDS.indexOf(k);
  return out.sort((a, b) => order(a.kind) - order(b.kind) || a.from.localeCompare(b.from));
}

export type CheckState = 'held' | 'missing' | 'due';

/** Held once a meeting of the kind took place in the window; missing once the window ended without one; due until then. */
export function checkState(windowTo: string, heldCount: number, today: string): CheckState {
  if (heldCount > 0) return 'held';
  return windowTo < today ? 'missing' : 'due';
}

export interface RuleVersionProblem {
  message: string;
  field: string;
}

const sameRules = (a: readonly OrgLifeRule[], b: readonly OrgLifeRule[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a city's new list of versions against the stored one: dates after the built-in set and distinct,
 * each kind at most once per version, and history kept — a version already in force (dated today or
 * earlier) can be neither changed nor removed, and no new version may start before today.
 */
export function ruleVersionProblems(
  stored: readonly OrgLifeRuleSet[],
  next: readonly OrgLifeRuleSet[],
  today: string,
): RuleVersionProblem[] {
  const out: RuleVersionProblem[] = [];
  const seen = new Set<string>();
  next.forEach((v, i) => {
    const field = `versions.${i}.effectiveFrom`;
    if (v.effectiveFrom <= ORG_LIFE_RULES_2018.effectiveFrom)
      out.push({ field, message: `生效日期应晚于${ORG_LIFE_RULES_2018.title}的施行日期 ${ORG_LIFE_RULES_2018.effectiveFrom}` });
    if (seen.has(v.effectiveFrom)) out.push({ field, message: `生效日期 ${v.effectiveFrom} 重复` });
    seen.add(v.effectiveFrom);
    const kinds = new Set<string>();
    v.rules.forEach((r, k) => {
      if (kinds.has(r.kind)) out.push({ field: `versions.${i}.rules.${k}.kind`, message: '同一版本中每类组织生活只能设置一次频次' });
      kinds.add(r.kind);
    });
    const old = stored.find((s) => s.effectiveFrom === v.effectiveFrom);
    if (v.effectiveFrom < today && !old)
      out.push({ field, message: `新版本的生效日期不能早于今天（${today}）：已过去的检查按当时的规定计算` });
    if (old && v.effectiveFrom <= today && (old.title !== v.title || !sameRules(old.rules, v.rules))) {
      out.push({ field, message: `${v.effectiveFrom} 起的版本已经生效，不能修改` });
    }
  });
  for (const s of stored) {
    if (s.effectiveFrom <= today && !next.some((v) => v.effectiveFrom === s.effectiveFrom)) {
      out.push({ field: 'versions', message: `${s.effectiveFrom} 起的版本已经生效，不能删除` });
    }
  }
  return out;
}

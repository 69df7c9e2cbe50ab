// The 学时 a person owes in a year, the shortfall, the online floor (issue 14 point 6; RULES.md §3, §7),
// and the rule that tells two sources' records of the same training apart. The numbers are versioned
// data (table learning_requirements, seeded from DEFAULT_REQUIREMENTS): a new version takes effect on a
// date and never overwrites the old one, so last year's archive keeps last year's numbers.
import { atOrAbove, isCadreLevel } from './cadre-levels';

export const AUDIENCES = ['member', 'branch_committee', 'cadre_county', 'cadre_township', 'cadre_online'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface RequirementVersion {
  audience: Audience;
  /** 学时 required over the period (550 over 5 years for 县处级 and above). */
  hours: number;
  periodYears: number;
  /** The first day the version applies. */
  effectiveFrom: string;
  source: string;
  /** RULES.md's tag: V verified, R recalled (not verified), L local practice. */
  tag: 'V' | 'R' | 'L';
}

/** The regulations' numbers, seeded by migration 028 (keep the two in step). */
export const DEFAULT_REQUIREMENTS: readonly RequirementVersion[] = [
  {
    audience: 'member',
    hours: 32,
    periodYears: 1,
    effectiveFrom: '2019-05-06',
    source: '《中国共产党党员教育管理工作条例》（2019）：党员每年集中学习培训一般不少于32学时',
    tag: 'V',
  },
  {
    audience: 'branch_committee',
    hours: 56,
    periodYears: 1,
    effectiveFrom: '2019-05-06',
    source: '《中国共产党党员教育管理工作条例》（2019）：基层党组织书记和班子成员每年不少于56学时',
    tag: 'V',
  },
  {
    audience: 'cadre_county',
    hours: 550,
    periodYears: 5,
    effectiveFrom: '2023-10-16',
    source: '《干部教育培训工作条例》（2023）：县处级以上领导干部每5年参加脱产培训累计不少于3个月或550学时',
    tag: 'V',
  },
  {
    audience: 'cadre_township',
    hours: 90,
    periodYears: 1,
    effectiveFrom: '2023-10-16',
    source: '《干部教育培训工作条例》（2023）：乡科级及以下干部每年累计不少于12天或90学时',
    tag: 'V',
  },
  {
    audience: 'cadre_online',
    hours: 50,
    periodYears: 1,
    effectiveFrom: '2023-10-16',
    source:
      '《全国干部教育培训规划（2023—2027年）》：干部每人每年网络自学不少于50学时（RULES.md 标注 R：转引自省级干部网络学院，未核对原文）',
    tag: 'R',
  },
];

/** 学时 to 0.1. */
export const round1 = (h: number): number => Math.round(h * 10) / 10;

/** The version of an audience's requirement in force on a date (the latest that took effect by then), or null. */
export function versionOn(versions: readonly RequirementVersion[], audience: Audience, date: string): RequirementVersion | null {
  let best: RequirementVersion | null = null;
  for (const v of versions)
    if (v.audience === audience && v.effectiveFrom <= date && (!best || v.effectiveFrom >= best.effectiveFrom)) best = v;
  return best;
}

export interface PersonFacts {
  /** A Party member (members 32 学时). */
  member: boolean;
  /** Secretary, deputy or committee member of a grassroots organization (56 学时). */
  committee: boolean;
  /** A cadre's level (CADRE_LEVELS), null for a member who is not a cadre. */
  cadreLevel: string | null;
}

export interface Requirement {
  /** The audience whose number applies (the highest yearly one when several do). */
  audience: Audience | null;
  /** 学时 a year (a five-year requirement spread evenly: 550 / 5 = 110). */
  hours: number;
  periodYears: number;
  periodHours: number;
  /** The online floor (cadres, 50 学时), 0 when none applies. */
  onlineHours: number;
  sources: string[];
  tags: ('V' | 'R' | 'L')[];
}

/** Which audiences a person belongs to: every member; committee members; cadres by tier (县处级 and above, or 乡科级 and below). */
export function audiencesOf(p: PersonFacts): Audience[] {
  const out: Audience[] = [];
  if (p.member) out.push('member');
  if (p.committee) out.push('branch_committee');
  if (p.cadreLevel != null) out.push(isCadreLevel(p.cadreLevel) && atOrAbove(p.cadreLevel, '县处级') ? 'cadre_county' : 'cadre_township');
  return out;
}

/**
 * The requirement of a person on a date: the largest yearly number among their audiences (a 乡科级 cadre who
 * is a branch secretary owes 90, not 90 + 56: the same hours count for both), plus the online floor for cadres.
 */
export function requirementOf(versions: readonly RequirementVersion[], p: PersonFacts, date: string): Requirement {
  let pick: RequirementVersion | null = null;
  for (const a of audiencesOf(p)) {
    const v = versionOn(versions, a, date);
    if (v && (!pick || v.hours / v.periodYears > pick.hours / pick.periodYears)) pick = v;
  }
  const online = p.cadreLevel != null ? versionOn(versions, 'cadre_online', date) : null;
  const used = [pick, online].filter((v): v is RequirementVersion => v != null);
  return {
    audience: pick?.audience ?? null,
    hours: pick ? round1(pick.hours / pick.periodYears) : 0,
    periodYears: pick?.periodYears ?? 1,
    periodHours: pick?.hours ?? 0,
    onlineHours: online?.hours ?? 0,
    sources: used.map((v) => v.source),
    tags: used.map((v) => v.tag),
  };
}

/** What is still missing: never negative, to 0.1. */
export const shortfall = (required: number, earned: number): number => Math.max(0, round1(required - earned));

/** The online part against the floor: met when the floor is 0 or reached. */
export function onlineFloor(floor: number, online: number): { met: boolean; shortfall: number } {
  const s = shortfall(floor, online);
  return { met: s === 0, shortfall: s };
}

/** Share of people who met their requirement, to 0.1 %; null when nobody is counted (no division by zero). */
export const completionShare = (done: number, people: number): number | null =>
  people > 0 ? Math.round((done / people) * 1000) / 10 : null;

// ——— Duplicates across sources ———

export interface CreditLike {
  id: number;
  source: string;
  title: string;
  hours: number;
  earnedOn: string;
}

/** Which of two sources' records is kept: the organizer's own record outranks a learner's self-report. */
export const SOURCE_RANK: Record<string, number> = { class: 6, party_school: 5, assigned: 4, quiz: 3, online: 2, self: 1 };

const norm = (t: string) => t.replace(/[\s\p{P}\p{S}]/gu, '').replace(/^(关于|参加)/, '');
function bigrams(t: string): Set<string> {
  const s = norm(t);
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}
/** Dice similarity of two titles' character bigrams (punctuation and spaces ignored): 1 for the same title. */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const dayDiff = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** The rule's thresholds: dates at most 7 days apart, same hours to 0.1, titles at least 60 % alike (or one contains the other). */
export const DUPLICATE_RULE = { maxDays: 7, minSimilarity: 0.6 } as const;

/**
 * Whether two of ONE learner's records look like the same training recorded by two sources: different
 * sources, the same hours, dates within a week, and similar titles. Online study and quizzes are never
 * duplicates of each other or of themselves (each is its own material or attempt).
 */
export function looksLikeSameTraining(a: CreditLike, b: CreditLike): boolean {
  if (a.source === b.source) return false;
  if ((a.source === 'online' || a.source === 'quiz') && (b.source === 'online' || b.source === 'quiz')) return false;
  if (round1(a.hours) !== round1(b.hours)) return false;
  if (dayDiff(a.earnedOn, b.earnedOn) > DUPLICATE_RULE.maxDays) return false;
  const na = norm(a.title);
  const nb = norm(b.title);
  return na.includes(nb) || nb.includes(na) || titleSimilarity(a.title, b.title) >= DUPLICATE_RULE.minSimilarity;
}

/**
 * The duplicates among one learner's records: each pair that looks like the same training gives
 * `{ id, of }`, the lower-ranked source's row marked as the duplicate of the higher-ranked one (ties: the
 * later id). A row is marked at most once, and never as the duplicate of a row that is itself marked.
 */
export function findDuplicates(credits: readonly CreditLike[]): { id: number; of: number }[] {
  const sorted = [...credits].sort((x, y) => (SOURCE_RANK[y.source] ?? 0) - (SOURCE_RANK[x.source] ?? 0) || x.id - y.id);
  const marked = new Set<number>();
  const out: { id: number; of: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (marked.has(sorted[i].id)) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const d = sorted[j];
      if (marked.has(d.id) || !looksLikeSameTraining(sorted[i], d)) continue;
      marked.add(d.id);
      out.push({ id: d.id, of: sorted[i].id });
    }
  }
  return out;
}

// Organization health (组织健康度, issue 5 point 3): five signals of an organization — meetings, terms,
// dues, development deadlines, standards — each 正常 / 关注 / 预警 with the reasons behind it, so the
// weakest organizations of a subtree are found in one look. Signals of organizations, never of people,
// and never a score (RULES.md §9: no rankings by points used for assessment).
//
// The deadlines themselves belong to the areas' own rules (org-life.ts, terms.ts, dues.ts,
// development*.ts); this file only says when a fact calls for attention or a warning. Where the
// regulation sets the line it is cited; the other lines are local practice (RULES.md tag L) and are
// parameters with the defaults below.
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from '../meeting-kinds';
import { daysLeft, TERM_ARTICLES, TERM_RULES } from './terms';
import { STAR_LABELS, WEAK_SUGGESTION_RULES } from './standards';

export const HEALTH_LEVELS = ['ok', 'attention', 'warning'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];
export const HEALTH_LEVEL_LABELS: Record<HealthLevel, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'Normal' },
  attention: { zh: '关注', en: 'Attention' },
  warning: { zh: '预警', en: 'Warning' },
};

export const HEALTH_SIGNALS = ['meetings', 'terms', 'dues', 'development', 'standards'] as const;
export type HealthSignalKind = (typeof HEALTH_SIGNALS)[number];
export const HEALTH_SIGNAL_LABELS: Record<HealthSignalKind, { zh: string; en: string }> = {
  meetings: { zh: '组织生活', en: 'Meetings' },
  terms: { zh: '换届', en: 'Terms' },
  dues: { zh: '党费', en: 'Dues' },
  development: { zh: '发展党员', en: 'Development' },
  standards: { zh: '标准化建设', en: 'Standards' },
};

/** The regulation behind each signal's deadlines. */
export const HEALTH_BASIS: Record<HealthSignalKind, string> = {
  meetings: '《中国共产党支部工作条例（试行）》第十一条至第十七条',
  terms: `${TERM_ARTICLES.term}；${TERM_ARTICLES.adjust}`,
  dues: '中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》；《中国共产党章程》第九条',
  development: '《中国共产党发展党员工作细则》',
  standards: '党支部标准化规范化建设评分标准（本地）；整顿软弱涣散基层党组织',
};

export interface HealthThresholds {
  /** The first day these lines apply (versioned like the other rules). */
  effectiveFrom: string;
  /** L: a unit is warned with this many checks missing in the quarter, or in the year so far. */
  meetingsQuarterWarn: number;
  meetingsYearWarn: number;
  /** V (任期意见 practice): the higher organization reminds about 6 months before the end. */
  termSoonMonths: number;
  /** L: the year's collection rate below which dues call for attention, and a warning. */
  duesAttentionRate: number;
  duesWarningRate: number;
  /** L: a development step late by more than this many days is a warning. */
  developmentWarnDays: number;
  /** L (as the weak-organization suggestions): rated this many stars or fewer calls for attention. */
  lowStars: number;
  /** L: a group of organizations is warned when at least this share of its units is. */
  rollupWarnShare: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  effectiveFrom: '2018-10-28',
  meetingsQuarterWarn: 3,
  meetingsYearWarn: 6,
  termSoonMonths: TERM_RULES.reminderMonths,
  duesAttentionRate: 0.95,
  duesWarningRate: 0.8,
  developmentWarnDays: 30,
  lowStars: WEAK_SUGGESTION_RULES.maxStars,
  rollupWarnShare: 0.1,
};

const RANK: Record<HealthLevel, number> = { ok: 0, attention: 1, warning: 2 };
export const worstLevel = (...levels: HealthLevel[]): HealthLevel => levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');

/** How many units of a group are at each level. */
export interface UnitTally {
  units: number;
  attention: number;
  warning: number;
}
export const emptyTally = (): UnitTally => ({ units: 0, attention: 0, warning: 0 });
export function tallyUnit(t: UnitTally, level: HealthLevel): void {
  t.units++;
  if (level === 'attention') t.attention++;
  if (level === 'warning') t.warning++;
}

/**
 * A group of units (a district, a township): warned when at least `rollupWarnShare` of its units are,
 * otherwise looked at when any unit is. A single unit keeps its own level (1 of 1 is every share).
 */
export function rollupLevel(t: UnitTally, th: Pick<HealthThresholds, 'rollupWarnShare'> = DEFAULT_HEALTH_THRESHOLDS): HealthLevel {
  if (t.units === 0) return 'ok';
  if (t.warning > 0 && t.warning >= t.units * th.rollupWarnShare) return 'warning';
  return t.warning + t.attention > 0 ? 'attention' : 'ok';
}

/**
 * "Needs attention first": the organizations with the most signals at 预警, then at 关注, then in their
 * given (tree) order. It orders organizations by their signals so the weakest are found; it is not a score.
 */
export function attentionFirst<T extends { warnings: number; attentions: number }>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.warnings - a.r.warnings || b.r.attentions - a.r.attentions || a.i - b.i)
    .map((x) => x.r);
}

export interface SignalResult {
  level: HealthLevel;
  /** Why, one sentence each; empty when normal. */
  reasons: string[];
  /** What the cell says when there is nothing to report (e.g. 收缴率 98.5%). */
  summary: string;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const unitWord = (n: number, what: string) => `${n} 个${what}`;

// ---- meetings (支部工作条例 第十一至十七条: the frequencies; the checks come from org-life.ts) ----

/** One unit: missing checks in the quarter and the year so far (the quarter's included). */
export function meetingsUnitLevel(
  u: { quarterMissing: number; yearMissing: number },
  th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthLevel {
  if (u.quarterMissing >= th.meetingsQuarterWarn || u.yearMissing >= th.meetingsYearWarn) return 'warning';
  return u.yearMissing > 0 ? 'attention' : 'ok';
}

export interface MeetingsFacts extends UnitTally {
  /** Units with something missing this quarter. */
  quarterUnits: number;
  quarterMissing: Partial<Record<MeetingKind, number>>;
  yearMissing: number;
}

const byKindText = (m: Partial<Record<MeetingKind, number>>) =>
  MEETING_KINDS.filter((k) => (m[k] ?? 0) > 0)
    .map((k) => `${MEETING_KIND_LABELS[k].zh} ${m[k]} 次`)
    .join('、');

export function meetingsSignal(f: MeetingsFacts, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): SignalResult {
  const level = rollupLevel(f, th);
  const quarter = Object.values(f.quarterMissing).reduce((n, x) => n + (x ?? 0), 0);
  const reasons: string[] = [];
  if (quarter > 0) {
    reasons.push(
      f.units === 1
        ? `本季度缺${byKindText(f.quarterMissing)}`
        : `${unitWord(f.quarterUnits, '党支部（党小组）')}本季度有缺项：缺${byKindText(f.quarterMissing)}`,
    );
  }
  if (f.yearMissing > quarter)
    reasons.push(`本年累计缺开 ${f.yearMissing} 次${f.units > 1 ? `（${unitWord(f.attention + f.warning, '单位')}）` : ''}`);
  const summary = f.units === 1 ? '本年应开展的组织生活均已开展' : `${unitWord(f.units, '单位')}，本年应开展的均已开展`;
  return { level, reasons, summary: level === 'ok' ? summary : '' };
}

// ---- terms (任期意见 2018; 选举工作条例 第三条: on time, a delay approved and at most 1 year) ----

export type TermHealthState = 'normal' | 'ending' | 'request_window' | 'overdue' | 'delayed' | 'missing';

export interface TermUnit {
  orgName: string;
  state: TermHealthState;
  endsOn: string | null;
  /** An election request is under way (requested, approved or held). */
  electionUnderWay: boolean;
}

/** One organization's term: overdue is a warning; ending within 6 months with no request, or no term on record, calls for attention. */
export function termUnitLevel(u: Pick<TermUnit, 'state' | 'electionUnderWay'>): HealthLevel {
  if (u.state === 'overdue') return 'warning';
  if (u.state === 'missing') return 'attention';
  if ((u.state === 'ending' || u.state === 'request_window') && !u.electionUnderWay) return 'attention';
  return 'ok';
}

export interface TermsFacts extends UnitTally {
  overdue: number;
  /** The longest overdue, in days. */
  maxOverdueDays: number;
  ending: number;
  missing: number;
  /** The single organization's own line (when units = 1). */
  only: TermUnit | null;
}

export function termUnitText(u: TermUnit, today: string): string {
  if (u.state === 'missing' || !u.endsOn) return '未录入本届任期';
  const days = daysLeft(u.endsOn, today);
  const underWay = u.electionUnderWay ? '，换届选举办理中' : '';
  if (u.state === 'overdue') return `换届已逾期 ${-days} 天（任期 ${u.endsOn} 届满${underWay}）`;
  if (u.state === 'delayed') return `经批准延期换届，任期至 ${u.endsOn}`;
  if (u.state === 'ending' || u.state === 'request_window') {
    return `任期将于 ${u.endsOn} 届满（还有 ${days} 天）${u.electionUnderWay ? '，换届选举办理中' : '，尚未提出换届请示'}`;
  }
  return `任期至 ${u.endsOn}`;
}

export function termsSignal(f: TermsFacts, today: string, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): SignalResult {
  const level = rollupLevel(f, th);
  if (f.only && f.units === 1) {
    const text = termUnitText(f.only, today);
    return { level, reasons: level === 'ok' ? [] : [text], summary: level === 'ok' ? text : '' };
  }
  const reasons: string[] = [];
  if (f.overdue) reasons.push(`${unitWord(f.overdue, '组织')}换届已逾期（最长 ${f.maxOverdueDays} 天）`);
  if (f.ending) reasons.push(`${unitWord(f.ending, '组织')}任期 ${th.termSoonMonths} 个月内届满，尚未提出换届请示`);
  if (f.missing) reasons.push(`${unitWord(f.missing, '组织')}未录入本届任期`);
  return { level, reasons, summary: level === 'ok' ? `${unitWord(f.units, '组织')}均在任期内` : '' };
}

// ---- dues (中组发〔2008〕3号: monthly; 党章第九条: six months unpaid → treated as having left) ----

/** One unit's members by consecutive unpaid months, at the dues settings' levels (3, 5, 6 by default). */
export interface ArrearsCounts {
  warned: number;
  urgent: number;
  lapsed: number;
}

/** 党章第九条: a member six months unpaid is a warning; any run at the warning line (3 by default) calls for attention. */
export function duesUnitLevel(a: ArrearsCounts): HealthLevel {
  if (a.lapsed > 0) return 'warning';
  return a.warned + a.urgent > 0 ? 'attention' : 'ok';
}

/** The year's collection rate (closed months): paid / due. */
export function duesRateLevel(dueFen: number, paidFen: number, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): HealthLevel {
  if (dueFen <= 0) return 'ok';
  const rate = paidFen / dueFen;
  if (rate < th.duesWarningRate) return 'warning';
  return rate < th.duesAttentionRate ? 'attention' : 'ok';
}

export interface DuesFacts extends UnitTally, ArrearsCounts {
  dueFen: number;
  paidFen: number;
  /** The closed months the rate covers, 'YYYY-MM'. */
  from: string;
  to: string;
  /** The settings' months for the texts. */
  warnMonths: number;
  lapseMonths: number;
}

export function duesSignal(f: DuesFacts, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): SignalResult {
  const rateLevel = duesRateLevel(f.dueFen, f.paidFen, th);
  const level = worstLevel(rollupLevel(f, th), rateLevel);
  const reasons: string[] = [];
  const inArrears = f.warned + f.urgent + f.lapsed;
  if (inArrears) {
    const lapsed = f.lapsed ? `（其中满 ${f.lapseMonths} 个月 ${f.lapsed} 名）` : '';
    const where = f.units > 1 ? `${unitWord(f.attention + f.warning, '支部')}共 ` : '';
    reasons.push(`${where}${inArrears} 名党员连续欠缴党费满 ${f.warnMonths} 个月${lapsed}`);
  }
  const rate = f.dueFen > 0 ? `本年收缴率 ${pct(f.paidFen / f.dueFen)}（${f.from} 至 ${f.to}）` : '';
  if (rateLevel !== 'ok') reasons.push(rate);
  return { level, reasons, summary: level === 'ok' ? rate || '本年无应缴党费' : '' };
}

// ---- development (发展党员工作细则: each step's time limit, computed by the development rules) ----

export function developmentUnitLevel(
  u: { overdue: number; maxOverdueDays: number },
  th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthLevel {
  if (u.overdue > 0 && u.maxOverdueDays > th.developmentWarnDays) return 'warning';
  return u.overdue > 0 ? 'attention' : 'ok';
}

export interface DevelopmentFacts extends UnitTally {
  /** People in the pipeline (applicants to probationary members). */
  inPipeline: number;
  overdue: number;
  maxOverdueDays: number;
}

export function developmentSignal(f: DevelopmentFacts, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): SignalResult {
  const level = rollupLevel(f, th);
  const reasons = f.overdue ? [`${f.overdue} 人发展党员步骤逾期（最长 ${f.maxOverdueDays} 天）`] : [];
  return { level, reasons, summary: level === 'ok' ? (f.inPipeline ? `${f.inPipeline} 人在培养中，无逾期` : '无在培养对象') : '' };
}

// ---- standards (star ratings: local checklists, L; 软弱涣散: named by a higher organization) ----

export interface StandardsUnit {
  /** The latest rating, null when never rated. */
  stars: number | null;
  ratedYear: number | null;
  /** Named weak and still rectifying; with the year and open tasks past their due date. */
  weakYear: number | null;
  weakOverdueTasks: number;
}

export function standardsUnitLevel(u: StandardsUnit, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): HealthLevel {
  if (u.weakYear !== null) return 'warning';
  return u.stars !== null && u.stars <= th.lowStars ? 'attention' : 'ok';
}

export interface StandardsFacts extends UnitTally {
  weak: number;
  weakOverdueTasks: number;
  lowStars: number;
  rated: number;
  only: StandardsUnit | null;
}

const starText = (u: StandardsUnit) =>
  u.stars !== null && u.ratedYear !== null ? `${u.ratedYear} 年度评定为${STAR_LABELS[u.stars]?.zh ?? `${u.stars} 星`}` : '尚未评定星级';

export function standardsSignal(f: StandardsFacts, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): SignalResult {
  const level = rollupLevel(f, th);
  const reasons: string[] = [];
  if (f.only && f.units === 1) {
    const u = f.only;
    if (u.weakYear !== null)
      reasons.push(`列为 ${u.weakYear} 年度软弱涣散党组织，整改中${u.weakOverdueTasks ? `（${u.weakOverdueTasks} 项整改任务逾期）` : ''}`);
    if (u.stars !== null && u.stars <= th.lowStars) reasons.push(starText(u));
    return { level, reasons, summary: level === 'ok' ? starText(u) : '' };
  }
  if (f.weak)
    reasons.push(
      `${unitWord(f.weak, '党组织')}列为软弱涣散党组织，整改中${f.weakOverdueTasks ? `（${f.weakOverdueTasks} 项整改任务逾期）` : ''}`,
    );
  if (f.lowStars) reasons.push(`${unitWord(f.lowStars, '党支部')}评定为${STAR_LABELS[th.lowStars].zh}及以下`);
  return { level, reasons, summary: level === 'ok' ? (f.rated ? `${unitWord(f.rated, '党支部')}已评定星级` : '尚未评定星级') : '' };
}

/**
 * The months a "this year" collection rate covers: January of the last closed month's year up to it
 * (the current month is still being collected; in January that is the whole of last year).
 */
export function closedMonthsOfYear(lastClosed: string): { from: string; to: string } {
  return { from: `${lastClosed.slice(0, 4)}-01`, to: lastClosed };
}

// Committee terms and elections (换届) of grassroots Party organizations (RULES.md §4).
// Sources, as far as the team could verify them (RULES.md tags V/R/L):
//   中共中央办公厅《关于党的基层组织任期的意见》(2018, V): 基层党委每届 5 年；党总支、党支部每届 3 年；村、社区党组织每届 5 年.
//   《中国共产党基层组织选举工作条例》(2020): 第三条 按期换届，延期或提前报上级党组织批准，一般不超过 1 年 (V);
//   第五条 预备党员和留党察看期间的党员没有表决权、选举权和被选举权 (V); 第十三条 委员候选人差额不少于应选人数的 20% (R);
//   选举有效须有选举权的到会人数超过应到会人数的五分之四，当选须赞成票超过应到会有选举权人数的半数 (V; the article
//   numbers of these two were not in our sources, so messages cite the regulation by name only).
//   Reminder about 6 months before the end (V); request 2–4 months before (L); result reported within 1 month (L).
import dayjs from 'dayjs';
import type { OrgKind, UnitType } from '../org-kinds';
import { COUNTED_STATUSES, type MemberStatus } from '../member-status';

export const TERM_KINDS = ['primary-committee', 'general-branch', 'branch'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TERM_KIND_LABELS: Record<TermKind, { zh: string; en: string }> = {
  'primary-committee': { zh: '基层党委', en: 'Primary committee' },
  'general-branch': { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
};

const XJ = '《中国共产党基层组织选举工作条例》';
export const TERM_ARTICLES = {
  term: '中办《关于党的基层组织任期的意见》（2018）',
  adjust: `${XJ}第三条`,
  voters: `${XJ}第五条`,
  surplus: `${XJ}第十三条`,
  vote: XJ,
  approval: `${XJ}（书记、副书记报上级党组织批准）`,
  reminder: '上级党组织在任期届满前约 6 个月提醒换届',
  local: '本地工作要求',
} as const;

export const TERM_RULES = {
  /** 任期意见: 基层党委 5 years */
  primaryCommitteeYears: 5,
  /** 任期意见: 党总支、党支部 3 years */
  branchYears: 3,
  /** 任期意见: village and community organizations 5 years, whatever their kind */
  villageCommunityYears: 5,
  /** V: the higher organization reminds about 6 months before the end */
  reminderMonths: 6,
  /** L: the election request goes up between 4 and 2 months before the end */
  requestFromMonths: 4,
  requestByMonths: 2,
  /** L: the result is reported within 1 month of the election */
  reportWithinMonths: 1,
  /** 第三条: an advance or a delay of at most 1 year */
  maxAdjustMonths: 12,
  /** 第十三条: candidates exceed seats by at least 1/5 (a warning for committees of 3 or more seats) */
  surplusDenominator: 5,
  surplusFromSeats: 3,
} as const;

const YEARS: Record<TermKind, number> = {
  'primary-committee': TERM_RULES.primaryCommitteeYears,
  'general-branch': TERM_RULES.branchYears,
  branch: TERM_RULES.branchYears,
};

const FORMAT = 'YYYY-MM-DD';

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not); otherwise a RangeError. */
function checkedDate(date: string): dayjs.Dayjs {
  const d = dayjs(date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid() || d.format(FORMAT) !== date)
    throw new RangeError(`日期“${date}”无效，应为 YYYY-MM-DD`);
  return d;
}

/** The same calendar day `years` later; 02-29 falls on 02-28 in a common year (the term must not run past its last day). */
export function anniversary(date: string, years: number): string {
  return checkedDate(date).add(years, 'year').format(FORMAT);
}

export function addMonthsTo(date: string, months: number): string {
  return checkedDate(date).add(months, 'month').format(FORMAT);
}

/** 任期意见: the end of a term elected on `electedOn`, 5 years for a 基层党委, 3 for a 党总支 or 党支部. */
export function termEnd(kind: TermKind, electedOn: string): string {
  return anniversary(electedOn, YEARS[kind]);
}

/** The organization kinds of each term kind; the others (临时党支部, 党小组, 市委, 区县委) have no term here. */
export const TERM_ORG_KINDS: Record<TermKind, readonly OrgKind[]> = {
  'primary-committee': ['party_committee', 'township_committee'],
  'general-branch': ['general_branch'],
  branch: ['branch', 'joint_branch'],
};

export interface TermRule {
  kind: TermKind;
  years: number;
  article: string;
}

/**
 * The term of an organization (任期意见), or null when it has none: temporary branches and party groups
 * elect no committee, and 市委/区县委 are local committees under the 地方组织选举工作条例, outside this module.
 */
export function termRuleOf(org: { kind: OrgKind | string; unitType: UnitType | string | null }): TermRule | null {
  const kind = TERM_KINDS.find((k) => (TERM_ORG_KINDS[k] as readonly string[]).includes(org.kind));
  if (!kind) return null;
  const village = org.unitType === 'rural' || org.unitType === 'community';
  return { kind, years: village ? TERM_RULES.villageCommunityYears : YEARS[kind], article: TERM_ARTICLES.term };
}

export const QUORUM_FAILED = '到会人数未超过应到会人数的五分之四，选举无效';
export const NO_MAJORITY = '无被选举人获得超过应到会有选举权人数半数的赞成票，未能选出';

/**
 * 选举工作条例: the election is valid when voters present are MORE than ⅘ of those who should attend
 * (present·5 > shouldAttend·4, in integers), and a candidate is elected with yes votes MORE than ½ of the
 * voters who should attend (not of those present). Counts that cannot be true throw a RangeError.
 */
export function electionVote(v: { shouldAttend: number; present: number; votesFor: number }): { quorate: boolean; elected: boolean } {
  const names = { shouldAttend: '应到会人数', present: '实到会人数', votesFor: '赞成票数' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    if (!Number.isInteger(v[key]) || v[key] < 0) throw new RangeError(`${names[key]}须为非负整数`);
  }
  if (v.shouldAttend < 1) throw new RangeError('应到会有选举权的党员人数至少为 1');
  if (v.present > v.shouldAttend) throw new RangeError(`实到会人数（${v.present}）不能超过应到会人数（${v.shouldAttend}）`);
  if (v.votesFor > v.present) throw new RangeError(`赞成票数（${v.votesFor}）不能超过实到会人数（${v.present}）`);
  const quorate = v.present * 5 > v.shouldAttend * 4;
  return { quorate, elected: quorate && v.votesFor * 2 > v.shouldAttend };
}

/** The fewest present for a valid election: the smallest n with n·5 > shouldAttend·4. */
export const quorumMinimum = (shouldAttend: number) => Math.floor((shouldAttend * 4) / 5) + 1;
/** The fewest yes votes to be elected: the smallest n with n·2 > shouldAttend. */
export const majorityMinimum = (shouldAttend: number) => Math.floor(shouldAttend / 2) + 1;

export interface CandidateOutcome {
  majority: boolean;
  elected: boolean;
  tie: boolean;
}
export interface ElectionOutcome {
  quorate: boolean;
  /** Why nothing was elected (the election failed), or null. */
  failure: string | null;
  /** Same order as the input candidates. */
  candidates: CandidateOutcome[];
  notes: string[];
}

/**
 * The result of a ballot: nobody is elected without the quorum; among candidates over the majority the
 * top vote-getters fill the seats; a tie at the last seat elects none of the tied (the regulation asks
 * for another ballot among them), and unfilled seats may be elected again.
 */
export function electionResult(input: {
  shouldAttend: number;
  present: number;
  seats: number;
  candidates: readonly { votesFor: number }[];
}): ElectionOutcome {
  if (!Number.isInteger(input.seats) || input.seats < 1) throw new RangeError('应选名额至少为 1');
  const { quorate } = electionVote({ shouldAttend: input.shouldAttend, present: input.present, votesFor: 0 });
  const votes = input.candidates.map((c) =>
    electionVote({ shouldAttend: input.shouldAttend, present: input.present, votesFor: c.votesFor }),
  );
  const out: CandidateOutcome[] = votes.map((v) => ({ majority: v.elected, elected: false, tie: false }));
  if (!quorate) return { quorate, failure: QUORUM_FAILED, candidates: out, notes: [] };
  const ranked = input.candidates
    .map((c, i) => ({ i, votes: c.votesFor }))
    .filter((c) => out[c.i].majority)
    .sort((a, b) => b.votes - a.votes);
  const notes: string[] = [];
  let take = ranked.slice(0, input.seats);
  const cutoff = take.at(-1)?.votes;
  if (ranked.length > input.seats && ranked[input.seats].votes === cutoff) {
    take = take.filter((c) => c.votes !== cutoff);
    for (const c of ranked.filter((r) => r.votes === cutoff)) out[c.i].tie = true;
    notes.push('票数相等不能确定当选人，应就票数相等的被选举人再次投票');
  }
  for (const c of take) out[c.i].elected = true;
  if (take.length === 0) return { quorate, failure: NO_MAJORITY, candidates: out, notes };
  if (take.length < input.seats) notes.push(`当选 ${take.length} 人，少于应选名额 ${input.seats} 人，不足的名额可另行选举`);
  return { quorate, failure: null, candidates: out, notes };
}

/** 第十三条 (R): a committee's candidates should exceed its seats by at least 20%; a warning, never a refusal. */
export function surplusWarning(seats: number, candidates: number): string | null {
  if (seats < TERM_RULES.surplusFromSeats || (candidates - seats) * TERM_RULES.surplusDenominator >= seats) return null;
  const least = seats + Math.ceil(seats / TERM_RULES.surplusDenominator);
  return `候选人 ${candidates} 名、应选 ${seats} 名，差额少于应选人数的 20%（宜不少于 ${least} 名候选人）（${TERM_ARTICLES.surplus}）`;
}

/**
 * 第五条: only full members vote, and not while under 留党察看. The member record has no 留党察看 field,
 * so such members cannot be left out automatically: the organization lowers the count it enters.
 */
export function hasVote(m: { category: string; status: MemberStatus | string }): boolean {
  return m.category === 'full' && (COUNTED_STATUSES as readonly string[]).includes(m.status);
}

/** V: the higher organization reminds the committee about 6 months before the term ends. */
export const reminderOn = (endsOn: string) => addMonthsTo(endsOn, -TERM_RULES.reminderMonths);

/** L: the election request is submitted between 4 and 2 months before the end. */
export const requestWindow = (endsOn: string) => ({
  from: addMonthsTo(endsOn, -TERM_RULES.requestFromMonths),
  by: addMonthsTo(endsOn, -TERM_RULES.requestByMonths),
});

/** L: the election result (and the secretary and deputy) is reported within 1 month. */
export const reportDueOn = (heldOn: string) => addMonthsTo(heldOn, TERM_RULES.reportWithinMonths);

export const TERM_STATES = ['normal', 'ending', 'request_window', 'overdue', 'delayed'] as const;
export type TermState = (typeof TERM_STATES)[number];

export const TERM_STATE_LABELS: Record<TermState | 'missing', { zh: string; en: string }> = {
  normal: { zh: '任期内', en: 'In term' },
  ending: { zh: '半年内届满', en: 'Ends within 6 months' },
  request_window: { zh: '应申请换届', en: 'Request due' },
  overdue: { zh: '逾期未换届', en: 'Overdue' },
  delayed: { zh: '已批准延期', en: 'Delay approved' },
  missing: { zh: '未录入届期', en: 'No term recorded' },
};

/**
 * Where a current term stands on `today`: past its end (after any approved delay) it is overdue; with an
 * approved delay it is delayed; from 4 months before the end the request is due; from 6 months, ending.
 */
export function termState(t: { endsOn: string; delayed: boolean }, today: string): TermState {
  if (today > t.endsOn) return 'overdue';
  if (t.delayed) return 'delayed';
  if (today >= requestWindow(t.endsOn).from) return 'request_window';
  if (today >= reminderOn(t.endsOn)) return 'ending';
  return 'normal';
}

/** Days from `today` to the end of the term; negative when overdue. */
export const daysLeft = (endsOn: string, today: string) => checkedDate(endsOn).diff(checkedDate(today), 'day');

export type AdjustmentKind = 'delay' | 'advance';

/**
 * 第三条: a delay or an advance needs the higher organization's approval and moves the election by at most
 * 1 year from the regular end of the term (so successive delays cannot add up past it).
 */
export function adjustmentProblem(a: { kind: AdjustmentKind; regularEnd: string; currentEnd: string; newEnd: string }): string | null {
  checkedDate(a.newEnd);
  if (a.kind === 'delay') {
    const latest = addMonthsTo(a.regularEnd, TERM_RULES.maxAdjustMonths);
    if (a.newEnd <= a.currentEnd) return `延期换届的日期应晚于现届满日期 ${a.currentEnd}`;
    if (a.newEnd > latest) return `延期换届一般不超过 1 年，最迟 ${latest}（${TERM_ARTICLES.adjust}）`;
  } else {
    const earliest = addMonthsTo(a.regularEnd, -TERM_RULES.maxAdjustMonths);
    if (a.newEnd >= a.currentEnd) return `提前换届的日期应早于现届满日期 ${a.currentEnd}`;
    if (a.newEnd < earliest) return `提前换届一般不超过 1 年，最早 ${earliest}（${TERM_ARTICLES.adjust}）`;
  }
  return null;
}

// The gates between steps. The order, the 凡提四必, the committee decision, the publicity window and 试用期 are the
// rule's (domain/rules/cadre-selection.ts canEnter, asked once per candidate still in the selection); this file
// adds what the record itself must hold before a step is left: candidates and 差额 after 民主推荐, the inspection,
// eligibility and decided avoidance flags before 讨论决定, no objection open before 任职.
import dayjs from 'dayjs';
import {
  canEnter,
  FOUR_MUSTS,
  nextStep,
  POST_KINDS,
  publicityRequired,
  SELECTION_ARTICLES,
  type FourMust,
  type PostKind,
  type PublicityExemption,
  type SelectionState,
  type SelectionStep,
} from '../../../domain/rules/cadre-selection.js';
import { isCadreLevel, type CadreLevel } from '../../../domain/rules/cadre-levels.js';
import type { TFourMustRecord, TMeeting, TPublicity } from '../../../domain/schemas/cadre-selections.js';

export const RECOMMENDATION_ARTICLE = '《党政领导干部选拔任用工作条例》第四章（民主推荐，差额；条号待核）';
export const INSPECTION_ARTICLE = '《党政领导干部选拔任用工作条例》第五章（考察；条号待核）';
export const ELIGIBILITY_GATE_ARTICLE = '《党政领导干部选拔任用工作条例》第二章（选拔任用条件；条号待核）';
export const AVOIDANCE_GATE_ARTICLE = '《党政领导干部选拔任用工作条例》第十章（交流、回避）';
/** 考察 open longer than this reaches the to-do list. */
export const INSPECTION_DUE_DAYS = 30;
/** A 试用期 ending within this many days reaches the to-do list. */
export const PROBATION_NOTICE_DAYS = 30;

export interface GateCandidate {
  name: string;
  postLevel: string;
  elected: boolean;
  probationKind: string | null;
  fourMusts: Partial<Record<FourMust, TFourMustRecord>>;
  vote: { inFavor: number; passed: boolean } | null;
  dropped: boolean;
  eligible: boolean;
  avoidanceOpen: boolean;
}

export interface GateSelection {
  step: SelectionStep;
  promotion: boolean;
  postCount: number;
  nonCompetitiveReason: string | null;
  hasInspection: boolean;
  meeting: TMeeting | null;
  publicity: TPublicity | null;
  openObjections: number;
  today: string;
}

const levelOf = (l: string): CadreLevel => (isCadreLevel(l) ? l : '副科');
const kindOf = (k: string | null): PostKind => (k && k in POST_KINDS ? (k as PostKind) : 'other');

export function ruleState(s: GateSelection, c: GateCandidate): SelectionState {
  return {
    at: s.step,
    checks: Object.fromEntries((Object.keys(FOUR_MUSTS) as FourMust[]).map((k) => [k, !!c.fourMusts[k]])),
    vote: s.meeting && c.vote ? { members: s.meeting.members, present: s.meeting.present.length, inFavor: c.vote.inFavor } : undefined,
    post: { elected: c.elected, level: levelOf(c.postLevel), kind: kindOf(c.probationKind) },
    promotion: s.promotion,
    publicityExemption: (s.publicity?.exemption as PublicityExemption | null) ?? null,
    publicityStartOn: s.publicity?.startOn ?? undefined,
    today: s.today,
  };
}

export const publicityOf = (s: GateSelection, c: GateCandidate) =>
  publicityRequired({
    promotion: s.promotion,
    level: levelOf(c.postLevel),
    exemption: (s.publicity?.exemption as PublicityExemption | null) ?? null,
  });

/** The step that follows: 任前公示 is skipped when no candidate still in the selection needs one. */
export function followingStep(s: GateSelection, cands: readonly GateCandidate[]): SelectionStep | null {
  const next = nextStep(s.step);
  const active = cands.filter((c) => !c.dropped);
  if (next === '任前公示' && active.length > 0 && active.every((c) => !publicityOf(s, c).required)) return '任职';
  if (next === '试用期') return null;
  return next;
}

/** Whether the selection may enter `to` now; the reasons name the candidate, the item and the article. */
export function gate(s: GateSelection, cands: readonly GateCandidate[], to: SelectionStep): { ok: boolean; reasons: string[] } {
  const expected = followingStep(s, cands);
  if (to !== expected)
    return {
      ok: false,
      reasons: [`当前为“${s.step}”，下一步应为“${expected ?? '（无）'}”，不能进入“${to}”（${SELECTION_ARTICLES.order}）`],
    };
  const reasons: string[] = [];
  const active = cands.filter((c) => !c.dropped);
  if (s.step !== '分析研判和动议' && active.length === 0) reasons.push(`没有在选的人选（${RECOMMENDATION_ARTICLE}）`);
  if (to === '考察' && active.length > 0 && active.length <= s.postCount && !s.nonCompetitiveReason)
    reasons.push(`人选 ${active.length} 名、职位 ${s.postCount} 个，未形成差额，须说明等额的理由（${RECOMMENDATION_ARTICLE}）`);
  if (to === '讨论决定') {
    if (!s.hasInspection) reasons.push(`尚未登记考察组、谈话人数和考察材料（${INSPECTION_ARTICLE}）`);
    for (const c of active) {
      if (!c.eligible) reasons.push(`${c.name}：任职资格不符合且未经认定（${ELIGIBILITY_GATE_ARTICLE}）`);
      if (c.avoidanceOpen) reasons.push(`${c.name}：存在回避情形，须先作出决定（${AVOIDANCE_GATE_ARTICLE}）`);
    }
  }
  if (to === '任职' && s.openObjections > 0)
    reasons.push(`公示期间反映的问题尚有 ${s.openObjections} 件未办结（${SELECTION_ARTICLES.publicity}）`);
  for (const c of active) {
    const r = canEnter(to, ruleState(s, c));
    for (const reason of r.reasons) reasons.push(`${c.name}：${reason}`);
  }
  return { ok: reasons.length === 0, reasons };
}

/** The next deadline of the step in progress, for the list and the to-do list. */
export function dueOf(
  s: { step: SelectionStep; status: string; stepDates: Record<string, string>; publicity: TPublicity | null },
  probationUntil: readonly (string | null)[],
): { on: string; what: string } | null {
  if (s.status !== 'open') return null;
  if (s.step === '考察' && s.stepDates['考察'])
    return { on: dayjs(s.stepDates['考察']).add(INSPECTION_DUE_DAYS, 'day').format('YYYY-MM-DD'), what: '考察应及时完成' };
  if (s.step === '任前公示' && s.publicity?.endOn) return { on: s.publicity.endOn, what: '任前公示期满' };
  if (s.step === '试用期') {
    const open = probationUntil.filter((d): d is string => !!d).sort();
    if (open[0]) return { on: open[0], what: '试用期满考核' };
  }
  return null;
}

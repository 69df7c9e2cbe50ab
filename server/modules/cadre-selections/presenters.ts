// The selection as the API shows it: the record, each candidate with the 凡提四必, eligibility findings (with their
// articles) and avoidance flags computed from the file now, the trail, and whether the next step may be entered.
import type { Db } from '../../db/engine.js';
import {
  committeeDecision,
  FOUR_MUSTS,
  POST_KINDS,
  probationApplies,
  publicityRequired,
  type FourMust,
  type PostKind,
  type SelectionStep,
} from '../../../domain/rules/cadre-selection.js';
import { isCadreLevel } from '../../../domain/rules/cadre-levels.js';
import type {
  TAppointment,
  TCandidate,
  TFourMustRecord,
  TInspection,
  TMeeting,
  TPublicity,
  TRecommendation,
  TSelection,
  TSelectionSummary,
} from '../../../domain/schemas/cadre-selections.js';
import { COMPETITION_ARTICLE } from '../../../domain/rules/cadre-competition.js';
import { avoidanceOfList } from './avoidance.js';
import { applicantRows, presentApplicants } from './competition.js';
import { cadreRecordsOf, eligibilityOf, type Override } from './eligibility.js';
import { fourMustEvidenceOf } from './four-must-evidence.js';
import { dueOf, followingStep, gate, publicityOf, type GateCandidate, type GateSelection } from './gates.js';
import { candidateRows, eventRows, objectionRows, postRows, type CandidateRow, type SelectionRow } from './queries.js';

/** A jsonb column read back: its shape is the schema it was written with (domain/schemas/cadre-selections.ts). */
export const jsonOf = <T>(v: unknown): T => v as T;

export const stepDatesOf = (s: SelectionRow) => jsonOf<Record<string, string>>(s.step_dates ?? {});
export const meetingOf = (s: SelectionRow) => jsonOf<TMeeting | null>(s.meeting);
export const publicityOfRow = (s: SelectionRow) => jsonOf<TPublicity | null>(s.publicity);
export const fourMustsOf = (c: CandidateRow) => jsonOf<Partial<Record<FourMust, TFourMustRecord>>>(c.four_musts ?? {});
export const voteOf = (c: CandidateRow) => jsonOf<{ inFavor: number; against: number; abstain: number; passed: boolean } | null>(c.vote);
export const postIdsOf = (s: SelectionRow) => jsonOf<number[]>(s.post_ids);

export function summaryOf(s: SelectionRow, cands: readonly CandidateRow[]): TSelectionSummary {
  const mine = cands.filter((c) => c.selection_id === s.id);
  return {
    id: s.id,
    title: s.title,
    managerOrgId: s.manager_org_id,
    managerOrgName: s.org_name,
    step: s.step as SelectionStep,
    status: s.status,
    motionOn: s.motion_on,
    way: s.way,
    candidateCount: mine.length,
    stopped: s.status === 'stopped' ? { on: s.stopped_on ?? '', reason: s.stop_reason ?? '', by: s.stopped_by ?? '' } : null,
    due: dueOf(
      { step: s.step as SelectionStep, status: s.status, stepDates: stepDatesOf(s), publicity: publicityOfRow(s) },
      mine.filter((c) => !c.probation_result).map((c) => c.probation_until),
    ),
  };
}

const postKindOf = (c: CandidateRow) => (c.probation_kind && c.probation_kind in POST_KINDS ? (c.probation_kind as PostKind) : 'other');

/** Whether the candidate's post carries a 1-year 试用期 (RULES.md §7). */
export const probationOf = (s: SelectionRow, c: CandidateRow) =>
  probationApplies({ elected: c.elected, level: isCadreLevel(c.post_level) ? c.post_level : '副科', kind: postKindOf(c) }, s.promotion);

/** The day eligibility is judged on: the committee's decision once taken, today before. */
const judgedOn = (s: SelectionRow, today: string) => meetingOf(s)?.heldOn ?? today;

/**
 * The candidates as the API shows them, computed together: the files read set-based for eligibility (with the
 * ledger's 学时), the 回避 flags of the candidates still in the selection against the posts held now and against
 * each other (a relative proposed for another post of the same selection), and the records the 凡提四必 gate shows.
 */
export async function presentCandidates(db: Db, s: SelectionRow, cands: readonly CandidateRow[], today: string): Promise<TCandidate[]> {
  if (cands.length === 0) return [];
  const ids = [...new Set(cands.map((c) => c.cadre_id))];
  const recorded = new Map(cands.map((c) => [c.cadre_id, c.training_hours]));
  const active = cands.filter((c) => !c.dropped_reason);
  const [records, flags, evidence] = await Promise.all([
    cadreRecordsOf(db, { ids }, today, recorded),
    avoidanceOfList(
      db,
      active.map((c) => ({ cadreId: c.cadre_id, postId: c.post_id })),
    ),
    fourMustEvidenceOf(db, ids),
  ]);
  return cands.map((c) => {
    const musts = fourMustsOf(c);
    const level = isCadreLevel(c.post_level) ? c.post_level : '副科';
    const record = records.get(c.cadre_id)!;
    const eligibility = eligibilityOf(
      record,
      { level, title: c.post_title },
      judgedOn(s, today),
      c.exceptional_reasons,
      jsonOf<Override[]>(c.overrides ?? []),
    );
    const i = active.indexOf(c);
    return {
      id: c.id,
      cadreId: c.cadre_id,
      name: c.name,
      currentTitle: c.current_title,
      currentLevel: c.current_level,
      postId: c.post_id,
      postTitle: `${c.unit_name} ${c.post_title}`,
      postLevel: c.post_level,
      votes: c.votes,
      talkMentions: c.talk_mentions,
      trainingHours: c.training_hours,
      exceptionalReasons: c.exceptional_reasons,
      fourMusts: (Object.keys(FOUR_MUSTS) as FourMust[]).map((item) => ({ item, label: FOUR_MUSTS[item], record: musts[item] ?? null })),
      fourMustEvidence: evidence.get(c.cadre_id)!,
      eligibility,
      avoidance: {
        flags: i >= 0 ? flags[i] : [],
        decision: jsonOf<{ by: string; reason: string; on: string } | null>(c.avoidance_decision),
      },
      vote: voteOf(c),
      droppedReason: c.dropped_reason,
      appointmentId: c.appointment_id,
      probationApplies: probationOf(s, c),
      probationUntil: c.probation_until,
      probationResult: c.probation_result,
    };
  });
}

export function gateSelection(s: SelectionRow, openObjections: number, today: string): GateSelection {
  const rec = jsonOf<TRecommendation | null>(s.recommendation);
  return {
    step: s.step as SelectionStep,
    promotion: s.promotion,
    postCount: postIdsOf(s).length,
    nonCompetitiveReason: rec?.nonCompetitiveReason?.trim() || null,
    hasInspection: !!s.inspection,
    meeting: meetingOf(s),
    publicity: publicityOfRow(s),
    openObjections,
    today,
  };
}

export function gateCandidate(c: CandidateRow, view: TCandidate | null): GateCandidate {
  const vote = voteOf(c);
  return {
    name: c.name,
    postLevel: c.post_level,
    elected: c.elected,
    probationKind: c.probation_kind,
    fourMusts: fourMustsOf(c),
    vote: vote ? { inFavor: vote.inFavor, passed: vote.passed } : null,
    dropped: !!c.dropped_reason,
    eligible: view?.eligibility.eligible ?? true,
    avoidanceOpen: !!view && view.avoidance.flags.length > 0 && !view.avoidance.decision,
  };
}

/** The full selection, with everything computed for the step in progress. */
export async function presentSelection(db: Db, s: SelectionRow, today: string): Promise<TSelection> {
  const [cands, objections, events, posts, applicants] = await Promise.all([
    candidateRows(db, [s.id]),
    objectionRows(db, s.id),
    eventRows(db, s.id),
    postRows(db, postIdsOf(s)),
    s.way === '竞争上岗' ? applicantRows(db, s.id) : Promise.resolve([]),
  ]);
  const views = await presentCandidates(db, s, cands, today);
  const g = gateSelection(s, objections.filter((o) => o.status === 'open').length, today);
  const gc = cands.map((c, i) => gateCandidate(c, views[i]));
  const next = s.status === 'open' ? followingStep(g, gc) : null;
  const rec = jsonOf<TRecommendation | null>(s.recommendation);
  const meeting = meetingOf(s);
  const active = gc.filter((c) => !c.dropped);
  const firstPost = posts[0];
  const required = active.length
    ? (active.map((c) => publicityOf(g, c)).find((p) => p.required) ?? publicityOf(g, active[0]))
    : publicityRequired({ promotion: s.promotion, level: firstPost && isCadreLevel(firstPost.level) ? firstPost.level : '副科' });
  return {
    ...summaryOf(s, cands),
    version: s.version,
    grounds: s.grounds,
    scope: s.scope,
    promotion: s.promotion,
    posts: posts.map((p) => ({ id: p.id, title: p.title, unitName: p.unit_name, level: p.level, elected: p.elected })),
    stepDates: stepDatesOf(s),
    recommendation: rec,
    competitive: active.length > postIdsOf(s).length,
    inspection: jsonOf<TInspection | null>(s.inspection),
    meeting: meeting
      ? { ...meeting, quorate: committeeDecision({ members: meeting.members, present: meeting.present.length, inFavor: 0 }).quorate }
      : null,
    publicity: publicityOfRow(s),
    publicityRequired: required,
    appointment: jsonOf<TAppointment | null>(s.appointment),
    candidates: views,
    applicants: presentApplicants(applicants),
    competitionArticle: s.way === '竞争上岗' ? COMPETITION_ARTICLE : null,
    objections: objections.map((o) => ({
      id: o.id,
      candidateId: o.candidate_id,
      receivedOn: o.received_on,
      text: o.text,
      status: o.status,
      handling: o.handling,
      handledBy: o.handled_by,
      handledOn: o.handled_on,
    })),
    events: events.map((e) => ({ onDate: e.on_date, step: e.step, action: e.action, actorName: e.actor_name, summary: e.summary })),
    next: next ? { step: next, ...gate(g, gc, next) } : { step: null, ok: false, reasons: [] },
  };
}

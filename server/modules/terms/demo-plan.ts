// The plan of the demo terms (pure: no I/O): a current term for every organization that has one, the
// term before it and its confirmed election for about half, and the open elections, failures, delays
// and proposals a city has on any given day. Everything is drawn from the seeded PRNG, relative to `today`.
import dayjs from 'dayjs';
import type { Rng } from '../../demo/prng.js';
import {
  addMonthsTo,
  anniversary,
  electionResult,
  majorityMinimum,
  quorumMinimum,
  termRuleOf,
  type TermKind,
} from '../../../domain/rules/terms.js';

export interface DemoOrg {
  id: number;
  parentId: number | null;
  path: string;
  kind: string;
  unitType: string | null;
  establishedOn: string | null;
}
export interface DemoTerm {
  key: number;
  orgId: number;
  kind: TermKind;
  years: number;
  electedOn: string;
  endsOn: string;
  endedOn: string | null;
  electionKey: number | null;
}
export interface DemoCandidate {
  name: string;
  votes: number | null;
  elected: boolean | null;
  post: 'secretary' | 'deputy_secretary' | 'member';
}
export type DemoElectionStatus = 'requested' | 'approved' | 'rejected' | 'held' | 'failed' | 'confirmed';
export interface DemoElection {
  key: number;
  orgId: number;
  termKey: number | null;
  status: DemoElectionStatus;
  plannedOn: string;
  seats: number;
  requestedOn: string;
  decidedOrgId: number | null;
  decidedOn: string | null;
  decisionNote: string | null;
  heldOn: string | null;
  shouldAttend: number | null;
  present: number | null;
  quorate: boolean | null;
  confirmedOn: string | null;
  candidates: DemoCandidate[];
}
export interface DemoAdjustment {
  termKey: number;
  orgId: number;
  kind: 'delay';
  originalEnd: string;
  newEnd: string;
  reason: string;
  status: 'approved' | 'proposed';
  proposedOn: string;
  decidedOrgId: number | null;
  decidedOn: string | null;
}
export interface DemoPlan {
  terms: DemoTerm[];
  elections: DemoElection[];
  adjustments: DemoAdjustment[];
}

export type ForcedRole = 'requested' | 'approved' | 'rejected' | 'held' | 'failed' | 'proposal' | 'delayed';

export interface PlanInput {
  rng: Rng;
  today: string;
  orgs: DemoOrg[];
  /** The sitting committee of each organization, secretary first. */
  committees: Map<number, { name: string; post: DemoCandidate['post'] }[]>;
  /** Full members with the right to vote in each organization's subtree (第五条). */
  voters: Map<number, number>;
  /** A spare name (a member not on the committee) for the candidate who is not elected. */
  spareName: (orgId: number) => string;
  sampleBranch: number;
  /** Organizations that show a given piece of work whatever the draw (the demo district's pending approvals). */
  forced: Map<number, ForcedRole>;
}

const day = (d: string, n: number) => dayjs(d).add(n, 'day').format('YYYY-MM-DD');
const yearsBefore = (d: string, n: number) => dayjs(d).subtract(n, 'year').format('YYYY-MM-DD');
const laterOf = (a: string, b: string | null) => (b && b > a ? b : a);

/** What happens around a term `left` days from its end: mostly nothing, near the end a request in some state. */
function drawRole(rng: Rng, left: number): ForcedRole | null {
  const s = rng.next();
  if (left >= 0 && left <= 120) return s < 0.35 ? 'requested' : s < 0.45 ? 'held' : s < 0.6 ? 'approved' : s < 0.63 ? 'rejected' : null;
  if (left > 120 && left <= 182) return s < 0.1 ? 'requested' : null;
  if (left < 0) return s < 0.1 ? 'approved' : s < 0.25 ? 'failed' : null;
  return null;
}

/** Today's position of a term's end: ~4% overdue, ~1% on an approved delay, ~10% within 6 months, the rest later. */
function drawTarget(rng: Rng, today: string, years: number): { target: string; delay: boolean } {
  const r = rng.next();
  if (r < 0.04) return { target: day(today, -rng.int(5, 300)), delay: false };
  if (r < 0.05) return { target: day(today, -rng.int(10, 150)), delay: true };
  if (r < 0.15) return { target: day(today, rng.int(0, 182)), delay: false };
  return { target: day(today, rng.int(183, years * 365)), delay: false };
}

export function planTerms(p: PlanInput): DemoPlan {
  const { rng, today } = p;
  const plan: DemoPlan = { terms: [], elections: [], adjustments: [] };
  let termKey = 0;
  let electionKey = 0;

  for (const org of p.orgs) {
    const rule = termRuleOf({ kind: org.kind, unitType: org.unitType });
    if (!rule) continue;
    const forced = p.forced.get(org.id);
    const drawn = forced === 'delayed' ? { target: day(today, -rng.int(10, 100)), delay: true } : drawTarget(rng, today, rule.years);
    let { target } = drawn;
    if (org.id === p.sampleBranch) target = day(today, 100);
    else if (forced === 'failed') target = day(today, -rng.int(20, 100));
    else if (forced && forced !== 'delayed') target = day(today, rng.int(40, 110));
    const electedOn = laterOf(yearsBefore(target, rule.years), org.establishedOn);
    const current: DemoTerm = {
      key: ++termKey,
      orgId: org.id,
      kind: rule.kind,
      years: rule.years,
      electedOn,
      endsOn: anniversary(electedOn, rule.years),
      endedOn: null,
      electionKey: null,
    };
    plan.terms.push(current);
    const committee = p.committees.get(org.id) ?? [];
    const seats = Math.max(1, committee.length);
    const voters = Math.max(p.voters.get(org.id) ?? 0, seats * 3);
    const parent = org.parentId;

    const election = (
      status: DemoElectionStatus,
      requestedOn: string,
      plannedOn: string,
      extra: Partial<DemoElection> = {},
    ): DemoElection => {
      const e: DemoElection = {
        key: ++electionKey,
        orgId: org.id,
        termKey: current.key,
        status,
        plannedOn,
        seats,
        requestedOn,
        decidedOrgId: null,
        decidedOn: null,
        decisionNote: null,
        heldOn: null,
        shouldAttend: null,
        present: null,
        quorate: null,
        confirmedOn: null,
        candidates: [],
        ...extra,
      };
      plan.elections.push(e);
      return e;
    };
    const approved = (requestedOn: string) => ({
      decidedOrgId: parent,
      decidedOn: day(requestedOn, rng.int(5, 15)),
      decisionNote: '同意按期换届，请严格按程序组织选举',
    });

    // The term before, for about half: its election (confirmed) opened the current term.
    const prevElected = yearsBefore(electedOn, rule.years);
    if (org.id === p.sampleBranch || (rng.chance(0.5) && (!org.establishedOn || prevElected >= org.establishedOn))) {
      const prev: DemoTerm = {
        key: ++termKey,
        orgId: org.id,
        kind: rule.kind,
        years: rule.years,
        electedOn: prevElected,
        endsOn: anniversary(prevElected, rule.years),
        endedOn: electedOn,
        electionKey: null,
      };
      plan.terms.push(prev);
      const requestedOn = day(electedOn, -rng.int(60, 90));
      const e = election('confirmed', requestedOn, electedOn, {
        ...approved(requestedOn),
        ...ballot(rng, committee, voters, seats, p.spareName(org.id)),
        heldOn: electedOn,
        confirmedOn: day(electedOn, rng.int(7, 25)),
      });
      e.termKey = prev.key;
      current.electionKey = e.key;
    }

    const regularEnd = current.endsOn;
    if (drawn.delay && (!forced || forced === 'delayed') && regularEnd <= day(today, 60)) {
      // 第三条: delayed by the higher organization, at most 1 year past the regular end.
      const newEnd = addMonthsTo(regularEnd, rng.int(5, 11));
      const proposedOn = day(regularEnd, -rng.int(40, 80));
      plan.adjustments.push({
        termKey: current.key,
        orgId: org.id,
        kind: 'delay',
        originalEnd: regularEnd,
        newEnd,
        reason: '因单位机构改革调整，经研究拟延期换届',
        status: 'approved',
        proposedOn,
        decidedOrgId: parent,
        decidedOn: day(proposedOn, rng.int(5, 20)),
      });
      current.endsOn = newEnd;
      continue;
    }
    if (org.id === p.sampleBranch) continue;
    if (forced === 'delayed') continue;
    const role = forced ?? drawRole(rng, dayjs(current.endsOn).diff(dayjs(today), 'day'));
    if (role === 'proposal') {
      plan.adjustments.push({
        termKey: current.key,
        orgId: org.id,
        kind: 'delay',
        originalEnd: regularEnd,
        newEnd: addMonthsTo(regularEnd, 6),
        reason: '本单位正在进行整体搬迁，党员较为分散，拟延期半年换届',
        status: 'proposed',
        proposedOn: day(today, -3),
        decidedOrgId: null,
        decidedOn: null,
      });
    } else if (role === 'requested') {
      election('requested', day(today, -rng.int(1, 20)), day(today, rng.int(20, 70)));
    } else if (role === 'held') {
      // Held in the last weeks, waiting for the higher organization to approve the secretary; a few past the month (L).
      const heldOn = day(today, -rng.int(3, 50));
      const requestedOn = day(heldOn, -rng.int(40, 70));
      const e = election('held', requestedOn, heldOn, {
        ...approved(requestedOn),
        ...ballot(rng, committee, voters, seats, p.spareName(org.id)),
        heldOn,
      });
      // The secretary and deputy are chosen when the higher organization approves: until then all stand as 委员.
      for (const c of e.candidates) c.post = 'member';
    } else if (role === 'approved') {
      const requestedOn = day(today, -rng.int(20, 40));
      election('approved', requestedOn, day(today, rng.int(7, 40)), approved(requestedOn));
    } else if (role === 'rejected') {
      const requestedOn = day(today, -rng.int(10, 30));
      election('rejected', requestedOn, day(today, 30), {
        decidedOrgId: parent,
        decidedOn: day(requestedOn, 7),
        decisionNote: '候选人初步人选酝酿不充分，请充分听取党员意见后重新报送',
      });
    } else if (role === 'failed') {
      // Not enough voters came: the election failed (⅘ rule) and a new one must be requested.
      const heldOn = day(today, -rng.int(10, 60));
      const requestedOn = day(heldOn, -rng.int(40, 60));
      election('failed', requestedOn, heldOn, {
        ...approved(requestedOn),
        heldOn,
        shouldAttend: voters,
        present: Math.max(0, quorumMinimum(voters) - rng.int(1, 3)),
        quorate: false,
      });
    }
  }
  return plan;
}

/** A valid ballot that elects the sitting committee, with one more candidate (差额) below the majority for committees. */
function ballot(
  rng: Rng,
  committee: { name: string; post: DemoCandidate['post'] }[],
  shouldAttend: number,
  seats: number,
  spare: string,
): Partial<DemoElection> {
  const present = rng.int(quorumMinimum(shouldAttend), shouldAttend);
  const need = majorityMinimum(shouldAttend);
  const names = committee.length ? committee : [{ name: spare, post: 'secretary' as const }];
  const candidates: DemoCandidate[] = names.map((c) => ({
    name: c.name,
    votes: rng.int(Math.min(need, present), present),
    elected: true,
    post: c.post,
  }));
  if (seats >= 3) candidates.push({ name: spare, votes: rng.int(0, Math.max(0, need - 1)), elected: false, post: 'member' });
  const outcome = electionResult({ shouldAttend, present, seats, candidates: candidates.map((c) => ({ votesFor: c.votes! })) });
  outcome.candidates.forEach((o, i) => {
    candidates[i].elected = o.elected;
  });
  return { shouldAttend, present, quorate: outcome.quorate, candidates };
}

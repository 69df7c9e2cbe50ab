// Study time the server can vouch for (issue 14 point 3; PILLARS.md §4; RULES.md §7 "study time must
// be verified by the server (heartbeats, no credit for skipping or idle time)"). Credit is the server's
// wall-clock time between accepted heartbeats, never a duration or position the client reports: a
// client playing at 2× reaches the end in half the time and earns that half (real time only); a
// hidden page, a missed beat, an unanswered presence check or a session taken over by another device
// earns nothing; no material credits more than its length. Patterns that look scripted are flagged
// for an officer's review, never silently accepted or refused. All numbers are settings (versioned).

export interface StudyTimeRules {
  version: string;
  effectiveFrom: string;
  /** How often the page beats (the platforms' 20–60 s, PILLARS.md §4). */
  heartbeatSeconds: number;
  /** A beat sooner than this after the last accepted one is ignored (not accepted, nothing written). */
  minBeatSeconds: number;
  /** A beat later than this credits nothing for the gap (the page was closed, asleep or offline). */
  maxGapSeconds: number;
  /** Continuous credited time after which the page must ask "still there?" before earning again. */
  presenceSeconds: number;
  /** Playback faster than this is recorded as such (credit is real time whatever the rate). */
  maxRate: number;
  /** A session credited this long without a single pause is flagged. */
  nonstopFlagSeconds: number;
  /** This many different accounts starting sessions from one address within the window is flagged. */
  sharedDeviceAccounts: number;
  sharedDeviceWindowSeconds: number;
}

/** The rules in force from 2026 (L: the 20–60 s and the checks from PILLARS.md §4, the rest our settings). */
export const STUDY_TIME_2026: StudyTimeRules = {
  version: '2026',
  effectiveFrom: '2026-01-01',
  heartbeatSeconds: 30,
  minBeatSeconds: 20,
  maxGapSeconds: 75,
  presenceSeconds: 20 * 60,
  maxRate: 1.5,
  nonstopFlagSeconds: 4 * 3600,
  sharedDeviceAccounts: 3,
  sharedDeviceWindowSeconds: 3600,
};

/**
 * The same rules with beats every 2 seconds, for the browser tests only (the e2e server cannot have its
 * clock moved, so the test waits a few real seconds instead of minutes; chosen by ZUGONG_E2E_SHORT_HEARTBEATS).
 */
export const STUDY_TIME_SHORT_BEATS: StudyTimeRules = {
  ...STUDY_TIME_2026,
  version: 'e2e',
  heartbeatSeconds: 2,
  minBeatSeconds: 1,
  maxGapSeconds: 6,
};

/** The session as the server keeps it between beats. */
export interface SessionState {
  /** Seconds (server clock) of the last accepted beat or of the session's start. */
  anchorAt: number;
  /** Seconds of the last answered presence check (or the session's start). */
  presenceAt: number;
  /** Seconds since when the session has earned without a pause (null: paused). */
  streakFrom: number | null;
  /** This session's credited seconds so far. */
  creditedSeconds: number;
  /** The learner's credited seconds on this material over all sessions (the cap counts these). */
  materialCreditedSeconds: number;
  /** False once another session of the same account has taken over. */
  current: boolean;
}

export interface Beat {
  at: number;
  visible: boolean;
  rate: number;
}

export type BeatOutcome = 'credited' | 'too_early' | 'hidden' | 'gap' | 'presence_required' | 'superseded' | 'complete';

export interface BeatResult {
  outcome: BeatOutcome;
  /** Whether the beat is accepted (moves the anchor). A too-early beat is not: nothing is written. */
  accepted: boolean;
  /** Seconds credited by this beat. */
  credit: number;
  /** The session after the beat. */
  next: SessionState;
  /** The beat played faster than allowed (recorded; the credit is real time anyway). */
  fastPlayback: boolean;
  /** The session crossed the no-pause threshold with this beat (flag once). */
  nonstop: boolean;
}

/**
 * One heartbeat (issue 14 point 3): the credit is the wall-clock seconds since the last accepted beat,
 * only when the page is visible, the gap is within the maximum, the presence check is answered and the
 * session is the account's current one; capped so the learner's total on the material never passes its
 * length.
 */
export function creditBeat(s: SessionState, b: Beat, lengthSeconds: number, r: StudyTimeRules = STUDY_TIME_2026): BeatResult {
  const elapsed = b.at - s.anchorAt;
  const fastPlayback = b.rate > r.maxRate;
  const paused = (outcome: BeatOutcome, accepted = true): BeatResult => ({
    outcome,
    accepted,
    credit: 0,
    next: accepted ? { ...s, anchorAt: b.at, streakFrom: null } : s,
    fastPlayback,
    nonstop: false,
  });
  if (!s.current) return paused('superseded', false);
  // A hidden beat only gives time up, so it is accepted whenever it comes: the page sends one the moment
  // it is hidden and the moment it is shown again, and the time in between earns nothing.
  if (!b.visible) return paused('hidden');
  if (elapsed < r.minBeatSeconds) return paused('too_early', false);
  if (elapsed > r.maxGapSeconds) return paused('gap');
  if (b.at - s.presenceAt > r.presenceSeconds) return paused('presence_required');
  const room = Math.max(0, lengthSeconds - s.materialCreditedSeconds);
  if (room <= 0) return paused('complete');
  // Credit is kept in whole seconds: the fraction of a second left over stays with the anchor and is
  // credited by the next beat, so nothing is lost or invented however the beats fall within a second.
  const whole = Math.floor(elapsed);
  const credit = Math.min(whole, room);
  const anchorAt = credit === whole ? s.anchorAt + whole : b.at;
  const streakFrom = s.streakFrom ?? s.anchorAt;
  // Crossed with this beat, so the flag is raised once per streak.
  const nonstop = s.anchorAt - streakFrom < r.nonstopFlagSeconds && b.at - streakFrom >= r.nonstopFlagSeconds;
  return {
    outcome: 'credited',
    accepted: true,
    credit,
    next: {
      ...s,
      anchorAt,
      streakFrom,
      creditedSeconds: s.creditedSeconds + credit,
      materialCreditedSeconds: s.materialCreditedSeconds + credit,
    },
    fastPlayback,
    nonstop,
  };
}

/** An answered presence check: the waiting time earns nothing, crediting resumes from now. */
export function answerPresence(s: SessionState, at: number): SessionState {
  return { ...s, presenceAt: at, anchorAt: at, streakFrom: null };
}

/** Many accounts from one address in turn (PILLARS.md §4): flag when the distinct accounts reach the threshold. */
export function sharedDevice(distinctAccountsInWindow: number, r: StudyTimeRules = STUDY_TIME_2026): boolean {
  return distinctAccountsInWindow >= r.sharedDeviceAccounts;
}

/** Credited seconds as 学时 (one 学时 = one hour of study, kept to 0.1 by the ledger). */
export function secondsToHours(seconds: number): number {
  return Math.round((seconds / 3600) * 10) / 10;
}

// Where a person stands in the 25 steps, read from their recorded steps (in the order recorded),
// and what comes next with its window. Pure: the server stores what this returns for the board.
import dayjs from 'dayjs';
import type { FullOutcome, PersonStatus } from './development-steps';
import { DEV_RULES_2014, ruleSetOn, type DevRuleNumbers, type DevRuleSet } from './development-rule-sets';

export interface StepRecord {
  stepNo: number;
  doneOn: string;
  /** False for a 支部大会 that did not pass or a failed 政治审查: the step is recorded but not done. */
  passed: boolean;
  /** ㉓: the decision put to the 支部大会. */
  outcome?: FullOutcome | null;
  extensionMonths?: number | null;
}

export interface Progress {
  status: PersonStatus;
  /** The last step done (0 before the application). */
  lastStep: number;
  /** Date of every step done, latest record per step. */
  doneOn: Partial<Record<number, string>>;
  appliedOn: string | null;
  activistOn: string | null;
  /** ⑮: the 支部大会 that admitted the person; probation and 预备党员 dues count from it. */
  admittedOn: string | null;
  approvedOn: string | null;
  /** The last half-yearly assessment of the current stage, or the stage's start. */
  assessedOn: string | null;
  /** The approved extension (㉔ on an "extend" decision), once only. */
  extensionMonths: number | null;
  probationEnd: string | null;
  /** ㉓ passed, awaiting ㉔: its date and decision. */
  pendingDecision: { on: string; outcome: FullOutcome; extensionMonths: number | null } | null;
  /** 转正 date (预备期满之日): 党龄 counts from it. */
  fullOn: string | null;
  allowedNext: number[];
}

const FORMAT = 'YYYY-MM-DD';
/** `date` plus whole months; a day past the target month's end becomes its last day (as dayjs does). */
export const addMonths = (date: string, months: number) => {
  // Plain arithmetic on YYYY-MM-DD (an import checks every row's probation with it); anything else goes through dayjs.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !Number.isInteger(months)) return dayjs(date).add(months, 'month').format(FORMAT);
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
export const addDays = (date: string, days: number) => dayjs(date).add(days, 'day').format(FORMAT);

/**
 * 预备期 is one year from the 支部大会 (党章第七条), plus an extension of 6–12 months, once.
 * Counted from admittedOn in whole months, so 2024-02-29 ends on 2025-02-28: the anniversary
 * does not exist, and the end must not spill past one year into March.
 */
export function probationEnd(
  admittedOn: string,
  extensionMonths?: number,
  rules: Pick<DevRuleNumbers, 'probationMonths' | 'extensionMinMonths' | 'extensionMaxMonths'> = DEV_RULES_2014.numbers,
): string {
  const ext = extensionMonths ?? 0;
  if (ext !== 0 && !(Number.isInteger(ext) && ext >= rules.extensionMinMonths && ext <= rules.extensionMaxMonths)) {
    throw new RangeError(`预备期延长须为 ${rules.extensionMinMonths}–${rules.extensionMaxMonths} 个月，收到 ${ext}`);
  }
  return addMonths(admittedOn, rules.probationMonths + ext);
}

function allowedAfter(last: number, extended: boolean, decided: FullOutcome | null): number[] {
  switch (last) {
    case 0:
      return [1];
    case 5:
      return [6];
    case 6:
      return [6, 7];
    case 20:
    case 21:
      return [21, 22];
    case 24:
      if (decided === 'full') return [25];
      return decided === 'extend' && extended ? [21, 22] : [];
    case 25:
      return [];
    default:
      return [last + 1];
  }
}

export function progress(records: readonly StepRecord[], sets: readonly DevRuleSet[]): Progress {
  const p: Progress = {
    status: 'applicant',
    lastStep: 0,
    doneOn: {},
    appliedOn: null,
    activistOn: null,
    admittedOn: null,
    approvedOn: null,
    assessedOn: null,
    extensionMonths: null,
    probationEnd: null,
    pendingDecision: null,
    fullOn: null,
    allowedNext: [1],
  };
  let decided: FullOutcome | null = null;
  for (const r of records) {
    if (!r.passed) continue;
    p.lastStep = r.stepNo;
    p.doneOn[r.stepNo] = r.doneOn;
    switch (r.stepNo) {
      case 1:
        p.appliedOn = r.doneOn;
        break;
      case 3:
        p.activistOn = r.doneOn;
        p.assessedOn = r.doneOn;
        p.status = 'activist';
        break;
      case 6:
      case 21:
        p.assessedOn = r.doneOn;
        break;
      case 7:
        p.status = 'candidate';
        break;
      case 15:
        p.admittedOn = r.doneOn;
        break;
      case 17:
        p.approvedOn = r.doneOn;
        p.assessedOn = p.admittedOn;
        p.status = 'probationary';
        break;
      case 22:
        decided = null;
        break;
      case 23:
        p.pendingDecision = { on: r.doneOn, outcome: r.outcome ?? 'full', extensionMonths: r.extensionMonths ?? null };
        break;
      case 24: {
        const d = p.pendingDecision;
        decided = d?.outcome ?? 'full';
        if (decided === 'extend') p.extensionMonths = d?.extensionMonths ?? null;
        if (decided === 'full') p.status = 'full';
        if (decided === 'cancel') p.status = 'cancelled';
        p.pendingDecision = null;
        break;
      }
    }
    if (p.admittedOn) {
      const n = ruleSetOn(p.admittedOn, sets).numbers;
      p.probationEnd = probationEnd(p.admittedOn, p.extensionMonths ?? undefined, n);
      if (decided === 'full' && r.stepNo === 24) p.fullOn = p.probationEnd;
    }
  }
  p.allowedNext = allowedAfter(p.lastStep, p.extensionMonths !== null, decided);
  return p;
}

export interface NextDue {
  stepNo: number;
  /** Earliest date the rules allow it (null: any time). */
  from: string | null;
  /** Latest date before it is overdue (null: no time limit). */
  by: string | null;
}

/** The next step the person is waiting for, with its window, for the board and the timeline. */
export function nextDue(p: Progress, sets: readonly DevRuleSet[]): NextDue | null {
  if (p.allowedNext.length === 0) return null;
  const n = (date: string | null) => ruleSetOn(date ?? '9999-12-31', sets).numbers;
  const last = p.lastStep;
  const lastOn = p.doneOn[last] ?? null;
  if (last === 1) return { stepNo: 2, from: null, by: addMonths(p.appliedOn!, n(p.appliedOn).talkWithinMonths) };
  if (last === 5 || last === 6) {
    const assessBy = addMonths(p.assessedOn!, n(p.assessedOn).assessEveryMonths);
    const candidateFrom = addMonths(p.activistOn!, n(p.activistOn).activistMinMonths);
    if (last === 5 || assessBy <= candidateFrom) return { stepNo: 6, from: null, by: assessBy };
    return { stepNo: 7, from: candidateFrom, by: assessBy };
  }
  if (last === 15 || last === 16) return { stepNo: last + 1, from: null, by: addMonths(p.admittedOn!, n(p.admittedOn).approvalMonths) };
  if (last === 19) return { stepNo: 20, from: null, by: addMonths(p.approvedOn!, n(p.approvedOn).oathWithinMonths) };
  if (last === 20 || last === 21 || (last === 24 && p.status === 'probationary')) {
    const assessBy = addMonths(p.assessedOn!, n(p.assessedOn).assessEveryMonths);
    const applyFrom = addDays(p.probationEnd!, -n(p.admittedOn).fullApplyLeadDays);
    if (assessBy < applyFrom) return { stepNo: 21, from: null, by: assessBy };
    return { stepNo: 22, from: applyFrom, by: p.probationEnd };
  }
  if (last === 22) return { stepNo: 23, from: p.probationEnd, by: null };
  if (last === 23) return { stepNo: 24, from: null, by: addMonths(lastOn!, n(lastOn).fullApprovalMonths) };
  return { stepNo: p.allowedNext[0], from: null, by: null };
}

// The absence rule of a training class (issue 14 point 5): 《干部教育培训工作条例》(中共中央, 2023), 第十五条:
// "因特殊情况确需请假的，必须严格履行手续，累计请假时间原则上不得超过总学时的1/7，超过的应予退学。"
// (V: the text as published on 12371.cn, 2023-10-17, and a government reprint of 第三章.)
// The article counts leave (请假): approved leave counts, and absence without leave (旷课) counts all the
// more, so both add up against the limit. "超过" is strictly more than 1/7 of the class's total hours.
// The fraction is data with an effective date: a revision is a new entry, not new code.

export interface AbsenceRule {
  version: string;
  effectiveFrom: string;
  title: string;
  article: string;
  /** The share of the total hours a trainee may miss: numerator / denominator. */
  numerator: number;
  denominator: number;
}

export const TRAINING_ABSENCE_RULES: readonly AbsenceRule[] = [
  {
    version: '2023',
    effectiveFrom: '2023-10-01',
    title: '《干部教育培训工作条例》',
    article: '第十五条',
    numerator: 1,
    denominator: 7,
  },
];

/** The rule in force on a date (the earliest one for dates before it). */
export function absenceRuleOn(date: string): AbsenceRule {
  const inForce = TRAINING_ABSENCE_RULES.filter((r) => r.effectiveFrom <= date);
  return inForce.length ? inForce[inForce.length - 1] : TRAINING_ABSENCE_RULES[0];
}

export interface AbsenceInput {
  /** The class's total hours (all sessions). */
  totalHours: number;
  /** Hours of the sessions on approved leave. */
  leaveHours: number;
  /** Hours of the sessions missed without leave. */
  absentHours: number;
}

export interface AbsenceVerdict {
  /** The most a trainee may miss, in 学时 (to 0.1, rounded down). */
  limitHours: number;
  missedHours: number;
  /** 退学: more missed than the limit. */
  withdraw: boolean;
  /** The citation shown with the decision. */
  basis: string;
}

/** Tenths of an hour as an integer: 学时 are kept to 0.1, so the comparison is exact. */
const tenths = (h: number) => Math.round(h * 10);

export function absenceVerdict(i: AbsenceInput, rule: AbsenceRule = TRAINING_ABSENCE_RULES[0]): AbsenceVerdict {
  const total = tenths(i.totalHours);
  const missed = tenths(i.leaveHours) + tenths(i.absentHours);
  return {
    limitHours: Math.floor((total * rule.numerator) / rule.denominator) / 10,
    missedHours: missed / 10,
    // missed / total > n / d, in integers
    withdraw: total > 0 && missed * rule.denominator > total * rule.numerator,
    basis: `${rule.title}${rule.article}：累计请假超过总学时的${rule.numerator}/${rule.denominator}的，应予退学`,
  };
}

/** Whether a sign-in at `at` (ms) is late for a session starting at `startsAt` (ms): marked, never refused (RULES.md §9). */
export function isLate(at: number, startsAt: number, graceMinutes = 0): boolean {
  return at > startsAt + graceMinutes * 60_000;
}

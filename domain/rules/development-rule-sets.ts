// The development rules as versioned data (RULES.md §1): every number and every article the checker
// cites comes from the rule set in force on the date in question, so the 2026 revision of the
// 细则 is a new row in dev_rule_sets (server/db/migrations/004_development.sql), not new code.

export interface DevRuleNumbers {
  /** Full years at application. */
  minAge: number;
  /** The party organization talks with the applicant within this many months. */
  talkWithinMonths: number;
  /** Months as an activist before becoming a 发展对象. */
  activistMinMonths: number;
  /** Activists and probationary members are assessed at least this often (months). */
  assessEveryMonths: number;
  contactsMin: number;
  contactsMax: number;
  introducers: number;
  /** Concentrated training: at least these days, or at least these 学时. */
  trainingMinDays: number;
  trainingMinHours: number;
  /** Leaving the unit within this many months: generally not admitted. */
  leavingWithinMonths: number;
  /** Higher committee approval after the 支部大会: normally, and at most in special cases (months). */
  approvalMonths: number;
  approvalMaxMonths: number;
  /** Oath after approval (months; R). */
  oathWithinMonths: number;
  probationMonths: number;
  extensionMinMonths: number;
  extensionMaxMonths: number;
  /** Approval of 转正 after the 支部大会 (months). */
  fullApprovalMonths: number;
  /** The written 转正 application may come this many days before probation ends (L). */
  fullApplyLeadDays: number;
}

export type DevArticleKey =
  | 'minAge'
  | 'talk'
  | 'activist'
  | 'contacts'
  | 'assessment'
  | 'candidateYear'
  | 'introducers'
  | 'introducerFull'
  | 'review'
  | 'training'
  | 'leaving'
  | 'vote'
  | 'approval'
  | 'oath'
  | 'probation'
  | 'extension'
  | 'fullApply'
  | 'fullApproval'
  | 'partyAge'
  | 'order';

export interface DevRuleSet {
  version: string;
  /** First day the set applies to (a step dated on or after it). */
  effectiveFrom: string;
  title: string;
  numbers: DevRuleNumbers;
  /** Full citations, e.g. 《中国共产党发展党员工作细则》第十三条. */
  articles: Record<DevArticleKey, string>;
}

const XZ = '《中国共产党发展党员工作细则》';
const DZ = '《中国共产党章程》';

// The 2014 text (中办发〔2014〕33号). Articles verified in RULES.md: 第七, 十三, 十七, 十九, 二十五, 三十三条;
// the others follow the 2014 text's chapter order and are data, so a correction needs no code.
export const DEV_RULES_2014: DevRuleSet = {
  version: '2014',
  effectiveFrom: '2014-05-28',
  title: `${XZ}（2014年）`,
  numbers: {
    minAge: 18,
    talkWithinMonths: 1,
    activistMinMonths: 12,
    assessEveryMonths: 6,
    contactsMin: 1,
    contactsMax: 2,
    introducers: 2,
    trainingMinDays: 3,
    trainingMinHours: 24,
    leavingWithinMonths: 3,
    approvalMonths: 3,
    approvalMaxMonths: 6,
    oathWithinMonths: 1,
    probationMonths: 12,
    extensionMinMonths: 6,
    extensionMaxMonths: 12,
    fullApprovalMonths: 3,
    fullApplyLeadDays: 30,
  },
  articles: {
    minAge: `${XZ}第四条`,
    talk: `${XZ}第七条`,
    activist: `${XZ}第八条`,
    contacts: `${XZ}第九条`,
    assessment: `${XZ}第十一条`,
    candidateYear: `${XZ}第十三条`,
    introducers: `${XZ}第十四条`,
    introducerFull: `${DZ}第七条`,
    review: `${XZ}第十六条`,
    training: `${XZ}第十七条`,
    leaving: `${XZ}第十九条`,
    vote: `${XZ}第二十二条`,
    approval: `${XZ}第二十五条`,
    oath: `${XZ}第二十八条`,
    probation: `${DZ}第七条`,
    extension: `${DZ}第七条`,
    fullApply: `${XZ}第三十一条`,
    fullApproval: `${XZ}第三十三条`,
    partyAge: `${DZ}第七条`,
    order: `${XZ}第二章至第六章`,
  },
};

/** The rule set in force on a date: the latest whose effectiveFrom is not after it. */
export function ruleSetOn(date: string, sets: readonly DevRuleSet[]): DevRuleSet {
  let best: DevRuleSet | undefined;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  // Before the oldest set: the oldest applies (records entered from earlier paper files).
  return best ?? [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0] ?? DEV_RULES_2014;
}

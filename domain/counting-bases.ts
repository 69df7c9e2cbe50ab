// What a number on a page counts (issue 10 point 9). Where two pages show the same figure they read
// it through one query; where the figures really differ (the development records against the member
// records, a term state against "within six months"), the API sends one of these with the number
// and the page shows it beside it, naming the statuses counted and the reference date.
import { MEMBER_STATUS_LABELS, COUNTED_STATUSES } from './member-status';
import { TERM_RULES } from './rules/terms';

export interface CountingBasis {
  zh: string;
  en: string;
}

const counted = (lang: 'zh' | 'en') => COUNTED_STATUSES.map((s) => MEMBER_STATUS_LABELS[s][lang]).join(lang === 'zh' ? '、' : ', ');

/** 党员总数 and its 正式/预备 split: the member records, as the organization page, the member list and the statistics count them. */
export function membersBasis(today: string): CountingBasis {
  return {
    zh: `按党员档案统计，计入状态为${counted('zh')}的党员（不含停止党籍），截至 ${today}；与组织页、党员名单默认筛选、党内统计表同一口径。`,
    en: `Member records with status ${counted('en')} (not suspended), as of ${today}; the same as the organization page, the member list by default and the statistics tables.`,
  };
}

/** The development board's stages: the development records (people whose admission is handled in the system), not the member records. */
export function pipelineBasis(today: string): CountingBasis {
  return {
    zh:
      `按发展党员工作档案统计（在本系统办理发展程序的人员）的各阶段人数，截至 ${today}。其中“预备党员”仅为发展档案处于预备期的人员，` +
      '党员总数中的预备党员按党员档案统计（含未在本系统办理发展程序的），两者不同。',
    en:
      `People by stage of their development record (admissions handled in the system), as of ${today}. "Probationary" here are development records ` +
      'in probation only; the probationary members among all members come from the member records, so the two differ.',
  };
}

/** The term states "within six months" counts (RULES.md §4): the request window and the reminder months, without approved delays. */
export const ENDING_SOON_STATES = ['request_window', 'ending'] as const;

export function endingSoonOf(counts: Partial<Record<string, number>>): number {
  return ENDING_SOON_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

export function endingSoonBasis(today: string): CountingBasis {
  return {
    zh: `届满日期在 ${today} 之后 ${TERM_RULES.reminderMonths} 个月内的现任届期：“应申请换届”（${TERM_RULES.requestFromMonths} 个月内）与“${TERM_RULES.requestFromMonths}–${TERM_RULES.reminderMonths} 个月内届满”之和，不含已批准延期和已逾期。`,
    en:
      `Current terms ending within ${TERM_RULES.reminderMonths} months after ${today}: "request due" (within ${TERM_RULES.requestFromMonths} months) plus ` +
      `"ending in ${TERM_RULES.requestFromMonths}–${TERM_RULES.reminderMonths} months"; approved delays and overdue terms are not counted.`,
  };
}

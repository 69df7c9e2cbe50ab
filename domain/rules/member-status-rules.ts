// Rules of member status changes (RULES.md §5): 流动党员, 失联, 停止党籍, 出党, 死亡, restoration.
// A member never disappears from the records: they leave only by a coded outcome.
import dayjs from 'dayjs';
import type { MemberStatus } from '../member-status';

export const STATUS_CHANGE_KINDS = ['flowing', 'flowing_end', 'lost_contact', 'suspend', 'leave', 'death', 'restore'] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];

export const STATUS_CHANGE_LABELS: Record<StatusChangeKind, { zh: string; en: string }> = {
  flowing: { zh: '流动党员登记', en: 'Register as mobile member' },
  flowing_end: { zh: '流动结束', en: 'End of mobility' },
  lost_contact: { zh: '登记失联', en: 'Out of contact' },
  suspend: { zh: '停止党籍', en: 'Suspend membership' },
  leave: { zh: '出党', en: 'Leave the Party' },
  death: { zh: '死亡', en: 'Death' },
  restore: { zh: '恢复正常', en: 'Restore' },
};

/** How a member leaves the Party (出党), as coded in the Party statistics. */
export const EXIT_KINDS = ['withdrawal', 'removal', 'expulsion', 'persuaded', 'lapsed'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];
export const EXIT_KIND_LABELS: Record<ExitKind, { zh: string; en: string }> = {
  withdrawal: { zh: '退党', en: 'Withdrawal' },
  removal: { zh: '除名', en: 'Removal from the rolls' },
  expulsion: { zh: '开除党籍', en: 'Expulsion' },
  persuaded: { zh: '劝退', en: 'Persuaded to withdraw' },
  lapsed: { zh: '自行脱党', en: 'Lapsed (treated as having left)' },
};

export const SUSPEND_BASES = ['lost_contact', 'abroad'] as const;
export type SuspendBasis = (typeof SUSPEND_BASES)[number];

/** 党员教育管理工作条例 第二十四条: out of contact 6 months or more → 停止党籍. */
export const LOST_CONTACT_MONTHS = 6;
/** 党员教育管理工作条例 第二十四条: unreachable 2 more years after 停止党籍 → 除名. */
export const SUSPENDED_REMOVAL_YEARS = 2;
/** 党员教育管理工作条例 第二十四条: settled or studying abroad more than 5 years → 停止党籍. */
export const ABROAD_YEARS = 5;

/** The status each change leads to. */
export const TARGET_STATUS: Record<StatusChangeKind, MemberStatus> = {
  flowing: 'flowing',
  flowing_end: 'normal',
  lost_contact: 'lost_contact',
  suspend: 'suspended',
  leave: 'left',
  death: 'deceased',
  restore: 'normal',
};

// Which statuses each change may start from. Transferred-out and deceased records are closed.
const FROM: Record<StatusChangeKind, readonly MemberStatus[]> = {
  flowing: ['normal'],
  flowing_end: ['flowing'],
  lost_contact: ['normal', 'flowing'],
  suspend: ['normal', 'flowing', 'lost_contact'],
  leave: ['normal', 'flowing', 'lost_contact', 'suspended'],
  death: ['normal', 'flowing', 'lost_contact', 'suspended'],
  restore: ['lost_contact', 'suspended', 'left'],
};

/** Null when the change is allowed from the current status, else the reason in Chinese. */
export function transitionProblem(kind: StatusChangeKind, from: MemberStatus): string | null {
  return FROM[kind].includes(from) ? null : `当前状态不能办理「${STATUS_CHANGE_LABELS[kind].zh}」`;
}

/** 第二十四条: 停止党籍 needs 6 months out of contact, or more than 5 years settled or studying abroad. */
export function suspensionProblem(basis: SuspendBasis, since: string | null, onDate: string): string | null {
  if (!since) return basis === 'lost_contact' ? '请先登记失联日期' : '请填写出国（境）日期';
  if (basis === 'lost_contact') {
    return dayjs(onDate).isBefore(dayjs(since).add(LOST_CONTACT_MONTHS, 'month'))
      ? `失联未满 ${LOST_CONTACT_MONTHS} 个月，不能停止党籍（《中国共产党党员教育管理工作条例》第二十四条）`
      : null;
  }
  return dayjs(onDate).isAfter(dayjs(since).add(ABROAD_YEARS, 'year'))
    ? null
    : `出国（境）未超过 ${ABROAD_YEARS} 年，不能停止党籍（《中国共产党党员教育管理工作条例》第二十四条）`;
}

export interface AttentionItem {
  code: 'suspend_due' | 'removal_due';
  message: string;
  article: string;
  dueOn: string;
}

/** What a member's status calls for on a given day (第二十四条). */
export function statusAttention(status: MemberStatus, since: string | null, today: string): AttentionItem | null {
  const article = '《中国共产党党员教育管理工作条例》第二十四条';
  if (!since) return null;
  if (status === 'lost_contact') {
    const due = dayjs(since).add(LOST_CONTACT_MONTHS, 'month').format('YYYY-MM-DD');
    return today >= due
      ? { code: 'suspend_due', message: `失联已满 ${LOST_CONTACT_MONTHS} 个月，应予停止党籍`, article, dueOn: due }
      : null;
  }
  if (status === 'suspended') {
    const due = dayjs(since).add(SUSPENDED_REMOVAL_YEARS, 'year').format('YYYY-MM-DD');
    return today >= due
      ? {
          code: 'removal_due',
          message: `停止党籍已满 ${SUSPENDED_REMOVAL_YEARS} 年仍无法取得联系的，按自行脱党予以除名`,
          article,
          dueOn: due,
        }
      : null;
  }
  return null;
}

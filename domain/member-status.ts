// The statuses of a member record (RULES.md §5). A member never disappears from the records:
// they leave only by a coded outcome, and the row stays with its history.

export const MEMBER_STATUSES = ['normal', 'flowing', 'lost_contact', 'suspended', 'left', 'deceased', 'transferred_out'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'Normal' },
  flowing: { zh: '流动党员', en: 'Mobile member' },
  lost_contact: { zh: '失联', en: 'Out of contact' },
  suspended: { zh: '停止党籍', en: 'Membership suspended' },
  left: { zh: '出党', en: 'Left the Party' },
  deceased: { zh: '死亡', en: 'Deceased' },
  transferred_out: { zh: '已转出', en: 'Transferred out of the city' },
};

/** Still a Party member held by this organization: counted in its numbers (RULES.md §6). */
export const COUNTED_STATUSES: readonly MemberStatus[] = ['normal', 'flowing', 'lost_contact'];

/** Still on this organization's books (blocks dissolving it): everyone but those who have gone. */
export const ON_BOOKS_STATUSES: readonly MemberStatus[] = ['normal', 'flowing', 'lost_contact', 'suspended'];

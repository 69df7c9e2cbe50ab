// The kinds of organizational life (三会一课 and the rest; RULES.md §3). One meeting may serve
// several kinds at once (a 主题党日 that is also a 党课), and counts for every check of each.

export const MEETING_KINDS = [
  'branch_congress', // 支部党员大会 (第十一条)
  'committee_meeting', // 支部委员会会议 (第十二条)
  'group_meeting', // 党小组会 (第十三条)
  'party_lecture', // 党课
  'theme_day', // 主题党日 (第十六条)
  'life_meeting', // 组织生活会 (第十七条)
  'appraisal', // 民主评议党员
  'heart_talk', // 谈心谈话
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, { zh: string; en: string }> = {
  branch_congress: { zh: '支部党员大会', en: 'Branch general meeting' },
  committee_meeting: { zh: '支部委员会会议', en: 'Branch committee meeting' },
  group_meeting: { zh: '党小组会', en: 'Party group meeting' },
  party_lecture: { zh: '党课', en: 'Party lecture' },
  theme_day: { zh: '主题党日', en: 'Theme Party day' },
  life_meeting: { zh: '组织生活会', en: 'Organizational life meeting' },
  appraisal: { zh: '民主评议党员', en: 'Democratic appraisal of members' },
  heart_talk: { zh: '谈心谈话', en: 'Heart-to-heart talks' },
};

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};

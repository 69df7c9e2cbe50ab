// The kinds of to-do (待办): every deadline the system knows of, computed from the data and never
// entered by hand (PRODUCT.md "To-do and reminders"). Each kind names the action a user must hold
// to act on it and who acts: the organization itself, the nearest higher organization with an
// account (approvals and the reminders a higher organization owes, RULES.md §4), or the member.
import dayjs from 'dayjs';
import { can, type Action, type Role } from './permissions';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from './meeting-kinds';

export const TODO_AREAS = [
  'development',
  'transfers',
  'dues',
  'meetings',
  'terms',
  'standards',
  'tasks',
  'learning',
  'cadres',
  'talent',
  'member',
] as const;
export type TodoArea = (typeof TODO_AREAS)[number];

export const TODO_AREA_LABELS: Record<TodoArea, { zh: string; en: string }> = {
  development: { zh: '发展党员', en: 'Member development' },
  transfers: { zh: '组织关系与党员状态', en: 'Transfers and member status' },
  dues: { zh: '党费', en: 'Party dues' },
  meetings: { zh: '组织生活', en: 'Organizational life' },
  terms: { zh: '换届选举', en: 'Terms and elections' },
  standards: { zh: '标准化建设与整顿', en: 'Standards and rectification' },
  tasks: { zh: '党建和业务融合', en: 'Party building with business' },
  learning: { zh: '理论学习', en: 'Theory learning' },
  cadres: { zh: '干部工作', en: 'Cadre work' },
  talent: { zh: '人才工作', en: 'Talent work' },
  member: { zh: '本人事项', en: 'My own items' },
};

/** Who acts on a to-do: the organization it concerns, the nearest higher organization with an account, or the member. */
export type TodoActor = 'self' | 'higher' | 'member';

export interface TodoKindDef {
  area: TodoArea;
  action: Action;
  actor: TodoActor;
  /** Counted in the organization digest (a reminder that repeats another kind is not). */
  digest: boolean;
  zh: string;
  en: string;
}

const OTHER_KINDS = {
  dev_step: { area: 'development', action: 'dev.write', actor: 'self', digest: true, zh: '发展党员步骤到期', en: 'Development step due' },
  dev_probation: { area: 'development', action: 'dev.write', actor: 'self', digest: true, zh: '预备党员转正', en: 'Probation ending' },
  transfer_incoming: {
    area: 'transfers',
    action: 'transfer.write',
    actor: 'self',
    digest: true,
    zh: '待接收的组织关系',
    en: 'Transfer letters to receive',
  },
  transfer_overdue: {
    area: 'transfers',
    action: 'transfer.write',
    actor: 'self',
    digest: true,
    zh: '逾期未办结的介绍信',
    en: 'Overdue transfer letters',
  },
  status_decision: {
    area: 'transfers',
    action: 'status.write',
    actor: 'self',
    digest: true,
    zh: '党员状态待处置',
    en: 'Member status decisions',
  },
  dues_arrears: { area: 'dues', action: 'dues.write', actor: 'self', digest: true, zh: '党费欠缴预警', en: 'Dues arrears' },
  dues_reduction: {
    area: 'dues',
    action: 'dues.approve',
    actor: 'higher',
    digest: true,
    zh: '党费减免待审批',
    en: 'Dues reductions to approve',
  },
  term_ending: { area: 'terms', action: 'term.write', actor: 'self', digest: true, zh: '任期即将届满', en: 'Term ending' },
  term_remind: { area: 'terms', action: 'term.approve', actor: 'higher', digest: false, zh: '下级任期届满提醒', en: 'Terms ending below' },
  election_overdue: { area: 'terms', action: 'term.write', actor: 'self', digest: true, zh: '逾期未换届', en: 'Election overdue' },
  election_due: { area: 'terms', action: 'term.write', actor: 'self', digest: true, zh: '已批准待选举', en: 'Approved election to hold' },
  election_request: {
    area: 'terms',
    action: 'term.approve',
    actor: 'higher',
    digest: true,
    zh: '换届请示待批复',
    en: 'Election requests to approve',
  },
  election_confirm: {
    area: 'terms',
    action: 'term.approve',
    actor: 'higher',
    digest: true,
    zh: '选举结果待审批',
    en: 'Election results to approve',
  },
  term_adjustment: {
    area: 'terms',
    action: 'term.approve',
    actor: 'higher',
    digest: true,
    zh: '提前或延期换届待审批',
    en: 'Term changes to approve',
  },
  standard_self: {
    area: 'standards',
    action: 'standard.write',
    actor: 'self',
    digest: true,
    zh: '年度自评未提交',
    en: 'Self-assessment not submitted',
  },
  standard_review: {
    area: 'standards',
    action: 'standard.review',
    actor: 'higher',
    digest: true,
    zh: '自评待审核',
    en: 'Self-assessments to review',
  },
  rectification: {
    area: 'standards',
    action: 'standard.write',
    actor: 'self',
    digest: true,
    zh: '整改任务到期',
    en: 'Rectification tasks due',
  },
  joint_task: { area: 'tasks', action: 'task.write', actor: 'self', digest: true, zh: '融合任务到期', en: 'Joint tasks due' },
  // Completion behind the plan's time (domain/rules/learning-plans.ts, the definition shown with it).
  learning_behind: {
    area: 'learning',
    action: 'learning.manage',
    actor: 'self',
    digest: true,
    zh: '学习计划进度滞后',
    en: 'Learning plans behind',
  },
  // Not in the organization digest: the digest is about Party organizations, a team is a unit's.
  cadre_team_renewal: {
    area: 'cadres',
    action: 'cadre.write',
    actor: 'self',
    digest: false,
    zh: '领导班子应换届',
    en: 'Leadership teams due for renewal',
  },
  // The cadre officers' own work: not Party business, so never in the organization digest.
  assessment_confirm: {
    area: 'cadres',
    action: 'cadre.assess',
    actor: 'self',
    digest: false,
    zh: '年度考核结果待确认',
    en: 'Assessment results to confirm',
  },
  assessment_consequence: {
    area: 'cadres',
    action: 'cadre.assess',
    actor: 'self',
    digest: false,
    zh: '考核结果运用',
    en: 'Assessment consequences',
  },
  // The selection procedure's deadlines (issue 13): the 干部科's own work, not counted in the Party digest.
  selection_inspection: {
    area: 'cadres',
    action: 'cadre.select',
    actor: 'self',
    digest: false,
    zh: '干部考察久未完成',
    en: 'Inspection running long',
  },
  selection_publicity: { area: 'cadres', action: 'cadre.select', actor: 'self', digest: false, zh: '任前公示期满', en: 'Publicity ending' },
  selection_probation: { area: 'cadres', action: 'cadre.select', actor: 'self', digest: false, zh: '试用期满考核', en: 'Probation ending' },
  // 到龄 and passports overdue (issue 13 points 6, 8): the 干部监督 work of the cadre officers.
  cadre_retirement: {
    area: 'cadres',
    action: 'cadre.supervise',
    actor: 'self',
    digest: false,
    zh: '干部到龄退出领导岗位',
    en: 'Cadres reaching the age limit',
  },
  cadre_passport_overdue: {
    area: 'cadres',
    action: 'cadre.supervise',
    actor: 'self',
    digest: false,
    zh: '出国（境）证照逾期未交回',
    en: 'Passports not handed back',
  },
  // The talent office's steps (issue 15 point 5): not Party business, so never in the organization digest.
  talent_review_due: {
    area: 'talent',
    action: 'talent.review',
    actor: 'self',
    digest: false,
    zh: '人才政策申请待审核',
    en: 'Talent applications to review',
  },
  talent_publicity_end: {
    area: 'talent',
    action: 'talent.review',
    actor: 'self',
    digest: false,
    zh: '人才政策公示期满待审批',
    en: 'Publicity ended, to approve',
  },
  talent_payout_due: {
    area: 'talent',
    action: 'talent.pay',
    actor: 'self',
    digest: false,
    zh: '人才补贴到期待核查发放',
    en: 'Instalments due for release',
  },
  // 柔性引才 agreements (issue 15 point 3): the end coming (60 days) or passed unclosed, on-site days behind.
  talent_agreement_ending: {
    area: 'talent',
    action: 'talent.write',
    actor: 'self',
    digest: false,
    zh: '柔性引才协议即将到期',
    en: 'Agreements ending soon',
  },
  talent_agreement_behind: {
    area: 'talent',
    action: 'talent.write',
    actor: 'self',
    digest: false,
    zh: '柔性引才在岗天数不足',
    en: 'Agreements behind on on-site days',
  },
  my_dues: { area: 'member', action: 'member.self', actor: 'member', digest: false, zh: '本人党费欠缴', en: 'My unpaid dues' },
  my_probation: {
    area: 'member',
    action: 'member.self',
    actor: 'member',
    digest: false,
    zh: '提交转正申请',
    en: 'Apply for full membership',
  },
  my_learning_plan: {
    area: 'member',
    action: 'learning.self',
    actor: 'member',
    digest: false,
    zh: '学习计划即将结束',
    en: 'Learning plan ending',
  },
  my_meeting: { area: 'member', action: 'member.self', actor: 'member', digest: false, zh: '近期组织生活', en: 'Meetings coming up' },
} as const satisfies Record<string, TodoKindDef>;

/** Required meetings not yet held in the current month, quarter or year: one kind per meeting kind (RULES.md §3). */
const MEETING_TODO_KINDS = Object.fromEntries(
  MEETING_KINDS.map((k) => [
    k,
    {
      area: 'meetings',
      action: 'life.write',
      actor: 'self',
      digest: true,
      zh: MEETING_KIND_LABELS[k].zh,
      en: MEETING_KIND_LABELS[k].en,
    } satisfies TodoKindDef,
  ]),
) as Record<MeetingKind, TodoKindDef>;

export type TodoKind = keyof typeof OTHER_KINDS | MeetingKind;

export const TODO_KINDS: Record<TodoKind, TodoKindDef> = { ...OTHER_KINDS, ...MEETING_TODO_KINDS };

/** Display order: by area, then as listed. */
export const TODO_KIND_ORDER: readonly TodoKind[] = TODO_AREAS.flatMap((a) =>
  (Object.keys(TODO_KINDS) as TodoKind[]).filter((k) => TODO_KINDS[k].area === a),
);

/** Whether the roles may act on any kind of to-do: the three administrators and the officers of other areas may not. */
export const holdsTodoKinds = (roles: readonly Role[]): boolean => Object.values(TODO_KINDS).some((k) => can(roles, k.action));

export const isTodoKind = (k: string): k is TodoKind => Object.hasOwn(TODO_KINDS, k);

export const TODO_SEVERITIES = ['high', 'medium', 'low'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];

/** Days before a deadline when a to-do turns from low to medium severity. */
export const TODO_NEAR_DAYS = 7;

/** Overdue is high; due within TODO_NEAR_DAYS is medium; the rest (or no deadline) low. */
/** The last day counted as near (today + TODO_NEAR_DAYS), kept for the last `today` asked: a city's digest asks 120,000 times. */
let near: { today: string; last: string } | null = null;

export function todoSeverity(dueOn: string | null, today: string, overdue: boolean): TodoSeverity {
  if (overdue) return 'high';
  if (!dueOn) return 'low';
  if (near?.today !== today) near = { today, last: dayjs(today).add(TODO_NEAR_DAYS, 'day').format('YYYY-MM-DD') };
  // Whole days between dates: "at most TODO_NEAR_DAYS days away" is "on or before today + TODO_NEAR_DAYS".
  return dueOn <= near.last ? 'medium' : 'low';
}

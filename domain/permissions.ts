// The role × action matrix: the one source of truth for who may do what (SECURITY.md 11–12).
// Scope (which organizations) is separate: every scoped action is also limited to the user's subtree.

export const ROLES = [
  'org_dept_admin', // 组织部管理员
  'org_admin', // 党组织管理员
  'member', // 党员
  'cadre_officer', // 干部管理员
  'cadre', // 干部
  'talent_officer', // 人才专员
  'talent', // 人才 (an applicant or a registered talent; registers themselves)
  'talent_employer', // 用人单位 (an employer acting for its staff; registers itself)
  'talent_service', // 人才服务部门 (a department delivering talent services: schools, housing, hospitals…)
  'talent_expert', // 评审专家 (scores 认定 and applications against criteria)
  'sysadmin', // 系统管理员
  'secadmin', // 安全管理员
  'auditor', // 审计管理员
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  org_dept_admin: { zh: '组织部管理员', en: 'Org-dept staff' },
  org_admin: { zh: '党组织管理员', en: 'Organization admin' },
  member: { zh: '党员', en: 'Party member' },
  cadre_officer: { zh: '干部管理员', en: 'Cadre officer' },
  cadre: { zh: '干部', en: 'Cadre' },
  talent_officer: { zh: '人才专员', en: 'Talent officer' },
  talent: { zh: '人才', en: 'Talent applicant' },
  talent_employer: { zh: '用人单位', en: 'Employer' },
  talent_service: { zh: '人才服务部门', en: 'Talent service department' },
  talent_expert: { zh: '评审专家', en: 'Review expert' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
};

/** 三员分立: no account may hold two of these (SECURITY.md 12). */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const ACTIONS = [
  'org.read',
  'org.create',
  'org.update',
  'org.move',
  'org.dissolve',
  'user.read',
  'user.manage',
  'audit.read',
  'audit.export',
  'system.config',
  // Party members (issue 3)
  'member.read', // the list, search and records of the subtree
  'member.write', // add and edit records
  'member.reveal_id', // see a full identity number (audited)
  'member.import',
  'member.export',
  'member.self', // a member's own record and dues
  'status.write', // 流动党员, 失联, 停止党籍, 出党, 死亡, restoration
  'dev.read', // the development pipeline
  'dev.write', // record steps, votes, probation decisions
  'dev.override', // record a 特殊情况 exception to a time rule
  'transfer.read',
  'transfer.write', // issue, receive, confirm, return transfer letters
  'dues.read',
  'dues.write', // bases, payments, reduction proposals
  'dues.approve', // approve a hardship reduction (higher committee, RULES.md §2 art. 7)
  'dues.export',
  // Organizational life and branch work (issue 4)
  'life.read', // meetings, 民主评议, the compliance monitor
  'life.write', // record meetings, attendance, attachments, appraisal grades
  'life.config', // the versioned meeting-frequency rules (RULES.md §3)
  'term.read', // committee terms and elections
  'term.write', // request an election, record its votes, propose a delay
  'term.approve', // approve a request, a delay or the new secretary and deputy (a strictly higher organization)
  'standard.read', // standards checklist, assessments, star ratings, weak organizations
  'standard.write', // a branch's self-assessment and its rectification progress
  'standard.review', // the higher level's review, star rating, naming a weak organization (strictly higher)
  'standard.config', // the checklist and star thresholds
  'task.read', // Party-building + business joint tasks
  'task.write',
  'task.check', // the check result of a joint task (the organization itself or a higher one)
  // To-dos: the digest of a subtree (the caller's own list needs no action: it holds only what they may act on)
  'todo.digest',
  // Statistics and dashboards (issue 5)
  'stats.read',
  'stats.export',
  // Cadres (issue 12): the files of the cadres the actor's organization department manages (干部管理权限)
  'cadre.read', // files, units, posts, the 配备一览表, teams and their structure, search
  'cadre.write', // edit files, units, posts, quotas, teams; decide correction requests
  'cadre.review', // the 三龄二历 review (confirm items against source material)
  'cadre.import', // .lrmx and roster imports
  'cadre.export', // .lrmx, forms, rosters
  'cadre.reveal_id', // a cadre's full identity number (audited)
  'cadre.config', // the team-structure requirements
  'cadre.self', // a cadre's own file (read-only) and correction requests
  'cadre.evaluate', // 民主测评: set up, hand out voting codes, open, close, read and export the results
  // Cadres II (issue 13 point 4): grade an assessment unit, submit, confirm or return it, 平时/专项考核 records
  'cadre.assess',
  // Cadres II (issue 13): the selection procedure (选拔任用) and its authorized exceptions
  'cadre.select', // run a selection: 动议, 推荐, 考察, 上会, 公示, 任职, 试用期
  'cadre.select_override', // set aside an overridable eligibility finding, proceed despite an avoidance flag (audited, with a reason)
  // Cadres II (issue 13 points 6–8): 能上能下 adjustments, the young-cadre pool, supervision records
  'cadre.supervise',
  // Theory learning (issue 14): plans, materials, question banks, quizzes, classes, the 学时 archive of a subtree
  'learning.read', // plans and their progress per organization, materials, banks, classes, hours and who is behind
  'learning.manage', // issue plans, publish materials, keep banks and quizzes, run classes (sign-in, attendance, certificates)
  'learning.approve', // approve self-reported training, enrolment applications and leave requests; review flagged study
  'learning.import', // question banks, 上级调训 and 党校 records
  'learning.export',
  'learning.config', // the hours required by audience and year (versioned data)
  'learning.self', // a learner's own plans, study, quizzes, classes, hours and certificates
  // Talent (issue 15)
  'talent.read', // the registry, 认定, agreements, policies, calls, applications, services, evaluations
  'talent.write', // keep the registry, cards, 柔性引才 agreements, evaluations; route service requests
  'talent.review', // district first review, city re-check, 公示, approval, refusal (with the reason)
  'talent.config', // tier sets, policies and their dated amounts, calls, indicators, service types
  'talent.pay', // the payout schedule, on-the-job checks, clawbacks, the finance ledger
  'talent.import',
  'talent.export',
  'talent.self', // an applicant's own registration, applications, documents, card and service requests
  'talent.employer', // an employer's own staff: register them, apply for them, review their applications
  'talent.service', // a service department's own requests: accept, answer, close
  'talent.expert', // an expert's own assigned reviews: score against the criteria
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, readonly Action[]> = {
  org_dept_admin: [
    'org.read',
    'org.create',
    'org.update',
    'org.move',
    'org.dissolve',
    'member.read',
    'member.write',
    'member.reveal_id',
    'member.import',
    'member.export',
    'status.write',
    'dev.read',
    'dev.write',
    'dev.override',
    'transfer.read',
    'transfer.write',
    'dues.read',
    'dues.write',
    'dues.approve',
    'dues.export',
    'life.read',
    'life.write',
    'life.config',
    'term.read',
    'term.write',
    'term.approve',
    'standard.read',
    'standard.write',
    'standard.review',
    'standard.config',
    'task.read',
    'task.write',
    'task.check',
    'todo.digest',
    'stats.read',
    'stats.export',
    'learning.read',
    'learning.manage',
    'learning.approve',
    'learning.import',
    'learning.export',
    'learning.config',
  ],
  // A branch secretary or 组织委员: the members, development, transfers and dues of their subtree;
  // full identity numbers and rule exceptions stay with the organization department.
  org_admin: [
    'org.read',
    'org.create',
    'org.update',
    'member.read',
    'member.write',
    'member.import',
    'member.export',
    'status.write',
    'dev.read',
    'dev.write',
    'transfer.read',
    'transfer.write',
    'dues.read',
    'dues.write',
    'dues.approve',
    'dues.export',
    'life.read',
    'life.write',
    'term.read',
    'term.write',
    'term.approve',
    'standard.read',
    'standard.write',
    'standard.review',
    'task.read',
    'task.write',
    'task.check',
    'todo.digest',
    'stats.read',
    'stats.export',
    'learning.read',
    'learning.manage',
    'learning.approve',
    'learning.import',
    'learning.export',
  ],
  member: ['org.read', 'member.self', 'learning.self'],
  // The cadre and talent officers and the security administrator read the tree (names and places),
  // never the Party business it holds: member counts and committees need member.read, the digest todo.digest.
  cadre_officer: [
    'org.read',
    'cadre.read',
    'cadre.write',
    'cadre.review',
    'cadre.import',
    'cadre.export',
    'cadre.reveal_id',
    'cadre.config',
    'cadre.evaluate',
    'cadre.assess',
    'cadre.select',
    'cadre.select_override',
    'cadre.supervise',
  ],
  cadre: ['cadre.self', 'learning.self'],
  talent_officer: [
    'org.read',
    'talent.read',
    'talent.write',
    'talent.review',
    'talent.config',
    'talent.pay',
    'talent.import',
    'talent.export',
  ],
  talent: ['talent.self'],
  talent_employer: ['talent.employer'],
  talent_service: ['talent.service'],
  talent_expert: ['talent.expert'],
  // The system administrator configures the system; it neither grants roles nor reads the audit log.
  sysadmin: ['system.config'],
  // The security administrator manages accounts and roles, and reads the tree to bind users to it.
  secadmin: ['user.read', 'user.manage', 'org.read'],
  // The audit administrator only reads and exports the audit log.
  auditor: ['audit.read', 'audit.export'],
};

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => MATRIX[r]?.includes(action));
}

/** Returns the pair of separated admin roles a role set would join, or null when it is allowed. */
export function separationConflict(roles: readonly Role[]): [Role, Role] | null {
  const admins = roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r));
  return admins.length > 1 ? [admins[0], admins[1]] : null;
}

// Every kind of record that lies in the organization tree, with how to find its place in it. The
// scope primitive (scope/access.ts) reads this table, so a new module adds its records here once and
// gets the subtree check, the 404 and the audited refusal for free.
// `paths` is SQL over the record aliased `t`, yielding one or more ltree paths: a record is in scope
// when any of them lies in the actor's subtree (a transfer letter is seen by both sides).
export interface ResourceDef {
  /** Chinese name for the 404 message ("党员不存在或无权访问"). */
  label: string;
  /** `from` clause, the record aliased `t`. */
  from: string;
  /** SQL expressions of its paths (ltree). */
  paths: string[];
}

const viaOrg = (table: string, label: string): ResourceDef => ({
  label,
  from: `${table} t join orgs o on o.id = t.org_id`,
  paths: ['o.path'],
});

export const RESOURCES = {
  org: { label: '组织', from: 'orgs t', paths: ['t.path'] },
  member: { label: '党员', from: 'members t', paths: ['t.org_path'] },
  user: viaOrg('users', '账号'),
  dev_person: { label: '发展对象', from: 'dev_people t', paths: ['t.org_path'] },
  transfer: { label: '转接记录', from: 'transfer_letters t', paths: ['t.from_path', 't.to_path'] },
  meeting: viaOrg('meetings', '会议记录'),
  meeting_attachment: {
    label: '附件',
    from: 'meeting_attachments t join meetings m on m.id = t.meeting_id join orgs o on o.id = m.org_id',
    paths: ['o.path'],
  },
  dues_reduction: viaOrg('dues_reductions', '减免申请'),
  appraisal: viaOrg('appraisals', '民主评议'),
  term: viaOrg('org_terms', '届期'),
  election: viaOrg('elections', '换届选举'),
  term_adjustment: viaOrg('term_adjustments', '提前或延期换届申请'),
  standard_assessment: viaOrg('standard_assessments', '评定'),
  weak_org: viaOrg('weak_orgs', '软弱涣散党组织'),
  rectification_task: viaOrg('rectification_tasks', '整改任务'),
  joint_task: viaOrg('joint_tasks', '任务'),
  // Cadres lie where the organization that manages them (干部管理权限) lies, not where their Party branch is.
  cadre: { label: '干部', from: 'cadres t', paths: ['t.manager_path'] },
  cadre_unit: { label: '单位', from: 'cadre_units t', paths: ['t.manager_path'] },
  cadre_post: { label: '职位', from: 'cadre_posts t join cadre_units u on u.id = t.unit_id', paths: ['u.manager_path'] },
  cadre_team: { label: '班子', from: 'cadre_teams t join cadre_units u on u.id = t.unit_id', paths: ['u.manager_path'] },
  cadre_correction: { label: '更正申请', from: 'cadre_corrections t join cadres c on c.id = t.cadre_id', paths: ['c.manager_path'] },
  cadre_appointment: { label: '任职记录', from: 'cadre_appointments t join cadres c on c.id = t.cadre_id', paths: ['c.manager_path'] },
  // A team's 民主测评 lies where its unit's manager_path lies; one of a list of cadres where its managing organization lies.
  cadre_evaluation: {
    label: '民主测评',
    from: `cadre_evaluations t left join cadre_teams tm on tm.id = t.team_id left join cadre_units u on u.id = tm.unit_id
      join orgs o on o.id = t.manager_org_id`,
    paths: ['coalesce(u.manager_path, o.path)'],
  },
  // The assessment (issue 13 point 4): a unit lies where its managing organization lies; a cadre's records where the cadre does.
  assessment_unit: { label: '考核单位', from: 'assessment_units t', paths: ['t.manager_path'] },
  special_assessment: {
    label: '专项考核记录',
    from: 'cadre_special_assessments t join cadres c on c.id = t.cadre_id',
    paths: ['c.manager_path'],
  },
  // 能上能下, the young-cadre pool and supervision records (issue 13 points 6–8) lie where their cadre does.
  cadre_pool_entry: {
    label: '优秀年轻干部库记录',
    from: 'cadre_pool_entries t join cadres c on c.id = t.cadre_id',
    paths: ['c.manager_path'],
  },
  cadre_passport: { label: '出国（境）证照', from: 'cadre_passports t join cadres c on c.id = t.cadre_id', paths: ['c.manager_path'] },
  cadre_trip: { label: '因私出国（境）申请', from: 'cadre_trips t join cadres c on c.id = t.cadre_id', paths: ['c.manager_path'] },
  // A selection lies where its managing organization lies (干部管理权限).
  cadre_selection: { label: '干部选拔任用记录', from: 'cadre_selections t join orgs o on o.id = t.manager_org_id', paths: ['o.path'] },
  // Talent (issue 15): a talent and an employer lie in the district where the employer is registered.
  talent_person: { label: '人才', from: 'talent_people t', paths: ['t.district_path'] },
  talent_employer: { label: '用人单位', from: 'talent_employers t', paths: ['t.district_path'] },
  talent_service_request: {
    label: '服务申请',
    from: 'talent_service_requests t join talent_people p on p.id = t.person_id',
    paths: ['p.district_path'],
  },
  // Question banks and quizzes (issue 14 point 4) lie where their organization lies; a question where its bank does.
  learning_bank: viaOrg('learning_banks', '题库'),
  learning_question: {
    label: '试题',
    from: 'learning_questions t join learning_banks b on b.id = t.bank_id join orgs o on o.id = b.org_id',
    paths: ['o.path'],
  },
  learning_quiz: viaOrg('learning_quizzes', '测试'),
  // A training class (issue 14 point 5) lies where its organizing organization lies.
  learning_class: viaOrg('learning_classes', '培训班'),
  // The 学时 archive (issue 14 point 6): a ledger row or a self-report lies where its learner does (a member's
  // branch, a non-member cadre's managing organization).
  learning_credit: {
    label: '学时记录',
    from: 'learning_credits t left join members m on m.id = t.member_id left join cadres c on c.id = t.cadre_id',
    paths: ['coalesce(m.org_path, c.manager_path)'],
  },
  learning_self_report: {
    label: '自主学习申报',
    from: 'learning_self_reports t left join members m on m.id = t.member_id left join cadres c on c.id = t.cadre_id',
    paths: ['coalesce(m.org_path, c.manager_path)'],
  },
  // Theory learning (issue 14 points 1–3): a material or plan lies where the organization publishing it lies;
  // a flagged study session where its learner does (a member's branch, a non-member cadre's managing organization).
  learning_material: viaOrg('learning_materials', '学习材料'),
  learning_plan: viaOrg('learning_plans', '学习计划'),
  learning_flag: {
    label: '学习异常记录',
    from: 'learning_flags t left join members m on m.id = t.member_id left join cadres c on c.id = t.cadre_id left join dev_people d on d.id = t.dev_person_id',
    paths: ['coalesce(m.org_path, c.manager_path, d.org_path)'],
  },
  // 人才分类认定 and 柔性引才 agreements lie where their talent does (issue 15, migration 029).
  talent_recognition: {
    label: '认定申请',
    from: 'talent_recognitions t join talent_people p on p.id = t.person_id',
    paths: ['p.district_path'],
  },
  // A 柔性引才 agreement lies where its employer here lies and where its talent lies (seen by both districts).
  talent_agreement: {
    label: '柔性引才协议',
    from: 'talent_agreements t join talent_employers e on e.id = t.employer_id join talent_people p on p.id = t.person_id',
    paths: ['e.district_path', 'p.district_path'],
  },
  // A policy application lies where its talent lies (the talent's district; no path copy of its own).
  talent_application: {
    label: '申请',
    from: 'talent_applications t join talent_people p on p.id = t.person_id',
    paths: ['p.district_path'],
  },
} as const satisfies Record<string, ResourceDef>;

export type Resource = keyof typeof RESOURCES;

// The 5 stages and 25 steps of developing a Party member (《中国共产党发展党员工作细则》, RULES.md §1),
// as data: the workflow, the board and the web timeline all read this one list.

export type DevStage = 1 | 2 | 3 | 4 | 5;

/** Where a person stands: the four stages of the pipeline, a full member, or an ended case. */
export const PERSON_STATUSES = ['applicant', 'activist', 'candidate', 'probationary', 'full', 'cancelled'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Record<PersonStatus, { zh: string; en: string }> = {
  applicant: { zh: '入党申请人', en: 'Applicant' },
  activist: { zh: '入党积极分子', en: 'Activist' },
  candidate: { zh: '发展对象', en: 'Candidate' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
  full: { zh: '正式党员', en: 'Full member' },
  cancelled: { zh: '已取消预备党员资格', en: 'Probation cancelled' },
};

export const DEV_STAGES: readonly { no: DevStage; zh: string; en: string }[] = [
  { no: 1, zh: '申请入党', en: 'Application' },
  { no: 2, zh: '入党积极分子的确定和教育培养', en: 'Activists: selection and cultivation' },
  { no: 3, zh: '发展对象的确定和考察', en: 'Candidates: selection and review' },
  { no: 4, zh: '预备党员的接收', en: 'Admission as probationary member' },
  { no: 5, zh: '预备党员的教育考察和转正', en: 'Probation and full membership' },
];

export interface DevStepDef {
  no: number;
  stage: DevStage;
  zh: string;
  en: string;
  /** Members named on the step: 培养联系人 (⑤) or 入党介绍人 (⑨). */
  people?: 'contact' | 'introducer';
  /** A 支部大会 with a recorded vote (⑮ admission, ㉓ 转正). */
  vote?: boolean;
  /** Recorded again and again: the half-yearly assessments (⑥, ㉑). */
  repeatable?: boolean;
  /** The person's status once the step is done. */
  becomes?: PersonStatus;
  /** The usual papers of the step, offered in the form. */
  documents?: readonly string[];
}

export const DEV_STEPS: readonly DevStepDef[] = [
  { no: 1, stage: 1, zh: '递交入党申请书', en: 'Application submitted', becomes: 'applicant', documents: ['入党申请书'] },
  { no: 2, stage: 1, zh: '党组织派人谈话', en: 'Talk with the applicant', documents: ['谈话记录'] },
  { no: 3, stage: 2, zh: '推荐和确定入党积极分子', en: 'Activist selected', becomes: 'activist', documents: ['推荐表', '支委会会议记录'] },
  { no: 4, stage: 2, zh: '上级党委备案', en: 'Filed with the higher committee', documents: ['入党积极分子备案表'] },
  { no: 5, stage: 2, zh: '指定培养联系人', en: 'Mentors assigned', people: 'contact' },
  { no: 6, stage: 2, zh: '培养教育考察', en: 'Cultivation and assessment', repeatable: true, documents: ['入党积极分子培养考察登记表'] },
  { no: 7, stage: 3, zh: '确定发展对象', en: 'Candidate selected', becomes: 'candidate', documents: ['支委会会议记录'] },
  { no: 8, stage: 3, zh: '报上级党委备案', en: 'Filed with the higher committee', documents: ['发展对象备案表'] },
  { no: 9, stage: 3, zh: '确定入党介绍人', en: 'Introducers named', people: 'introducer' },
  { no: 10, stage: 3, zh: '政治审查', en: 'Political review', documents: ['政治审查综合材料'] },
  { no: 11, stage: 3, zh: '开展集中培训', en: 'Concentrated training', documents: ['培训结业证书'] },
  { no: 12, stage: 4, zh: '支部委员会审查', en: 'Branch committee review', documents: ['支委会会议记录'] },
  { no: 13, stage: 4, zh: '上级党委预审', en: 'Higher committee pre-review', documents: ['预审意见'] },
  { no: 14, stage: 4, zh: '填写入党志愿书', en: 'Application form filled in', documents: ['入党志愿书'] },
  { no: 15, stage: 4, zh: '支部大会讨论', en: 'Branch general meeting', vote: true, documents: ['支部大会决议'] },
  { no: 16, stage: 4, zh: '上级党委派人谈话', en: 'Talk by the higher committee', documents: ['谈话记录'] },
  { no: 17, stage: 4, zh: '上级党委审批', en: 'Higher committee approval', becomes: 'probationary', documents: ['审批意见'] },
  { no: 18, stage: 4, zh: '再上一级党委组织部门备案', en: 'Filed with the organization department', documents: ['备案表'] },
  { no: 19, stage: 5, zh: '编入党支部和党小组', en: 'Placed in branch and group' },
  { no: 20, stage: 5, zh: '入党宣誓', en: 'Oath taken' },
  { no: 21, stage: 5, zh: '继续教育考察', en: 'Continued assessment', repeatable: true, documents: ['预备党员考察表'] },
  { no: 22, stage: 5, zh: '提出转正申请', en: 'Application for full membership', documents: ['转正申请书'] },
  { no: 23, stage: 5, zh: '支部大会讨论', en: 'Branch general meeting (full membership)', vote: true, documents: ['支部大会决议'] },
  { no: 24, stage: 5, zh: '上级党委审批', en: 'Higher committee approval', documents: ['审批意见'] },
  { no: 25, stage: 5, zh: '材料归档', en: 'Files archived', documents: ['入党材料归档目录'] },
];

export const STEP_COUNT = DEV_STEPS.length;

export function stepDef(no: number): DevStepDef {
  const s = DEV_STEPS[no - 1];
  if (!s) throw new RangeError(`no development step ${no}`);
  return s;
}

/** The 转正 decision of the 支部大会 (㉓), approved by the higher committee (㉔). */
export const FULL_OUTCOMES = ['full', 'extend', 'cancel'] as const;
export type FullOutcome = (typeof FULL_OUTCOMES)[number];
export const FULL_OUTCOME_LABELS: Record<FullOutcome, { zh: string; en: string }> = {
  full: { zh: '按期转正', en: 'Full membership on time' },
  extend: { zh: '延长预备期', en: 'Probation extended' },
  cancel: { zh: '取消预备党员资格', en: 'Probation cancelled' },
};

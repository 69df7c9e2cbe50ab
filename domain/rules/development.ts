// The time and count rules of developing a member (RULES.md §1), checked before a step is recorded.
// Every number and article comes from the rule set in force on the step's date (development-rule-sets.ts).
import dayjs from 'dayjs';
import { stepDef, type FullOutcome } from './development-steps';
import { ruleSetOn, type DevRuleSet } from './development-rule-sets';
import { addDays, addMonths, progress, type Progress, type StepRecord } from './development-progress';

export { probationEnd, progress, nextDue, addMonths } from './development-progress';
export type { Progress, StepRecord, NextDue } from './development-progress';

export interface VoteCount {
  shouldAttend: number;
  present: number;
  inFavor: number;
  against?: number;
  abstain?: number;
}

/**
 * 支部大会 (细则第二十二条; 支部工作条例第十一条): quorate when voting members present are more than half of
 * those who should attend; passed when yes votes are more than half of those who SHOULD attend, not of those present.
 */
export function branchVote(v: { shouldAttend: number; present: number; inFavor: number }): { quorate: boolean; passed: boolean } {
  const quorate = v.present * 2 > v.shouldAttend;
  return { quorate, passed: quorate && v.inFavor * 2 > v.shouldAttend };
}

/** Counts that cannot be true of one meeting; each message names its field. */
export function voteProblems(v: VoteCount): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const ints = Object.entries(v).filter(([, x]) => x !== undefined && !(Number.isInteger(x) && x >= 0));
  for (const [field] of ints) out.push({ field, message: '票数须为非负整数' });
  if (v.shouldAttend < 1) out.push({ field: 'shouldAttend', message: '应到会有表决权的正式党员人数至少为 1' });
  if (v.present > v.shouldAttend) out.push({ field: 'present', message: `实到人数（${v.present}）不能超过应到人数（${v.shouldAttend}）` });
  const cast = v.inFavor + (v.against ?? 0) + (v.abstain ?? 0);
  if (cast > v.present) out.push({ field: 'inFavor', message: `赞成、反对、弃权合计（${cast}）不能超过实到人数（${v.present}）` });
  return out;
}

/** A member named as 培养联系人 or 入党介绍人, as the server found them. */
export interface NamedMember {
  memberId: number;
  name: string;
  category: 'full' | 'probationary';
  goodStanding: boolean;
}

export interface StepInput {
  stepNo: number;
  doneOn: string;
  people?: readonly NamedMember[];
  vote?: VoteCount;
  outcome?: FullOutcome;
  extensionMonths?: number;
  trainingDays?: number;
  trainingHours?: number;
  reviewPassed?: boolean;
  /** ⑫: the candidate is expected to leave the unit soon. */
  leavingSoon?: boolean;
}

export interface Violation {
  code: string;
  message: string;
  article: string;
  /** The regulation allows 特殊情况 (or it is an organization's late record): an authorized override may accept it. */
  overridable: boolean;
}

export interface CheckContext {
  birthDate: string | null;
  records: readonly StepRecord[];
  sets: readonly DevRuleSet[];
  today: string;
}

const cite = (article: string) => `（${article}）`;

/** Every rule the step would break; empty when it may be recorded. */
export function checkStep(ctx: CheckContext, input: StepInput): Violation[] {
  const rs = ruleSetOn(input.doneOn, ctx.sets);
  const { numbers: n, articles: a } = rs;
  const p = progress(ctx.records, ctx.sets);
  const out: Violation[] = [];
  const hard = (code: string, message: string, article: string) =>
    out.push({ code, message: message + cite(article), article, overridable: false });
  const soft = (code: string, message: string, article: string) =>
    out.push({ code, message: message + cite(article), article, overridable: true });
  const def = stepDef(input.stepNo);

  // Steps in order, dated in order, never in the future.
  if (input.doneOn > ctx.today) hard('FUTURE_DATE', `「${def.zh}」的日期不能晚于今天（${ctx.today}）`, a.order);
  if (!p.allowedNext.includes(input.stepNo)) {
    const expected = p.allowedNext.map((s) => `第${s}步「${stepDef(s).zh}」`).join('或');
    hard(
      'STEP_ORDER',
      p.allowedNext.length ? `当前应记录${expected}，不能记录第${input.stepNo}步「${def.zh}」` : '发展程序已结束，不能再记录步骤',
      a.order,
    );
    return out;
  }
  const lastOn = p.doneOn[p.lastStep];
  if (lastOn && input.doneOn < lastOn) hard('DATE_ORDER', `「${def.zh}」的日期不能早于上一步（${lastOn}）`, a.order);

  switch (input.stepNo) {
    case 1:
      checkAge(ctx.birthDate, input.doneOn, n.minAge, a.minAge, hard);
      break;
    case 2: {
      const by = addMonths(p.appliedOn!, n.talkWithinMonths);
      if (input.doneOn > by)
        soft('TALK_LATE', `收到入党申请书（${p.appliedOn}）后应在 ${n.talkWithinMonths} 个月内谈话（${by} 前），已逾期`, a.talk);
      break;
    }
    case 5:
      checkPeople(input.people ?? [], n.contactsMin, n.contactsMax, '培养联系人', a.contacts, a.contacts, hard);
      break;
    case 6:
    case 21: {
      const by = addMonths(p.assessedOn!, n.assessEveryMonths);
      if (input.doneOn > by)
        soft('ASSESSMENT_LATE', `每半年至少考察一次：上次考察（${p.assessedOn}）后应在 ${by} 前考察，已逾期`, a.assessment);
      break;
    }
    case 7: {
      const from = addMonths(p.activistOn!, n.activistMinMonths);
      if (input.doneOn < from) {
        hard(
          'CANDIDATE_TOO_EARLY',
          `确定为入党积极分子（${p.activistOn}）至今不足${monthsText(n.activistMinMonths)}，最早可于 ${from} 列为发展对象`,
          a.candidateYear,
        );
      }
      const due = Math.floor(dayjs(input.doneOn).diff(p.activistOn!, 'month') / n.assessEveryMonths);
      const had = ctx.records.filter((r) => r.stepNo === 6 && r.passed).length;
      if (had < due) soft('ASSESSMENTS_MISSING', `培养期间应每半年考察一次，应有 ${due} 次考察记录，现有 ${had} 次`, a.assessment);
      break;
    }
    case 9:
      checkPeople(input.people ?? [], n.introducers, n.introducers, '入党介绍人', a.introducers, a.introducerFull, hard);
      break;
    case 10:
      if (input.reviewPassed === undefined)
        hard('REVIEW_RESULT', '请填写政治审查结论；未经政治审查或政治审查不合格的，不能发展入党', a.review);
      break;
    case 11: {
      const days = input.trainingDays ?? 0;
      const hours = input.trainingHours ?? 0;
      if (days < n.trainingMinDays && hours < n.trainingMinHours) {
        soft(
          'TRAINING_SHORT',
          `集中培训不少于 ${n.trainingMinDays} 天或 ${n.trainingMinHours} 学时，本次 ${days} 天、${hours} 学时`,
          a.training,
        );
      }
      break;
    }
    case 12:
      if (input.leavingSoon)
        soft('LEAVING_SOON', `发展对象在 ${n.leavingWithinMonths} 个月内将离开工作、学习单位的，一般不办理接收预备党员手续`, a.leaving);
      break;
    case 15:
    case 23:
      checkVote(input, a.vote, hard);
      break;
    case 17: {
      const normal = addMonths(p.admittedOn!, n.approvalMonths);
      const max = addMonths(p.admittedOn!, n.approvalMaxMonths);
      if (input.doneOn > max)
        hard(
          'APPROVAL_TOO_LATE',
          `上级党委审批最迟不得超过支部大会（${p.admittedOn}）后 ${n.approvalMaxMonths} 个月（${max}）`,
          a.approval,
        );
      else if (input.doneOn > normal)
        soft(
          'APPROVAL_LATE',
          `上级党委应在支部大会（${p.admittedOn}）后 ${n.approvalMonths} 个月内（${normal} 前）审批；特殊情况可延长，最长 ${n.approvalMaxMonths} 个月`,
          a.approval,
        );
      break;
    }
    case 20: {
      const by = addMonths(p.approvedOn!, n.oathWithinMonths);
      if (input.doneOn > by)
        soft('OATH_LATE', `上级党委批准（${p.approvedOn}）后一般应在 ${n.oathWithinMonths} 个月内（${by} 前）入党宣誓`, a.oath);
      break;
    }
    case 22: {
      const from = addDays(p.probationEnd!, -n.fullApplyLeadDays);
      if (input.doneOn < from) hard('FULL_APPLY_EARLY', `预备期至 ${p.probationEnd} 期满，转正申请最早于 ${from} 提出`, a.fullApply);
      break;
    }
    case 24: {
      const on = p.pendingDecision!.on;
      const by = addMonths(on, n.fullApprovalMonths);
      if (input.doneOn > by)
        soft(
          'FULL_APPROVAL_LATE',
          `上级党委应在支部大会讨论转正（${on}）后 ${n.fullApprovalMonths} 个月内（${by} 前）审批`,
          a.fullApproval,
        );
      break;
    }
  }
  if (input.stepNo === 23) checkFullDecision(p, input, rs, hard);
  return out;
}

type Add = (code: string, message: string, article: string) => void;

const monthsText = (m: number) => (m % 12 === 0 ? (m === 12 ? '一年' : `${m / 12} 年`) : `${m} 个月`);

/** 年满十八岁 at the date of application. */
function checkAge(birthDate: string | null, on: string, minAge: number, article: string, hard: Add) {
  if (!birthDate) return hard('BIRTH_DATE_REQUIRED', `请填写出生日期：申请入党须年满 ${minAge} 周岁`, article);
  const age = dayjs(on).diff(dayjs(birthDate), 'year');
  if (age < minAge)
    hard('TOO_YOUNG', `递交申请时未满 ${minAge} 周岁（${age} 周岁），最早可于 ${addMonths(birthDate, minAge * 12)} 申请`, article);
}

/** 培养联系人 1–2, 入党介绍人 2: full members in good standing; 预备党员 have no such right (党章). */
function checkPeople(
  people: readonly NamedMember[],
  min: number,
  max: number,
  role: string,
  countArticle: string,
  fullArticle: string,
  hard: Add,
) {
  const ids = new Set(people.map((x) => x.memberId));
  if (ids.size !== people.length) hard('PEOPLE_DUPLICATE', `${role}不能重复`, countArticle);
  if (people.length < min || people.length > max) {
    hard('PEOPLE_COUNT', `${role}应为 ${min === max ? min : `${min}–${max}`} 名正式党员，现为 ${people.length} 名`, countArticle);
  }
  for (const x of people) {
    if (x.category !== 'full') hard('PEOPLE_NOT_FULL', `${x.name}是预备党员，不能作${role}，须为正式党员`, fullArticle);
    else if (!x.goodStanding) hard('PEOPLE_STANDING', `${x.name}目前党籍状态异常，不能作${role}`, fullArticle);
  }
}

function checkVote(input: StepInput, article: string, hard: Add) {
  if (!input.vote) return hard('VOTE_REQUIRED', '请填写支部大会表决情况（应到、实到、赞成、反对、弃权）', article);
  for (const p of voteProblems(input.vote)) hard('VOTE_INVALID', p.message, article);
  const v = input.vote;
  if (!branchVote(v).quorate)
    hard('NOT_QUORATE', `实到有表决权党员 ${v.present} 人，未超过应到 ${v.shouldAttend} 人的半数，会议无效`, article);
}

function checkFullDecision(p: Progress, input: StepInput, rs: DevRuleSet, hard: Add) {
  const { numbers: n, articles: a } = rs;
  if (!input.outcome) return hard('OUTCOME_REQUIRED', '请选择转正意见：按期转正、延长预备期或取消预备党员资格', a.probation);
  if (input.doneOn < p.probationEnd!)
    hard('PROBATION_NOT_ENDED', `预备期至 ${p.probationEnd} 期满（自支部大会通过之日起计算），期满后方可讨论转正`, a.probation);
  if (input.outcome === 'extend') {
    if (p.extensionMonths !== null) hard('EXTENSION_TWICE', '预备期只能延长一次', a.extension);
    const m = input.extensionMonths;
    if (m === undefined || !Number.isInteger(m) || m < n.extensionMinMonths || m > n.extensionMaxMonths) {
      hard('EXTENSION_RANGE', `延长预备期最少 ${n.extensionMinMonths} 个月，最长不超过 ${monthsText(n.extensionMaxMonths)}`, a.extension);
    }
  }
}

/** Whether the recorded step completes its step: a vote that did not pass or a failed review does not. */
export function stepPassed(input: StepInput): boolean {
  if (input.stepNo === 10) return input.reviewPassed === true;
  if ((input.stepNo === 15 || input.stepNo === 23) && input.vote) return branchVote(input.vote).passed;
  return true;
}

// API schemas of member development (发展党员): people in the pipeline, their steps, the board.
import { z } from 'zod';
import { EDUCATION_LEVELS, ETHNICITIES, OCCUPATIONS } from '../member-fields';
import { FULL_OUTCOMES, PERSON_STATUSES, STEP_COUNT } from '../rules/development-steps';
import { ZCursorQuery, ZDate } from './common';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const name = z
  .string()
  .trim()
  .regex(/^[\u3400-\u9fff·•A-Za-z ]{2,30}$/, '姓名为 2–30 个汉字（少数民族姓名可含间隔号）');
const count = (label: string) => z.number().int(`${label}须为整数`).min(0, `${label}不能为负数`).max(100_000);

export const ZDocument = z.strictObject({ name: text(60).min(1, '请填写材料名称'), number: text(60).optional() });

/** A new applicant: the person and step ① (递交入党申请书). Birth date and gender come from the ID number. */
export const ZPersonCreateSchema = z.strictObject({
  orgId: z.number().int().positive(),
  name,
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位（最后一位可为 X）'),
  ethnicity: z.enum(ETHNICITIES, '请选择民族').optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  occupation: z.enum(OCCUPATIONS).nullable().optional(),
  workUnit: text(100).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为 11 位手机号或带区号的固定电话')
    .nullable()
    .optional(),
  appliedOn: ZDate,
  documents: z.array(ZDocument).max(10).optional(),
  note: text(500).optional(),
});
export type TPersonCreate = z.infer<typeof ZPersonCreateSchema>;

export const ZVoteSchema = z.strictObject({
  shouldAttend: count('应到人数').min(1, '应到人数至少为 1'),
  present: count('实到人数'),
  inFavor: count('赞成票'),
  against: count('反对票').default(0),
  abstain: count('弃权票').default(0),
});

/** Recording one step. Which fields matter depends on the step; the rules say which are missing. */
export const ZStepInputSchema = z.strictObject({
  stepNo: z.number().int().min(1).max(STEP_COUNT),
  doneOn: ZDate,
  /** 培养联系人 (⑤) or 入党介绍人 (⑨): member ids. */
  memberIds: z.array(z.number().int().positive()).max(5).optional(),
  documents: z.array(ZDocument).max(10).optional(),
  note: text(500).optional(),
  vote: ZVoteSchema.optional(),
  outcome: z.enum(FULL_OUTCOMES).optional(),
  extensionMonths: z.number().int().optional(),
  trainingDays: z.number().min(0).max(365).optional(),
  trainingHours: z.number().min(0).max(2000).optional(),
  reviewPassed: z.boolean().optional(),
  leavingSoon: z.boolean().optional(),
  /** 特殊情况: accept the overridable rules this step breaks (dev.override), with the reason. */
  override: z.strictObject({ reason: text(500).min(4, '请填写特殊情况的理由（至少 4 个字）') }).optional(),
});
export type TStepInput = z.infer<typeof ZStepInputSchema>;
/** The body as the web sends it (the vote's against and abstain may be left out). */
export type TStepInputBody = z.input<typeof ZStepInputSchema>;

export const ZViolationSchema = z.object({ code: z.string(), message: z.string(), article: z.string(), overridable: z.boolean() });
export type TViolation = z.infer<typeof ZViolationSchema>;
/** The pre-check of a step: the rules it breaks, and whether it may be recorded. */
export const ZStepCheckSchema = z.object({ violations: z.array(ZViolationSchema), passed: z.boolean() });
export type TStepCheck = z.infer<typeof ZStepCheckSchema>;

export const ZNextDueSchema = z.object({ stepNo: z.number(), from: z.string().nullable(), by: z.string().nullable() });

export const ZPersonRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(['男', '女']),
  birthDate: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(PERSON_STATUSES),
  lastStep: z.number(),
  appliedOn: z.string(),
  nextDue: ZNextDueSchema.nullable(),
  overdue: z.boolean(),
});
export type TPersonRow = z.infer<typeof ZPersonRowSchema>;

export const ZStepRecordSchema = z.object({
  id: z.number(),
  stepNo: z.number(),
  doneOn: z.string(),
  passed: z.boolean(),
  people: z.array(z.object({ memberId: z.number(), name: z.string(), role: z.enum(['contact', 'introducer']) })),
  documents: z.array(z.object({ name: z.string(), number: z.string().optional() })),
  note: z.string().nullable(),
  vote: z
    .object({
      shouldAttend: z.number(),
      present: z.number(),
      inFavor: z.number(),
      against: z.number(),
      abstain: z.number(),
      quorate: z.boolean(),
      passed: z.boolean(),
    })
    .nullable(),
  outcome: z.enum(FULL_OUTCOMES).nullable(),
  extensionMonths: z.number().nullable(),
  trainingDays: z.number().nullable(),
  trainingHours: z.number().nullable(),
  reviewPassed: z.boolean().nullable(),
  override: z.object({ codes: z.array(z.string()), reason: z.string(), by: z.string() }).nullable(),
  ruleVersion: z.string(),
  recordedAt: z.string(),
});
export type TStepRecord = z.infer<typeof ZStepRecordSchema>;

export const ZPersonDetailSchema = ZPersonRowSchema.extend({
  ethnicity: z.string(),
  idMasked: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  workUnit: z.string().nullable(),
  phone: z.string().nullable(),
  admittedOn: z.string().nullable(),
  probationEnd: z.string().nullable(),
  extensionMonths: z.number().nullable(),
  fullOn: z.string().nullable(),
  memberId: z.number().nullable(),
  allowedNext: z.array(z.number()),
  steps: z.array(ZStepRecordSchema),
  version: z.number(),
});
export type TPersonDetail = z.infer<typeof ZPersonDetailSchema>;

export const ZPeopleQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  step: z.coerce.number().int().min(1).max(STEP_COUNT).optional(),
  q: z.string().trim().max(30).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...ZCursorQuery,
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;
/** The list's filter as the web holds it: overdue as a boolean (sent as 'true'). */
export type TPeopleFilter = Omit<Partial<TPeopleQuery>, 'cursor' | 'limit' | 'overdue'> & { overdue?: boolean };

export const ZBoardSchema = z.object({
  orgId: z.number(),
  today: z.string(),
  byStatus: z.array(z.object({ status: z.enum(PERSON_STATUSES), count: z.number(), overdue: z.number() })),
  byStep: z.array(z.object({ stepNo: z.number(), count: z.number(), overdue: z.number() })),
  overdue: z.array(ZPersonRowSchema),
  dueSoon: z.array(ZPersonRowSchema),
});
export type TBoard = z.infer<typeof ZBoardSchema>;

export const ZEligibleMemberSchema = z.object({ id: z.number(), name: z.string(), gender: z.string(), orgName: z.string() });
export type TEligibleMember = z.infer<typeof ZEligibleMemberSchema>;
export const ZEligibleQuery = z.strictObject({ orgId: z.coerce.number().int().positive(), q: z.string().trim().max(30).optional() });

export const ZRuleSetSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  title: z.string(),
  numbers: z.record(z.string(), z.number()),
  articles: z.record(z.string(), z.string()),
});

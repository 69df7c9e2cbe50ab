// API schemas of talent policies, calls, applications and payouts (issue 15 points 4 and 5; RULES.md §8).
import { z } from 'zod';
import { CONDITION_KINDS, DEGREE_LEVELS } from '../rules/talent-policy';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');
const tierCodes = z.array(z.string().trim().min(1).max(20)).min(1, '请填写人才层次').max(20);
const tierMax = z.strictObject({ tiers: tierCodes, max: z.number().int().min(1).max(1200) }).optional();
const src = z.string().trim().max(200, '依据不超过 200 字').optional();
const count = (label: string, max: number) =>
  z
    .number({ message: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负`)
    .max(max, `${label}不超过 ${max}`);

export const POLICY_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export const POLICY_STATUSES = ['draft', 'in_force', 'expired', 'repealed'] as const;
export const APPLICATION_STATUSES = [
  'draft',
  'employer_review',
  'district_review',
  'city_review',
  'expert_review',
  'publicity',
  'approved',
  'paying',
  'completed',
  'returned',
  'refused',
  'withdrawn',
  'clawed_back',
] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A condition of the closed vocabulary (domain/rules/talent-policy.ts), with its parameters. */
export const ZConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('age_max'), max: z.number().int().min(16).max(100), tierMax, source: src }),
  z.strictObject({ kind: z.literal('degree'), minLevel: z.enum(DEGREE_LEVELS), where: z.enum(['abroad', 'domestic', 'any']), source: src }),
  z.strictObject({ kind: z.literal('tier_in'), tiers: tierCodes, source: src }),
  z.strictObject({ kind: z.literal('social_insurance_months'), min: count('月数', 600), source: src }),
  z.strictObject({ kind: z.literal('income_tax_months'), min: count('月数', 600), source: src }),
  z.strictObject({ kind: z.literal('contract_years'), min: count('年数', 50), source: src }),
  z.strictObject({ kind: z.literal('returned_within_months'), max: count('月数', 1200), tierMax, source: src }),
  z.strictObject({ kind: z.literal('employer_in_district'), source: src }),
  z.strictObject({ kind: z.literal('no_duplicate'), exclusive: z.array(z.string().trim().min(1).max(40)).max(20), source: src }),
]);
export type TCondition = z.infer<typeof ZConditionSchema>;
export const ZConditionKind = z.enum(CONDITION_KINDS);

const amountFen = z
  .number({ message: '金额应为整数（分）' })
  .int('金额应为整数（分）')
  .min(0, '金额不能为负')
  .max(100_000_000_00, '金额过大');

export const ZVersionCreateSchema = z.strictObject({
  effectiveOn: ZDate,
  amountFen,
  conditions: z.array(ZConditionSchema).max(20, '条件不超过 20 项'),
  source: text(200, '依据（文号及条款）'),
});
export type TVersionCreate = z.infer<typeof ZVersionCreateSchema>;

export const ZItemCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,40}$/, '项目代码为 2–40 位大写字母、数字或连字符'),
  name: text(60, '项目名称'),
  version: ZVersionCreateSchema,
});
export type TItemCreate = z.infer<typeof ZItemCreateSchema>;

export const ZPolicyCreateSchema = z.strictObject({
  docNo: text(60, '文号'),
  title: text(120, '政策名称'),
  issuer: text(60, '发文单位'),
  coIssuers: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  level: z.enum(POLICY_LEVELS),
  publishedOn: ZDate.nullable().default(null),
  effectiveOn: ZDate,
  expiresOn: ZDate.nullable().default(null),
  status: z.enum(POLICY_STATUSES).default('in_force'),
  expertReview: z.boolean().default(false),
  publicityDays: z.number().int().min(1, '公示天数至少 1 个工作日').max(30, '公示天数不超过 30 个工作日').default(5),
  instalments: z.number().int().min(1, '分期数至少为 1').max(10, '分期数不超过 10').default(1),
  note: optText(500, '说明'),
  items: z.array(ZItemCreateSchema).max(20).default([]),
});
export type TPolicyCreate = z.infer<typeof ZPolicyCreateSchema>;

export const ZVersionSchema = z.object({
  id,
  effectiveOn: z.string(),
  amountFen: z.number().int(),
  conditions: z.array(ZConditionSchema),
  source: z.string(),
});
export const ZItemSchema = z.object({ id, code: z.string(), name: z.string(), versions: z.array(ZVersionSchema) });
export type TItem = z.infer<typeof ZItemSchema>;

export const ZPolicySchema = z.object({
  id,
  docNo: z.string(),
  title: z.string(),
  issuer: z.string(),
  coIssuers: z.array(z.string()),
  level: z.enum(POLICY_LEVELS),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(POLICY_STATUSES),
  expertReview: z.boolean(),
  publicityDays: z.number().int(),
  instalments: z.number().int(),
  note: z.string(),
  items: z.array(ZItemSchema),
});
export type TPolicy = z.infer<typeof ZPolicySchema>;

/** Facts typed by an officer (each is "录入" evidence); the date is the day asked about. */
export const ZFactsSchema = z.strictObject({
  birth: ZDate.nullable().optional(),
  degrees: z
    .array(z.strictObject({ level: z.enum(DEGREE_LEVELS), abroad: z.boolean() }))
    .max(10)
    .optional(),
  tierCode: z.string().trim().max(20).nullable().optional(),
  socialInsuranceMonths: count('社保月数', 600).nullable().optional(),
  incomeTaxMonths: count('个税月数', 600).nullable().optional(),
  contractYears: count('合同年限', 50).nullable().optional(),
  returnedOn: ZDate.nullable().optional(),
  employerInDistrict: z.boolean().nullable().optional(),
  paidItems: z.array(z.string().trim().max(40)).max(50).optional(),
});
export type TFacts = z.infer<typeof ZFactsSchema>;

export const ZEvaluateSchema = z
  .strictObject({ on: ZDate, personId: id.optional(), facts: ZFactsSchema.optional() })
  .refine((b) => (b.personId === undefined) !== (b.facts === undefined), { message: '请选择人才或录入事实（二选一）', path: ['personId'] });
export type TEvaluate = z.infer<typeof ZEvaluateSchema>;

export const ZConditionResultSchema = z.object({
  key: z.string(),
  item: z.string(),
  met: z.boolean(),
  reason: z.string(),
  source: z.string(),
});
export const ZEvaluationSchema = z.object({
  eligible: z.boolean(),
  conditions: z.array(ZConditionResultSchema),
  amountFen: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      versionOn: z.string().nullable(),
      eligible: z.boolean(),
      amountFen: z.number().int(),
      conditions: z.array(ZConditionResultSchema),
    }),
  ),
});
export type TEvaluation = z.infer<typeof ZEvaluationSchema>;

/** One policy evaluated for the registered talents in scope (or those who applied to a call), a page at a time. */
export const ZEvaluationsQuery = z.strictObject({
  on: ZDate,
  callId: z.coerce.number().int().positive().optional(),
  /** The last person id of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TEvaluationsQuery = z.infer<typeof ZEvaluationsQuery>;
export const ZEvaluationsPageSchema = z.object({
  items: z.array(
    z.object({
      personId: id,
      name: z.string(),
      eligible: z.boolean(),
      amountFen: z.number().int(),
      conditions: z.array(ZConditionResultSchema),
    }),
  ),
  nextCursor: z.number().int().nullable(),
});
export type TEvaluationsPage = z.infer<typeof ZEvaluationsPageSchema>;

export const ZCallCreateSchema = z.strictObject({
  policyId: id,
  title: text(120, '申报计划名称'),
  opensOn: ZDate,
  closesOn: ZDate,
  requiredAttachments: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  note: optText(500, '说明'),
});
export type TCallCreate = z.infer<typeof ZCallCreateSchema>;

export const ZCallSchema = z.object({
  id,
  policyId: id,
  policyDocNo: z.string(),
  policyTitle: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  requiredAttachments: z.array(z.string()),
  note: z.string(),
  items: z.array(z.object({ id, code: z.string(), name: z.string() })),
  applications: z.number().int(),
});
export type TCall = z.infer<typeof ZCallSchema>;

export const ZApplicationCreateSchema = z.strictObject({
  callId: id,
  itemId: id,
  /** The person applied for: an employer names one of its staff; an applicant leaves it out (their own record). */
  personId: id.optional(),
  socialInsuranceMonths: count('社保月数', 600).nullable().default(null),
  incomeTaxMonths: count('个税月数', 600).nullable().default(null),
  contractYears: count('合同年限', 50).nullable().default(null),
  statement: optText(2000, '申报说明'),
});
export type TApplicationCreate = z.infer<typeof ZApplicationCreateSchema>;

export const ZApplicationCorrectSchema = z.strictObject({
  socialInsuranceMonths: count('社保月数', 600).nullable().optional(),
  incomeTaxMonths: count('个税月数', 600).nullable().optional(),
  contractYears: count('合同年限', 50).nullable().optional(),
  statement: z.string().trim().max(2000, '申报说明不超过 2000 字').optional(),
});
export type TApplicationCorrect = z.infer<typeof ZApplicationCorrectSchema>;

export const REVIEW_STEPS = ['employer', 'district', 'city', 'expert'] as const;
export const ZDecisionSchema = z.strictObject({
  outcome: z.enum(['pass', 'return', 'refuse']),
  reason: z.string().trim().max(500, '理由不超过 500 字').default(''),
  /** When the decision opens the 公示: the day the notice is posted (default the next working day). */
  publicityStartsOn: ZDate.optional(),
});
export type TDecision = z.infer<typeof ZDecisionSchema>;

export const ZExpertScoreSchema = z.strictObject({
  score: z.number().int('评分应为整数').min(0, '评分为 0–100').max(100, '评分为 0–100'),
  comment: optText(500, '评审意见'),
});
export type TExpertScore = z.infer<typeof ZExpertScoreSchema>;

export const ZObjectionCreateSchema = z.strictObject({ receivedOn: ZDate, content: text(1000, '反映内容') });
export const ZObjectionHandleSchema = z.strictObject({ outcome: z.enum(['upheld', 'dismissed']), handling: text(500, '处理意见') });
export const ZPayoutReleaseSchema = z.strictObject({
  onJob: z.boolean(),
  checkedOn: ZDate,
  note: text(200, '在岗核查情况'),
});
export const ZClawbackSchema = z.strictObject({
  cause: z.enum(['departure', 'fraud']),
  amountFen: amountFen.refine((n) => n > 0, '追回金额应大于 0'),
  reason: text(500, '追回理由'),
});
export type TClawback = z.infer<typeof ZClawbackSchema>;

export const ZStepSchema = z.object({
  id,
  step: z.string(),
  outcome: z.string(),
  reason: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  byName: z.string(),
  at: z.string(),
});
export const ZAttachmentMetaSchema = z.object({
  id,
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export const ZPayoutSchema = z.object({
  id,
  seq: z.number().int(),
  dueOn: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['scheduled', 'released', 'cancelled']),
  checkedOn: z.string().nullable(),
  checkNote: z.string(),
  releasedOn: z.string().nullable(),
});
export const ZObjectionSchema = z.object({
  id,
  receivedOn: z.string(),
  content: z.string(),
  outcome: z.enum(['upheld', 'dismissed']).nullable(),
  handling: z.string(),
});

export const ZApplicationRowSchema = z.object({
  id,
  callId: id,
  callTitle: z.string(),
  policyDocNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  personId: id,
  personName: z.string(),
  employerName: z.string().nullable(),
  districtName: z.string(),
  appliedAs: z.enum(['self', 'employer']),
  status: z.enum(APPLICATION_STATUSES),
  submittedOn: z.string().nullable(),
  stepDueOn: z.string().nullable(),
  publicityEndsOn: z.string().nullable(),
  amountFen: z.number().int().nullable(),
});
export type TApplicationRow = z.infer<typeof ZApplicationRowSchema>;

export const ZApplicationSchema = ZApplicationRowSchema.extend({
  socialInsuranceMonths: z.number().int().nullable(),
  incomeTaxMonths: z.number().int().nullable(),
  contractYears: z.number().int().nullable(),
  statement: z.string(),
  publicityStartsOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  resubmissions: z.number().int(),
  requiredAttachments: z.array(z.string()),
  expertReview: z.boolean(),
  evaluation: ZEvaluationSchema.nullable(),
  steps: z.array(ZStepSchema),
  attachments: z.array(ZAttachmentMetaSchema),
  objections: z.array(ZObjectionSchema),
  payouts: z.array(ZPayoutSchema),
  expertScores: z.array(z.object({ expertName: z.string(), score: z.number().int(), comment: z.string() })),
  paidFen: z.number().int(),
  clawedBackFen: z.number().int(),
});
export type TApplication = z.infer<typeof ZApplicationSchema>;

export const ZApplicationListQuery = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  callId: z.coerce.number().int().positive().optional(),
  policyId: z.coerce.number().int().positive().optional(),
  districtId: z.coerce.number().int().positive().optional(),
  employerId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(40).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TApplicationListQuery = z.infer<typeof ZApplicationListQuery>;
export const ZApplicationPageSchema = z.object({
  items: z.array(ZApplicationRowSchema),
  nextCursor: z.number().int().nullable(),
  total: z.number().int(),
});
export type TApplicationPage = z.infer<typeof ZApplicationPageSchema>;

export const ZLedgerRowSchema = z.object({
  id,
  applicationId: id,
  personName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(['payout', 'clawback']),
  amountFen: z.number().int(),
  bookedOn: z.string(),
  reason: z.string(),
});
export type TLedgerRow = z.infer<typeof ZLedgerRowSchema>;
export const ZLedgerQuery = z.strictObject({ from: ZDate.optional(), to: ZDate.optional() });
export const ZLedgerExportQuery = z.strictObject({
  from: ZDate.optional(),
  to: ZDate.optional(),
  purpose: z.string().trim().min(2, '请填写导出用途').max(200),
});
export const ZLedgerSchema = z.object({ items: z.array(ZLedgerRowSchema), paidFen: z.number().int(), clawedBackFen: z.number().int() });
export type TLedger = z.infer<typeof ZLedgerSchema>;

export const ZPersonPickSchema = z.object({ id, name: z.string(), employerName: z.string().nullable(), tierCode: z.string().nullable() });
export type TPersonPick = z.infer<typeof ZPersonPickSchema>;

/** A choice in a filter (districts, employers). */
export const ZOptionSchema = z.object({ id, name: z.string() });
export type TOption = z.infer<typeof ZOptionSchema>;

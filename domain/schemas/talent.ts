// API schemas of the talent registry, the card, tier sets, 人才分类认定, 柔性引才 agreements and the evaluation
// of 显绩 and 潜绩 (issue 15 points 1–3 and 7; RULES.md §8, PILLARS.md §5).
import { z } from 'zod';
import { ZDate } from './common';
import { CARD_STATES } from '../rules/talent-card';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

export const RECRUITMENTS = ['full_time', 'flexible'] as const;
export const TALENT_STATUSES = ['active', 'left'] as const;
export const RECOGNITION_STATUSES = [
  'draft',
  'employer_review',
  'district_review',
  'city_review',
  'expert_review',
  'publicity',
  'granted',
  'refused',
  'returned',
] as const;
export const RECOGNITION_CHANNELS = ['self', 'employer', 'officer'] as const;

export const ZDegreeSchema = z.strictObject({
  /** 博士 / 硕士 / 学士 / 专科 */
  level: text(10, '学位层次'),
  degree: optText(40, '学位名称'),
  school: text(60, '毕业院校'),
  country: optText(30, '国家或地区'),
  abroad: z.boolean().default(false),
  obtainedOn: ZDate.nullable().default(null),
});
export type TDegree = z.infer<typeof ZDegreeSchema>;
export const ZTitleSchema = z.strictObject({
  title: text(40, '职称名称'),
  /** 正高 / 副高 / 中级 / 初级 */
  level: optText(10, '职称级别'),
  obtainedOn: ZDate.nullable().default(null),
});
export type TTitle = z.infer<typeof ZTitleSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^$|^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确')
  .default('');
const email = z
  .string()
  .trim()
  .max(80, '电子邮箱不超过 80 字')
  .regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, '电子邮箱格式不正确')
  .default('');

/** The fields an officer types; a person linked to a member or cadre takes name, sex, birth and ID from it. */
const personFields = {
  memberId: id.nullable().default(null),
  cadreId: id.nullable().default(null),
  name: optText(30, '姓名'),
  sex: z.enum(['男', '女', '']).default(''),
  birth: ZDate.nullable().default(null),
  idNumber: z.string().trim().max(18, '身份证号为 18 位').nullable().default(null),
  nationality: optText(30, '国籍'),
  phone,
  email,
  employerId: id.nullable().default(null),
  /** The district the talent lies in: the employer's when there is one. */
  districtOrgId: id.nullable().default(null),
  field: optText(40, '专业领域'),
  industry: optText(40, '行业'),
  recruitment: z.enum(RECRUITMENTS).default('full_time'),
  degrees: z.array(ZDegreeSchema).max(10, '学位最多 10 条').default([]),
  titles: z.array(ZTitleSchema).max(10, '职称最多 10 条').default([]),
  returnedOn: ZDate.nullable().default(null),
};
export const ZTalentCreateSchema = z.strictObject(personFields);
export type TTalentCreate = z.infer<typeof ZTalentCreateSchema>;
export const ZTalentUpdateSchema = z.strictObject({
  ...personFields,
  status: z.enum(TALENT_STATUSES).default('active'),
  leftOn: ZDate.nullable().default(null),
  version: z.number().int().positive(),
});
export type TTalentUpdate = z.infer<typeof ZTalentUpdateSchema>;

export const ZTalentRowSchema = z.object({
  id,
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  employerId: id.nullable(),
  employerName: z.string().nullable(),
  districtOrgId: id,
  districtName: z.string(),
  field: z.string(),
  industry: z.string(),
  recruitment: z.enum(RECRUITMENTS),
  tierId: id.nullable(),
  tierName: z.string().nullable(),
  tierSetName: z.string().nullable(),
  cardNo: z.string().nullable(),
  cardExpiresOn: z.string().nullable(),
  status: z.enum(TALENT_STATUSES),
  linked: z.enum(['member', 'cadre', 'none']),
});
export type TTalentRow = z.infer<typeof ZTalentRowSchema>;
export const ZTalentPageSchema = z.object({ items: z.array(ZTalentRowSchema), total: z.number().int(), nextCursor: z.string().nullable() });
export type TTalentPage = z.infer<typeof ZTalentPageSchema>;

export const ZTalentListQuery = z.strictObject({
  q: z.string().trim().max(30).optional(),
  tierId: z.coerce.number().int().positive().optional(),
  field: z.string().trim().max(40).optional(),
  industry: z.string().trim().max(40).optional(),
  employerId: z.coerce.number().int().positive().optional(),
  districtOrgId: z.coerce.number().int().positive().optional(),
  recruitment: z.enum(RECRUITMENTS).optional(),
  status: z.enum(TALENT_STATUSES).optional(),
  /** Cards expiring on or before this day (renewals due). */
  cardExpiresBy: ZDate.optional(),
  /** The card's state today: none, valid (expiring included), expiring within the renewal window, expired. */
  card: z.enum(CARD_STATES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TTalentListQuery = z.infer<typeof ZTalentListQuery>;

export const ZTalentHistorySchema = z.object({
  id,
  at: z.string(),
  change: z.string(),
  userName: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export const ZTalentDocumentSchema = z.object({
  id,
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  recognitionId: id.nullable(),
  uploadedAt: z.string(),
});
export type TTalentDocument = z.infer<typeof ZTalentDocumentSchema>;

export const ZEvaluationSchema = z.object({
  id,
  year: z.number().int(),
  scores: z.record(z.string(), z.number()),
  notes: z.record(z.string(), z.string()),
  achieved: z.number(),
  potential: z.number(),
  total: z.number(),
  evaluatedAt: z.string(),
});
export type TEvaluation = z.infer<typeof ZEvaluationSchema>;

export const ZTalentSchema = z.object({
  ...ZTalentRowSchema.shape,
  memberId: id.nullable(),
  cadreId: id.nullable(),
  userId: id.nullable(),
  idMasked: z.string().nullable(),
  nationality: z.string(),
  phone: z.string(),
  email: z.string(),
  degrees: z.array(ZDegreeSchema),
  titles: z.array(ZTitleSchema),
  returnedOn: z.string().nullable(),
  cardIssuedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  version: z.number().int(),
  history: z.array(ZTalentHistorySchema),
  documents: z.array(ZTalentDocumentSchema),
  evaluations: z.array(ZEvaluationSchema),
});
export type TTalent = z.infer<typeof ZTalentSchema>;

/** Grant or renew a card: the tier (of a set in force), the issue day; the expiry follows the tier's card_years. */
export const ZCardIssueSchema = z.strictObject({
  tierId: id,
  issuedOn: ZDate,
  note: optText(200, '说明'),
  version: z.number().int().positive(),
});
export type TCardIssue = z.infer<typeof ZCardIssueSchema>;

// ---- tier sets ----
export const ZTierSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  cardYears: z.number().int(),
  expertReview: z.boolean(),
  description: z.string(),
});
export type TTier = z.infer<typeof ZTierSchema>;
export const ZCriterionSchema = z.object({ code: z.string(), name: z.string(), weight: z.number().int() });
export const ZTierSetSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  effectiveOn: z.string(),
  supersededOn: z.string().nullable(),
  source: z.string(),
  publicityDays: z.number().int(),
  inForce: z.boolean(),
  tiers: z.array(ZTierSchema),
  criteria: z.array(ZCriterionSchema),
});
export type TTierSet = z.infer<typeof ZTierSetSchema>;
export const ZTierSetCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,30}$/, '代码为 1–30 位字母、数字、- 或 _'),
  name: text(60, '名称'),
  effectiveOn: ZDate,
  source: text(200, '依据'),
  publicityDays: z.number().int().min(1, '公示天数至少 1 个工作日').max(30, '公示天数不超过 30 个工作日').default(5),
  tiers: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{1,10}$/, '层次代码为 1–10 位字母或数字'),
        name: text(30, '层次名称'),
        cardYears: z.number().int().min(1, '有效期至少 1 年').max(20, '有效期不超过 20 年'),
        expertReview: z.boolean().default(false),
        description: optText(300, '层次说明'),
      }),
    )
    .min(1, '至少设置一个人才层次')
    .max(12, '人才层次不超过 12 个'),
  criteria: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9_]{1,20}$/, '评审指标代码格式不正确'),
        name: text(40, '评审指标'),
        weight: z.number().int().min(1).max(100),
      }),
    )
    .max(10, '评审指标不超过 10 项')
    .default([]),
});
export type TTierSetCreate = z.infer<typeof ZTierSetCreateSchema>;

// ---- structure ----
export const STRUCTURE_DIMENSIONS = ['tier', 'field', 'employer', 'district', 'recruitment', 'industry'] as const;
export const ZStructureQuery = z.strictObject({ by: z.enum(STRUCTURE_DIMENSIONS) });
export const ZStructureSchema = z.object({
  by: z.enum(STRUCTURE_DIMENSIONS),
  total: z.number().int(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), flexible: z.number().int() })),
});
export type TStructure = z.infer<typeof ZStructureSchema>;
/** The home dashboard's talent panel: the registry's size and structure in one cheap read. */
export const ZTalentPanelSchema = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  today: ZDate,
  total: z.number().int(),
  flexible: z.number().int(),
  carded: z.number().int(),
  expiring: z.number().int(),
  expired: z.number().int(),
  recognitionsOpen: z.number().int(),
  byTier: ZStructureSchema.shape.rows,
  byDistrict: ZStructureSchema.shape.rows,
});
export type TTalentPanel = z.infer<typeof ZTalentPanelSchema>;
/** The export takes the list's filters (what the officer sees is what is exported) and its purpose. */
export const ZExportQuery = ZTalentListQuery.omit({ cursor: true, limit: true }).extend({
  purpose: z.string().trim().min(2, '请填写导出用途').max(100, '导出用途不超过 100 字'),
});
export type TTalentFilter = Omit<TTalentListQuery, 'cursor' | 'limit'>;

// ---- 人才分类认定 ----
export const ZRecognitionCreateSchema = z.strictObject({
  personId: id,
  tierId: id,
  basis: text(2000, '认定依据'),
  resume: optText(4000, '个人简历'),
});
export type TRecognitionCreate = z.infer<typeof ZRecognitionCreateSchema>;
export const ZRecognitionResubmitSchema = z.strictObject({
  tierId: id,
  basis: text(2000, '认定依据'),
  resume: optText(4000, '个人简历'),
  version: z.number().int().positive(),
});
export type TRecognitionResubmit = z.infer<typeof ZRecognitionResubmitSchema>;
export const RECOGNITION_OUTCOMES = ['pass', 'return', 'refuse'] as const;
export const ZRecognitionDecideSchema = z.strictObject({
  outcome: z.enum(RECOGNITION_OUTCOMES),
  reason: optText(1000, '理由'),
  version: z.number().int().positive(),
});
export type TRecognitionDecide = z.infer<typeof ZRecognitionDecideSchema>;
export const ZExpertAssignSchema = z.strictObject({
  expertIds: z.array(id).min(1, '请选择评审专家').max(9, '评审专家不超过 9 人'),
  version: z.number().int().positive(),
});
export type TExpertAssign = z.infer<typeof ZExpertAssignSchema>;
export const ZExpertAccountSchema = z.object({ id, name: z.string() });
export type TExpertAccount = z.infer<typeof ZExpertAccountSchema>;
export const ZExpertScoreSchema = z.strictObject({
  scores: z.record(z.string().regex(/^[a-z0-9_]{1,20}$/), z.number().int().min(0, '评分不低于 0').max(100, '评分不超过 100')),
  opinion: optText(1000, '评审意见'),
});
export type TExpertScore = z.infer<typeof ZExpertScoreSchema>;
export const ZObjectionSchema = z.strictObject({
  receivedOn: ZDate,
  content: text(1000, '异议内容'),
  handling: text(1000, '处理情况'),
});
export type TObjection = z.infer<typeof ZObjectionSchema>;
export const ZPublicityEndSchema = z.strictObject({
  outcome: z.enum(['grant', 'refuse']),
  reason: optText(1000, '理由'),
  version: z.number().int().positive(),
});
export type TPublicityEnd = z.infer<typeof ZPublicityEndSchema>;

export const ZRecognitionRowSchema = z.object({
  id,
  personId: id,
  personName: z.string(),
  employerName: z.string().nullable(),
  tierId: id,
  tierName: z.string(),
  channel: z.enum(RECOGNITION_CHANNELS),
  status: z.enum(RECOGNITION_STATUSES),
  submittedAt: z.string(),
  publicityFrom: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  version: z.number().int(),
});
export type TRecognitionRow = z.infer<typeof ZRecognitionRowSchema>;
export const ZRecognitionSchema = z.object({
  ...ZRecognitionRowSchema.shape,
  basis: z.string(),
  resume: z.string(),
  reason: z.string(),
  decidedOn: z.string().nullable(),
  expertReview: z.boolean(),
  expertScore: z.number().nullable(),
  steps: z.array(z.object({ step: z.string(), outcome: z.string(), reason: z.string(), userName: z.string().nullable(), at: z.string() })),
  /** Each expert; scores shown only once every expert has scored (and never to another expert before). */
  experts: z.array(
    z.object({
      expertId: id,
      name: z.string(),
      scored: z.boolean(),
      total: z.number().nullable(),
      scores: z.record(z.string(), z.number()).nullable(),
      opinion: z.string().nullable(),
    }),
  ),
  criteria: z.array(ZCriterionSchema),
  objections: z.array(z.object({ id, receivedOn: z.string(), content: z.string(), handling: z.string() })),
  documents: z.array(ZTalentDocumentSchema),
});
export type TRecognition = z.infer<typeof ZRecognitionSchema>;
export const ZRecognitionListQuery = z.strictObject({
  status: z.enum(RECOGNITION_STATUSES).optional(),
  personId: z.coerce.number().int().positive().optional(),
});
export type TRecognitionListQuery = z.infer<typeof ZRecognitionListQuery>;
/** The applicant's side (/api/talent-portal): a draft for oneself (personId implied) or for a staff member. */
export const ZOwnRecognitionCreateSchema = ZRecognitionCreateSchema.partial({ personId: true });
export type TOwnRecognitionCreate = z.infer<typeof ZOwnRecognitionCreateSchema>;
export const ZOwnRecognitionRowSchema = ZRecognitionRowSchema.extend({ reason: z.string() });
export type TOwnRecognitionRow = z.infer<typeof ZOwnRecognitionRowSchema>;
export const ZRecognitionTierOptionSchema = z.object({ id, name: z.string(), setName: z.string(), expertReview: z.boolean() });
export type TRecognitionTierOption = z.infer<typeof ZRecognitionTierOptionSchema>;

// 柔性引才 agreements: domain/schemas/talent-agreements.ts; indicators and evaluations: talent-evaluations.ts.

/** An employer as the office's pickers list it (GET /api/talent/employers). */
export const ZTalentEmployerOptionSchema = z.object({
  id,
  name: z.string(),
  districtOrgId: z.number(),
  districtName: z.string(),
  industry: z.string(),
  kind: z.string(),
});
export type TTalentEmployerOption = z.infer<typeof ZTalentEmployerOptionSchema>;

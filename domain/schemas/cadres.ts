// API schemas of the cadre file (issue 12 points 1, 3, 6; docs/api.md "Cadres"): the list, one file with
// all its sections, the edit of each section, the 三龄二历 review, the history and the cadre's own
// correction requests. The 任免审批表 itself is ZCadreSheet (cadre-sheet.ts); the form view here is that
// value without the identity number (masked instead) and the photo (fetched on its own).
import { z } from 'zod';
import { ASSESSMENT_GRADES, LEVELS, REVIEW_ITEMS } from '../cadre-codes';
import { ZCursorQuery, ZDate } from './common';
import { ZCadreSheet, ZEducationRow, ZPartialDate, ZResumeLine } from './cadre-sheet';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const required = (max: number, what: string) => text(max).min(1, `请填写${what}`);
const idNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位（最后一位可为 X）');
const id = z.number().int().positive();
/** The version of the file the editor saw: a stale edit is refused (409). */
const version = z.number().int().positive();
/** Why a reviewed 三龄二历 item changes (required then, RULES.md §7 / issue 12.3). */
const reason = text(500).optional();

export const CADRE_STATUSES = ['active', 'left'] as const;

// ---------------------------------------------------------------- list

export const ZCadreListQuery = z.strictObject({
  /** A name infix, pinyin initials (Latin letters) or a full identity number. */
  q: text(50).optional(),
  /** The managing organization (干部管理权限): its subtree. */
  managerOrgId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  level: z.enum(LEVELS).optional(),
  status: z.enum([...CADRE_STATUSES, 'all']).default('active'),
  ...ZCursorQuery,
});
export type TCadreListQuery = z.infer<typeof ZCadreListQuery>;
/** The list's filters as the web keeps them (the page cursor and size apart). */
export type TCadreFilter = Partial<Omit<TCadreListQuery, 'cursor' | 'limit'>>;

export const ZCadreRowSchema = z.object({
  id,
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  age: z.number().int().nullable(),
  currentTitle: z.string(),
  unitName: z.string().nullable(),
  level: z.string().nullable(),
  rankTitle: z.string(),
  managerOrgId: id,
  managerOrgName: z.string(),
  status: z.string(),
  memberLinked: z.boolean(),
});
export type TCadreRow = z.infer<typeof ZCadreRowSchema>;
export const ZCadreListSchema = z.object({ items: z.array(ZCadreRowSchema), nextCursor: z.string().nullable() });
export type TCadreList = z.infer<typeof ZCadreListSchema>;

// ---------------------------------------------------------------- sections (input)

/** The basic fields of the file. Identity (name, sex, birth, ethnicity, ID number, 入党时间) of a cadre who
 * is a Party member is kept on the member record and refused here. */
const basic = {
  name: text(100).min(2, '姓名至少 2 个字'),
  sex: z.enum(['男', '女', '']),
  birth: ZPartialDate.nullable(),
  ethnicity: text(50),
  idNumber: idNumber.nullable(),
  nativePlace: text(100),
  birthPlace: text(100),
  partyJoin: ZPartialDate.nullable(),
  partyName: text(100),
  political: text(50),
  workStart: ZPartialDate.nullable(),
  health: text(100),
  proTitle: text(200),
  expertise: text(500),
  background: text(100),
  grassrootsMonths: z.number().int().min(0).max(720).nullable(),
};

const optionalBasic = z.object(basic).partial().shape;

export const ZCadreCreateSchema = z.strictObject({
  managerOrgId: id,
  /** The Party member this cadre is: identity is then read from the member record. */
  memberId: id.optional(),
  ...optionalBasic,
});
export type TCadreCreate = z.infer<typeof ZCadreCreateSchema>;

export const ZCadreBasicUpdateSchema = z.strictObject({
  version,
  reason,
  ...optionalBasic,
  managerOrgId: id.optional(),
  /** The cadre's own account (for "my file" and correction requests); null unlinks it. */
  userId: id.nullable().optional(),
  status: z.enum(CADRE_STATUSES).optional(),
  leftOn: ZDate.nullable().optional(),
  leftReason: text(100).nullable().optional(),
});
export type TCadreBasicUpdate = z.infer<typeof ZCadreBasicUpdateSchema>;

export const ZCadreEducationSchema = z.strictObject({ version, reason, fullTime: ZEducationRow, inService: ZEducationRow });
export type TCadreEducation = z.infer<typeof ZCadreEducationSchema>;

/** The 简历 as structured lines, or as the standard line text (YYYY.MM--YYYY.MM␠␠经历, parsed by domain/rules/cadre-resume.ts). */
export const ZCadreResumeSchema = z
  .strictObject({ version, reason, lines: z.array(ZResumeLine).max(200).optional(), text: z.string().max(50_000).optional() })
  .refine((b) => (b.lines === undefined) !== (b.text === undefined), {
    message: '请提供简历的逐行记录或整段文本（二选一）',
    path: ['lines'],
  });
export type TCadreResume = z.infer<typeof ZCadreResumeSchema>;

export const ZAppointmentInput = z.strictObject({
  version,
  title: required(200, '职务'),
  unitId: id.nullable().optional(),
  postId: id.nullable().optional(),
  level: z.enum(LEVELS).nullable().optional(),
  principal: z.boolean().default(false),
  /** 任职时间: the 党委（党组） decision date (for elected posts the election date), RULES.md §7. */
  decidedOn: ZDate,
  docNo: text(100).default(''),
  probationUntil: ZDate.nullable().optional(),
  concurrent: z.boolean().default(false),
});
export type TAppointmentInput = z.infer<typeof ZAppointmentInput>;

export const ZAppointmentEnd = z.strictObject({
  version,
  endedOn: ZDate,
  endDocNo: text(100).nullable().optional(),
  endReason: text(200).nullable().optional(),
});
export type TAppointmentEnd = z.infer<typeof ZAppointmentEnd>;

export const ZRankInput = z.object({
  title: required(100, '职级'),
  level: z.enum(LEVELS).nullable().default(null),
  decidedOn: ZDate,
  docNo: text(100).default(''),
  endedOn: ZDate.nullable().default(null),
});
export const ZCadreRanksSchema = z.strictObject({ version, items: z.array(ZRankInput).max(50) });
export type TCadreRanks = z.infer<typeof ZCadreRanksSchema>;

export const ZRewardInput = z.object({
  kind: z.enum(['reward', 'punishment']),
  onDate: ZDate.nullable().default(null),
  text: required(1000, '奖惩内容'),
  /** Shown on the 任免审批表 (奖惩情况). */
  onForm: z.boolean().default(true),
  /** A punishment's influence period ends on this day. */
  until: ZDate.nullable().default(null),
});
export const ZCadreRewardsSchema = z.strictObject({ version, items: z.array(ZRewardInput).max(100) });
export type TCadreRewards = z.infer<typeof ZCadreRewardsSchema>;

export const ZAssessmentInput = z.object({
  year: z.number().int().min(1950).max(2100),
  grade: z.enum(ASSESSMENT_GRADES),
  note: text(200).default(''),
});
export const ZCadreAssessmentsSchema = z.strictObject({ version, items: z.array(ZAssessmentInput).max(80) });
export type TCadreAssessments = z.infer<typeof ZCadreAssessmentsSchema>;

export const ZFamilyInput = z.object({
  relation: required(50, '称谓'),
  name: required(100, '姓名'),
  birth: ZPartialDate.nullable().default(null),
  political: text(50).default(''),
  workPost: text(300).default(''),
  deceased: z.boolean().default(false),
  /** 配偶、子女移居国（境）外: the country or region, and the status (取得外国国籍, 取得永久居留资格, 长期居住…). */
  abroadCountry: text(50).nullable().default(null),
  abroadStatus: text(50).nullable().default(null),
});
export const ZCadreFamilySchema = z.strictObject({ version, items: z.array(ZFamilyInput).max(50) });
export type TCadreFamily = z.infer<typeof ZCadreFamilySchema>;

export const ZCadreReviewInput = z.strictObject({
  item: z.enum(REVIEW_ITEMS),
  /** The source material the item was checked against (干部档案 入党志愿书, 招工登记表…). */
  source: required(200, '核对依据的材料'),
  note: text(500).default(''),
});
export type TCadreReviewInput = z.infer<typeof ZCadreReviewInput>;

// ---------------------------------------------------------------- one file (output)

export const ZAppointmentSchema = z.object({
  id,
  title: z.string(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  postId: id.nullable(),
  level: z.string().nullable(),
  principal: z.boolean(),
  decidedOn: z.string(),
  docNo: z.string(),
  probationUntil: z.string().nullable(),
  endedOn: z.string().nullable(),
  endDocNo: z.string().nullable(),
  endReason: z.string().nullable(),
  concurrent: z.boolean(),
});
export type TAppointment = z.infer<typeof ZAppointmentSchema>;

export const ZReviewStatusSchema = z.object({
  item: z.enum(REVIEW_ITEMS),
  reviewed: z.boolean(),
  /** The value as confirmed, and who confirmed it against what. */
  value: z.string().nullable(),
  source: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type TReviewStatus = z.infer<typeof ZReviewStatusSchema>;

/** The 任免审批表 as shown on screen: the sheet without the identity number (masked) and the photo. */
export const ZCadreFormSchema = ZCadreSheet.omit({ idNumber: true, photo: true, extras: true, version: true }).extend({
  idMasked: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** Age in full years at 计算年龄时间 (today when the form names none). */
  age: z.number().int().nullable(),
});
export type TCadreForm = z.infer<typeof ZCadreFormSchema>;

export const ZCadreFileSchema = z.object({
  id,
  version: z.number().int(),
  status: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  memberId: id.nullable(),
  userId: id.nullable(),
  managerOrgId: id,
  managerOrgName: z.string(),
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  age: z.number().int().nullable(),
  ethnicity: z.string(),
  idMasked: z.string().nullable(),
  nativePlace: z.string(),
  birthPlace: z.string(),
  partyJoin: z.string().nullable(),
  partyName: z.string(),
  political: z.string(),
  workStart: z.string().nullable(),
  health: z.string(),
  proTitle: z.string(),
  expertise: z.string(),
  background: z.string(),
  grassrootsMonths: z.number().int().nullable(),
  fullTime: ZEducationRow,
  inService: ZEducationRow,
  eduRank: z.number().int().nullable(),
  resume: z.array(ZResumeLine),
  rankTitle: z.string(),
  level: z.string().nullable(),
  currentTitle: z.string(),
  currentSince: z.string().nullable(),
  hasPhoto: z.boolean(),
  appointments: z.array(ZAppointmentSchema),
  ranks: z.array(
    z.object({
      id,
      title: z.string(),
      level: z.string().nullable(),
      decidedOn: z.string(),
      docNo: z.string(),
      endedOn: z.string().nullable(),
    }),
  ),
  rewards: z.array(ZRewardInput.extend({ id, text: z.string() })),
  assessments: z.array(z.object({ year: z.number().int(), grade: z.string(), note: z.string() })),
  family: z.array(ZFamilyInput.extend({ id, relation: z.string(), name: z.string(), birth: z.string().nullable() })),
  reviews: z.array(ZReviewStatusSchema),
  pendingCorrections: z.number().int(),
  form: ZCadreFormSchema,
});
export type TCadreFile = z.infer<typeof ZCadreFileSchema>;

export const ZCadreHistorySchema = z.object({
  items: z.array(
    z.object({
      id,
      section: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      at: z.string(),
      reason: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type TCadreHistory = z.infer<typeof ZCadreHistorySchema>;

export const ZCadreRevealIdSchema = z.object({ idNumber: z.string() });

// ---------------------------------------------------------------- the cadre's own page and corrections

/** The fields a cadre may ask to correct; `other` is a free request the officer carries out by hand. */
export const CORRECTABLE_FIELDS = [
  'name',
  'sex',
  'birth',
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'partyJoin',
  'workStart',
  'health',
  'proTitle',
  'expertise',
  'fullTime.level',
  'fullTime.degree',
  'fullTime.levelSchool',
  'fullTime.degreeSchool',
  'inService.level',
  'inService.degree',
  'inService.levelSchool',
  'inService.degreeSchool',
  'other',
] as const;
export type TCorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const ZCorrectionRequestSchema = z.strictObject({
  field: z.enum(CORRECTABLE_FIELDS),
  proposedValue: text(2000),
  reason: required(500, '更正理由'),
  /** Evidence (PDF, JPG or PNG, at most 512 KB), base64. */
  evidence: z
    .strictObject({ name: required(100, '文件名'), base64: z.string().max(700_000, '证明材料不能超过 512 KB') })
    .nullable()
    .optional(),
});
export type TCorrectionRequest = z.infer<typeof ZCorrectionRequestSchema>;

export const ZCorrectionDecisionSchema = z.strictObject({ note: text(500).default('') });
export type TCorrectionDecision = z.infer<typeof ZCorrectionDecisionSchema>;

export const CORRECTION_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export const ZCorrectionListQuery = z.strictObject({ status: z.enum([...CORRECTION_STATUSES, 'all']).default('pending') });

export const ZCorrectionSchema = z.object({
  id,
  cadreId: id,
  cadreName: z.string(),
  field: z.string(),
  currentValue: z.string(),
  proposedValue: z.string(),
  reason: z.string(),
  evidenceName: z.string().nullable(),
  status: z.enum(CORRECTION_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TCorrection = z.infer<typeof ZCorrectionSchema>;
export const ZCorrectionListSchema = z.object({ items: z.array(ZCorrectionSchema) });
export type TCorrectionList = z.infer<typeof ZCorrectionListSchema>;

export const ZCadreMeSchema = z.object({ id, form: ZCadreFormSchema, reviews: z.array(ZReviewStatusSchema) });
export type TCadreMe = z.infer<typeof ZCadreMeSchema>;

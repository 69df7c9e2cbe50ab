// API schemas of the cadre assessment (issue 13 point 4; RULES.md §7): the annual assessment per
// assessment unit with its 优秀 quota, the consequences over years, 平时考核 and 专项考核 records.
import { z } from 'zod';
import { ASSESSMENT_GRADES } from '../cadre-codes';
import { ANNUAL_GRADES, ONGOING_GRADES, type ConsequenceKind } from '../rules/assessment';
import { ZDate } from './common';

export const ASSESSMENT_UNIT_STATUSES = ['draft', 'submitted', 'returned', 'confirmed'] as const;
export type TAssessmentUnitStatus = (typeof ASSESSMENT_UNIT_STATUSES)[number];
export const CONSEQUENCE_KINDS = [
  'commendation',
  'merit-third-class',
  'admonition',
  'no-promotion',
  'demotion',
  'dismissal',
] as const satisfies readonly ConsequenceKind[];

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const ZYear = z.coerce.number().int().min(1990, '年度不早于 1990').max(2200, '年度有误');

export const ZUnitListQuery = z.strictObject({
  year: ZYear,
  /** The managing organization (its subtree): the actor's own when absent. */
  orgId: z.coerce.number().int().positive().optional(),
});

export const ZUnitCreateSchema = z.strictObject({
  year: ZYear,
  name: text(80, '考核单位名称'),
  /** The managing organization (干部管理权限): the actor's own when absent. */
  orgId: id.optional(),
  /** Take the cadres currently serving in this unit. */
  cadreUnitId: id.optional(),
  /** And/or these cadres. */
  cadreIds: z.array(id).max(2000).optional(),
});
export type TUnitCreate = z.infer<typeof ZUnitCreateSchema>;

export const ZGradeValue = z.enum(ASSESSMENT_GRADES);
export const ZEntryInput = z.strictObject({
  cadreId: id,
  /** null while not yet graded; 不定等次 = comments only. */
  grade: ZGradeValue.nullable(),
  comment: z.string().trim().max(1000, '评语不超过 1000 字').default(''),
  /** A new hire's 试用期 end (新录用): comments only while it lasts past the year's end. */
  newHireUntil: ZDate.nullable().default(null),
});
export type TEntryInput = z.input<typeof ZEntryInput>;

/** The whole list of people and their grades (people not listed leave the unit). */
export const ZEntriesSaveSchema = z.strictObject({
  version: z.number().int().positive(),
  entries: z.array(ZEntryInput).max(2000),
});
export type TEntriesSave = z.input<typeof ZEntriesSaveSchema>;

export const ZRaiseSchema = z.strictObject({
  raised: z.boolean(),
  /** Who approved the 25% (the 公务员主管部门). */
  approvedBy: z.string().trim().max(80).optional(),
  docNo: z.string().trim().max(80).optional(),
  approvedOn: ZDate.optional(),
});
export type TRaise = z.infer<typeof ZRaiseSchema>;

export const ZReturnSchema = z.strictObject({ reason: text(500, '退回理由') });

export const ZQuotaSchema = z.object({
  assessed: z.number(),
  excellent: z.number(),
  /** The most 优秀 now allowed (20%, or 25% with a recorded approval), rounded down. */
  max: z.number(),
  normalMax: z.number(),
  raisedMax: z.number(),
  raised: z.boolean(),
  over: z.boolean(),
});
export type TQuota = z.infer<typeof ZQuotaSchema>;

export const ZUnitRowSchema = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  managerOrgId: z.number(),
  managerOrgName: z.string(),
  cadreUnitId: z.number().nullable(),
  status: z.enum(ASSESSMENT_UNIT_STATUSES),
  graded: z.number(),
  quota: ZQuotaSchema,
});
export type TUnitRow = z.infer<typeof ZUnitRowSchema>;

export const ZEntrySchema = z.object({
  cadreId: z.number(),
  name: z.string(),
  title: z.string(),
  grade: ZGradeValue.nullable(),
  comment: z.string(),
  newHireUntil: z.string().nullable(),
  /** What gradeAllowed() lets this person have this year, and why. */
  allowedGrades: z.array(z.enum(ANNUAL_GRADES)),
  commentsOnly: z.boolean(),
  reason: z.string(),
});
export type TEntry = z.infer<typeof ZEntrySchema>;

export const ZUnitDetailSchema = ZUnitRowSchema.extend({
  version: z.number(),
  raisedBy: z.string().nullable(),
  raisedDoc: z.string().nullable(),
  raisedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  entries: z.array(ZEntrySchema),
  /** Whether it may be submitted now, and the rule that stops it (with its article) when not. */
  submit: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
});
export type TUnitDetail = z.infer<typeof ZUnitDetailSchema>;

export const ZConsequenceQuery = z.strictObject({ year: ZYear, orgId: z.coerce.number().int().positive().optional() });
export const ZConsequenceSchema = z.object({
  cadreId: z.number(),
  cadreName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  kind: z.enum(CONSEQUENCE_KINDS),
  text: z.string(),
  article: z.string(),
});
export type TConsequence = z.infer<typeof ZConsequenceSchema>;

/** Where the people of a new unit may come from: the cadre units in scope with their serving cadres. */
export const ZSourceSchema = z.object({ id: z.number(), name: z.string(), cadres: z.number() });
export type TSource = z.infer<typeof ZSourceSchema>;
export const ZCadreSearchQuery = z.strictObject({ q: z.string().trim().min(1).max(40) });
export const ZCadreHitSchema = z.object({ id: z.number(), name: z.string(), title: z.string() });

export const ZOngoingSchema = z.strictObject({
  year: ZYear,
  quarter: z.number().int().min(1, '季度为 1—4').max(4, '季度为 1—4'),
  grade: z.enum(ONGOING_GRADES),
  note: z.string().trim().max(500).default(''),
});
export type TOngoingInput = z.input<typeof ZOngoingSchema>;
export const ZSpecialSchema = z.strictObject({
  onDate: ZDate,
  subject: text(200, '考核事项'),
  result: text(100, '考核结果'),
  note: z.string().trim().max(500).default(''),
});
export type TSpecialInput = z.input<typeof ZSpecialSchema>;

export const ZCadreRecordsSchema = z.object({
  cadreId: z.number(),
  name: z.string(),
  annual: z.array(z.object({ year: z.number(), grade: z.string(), note: z.string() })),
  ongoing: z.array(z.object({ id: z.number(), year: z.number(), quarter: z.number(), grade: z.string(), note: z.string() })),
  special: z.array(z.object({ id: z.number(), onDate: z.string(), subject: z.string(), result: z.string(), note: z.string() })),
  consequences: z.array(ZConsequenceSchema.omit({ unitId: true, unitName: true })),
});
export type TCadreRecords = z.infer<typeof ZCadreRecordsSchema>;

/** A grade import: applied only when no row has an error (all or nothing). */
export const ZGradeImportResultSchema = z.object({
  applied: z.boolean(),
  rows: z.number(),
  errors: z.array(z.object({ row: z.number(), name: z.string(), message: z.string() })),
});
export type TGradeImportResult = z.infer<typeof ZGradeImportResultSchema>;

export const ZExportQuery = z.strictObject({ purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

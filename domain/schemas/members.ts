// API schemas for the member record (docs/api.md "Members"). The identity number travels in clear
// only into the server (create, correct) and out of the audited reveal; everything else is masked.
import { z } from 'zod';
import { MEMBER_STATUSES } from '../member-status';
import { DEGREES, EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, OCCUPATIONS } from '../member-fields';
import { ZCursorQuery, ZDate } from './common';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const optText = (max: number) => text(max).nullable().optional();
const name = z
  .string()
  .trim()
  .regex(/^[\u3400-\u9fff·•A-Za-z ]{2,30}$/, '姓名为 2–30 个汉字（少数民族姓名可含间隔号）');
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为 11 位手机号或带区号的固定电话');
const idNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位（最后一位可为 X）');

/** Fields a member-record editor may set on create and edit (not org, status or category: other workflows own those). */
const editable = {
  name,
  ethnicity: z.enum(ETHNICITIES, '请选择民族'),
  nativePlace: optText(60),
  eduFulltime: z.enum(EDUCATION_LEVELS).nullable().optional(),
  degreeFulltime: z.enum(DEGREES).nullable().optional(),
  eduInservice: z.enum(EDUCATION_LEVELS).nullable().optional(),
  degreeInservice: z.enum(DEGREES).nullable().optional(),
  occupation: z.enum(OCCUPATIONS).nullable().optional(),
  workUnit: optText(100),
  jobPost: optText(60),
  phone: phone.nullable().optional(),
  address: optText(200),
  admittedOn: ZDate,
  fullOn: ZDate.nullable().optional(),
};

export const ZMemberCreateSchema = z.strictObject({
  ...editable,
  orgId: z.number().int().positive(),
  category: z.enum(MEMBER_CATEGORIES),
  // Birth date and gender are read from the number (GB 11643), never typed separately.
  idNumber,
});
export type TMemberCreate = z.infer<typeof ZMemberCreateSchema>;

export const ZMemberUpdateSchema = z.strictObject({
  name: editable.name.optional(),
  ethnicity: editable.ethnicity.optional(),
  nativePlace: editable.nativePlace,
  eduFulltime: editable.eduFulltime,
  degreeFulltime: editable.degreeFulltime,
  eduInservice: editable.eduInservice,
  degreeInservice: editable.degreeInservice,
  occupation: editable.occupation,
  workUnit: editable.workUnit,
  jobPost: editable.jobPost,
  phone: editable.phone,
  address: editable.address,
  // Corrections of recorded dates; 转正 itself is the development workflow's.
  admittedOn: ZDate.optional(),
  fullOn: ZDate.optional(),
  idNumber: idNumber.optional(),
  /** The version the editor saw: a stale edit is refused (409) instead of overwriting. */
  version: z.number().int().positive().optional(),
});
export type TMemberUpdate = z.infer<typeof ZMemberUpdateSchema>;

/**
 * The list's status choices: 'counted' (the default) holds exactly the members counted in 党员总数 on the
 * organization page, the statistics and the dashboard (COUNTED_STATUSES); 'on_books' adds the suspended.
 */
export const LIST_STATUSES = ['counted', 'on_books', 'all', ...MEMBER_STATUSES] as const;

/** The list's filters; the export takes the same ones, so it holds exactly the rows the list shows. */
export const ZMemberFilter = {
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(30).optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  status: z.enum(LIST_STATUSES).default('counted'),
  gender: z.enum(GENDERS).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  occupation: z.enum(OCCUPATIONS).optional(),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  joinedFrom: ZDate.optional(),
  joinedTo: ZDate.optional(),
};
export const ZMemberFilterQuery = z.strictObject(ZMemberFilter);
export type TMemberFilter = z.infer<typeof ZMemberFilterQuery>;
/** The filter as the web sends it: the server fills in the defaults. */
export type TMemberFilterParams = Partial<TMemberFilter>;
export const ZMemberListQuery = z.strictObject({ ...ZMemberFilter, ...ZCursorQuery });
export const ZMemberExportQuery = z.strictObject({ ...ZMemberFilter, purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

export const ZMemberRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  ethnicity: z.string(),
  education: z.string().nullable(),
  category: z.enum(MEMBER_CATEGORIES),
  status: z.enum(MEMBER_STATUSES),
  admittedOn: z.string().nullable(),
  partyYears: z.number().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  idMasked: z.string().nullable(),
});
export type TMemberRow = z.infer<typeof ZMemberRowSchema>;
export const ZMemberListSchema = z.object({ items: z.array(ZMemberRowSchema), nextCursor: z.string().nullable() });

export const ZMemberDetailSchema = ZMemberRowSchema.extend({
  nativePlace: z.string().nullable(),
  eduFulltime: z.string().nullable(),
  degreeFulltime: z.string().nullable(),
  eduInservice: z.string().nullable(),
  degreeInservice: z.string().nullable(),
  occupation: z.string().nullable(),
  workUnit: z.string().nullable(),
  jobPost: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  fullOn: z.string().nullable(),
  statusSince: z.string().nullable(),
  leftReason: z.string().nullable(),
  politicalBirthday: z.object({ date: z.string(), monthDay: z.string(), next: z.string(), years: z.number() }).nullable(),
  orgPath: z.array(z.object({ id: z.number(), name: z.string() })),
  hasIdNumber: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type TMemberDetail = z.infer<typeof ZMemberDetailSchema>;

export const ZMemberHistorySchema = z.object({
  id: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TMemberHistory = z.infer<typeof ZMemberHistorySchema>;

export const ZRevealIdSchema = z.object({ idNumber: z.string() });
export type TRevealId = z.infer<typeof ZRevealIdSchema>;
/** The count, with the statuses it counted (null: every status), which the list names beside the number. */
export const ZMemberCountSchema = z.object({ total: z.number(), statuses: z.array(z.enum(MEMBER_STATUSES)).nullable() });
export type TMemberCount = z.infer<typeof ZMemberCountSchema>;

/** One problem of an import file: the sheet row (as Excel numbers it), the column header and the reason. */
export const ZImportErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type TImportError = z.infer<typeof ZImportErrorSchema>;
export const IMPORT_PHASES = ['uploaded', 'reading', 'checking', 'writing', 'done', 'failed'] as const;
export const ZImportJobSchema = z.object({
  id: z.string(),
  phase: z.enum(IMPORT_PHASES),
  fileName: z.string(),
  /** Rows of data in the file: from the sheet's dimension when the writer gave one, else known after the first pass. */
  rowsTotal: z.number().nullable(),
  rowsRead: z.number(),
  rowsValid: z.number(),
  rowsWritten: z.number(),
  errorCount: z.number(),
  /** The first problems (at most 1000); errorCount has them all. */
  errors: z.array(ZImportErrorSchema),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImportJob = z.infer<typeof ZImportJobSchema>;

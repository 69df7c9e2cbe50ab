// API schemas of the 学时 archive (issue 14 points 6–8): requirements as versioned data, a person's
// hours by year and source, who is behind per organization, completion shares with their definition,
// imports of 上级调训 and 党校 records, self-reported training and its approval, duplicates, closed years.
import { z } from 'zod';
import { AUDIENCES } from '../rules/learning-hours';
import { ZDate } from './common';

const id = z.number().int().positive();
const hours = z.number();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const CREDIT_SOURCES = ['online', 'quiz', 'class', 'assigned', 'party_school', 'self'] as const;
export type TCreditSource = (typeof CREDIT_SOURCES)[number];
export const IMPORT_KINDS = ['assigned', 'party_school'] as const;

export const ZYearQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, '年度不早于 2000 年').max(2100, '年度不晚于 2100 年').optional(),
});

export const ZRequirementSchema = z.object({
  id,
  audience: z.enum(AUDIENCES),
  hours,
  periodYears: z.number().int(),
  effectiveFrom: z.string(),
  source: z.string(),
  tag: z.enum(['V', 'R', 'L']),
  createdAt: z.string(),
});
export type TRequirement = z.infer<typeof ZRequirementSchema>;

export const ZRequirementCreateSchema = z.strictObject({
  audience: z.enum(AUDIENCES),
  hours: z.number().min(0, '学时不能为负').max(2000, '学时不超过 2000'),
  periodYears: z.number().int().min(1, '周期至少 1 年').max(10, '周期不超过 10 年').default(1),
  effectiveFrom: ZDate,
  source: text(500, '依据'),
  tag: z.enum(['V', 'R', 'L']),
});
export type TRequirementCreate = z.infer<typeof ZRequirementCreateSchema>;

export const ZBySourceSchema = z.object({
  online: hours,
  quiz: hours,
  class: hours,
  assigned: hours,
  party_school: hours,
  self: hours,
});
export type TBySource = z.infer<typeof ZBySourceSchema>;

export const ZCreditRowSchema = z.object({
  id,
  source: z.enum(CREDIT_SOURCES),
  title: z.string(),
  hours,
  earnedOn: z.string(),
  online: z.boolean(),
  status: z.enum(['approved', 'pending', 'rejected']),
  duplicateOf: id.nullable(),
  /** Arrived after the year was closed: kept, counted now, not in the frozen snapshot. */
  late: z.boolean(),
});

export const ZArchiveSchema = z.object({
  year: z.number().int(),
  name: z.string(),
  memberId: id.nullable(),
  cadreId: id.nullable(),
  audience: z.enum(AUDIENCES).nullable(),
  required: hours,
  periodYears: z.number().int(),
  sources: z.array(z.string()),
  tags: z.array(z.enum(['V', 'R', 'L'])),
  bySource: ZBySourceSchema,
  total: hours,
  shortfall: hours,
  onlineTotal: hours,
  onlineFloor: hours,
  onlineShortfall: hours,
  pending: hours,
  credits: z.array(ZCreditRowSchema),
  closed: z.object({ closedAt: z.string(), total: hours, required: hours }).nullable(),
});
export type TArchive = z.infer<typeof ZArchiveSchema>;

export const ZYearsArchiveSchema = z.object({ items: z.array(ZArchiveSchema) });

export const ZOrgYearQuery = z.strictObject({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000, '年度不早于 2000 年').max(2100, '年度不晚于 2100 年').optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZBehindRowSchema = z.object({
  memberId: id,
  name: z.string(),
  orgName: z.string(),
  required: hours,
  total: hours,
  shortfall: hours,
  onlineTotal: hours,
});
export const ZBehindSchema = z.object({ year: z.number().int(), total: z.number().int(), items: z.array(ZBehindRowSchema) });
export type TBehind = z.infer<typeof ZBehindSchema>;

export const ZShareRowSchema = z.object({
  orgId: id,
  name: z.string(),
  people: z.number().int(),
  done: z.number().int(),
  share: z.number().nullable(),
});
export const ZSharesSchema = z.object({
  year: z.number().int(),
  /** How the share is counted, shown beside it (RULES.md §9: shares per organization, no ranking of people). */
  definition: z.string(),
  all: ZShareRowSchema,
  items: z.array(ZShareRowSchema),
});
export type TShares = z.infer<typeof ZSharesSchema>;

export const ZExportQuery = z.strictObject({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  purpose: z.string().trim().min(2, '请填写导出用途（至少 2 字）').max(100, '导出用途不超过 100 字'),
});

export const ZImportQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.enum(['true', 'false']).optional(),
});
export const ZImportRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ZImportResultSchema = z.object({
  ok: z.boolean(),
  written: z.boolean(),
  rows: z.number().int(),
  importId: id.nullable(),
  errors: z.array(ZImportRowErrorSchema),
  duplicates: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResultSchema>;

export const ZSelfReportFieldsSchema = z.strictObject({
  title: text(200, '培训名称'),
  organizer: z.string().trim().max(100, '举办单位不超过 100 字').default(''),
  startedOn: ZDate,
  endedOn: ZDate,
  hours: z.coerce.number().gt(0, '学时须大于 0').max(500, '学时不超过 500'),
  online: z.enum(['true', 'false']).default('false'),
});
export type TSelfReportFields = z.infer<typeof ZSelfReportFieldsSchema>;

export const ZSelfReportSchema = z.object({
  id,
  name: z.string(),
  memberId: id.nullable(),
  cadreId: id.nullable(),
  title: z.string(),
  organizer: z.string(),
  startedOn: z.string(),
  endedOn: z.string(),
  hours,
  online: z.boolean(),
  evidenceName: z.string(),
  evidenceSize: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  late: z.boolean(),
  submittedAt: z.string(),
});
export type TSelfReport = z.infer<typeof ZSelfReportSchema>;

export const ZSelfReportListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
});
export const ZSelfReportDecisionSchema = z
  .strictObject({
    approve: z.boolean(),
    reason: z.string().trim().max(300, '理由不超过 300 字').default(''),
  })
  .refine((d) => d.approve || d.reason.length >= 2, { message: '不予认定须写明理由', path: ['reason'] });

export const ZDuplicateRowSchema = z.object({
  creditId: id,
  ofId: id,
  name: z.string(),
  title: z.string(),
  source: z.enum(CREDIT_SOURCES),
  ofTitle: z.string(),
  ofSource: z.enum(CREDIT_SOURCES),
  hours,
  earnedOn: z.string(),
  decision: z.enum(['auto', 'confirmed']),
});
export const ZDuplicatesSchema = z.object({ marked: z.number().int(), items: z.array(ZDuplicateRowSchema) });
export type TDuplicates = z.infer<typeof ZDuplicatesSchema>;
export const ZDuplicateDecisionSchema = z.strictObject({ action: z.enum(['confirm', 'undo']) });

export const ZCloseYearSchema = z.strictObject({ orgId: z.number().int().positive() });
export const ZClosureSchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  year: z.number().int(),
  closedAt: z.string(),
  people: z.number().int(),
});
export const ZClosuresSchema = z.object({ items: z.array(ZClosureSchema) });

export const ZMyHoursSchema = z.object({
  archive: ZArchiveSchema,
  reports: z.array(ZSelfReportSchema),
});
export type TMyHours = z.infer<typeof ZMyHoursSchema>;

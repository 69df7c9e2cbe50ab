// API schemas of the organizational-life compliance monitor and its versioned rules (issue 4 point 2; RULES.md §3).
import { z } from 'zod';
import { MEETING_KINDS } from '../meeting-kinds';
import { parsePeriod, PERIOD_KINDS } from '../rules/org-life';
import { ZDate } from './common';

const ZKind = z.enum(MEETING_KINDS);
const ZPeriodKind = z.enum(PERIOD_KINDS);
const id = z.coerce.number().int().positive();

/** period + key ('YYYY-MM', 'YYYY-Qn', 'YYYY'); the key defaults to the current period. */
const periodFields = { period: ZPeriodKind.default('month'), key: z.string().max(10).optional() };
const keyFits = (q: { period: z.infer<typeof ZPeriodKind>; key?: string }) => q.key === undefined || parsePeriod(q.period, q.key) !== null;
const keyMessage = { message: '期间格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年）', path: ['key'] };

export const ZComplianceQuery = z.strictObject({ orgId: id.optional(), ...periodFields }).refine(keyFits, keyMessage);
export const ZUnitComplianceQuery = z.strictObject(periodFields).refine(keyFits, keyMessage);
/** The period a compliance read is about, as the web sends it. */
export type TPeriodQuery = Partial<z.infer<typeof ZUnitComplianceQuery>>;
export const ZMissingQuery = z
  .strictObject({
    orgId: id.optional(),
    ...periodFields,
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(keyFits, keyMessage);
export const ZMissingExportQuery = z
  .strictObject({
    orgId: id.optional(),
    ...periodFields,
    purpose: z.string().trim().min(2, '请填写导出用途').max(200),
  })
  .refine(keyFits, keyMessage);

export const ZPeriodSchema = z.object({ kind: ZPeriodKind, key: z.string(), from: ZDate, to: ZDate });
const ZCrumb = z.object({ id: z.number(), name: z.string() });
const ZByKind = z.partialRecord(ZKind, z.number());

const tallies = {
  units: z.number(),
  /** Units with no missing check. */
  compliantUnits: z.number(),
  missing: z.number(),
  due: z.number(),
  missingByKind: ZByKind,
};
export const ZComplianceRowSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  isUnit: z.boolean(),
  ...tallies,
});
export const ZComplianceSchema = z.object({
  org: z.object({ id: z.number(), name: z.string(), kind: z.string(), isUnit: z.boolean() }),
  /** Ancestors inside the caller's scope, root first, the organization itself last. */
  path: z.array(ZCrumb),
  period: ZPeriodSchema,
  today: ZDate,
  rows: z.array(ZComplianceRowSchema),
  total: z.object(tallies),
});
export type TCompliance = z.infer<typeof ZComplianceSchema>;
export type TComplianceRow = z.infer<typeof ZComplianceRowSchema>;

export const ZCheckSchema = z.object({
  kind: ZKind,
  periodKey: z.string(),
  from: ZDate,
  to: ZDate,
  state: z.enum(['held', 'missing', 'due']),
  heldCount: z.number(),
  lateCount: z.number(),
  meetingIds: z.array(z.number()),
  article: z.string(),
});
export type TCheck = z.infer<typeof ZCheckSchema>;
export const ZUnitComplianceSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  hasCommittee: z.boolean(),
  path: z.array(ZCrumb),
  period: ZPeriodSchema,
  today: ZDate,
  checks: z.array(ZCheckSchema),
});
export type TUnitCompliance = z.infer<typeof ZUnitComplianceSchema>;

export const ZMissingItemSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  parentName: z.string().nullable(),
  missing: z.number(),
  due: z.number(),
  missingChecks: z.array(z.object({ kind: ZKind, periodKey: z.string() })),
});
export const ZMissingListSchema = z.object({
  period: ZPeriodSchema,
  items: z.array(ZMissingItemSchema),
  total: z.number(),
  offset: z.number(),
});
export type TMissingList = z.infer<typeof ZMissingListSchema>;

// The rules: the built-in 2018 set and the city's later versions (RULES.md §3, versioned configuration).
export const ZRuleSchema = z.strictObject({
  kind: ZKind,
  frequency: ZPeriodKind,
  article: z.string().trim().min(2, '请填写依据').max(200, '依据不能超过 200 个字'),
});
export const ZRuleVersionInput = z.strictObject({
  effectiveFrom: ZDate,
  title: z.string().trim().min(2, '请填写版本名称或文件名').max(100, '版本名称不能超过 100 个字'),
  rules: z.array(ZRuleSchema).max(MEETING_KINDS.length),
});
export const ZRuleVersionsBody = z.strictObject({ versions: z.array(ZRuleVersionInput).max(50, '版本过多') });
export const ZRuleVersionSchema = ZRuleVersionInput.extend({ version: z.string(), builtIn: z.boolean() });
export type TRuleVersion = z.infer<typeof ZRuleVersionSchema>;
export const ZRuleVersionsSchema = z.object({
  versions: z.array(ZRuleVersionSchema),
  /** The version governing a window that begins today. */
  inForce: z.string(),
  today: ZDate,
});
export type TRuleVersionInput = z.infer<typeof ZRuleVersionInput>;
export type TRuleVersions = z.infer<typeof ZRuleVersionsSchema>;

import { z } from 'zod';
import { isCalendarDate, ZCursorQuery } from './common';

const when = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    '时间格式应为 YYYY-MM-DD 或 ISO 时间',
  )
  .refine(isCalendarDate, '日期不存在（请检查年月日）');

export const ZAuditResult = z.enum(['success', 'failure', 'denied']);
export type TAuditResult = z.infer<typeof ZAuditResult>;

export const ZAuditFilter = {
  from: when.optional(),
  to: when.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  result: ZAuditResult.optional(),
  objectType: z.string().trim().max(32).optional(),
  objectId: z.string().trim().max(64).optional(),
};
/** The filters of the list and the export, which therefore hold the same rows. */
export type TAuditFilter = z.infer<z.ZodObject<typeof ZAuditFilter>>;
export const ZAuditListQuery = z.strictObject({ ...ZAuditFilter, ...ZCursorQuery });
export const ZAuditExportQuery = z.strictObject({ ...ZAuditFilter, purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

export const ZAuditRowSchema = z.object({
  id: z.number(),
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  /** The action in words (domain/audit-actions.ts); the code itself when it has no label. */
  actionLabel: z.string(),
  objectType: z.string().nullable(),
  objectLabel: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The organization's, member's, applicant's or account's name, when the object is one of them. */
  objectName: z.string().nullable(),
  result: ZAuditResult,
  requestId: z.string().nullable(),
  detail: z.unknown(),
});
export type TAuditRow = z.infer<typeof ZAuditRowSchema>;

export const ZChainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problems: z.array(z.object({ seq: z.number(), kind: z.enum(['edited', 'missing', 'broken_link']), message: z.string() })),
});
export type TChainReport = z.infer<typeof ZChainReportSchema>;

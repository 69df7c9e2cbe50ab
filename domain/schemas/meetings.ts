// API schemas for organizational life (issue 4): meetings with attendance and attachments,
// 民主评议党员 grades, and a member's own meetings. Dates are 'YYYY-MM-DD'.
import { z } from 'zod';
import { APPRAISAL_GRADES, MEETING_KINDS } from '../meeting-kinds';
import { ZCursorQuery, ZDate } from './common';
import { MEETING_STATUSES } from '../rules/meeting-records';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const optText = (max: number) => text(max).nullable().optional();

export { MEETING_STATUSES, MEETING_STATUS_LABELS, type MeetingStatus } from '../rules/meeting-records';

export const ZMeetingKind = z.enum(MEETING_KINDS, '请选择会议类型');
const kinds = z
  .array(ZMeetingKind)
  .min(1, '请至少选择一种会议类型')
  .max(MEETING_KINDS.length)
  .refine((k) => new Set(k).size === k.length, '会议类型不能重复');
const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式应为 HH:mm');

export const ZAttendanceInput = z.strictObject({
  memberId: z.number().int().positive(),
  present: z.boolean(),
  /** 病假/事假/公差/外出/其他, optionally with a note; required when absent. */
  absenceReason: optText(100),
});
export type TAttendanceInput = z.infer<typeof ZAttendanceInput>;

const fields = {
  kinds,
  plannedOn: ZDate.nullable().optional(),
  heldOn: ZDate.nullable().optional(),
  startTime: startTime.nullable().optional(),
  place: optText(100),
  topic: text(200).min(2, '请填写会议主题（至少 2 个字）'),
  host: optText(30),
  recorder: optText(30),
  minutes: optText(20_000),
  decisions: optText(5_000),
  attendance: z.array(ZAttendanceInput).max(2_000).optional(),
};

export const ZMeetingCreateSchema = z.strictObject({
  orgId: z.number().int().positive(),
  /** planned (a date ahead) or held (recorded after the fact). */
  status: z.enum(['planned', 'held']),
  ...fields,
});
export type TMeetingCreate = z.infer<typeof ZMeetingCreateSchema>;
/** The fields a create and an edit share. */
export type TMeetingFields = Omit<TMeetingCreate, 'orgId' | 'status'>;

export const ZMeetingUpdateSchema = z.strictObject({
  /** The version the editor saw: a stale edit is refused (409). */
  version: z.number().int().positive(),
  /** planned → held records it; planned or held → cancelled withdraws it (it then counts for nothing). */
  status: z.enum(MEETING_STATUSES).optional(),
  kinds: kinds.optional(),
  plannedOn: fields.plannedOn,
  heldOn: fields.heldOn,
  startTime: fields.startTime,
  place: fields.place,
  topic: fields.topic.optional(),
  host: fields.host,
  recorder: fields.recorder,
  minutes: fields.minutes,
  decisions: fields.decisions,
  attendance: fields.attendance,
});
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdateSchema>;

/** The list's filters; the export takes the same ones, so it holds exactly the rows the list shows. */
export const ZMeetingFilter = {
  orgId: z.coerce.number().int().positive().optional(),
  /** 'true': the organization and everything under it; otherwise the organization alone. */
  subtree: z.enum(['true', 'false']).optional(),
  kind: ZMeetingKind.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  late: z.enum(['true', 'false']).optional(),
};
export const ZMeetingListQuery = z.strictObject({ ...ZMeetingFilter, ...ZCursorQuery });
export type TMeetingFilter = z.infer<z.ZodObject<typeof ZMeetingFilter>>;
export const ZMeetingExportQuery = z.strictObject({ ...ZMeetingFilter, purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

const status = z.enum(MEETING_STATUSES);
export const ZMeetingRowSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kinds: z.array(ZMeetingKind),
  status,
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  topic: z.string(),
  host: z.string().nullable(),
  shouldAttend: z.number().nullable(),
  present: z.number().nullable(),
  late: z.boolean(),
  recordedAt: z.string().nullable(),
  attachmentCount: z.number(),
});
export type TMeetingRow = z.infer<typeof ZMeetingRowSchema>;
export const ZMeetingListSchema = z.object({ items: z.array(ZMeetingRowSchema), nextCursor: z.string().nullable() });

export const ZAttendanceRowSchema = z.object({
  memberId: z.number(),
  name: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  present: z.boolean(),
  absenceReason: z.string().nullable(),
});
export type TAttendanceRow = z.infer<typeof ZAttendanceRowSchema>;
export const ZAttachmentSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachmentSchema>;
export const ZMeetingDetailSchema = ZMeetingRowSchema.extend({
  orgPath: z.array(z.object({ id: z.number(), name: z.string() })),
  recorder: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.string().nullable(),
  attendance: z.array(ZAttendanceRowSchema),
  attachments: z.array(ZAttachmentSchema),
  /** Things a reader should know (e.g. the 支部党员大会 quorum not reached); never a refusal. */
  warnings: z.array(z.string()),
  createdBy: z.string().nullable(),
  version: z.number(),
});
export type TMeetingDetail = z.infer<typeof ZMeetingDetailSchema>;

export const ZRosterQuery = z.strictObject({ orgId: z.coerce.number().int().positive() });
export const ZRosterMemberSchema = z.object({
  memberId: z.number(),
  name: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  /** The 党小组 the member belongs to, when not the organization itself. */
  groupName: z.string().nullable(),
});
export type TRosterMember = z.infer<typeof ZRosterMemberSchema>;
export const ZRosterSchema = z.object({ orgId: z.number(), orgName: z.string(), items: z.array(ZRosterMemberSchema) });
export type TRoster = z.infer<typeof ZRosterSchema>;

export const ZMeetingSettingsSchema = z.strictObject({
  /** RULES.md §9 (L): a record made more than this many days after the meeting is marked 补录. */
  lateAfterDays: z.number().int().min(1, '至少 1 天').max(366, '最多 366 天'),
});
export type TMeetingSettings = z.infer<typeof ZMeetingSettingsSchema>;

// ---- 民主评议党员 ----
export const ZAppraisalGrade = z.enum(APPRAISAL_GRADES);
export const ZAppraisalQuery = z.strictObject({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const ZAppraisalSaveSchema = z.strictObject({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  /** The meeting (民主评议党员 or 组织生活会) where the appraisal was held. */
  meetingId: z.number().int().positive().nullable().optional(),
  note: optText(500),
  grades: z
    .array(z.strictObject({ memberId: z.number().int().positive(), grade: ZAppraisalGrade.nullable(), note: optText(200) }))
    .max(2_000),
});
export type TAppraisalSave = z.infer<typeof ZAppraisalSaveSchema>;

const countsSchema = z.object({
  toGrade: z.number(),
  graded: z.number(),
  probationary: z.number(),
  excellentLimit: z.number(),
  byGrade: z.object({ excellent: z.number(), qualified: z.number(), basically_qualified: z.number(), unqualified: z.number() }),
});
export const ZAppraisalRowSchema = z.object({
  memberId: z.number(),
  name: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  grade: ZAppraisalGrade.nullable(),
  note: z.string().nullable(),
});
export type TAppraisalRow = z.infer<typeof ZAppraisalRowSchema>;
export const ZAppraisalSchema = z.object({
  id: z.number().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  status: z.enum(['new', 'draft', 'final']),
  meetingId: z.number().nullable(),
  meetingTopic: z.string().nullable(),
  note: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  rows: z.array(ZAppraisalRowSchema),
  counts: countsSchema,
  problems: z.array(z.object({ code: z.string(), memberId: z.number().nullable(), message: z.string() })),
});
export type TAppraisal = z.infer<typeof ZAppraisalSchema>;

// ---- a member's own meetings ----
export const ZMyMeetingsSchema = z.object({
  member: z.object({ id: z.number(), name: z.string(), orgName: z.string() }),
  year: z.number(),
  counts: z.object({ attended: z.number(), absent: z.number() }),
  items: z.array(
    z.object({
      id: z.number(),
      orgName: z.string(),
      kinds: z.array(ZMeetingKind),
      heldOn: z.string().nullable(),
      startTime: z.string().nullable(),
      place: z.string().nullable(),
      topic: z.string(),
      present: z.boolean(),
      absenceReason: z.string().nullable(),
    }),
  ),
  upcoming: z.array(
    z.object({
      id: z.number(),
      orgName: z.string(),
      kinds: z.array(ZMeetingKind),
      plannedOn: z.string().nullable(),
      startTime: z.string().nullable(),
      place: z.string().nullable(),
      topic: z.string(),
    }),
  ),
});
export type TMyMeetings = z.infer<typeof ZMyMeetingsSchema>;
export const ZMyMeetingsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

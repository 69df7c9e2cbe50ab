// API schemas of training classes (培训班, issue 14 point 5): the class and its sessions, trainees and their
// attendance, leave requests, the changing sign-in code, anonymous course evaluations and certificates.
import { z } from 'zod';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const TRAINEE_STATUSES = ['applied', 'enrolled', 'rejected', 'withdrawn', 'completed'] as const;
export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent'] as const;
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const ZSessionInputSchema = z
  .strictObject({
    date: ZDate,
    startTime: ZTime,
    endTime: ZTime,
    hours: z.number({ message: '请填写学时' }).min(0.1, '学时至少 0.1').max(24, '学时不超过 24'),
    teacher: optText(60, '授课人'),
    place: optText(200, '地点'),
    onlineUrl: z.union([z.literal(''), z.string().trim().url('线上链接应为网址').max(500, '线上链接不超过 500 字')]).default(''),
  })
  .refine((s) => s.startTime < s.endTime, { message: '结束时间应晚于开始时间', path: ['endTime'] });
export type TSessionInput = z.infer<typeof ZSessionInputSchema>;

export const ZClassCreateSchema = z.strictObject({
  orgId: id,
  title: text(100, '培训班名称'),
  audience: optText(200, '培训对象'),
  description: optText(2000, '说明'),
  capacity: z.number().int().min(1, '人数上限至少 1').max(10000, '人数上限不超过 10000').nullable().default(null),
  openForApplication: z.boolean().default(false),
  sessions: z.array(ZSessionInputSchema).min(1, '请至少安排一次课').max(200, '课次不超过 200'),
});
export type TClassCreate = z.infer<typeof ZClassCreateSchema>;

export const ZSessionSchema = z.object({
  id,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  hours: z.number(),
  teacher: z.string(),
  place: z.string(),
  onlineUrl: z.string(),
  closed: z.boolean(),
});
export type TSession = z.infer<typeof ZSessionSchema>;

export const ZClassSummarySchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  title: z.string(),
  audience: z.string(),
  capacity: z.number().nullable(),
  openForApplication: z.boolean(),
  status: z.enum(['open', 'completed']),
  startDate: z.string(),
  endDate: z.string(),
  totalHours: z.number(),
  sessionCount: z.number(),
  enrolled: z.number(),
  pending: z.number(),
});
export type TClassSummary = z.infer<typeof ZClassSummarySchema>;

export const ZAttendanceCellSchema = z.object({ sessionId: id, status: z.enum(ATTENDANCE_STATUSES) });

export const ZTraineeSchema = z.object({
  id,
  name: z.string(),
  memberId: z.number().nullable(),
  cadreId: z.number().nullable(),
  status: z.enum(TRAINEE_STATUSES),
  via: z.enum(['list', 'application']),
  statusNote: z.string(),
  attendance: z.array(ZAttendanceCellSchema),
  missedHours: z.number(),
  hoursAttended: z.number().nullable(),
  certificateCode: z.string().nullable(),
});
export type TTrainee = z.infer<typeof ZTraineeSchema>;

export const ZLeaveSchema = z.object({
  id,
  sessionId: id,
  traineeId: id,
  traineeName: z.string(),
  sessionDate: z.string(),
  reason: z.string(),
  status: z.enum(LEAVE_STATUSES),
});
export type TLeave = z.infer<typeof ZLeaveSchema>;

export const ZEvaluationSummarySchema = z.object({
  sessionId: id,
  teacher: z.string(),
  count: z.number(),
  content: z.number().nullable(),
  teaching: z.number().nullable(),
  overall: z.number().nullable(),
  comments: z.array(z.string()),
});

export const ZClassDetailSchema = ZClassSummarySchema.extend({
  description: z.string(),
  completedOn: z.string().nullable(),
  absenceLimitHours: z.number(),
  absenceBasis: z.string(),
  sessions: z.array(ZSessionSchema),
  trainees: z.array(ZTraineeSchema),
  leaves: z.array(ZLeaveSchema),
  evaluations: z.array(ZEvaluationSummarySchema),
});
export type TClassDetail = z.infer<typeof ZClassDetailSchema>;

export const ZEnrolSchema = z.strictObject({
  memberIds: z.array(id).max(1000, '一次最多 1000 人').default([]),
  cadreIds: z.array(id).max(1000, '一次最多 1000 人').default([]),
});
export type TEnrol = z.infer<typeof ZEnrolSchema>;

/** A pasted list: one name (or 姓名 + space + 党员编号) a line; all-or-nothing with a per-row report. */
export const ZEnrolImportSchema = z.strictObject({
  text: z
    .string()
    .max(100_000, '名单过长')
    .refine((s) => s.trim().length > 0, '请粘贴名单'),
});
export const ZEnrolReportSchema = z.object({
  ok: z.boolean(),
  added: z.number(),
  errors: z.array(z.object({ row: z.number(), value: z.string(), message: z.string() })),
});
export type TEnrolReport = z.infer<typeof ZEnrolReportSchema>;

export const ZDecisionSchema = z.strictObject({ approve: z.boolean(), note: optText(200, '说明') });
export type TDecision = z.infer<typeof ZDecisionSchema>;

export const ZMarkSchema = z.strictObject({ traineeId: id, status: z.enum(ATTENDANCE_STATUSES) });
export type TMark = z.infer<typeof ZMarkSchema>;

export const ZSignCodeSchema = z.object({
  sessionId: id,
  code: z.string(),
  /** Seconds until the code changes. */
  secondsLeft: z.number(),
  /** The learner's sign-in page with the session and code, for the QR. */
  signInUrl: z.string(),
  /** The QR of signInUrl as a data: URL (PNG). */
  qr: z.string(),
});
export type TSignCode = z.infer<typeof ZSignCodeSchema>;

export const ZSignInSchema = z.strictObject({
  sessionId: id,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '签到码为 6 位数字'),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;
export const ZSignInResultSchema = z.object({ status: z.enum(['present', 'late']), signedAt: z.string() });

export const ZLeaveRequestSchema = z.strictObject({ reason: text(500, '请假事由') });

export const ZEvaluateSchema = z.strictObject({
  content: z.number().int().min(1, '评分为 1–5').max(5, '评分为 1–5'),
  teaching: z.number().int().min(1, '评分为 1–5').max(5, '评分为 1–5'),
  overall: z.number().int().min(1, '评分为 1–5').max(5, '评分为 1–5'),
  comment: optText(500, '意见建议'),
});
export type TEvaluate = z.infer<typeof ZEvaluateSchema>;

export const ZMySessionSchema = ZSessionSchema.extend({
  attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
  leave: z.enum(LEAVE_STATUSES).nullable(),
  evaluated: z.boolean(),
  /** Sign-in is open now (from 30 minutes before the start to the end). */
  signInOpen: z.boolean(),
});
export const ZMyClassSchema = z.object({
  id,
  title: z.string(),
  orgName: z.string(),
  audience: z.string(),
  classStatus: z.enum(['open', 'completed']),
  /** null: not enrolled, may apply. */
  traineeId: z.number().nullable(),
  status: z.enum(TRAINEE_STATUSES).nullable(),
  statusNote: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  totalHours: z.number(),
  sessions: z.array(ZMySessionSchema),
});
export type TMyClass = z.infer<typeof ZMyClassSchema>;
export const ZMyClassesSchema = z.object({ items: z.array(ZMyClassSchema), openToApply: z.array(ZClassSummarySchema) });
export type TMyClasses = z.infer<typeof ZMyClassesSchema>;

export const ZCertificateSchema = z.object({
  traineeId: id,
  classId: id,
  classTitle: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  code: z.string(),
  issuedOn: z.string(),
});
export type TCertificate = z.infer<typeof ZCertificateSchema>;

/** What the public verification page shows: name, class and dates only. */
export const ZCertificateVerifySchema = z.object({
  name: z.string(),
  classTitle: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  issuedOn: z.string(),
});
export type TCertificateVerify = z.infer<typeof ZCertificateVerifySchema>;
export const ZCertificateCodeParam = z.strictObject({ code: z.string().trim().min(1).max(40) });

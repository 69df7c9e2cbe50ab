// API schemas of 柔性引才 agreements (issue 15 point 3; RULES.md §8 “不求所有、但求所用”): the person, the employer
// here and the home institution they keep, the form, term, on-site days promised and recorded, deliverables and
// their acceptance, pay in fen, IP terms; the end or termination with its reason, and the renewal.
import { z } from 'zod';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

/** 顾问, 兼职, 项目合作, 联合攻关, 讲学, other (PILLARS.md §5). */
export const AGREEMENT_FORMS = ['adviser', 'part_time', 'project', 'joint_research', 'lecture', 'other'] as const;
export type TAgreementForm = (typeof AGREEMENT_FORMS)[number];
/** The forms' names for exports and messages (the web app has its own in i18n). */
export const AGREEMENT_FORM_LABELS: Record<TAgreementForm, string> = {
  adviser: '顾问',
  part_time: '兼职',
  project: '项目合作',
  joint_research: '联合攻关',
  lecture: '讲学',
  other: '其他',
};
export const AGREEMENT_STATUSES = ['active', 'ended', 'terminated'] as const;
export type TAgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<TAgreementStatus, string> = { active: '履行中', ended: '已到期', terminated: '已解除' };

const deliverable = z.strictObject({ title: text(200, '成果名称'), dueOn: ZDate });
const terms = {
  onsiteDaysPromised: z.number().int().min(0, '约定在岗天数不能为负').max(3660, '约定在岗天数不超过 3660 天'),
  payFen: z.number().int().min(0, '报酬不能为负').max(1e12, '报酬过大').default(0),
  payTerms: optText(500, '报酬约定'),
  ipTerms: optText(1000, '知识产权约定'),
  deliverables: z.array(deliverable).max(20, '约定成果不超过 20 项').default([]),
  note: optText(500, '备注'),
};

export const ZAgreementCreateSchema = z
  .strictObject({
    personId: id,
    employerId: id,
    homeInstitution: text(80, '原单位'),
    form: z.enum(AGREEMENT_FORMS, { message: '请选择引才方式' }),
    startsOn: ZDate,
    endsOn: ZDate,
    ...terms,
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: '协议截止日期不能早于开始日期', path: ['endsOn'] });
export type TAgreementCreate = z.infer<typeof ZAgreementCreateSchema>;

/** Renewal: a new agreement continuing this one (same parties and form) from the day after it ends by default. */
export const ZAgreementRenewSchema = z.strictObject({
  startsOn: ZDate.optional(),
  endsOn: ZDate,
  ...terms,
  version: z.number().int().positive(),
});
export type TAgreementRenew = z.infer<typeof ZAgreementRenewSchema>;

export const ZOnsiteDaysSchema = z.strictObject({
  fromOn: ZDate,
  days: z.number().int().min(1, '在岗天数至少 1 天').max(366, '一次登记不超过 366 天'),
  note: optText(200, '说明'),
});
export type TOnsiteDays = z.infer<typeof ZOnsiteDaysSchema>;

export const ZDeliverableCreateSchema = deliverable;
export type TDeliverableCreate = z.infer<typeof ZDeliverableCreateSchema>;
export const ZDeliverableDecideSchema = z.strictObject({
  outcome: z.enum(['accepted', 'returned']),
  decidedOn: ZDate,
  acceptance: text(500, '验收意见'),
});
export type TDeliverableDecide = z.infer<typeof ZDeliverableDecideSchema>;
export const ZDeliverableParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  deliverableId: z.coerce.number().int().positive(),
});

export const ZAgreementEndSchema = z.strictObject({
  status: z.enum(['ended', 'terminated']),
  endedOn: ZDate,
  reason: text(500, '终止原因'),
  version: z.number().int().positive(),
});
export type TAgreementEnd = z.infer<typeof ZAgreementEndSchema>;

const flag = z.enum(['true', 'false']).optional();
export const ZAgreementListQuery = z.strictObject({
  employerId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  form: z.enum(AGREEMENT_FORMS).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  /** Active agreements ending within the reminder window (60 days). */
  endingSoon: flag,
  /** Active agreements behind on on-site days. */
  behind: flag,
  q: z.string().trim().max(30).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;
export const ZAgreementExportQuery = ZAgreementListQuery.omit({ offset: true, limit: true }).extend({
  purpose: z.string().trim().min(2, '请填写导出用途').max(100, '导出用途不超过 100 字'),
});

export const ZAgreementRowSchema = z.object({
  id,
  personId: id,
  personName: z.string(),
  employerId: id,
  employerName: z.string(),
  districtName: z.string(),
  homeInstitution: z.string(),
  form: z.enum(AGREEMENT_FORMS),
  startsOn: z.string(),
  endsOn: z.string(),
  onsiteDaysPromised: z.number().int(),
  onsiteDaysRecorded: z.number().int(),
  /** Days due by today, pro rata to the term (domain/rules/talent-agreements.ts). */
  onsiteDaysDue: z.number().int(),
  behind: z.boolean(),
  endingSoon: z.boolean(),
  payFen: z.number().int(),
  status: z.enum(AGREEMENT_STATUSES),
  deliverablesOpen: z.number().int(),
  deliverablesAccepted: z.number().int(),
  renewedFrom: id.nullable(),
  renewedBy: id.nullable(),
  version: z.number().int(),
});
export type TAgreementRow = z.infer<typeof ZAgreementRowSchema>;
export const ZAgreementPageSchema = z.object({
  items: z.array(ZAgreementRowSchema),
  total: z.number().int(),
  /** Counts over the whole filtered list (structure, not a ranking). */
  counts: z.object({ active: z.number().int(), behind: z.number().int(), endingSoon: z.number().int() }),
});
export type TAgreementPage = z.infer<typeof ZAgreementPageSchema>;

export const ZAgreementDaySchema = z.object({
  id,
  fromOn: z.string(),
  days: z.number().int(),
  note: z.string(),
  recordedAs: z.enum(['office', 'employer']),
  userName: z.string().nullable(),
  at: z.string(),
});
export const ZDeliverableSchema = z.object({
  id,
  title: z.string(),
  dueOn: z.string(),
  outcome: z.enum(['accepted', 'returned']).nullable(),
  decidedOn: z.string().nullable(),
  acceptance: z.string(),
  overdue: z.boolean(),
});
export type TDeliverable = z.infer<typeof ZDeliverableSchema>;
export const ZAgreementSchema = ZAgreementRowSchema.extend({
  payTerms: z.string(),
  ipTerms: z.string(),
  note: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string(),
  days: z.array(ZAgreementDaySchema),
  deliverables: z.array(ZDeliverableSchema),
  /** The talent's evaluations (显绩/潜绩) over the years, beside a renewal decision; empty for an employer. */
  evaluations: z.array(z.object({ year: z.number().int(), achieved: z.number(), potential: z.number(), total: z.number() })),
});
export type TAgreement = z.infer<typeof ZAgreementSchema>;

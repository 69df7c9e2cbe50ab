// API schemas of 能上能下, the young-cadre pool and the supervision records (issue 13 points 6–8; RULES.md §7).
import { z } from 'zod';
import { ADJUSTMENT_KINDS } from '../rules/cadre-adjustment';
import { CADRE_LEVELS } from '../rules/cadre-levels';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

export const CHECK_KINDS = ['随机', '重点', 'none'] as const;
export const PASSPORT_KINDS = ['护照', '港澳通行证', '台湾通行证'] as const;

export const ZSituationSchema = z.object({ code: z.string(), text: z.string(), tag: z.enum(['V', 'R']) });
export const ZSituationsSchema = z.object({
  version: z.string(),
  title: z.string(),
  article: z.string(),
  kinds: z.array(z.enum(ADJUSTMENT_KINDS)),
  situations: z.array(ZSituationSchema),
});
export type TSituations = z.infer<typeof ZSituationsSchema>;

export const ZAdjustmentCreateSchema = z.strictObject({
  kind: z.enum(ADJUSTMENT_KINDS),
  /** A situation code of domain/rules/cadre-adjustment.ts (第五条). */
  situation: z.string().regex(/^S\d{2}$/, '请选择不适宜担任现职的情形'),
  decidedOn: ZDate,
  docNo: optText(60, '文号'),
  /** The appointment taken off (调离岗位, 改任职级, 免职, 降职): the cadre's current main post when absent. */
  appointmentId: id.optional(),
  /** 改任职级: the rank taken on (一级调研员, 正处…), written on the cadre file's rank history. */
  rank: z.strictObject({ title: text(40, '改任职级'), level: z.enum(CADRE_LEVELS).nullable().default(null) }).optional(),
  note: optText(500, '说明'),
});
export type TAdjustmentCreate = z.infer<typeof ZAdjustmentCreateSchema>;

export const ZAdjustmentSchema = z.object({
  id,
  kind: z.enum(ADJUSTMENT_KINDS),
  situation: z.string(),
  situationText: z.string(),
  article: z.string(),
  decidedOn: z.string(),
  docNo: z.string(),
  appointmentId: id.nullable(),
  appointmentTitle: z.string().nullable(),
  note: z.string(),
});

// 因私出国（境） trips (migration 023): apply, decide, take the passport out, come back; the passport goes back
// through the passport's own return.
export const ZTripApplySchema = z.strictObject({
  destinations: text(200, '前往国家（地区）'),
  purpose: text(200, '出国（境）事由'),
  fundedBy: text(60, '费用来源'),
  appliedOn: ZDate,
  departOn: ZDate,
  returnOn: ZDate,
});
export type TTripApply = z.infer<typeof ZTripApplySchema>;

export const TRIP_DECISIONS = ['批准', '不批准'] as const;
export const ZTripDecideSchema = z.strictObject({
  decision: z.enum(TRIP_DECISIONS),
  decidedOn: ZDate,
  decidedBy: text(60, '审批人'),
  /** Required when refused. */
  refusalReason: optText(200, '不批准理由'),
});
export type TTripDecide = z.infer<typeof ZTripDecideSchema>;

export const ZTripPassportSchema = z.strictObject({ passportId: id, takenOutOn: ZDate });
export type TTripPassport = z.infer<typeof ZTripPassportSchema>;

export const ZTripBackSchema = z.strictObject({ cameBackOn: ZDate });

export const ZTripSchema = z.object({
  id,
  cadreId: id,
  name: z.string(),
  destinations: z.string(),
  purpose: z.string(),
  fundedBy: z.string(),
  appliedOn: z.string(),
  departOn: z.string(),
  returnOn: z.string(),
  status: z.enum(['待审批', ...TRIP_DECISIONS]),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  refusalReason: z.string().nullable(),
  cameBackOn: z.string().nullable(),
  passport: z
    .object({
      id,
      kind: z.string(),
      number: z.string(),
      takenOutOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      returnedOn: z.string().nullable(),
    })
    .nullable(),
  /** Taken out for this trip, not handed back, past its due date. */
  overdue: z.boolean(),
  rulesSource: z.string().nullable(),
});
export type TTrip = z.infer<typeof ZTripSchema>;

// The pool's plans and tracking notes.
export const POOL_PLAN_KINDS = ['挂职', '轮岗', '培训'] as const;
export const ZPoolPlanInSchema = z.strictObject({
  kind: z.enum(POOL_PLAN_KINDS),
  place: text(100, '地点或单位'),
  startsOn: ZDate,
  endsOn: ZDate.nullable().default(null),
  note: optText(500, '说明'),
});
export type TPoolPlanIn = z.infer<typeof ZPoolPlanInSchema>;
export const ZPoolPlanSchema = z.object({
  id,
  kind: z.enum(POOL_PLAN_KINDS),
  place: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  note: z.string(),
});
export const ZPoolNoteInSchema = z.strictObject({ notedOn: ZDate, text: text(1000, '跟踪记录') });
export type TPoolNoteIn = z.infer<typeof ZPoolNoteInSchema>;
export const ZPoolNoteSchema = z.object({ id, notedOn: z.string(), text: z.string() });

// Exports: each list of the page in Excel, with a purpose (audited); the pool's batch 任免审批表 as a zip.
const purpose = z.string().trim().min(2, '请填写导出用途').max(200, '导出用途不超过 200 字');
export const SUPERVISION_LISTS = ['adjustments', 'reports', 'passports', 'trips', 'partTime', 'pool'] as const;
export const ZSupervisionExportQuery = z.strictObject({ list: z.enum(SUPERVISION_LISTS), purpose });
export const ZPoolFormsQuery = z.strictObject({
  /** Pool entry ids, comma-separated. */
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '请以逗号分隔入库记录编号')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((a) => a.length <= 200, '一次最多导出 200 人'),
  format: z.enum(['pdf', 'docx']).default('pdf'),
  purpose,
});

export const ZPoolEnterSchema = z.strictObject({
  enteredOn: ZDate,
  nominatedBy: text(60, '推荐人或推荐单位'),
  /** 来源: 民主推荐, 组织推荐, 年度考核, 专项调研… */
  source: text(60, '来源'),
});
export type TPoolEnter = z.infer<typeof ZPoolEnterSchema>;

export const POOL_LEAVE_KINDS = ['提拔使用', '超龄', '考核或监督原因', '本人退出', '其他'] as const;
export const ZPoolLeaveSchema = z.strictObject({ leftOn: ZDate, kind: z.enum(POOL_LEAVE_KINDS), reason: text(200, '调出原因') });
export type TPoolLeave = z.infer<typeof ZPoolLeaveSchema>;

export const ZPoolEntrySchema = z.object({
  id,
  cadreId: id,
  name: z.string(),
  title: z.string(),
  level: z.string().nullable(),
  birth: z.string().nullable(),
  enteredOn: z.string(),
  nominatedBy: z.string(),
  source: z.string(),
  eligible: z.boolean(),
  findings: z.array(z.string()),
  criteriaVersion: z.string(),
  leftOn: z.string().nullable(),
  leaveKind: z.enum(POOL_LEAVE_KINDS).nullable(),
  leaveReason: z.string().nullable(),
  plans: z.array(ZPoolPlanSchema),
  notes: z.array(ZPoolNoteSchema),
});
export type TPoolEntry = z.infer<typeof ZPoolEntrySchema>;

export const ZReportSchema = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  filedOn: ZDate,
  checkKind: z.enum(CHECK_KINDS).default('none'),
  finding: optText(500, '查核结果'),
});
export type TReport = z.infer<typeof ZReportSchema>;

export const ZPassportInSchema = z.strictObject({
  kind: z.enum(PASSPORT_KINDS),
  number: text(30, '证件号码'),
  handedInOn: ZDate,
});
export type TPassportIn = z.infer<typeof ZPassportInSchema>;

export const ZPassportOutSchema = z.strictObject({ takenOutOn: ZDate, trip: text(200, '出国（境）事由'), dueOn: ZDate });
export type TPassportOut = z.infer<typeof ZPassportOutSchema>;

export const ZPassportReturnSchema = z.strictObject({ returnedOn: ZDate });

export const ZPartTimeSchema = z.strictObject({
  organization: text(100, '兼职单位'),
  post: text(60, '兼任职务'),
  approvedOn: ZDate,
  approvedBy: text(60, '审批机关'),
  docNo: optText(60, '文号'),
  paid: z.boolean().default(false),
  endsOn: ZDate.nullable().default(null),
});
export type TPartTime = z.infer<typeof ZPartTimeSchema>;

export const ZSupervisionRecordsSchema = z.object({
  cadreId: id,
  name: z.string(),
  retirement: z.object({ base: z.number().int(), yearMonth: z.string(), article: z.string() }).nullable(),
  adjustments: z.array(ZAdjustmentSchema),
  pool: z.array(ZPoolEntrySchema),
  reports: z.array(z.object({ id, year: z.number().int(), filedOn: z.string(), checkKind: z.enum(CHECK_KINDS), finding: z.string() })),
  passports: z.array(
    z.object({
      id,
      kind: z.string(),
      number: z.string(),
      handedInOn: z.string(),
      takenOutOn: z.string().nullable(),
      trip: z.string().nullable(),
      dueOn: z.string().nullable(),
      returnedOn: z.string().nullable(),
      tripId: id.nullable(),
      overdue: z.boolean(),
    }),
  ),
  trips: z.array(ZTripSchema),
  partTime: z.array(
    z.object({
      id,
      organization: z.string(),
      post: z.string(),
      approvedOn: z.string(),
      approvedBy: z.string(),
      docNo: z.string(),
      paid: z.boolean(),
      endsOn: z.string().nullable(),
    }),
  ),
});
export type TSupervisionRecords = z.infer<typeof ZSupervisionRecordsSchema>;

// API schemas for Party dues (ISSUE 3 point 6; RULES.md §2). Money in integer fen, months 'YYYY-MM'.
import { z } from 'zod';
import {
  DUES_BASE_SOURCES,
  DUES_CATEGORIES,
  DUES_ROUNDINGS,
  DUES_RULES,
  yuan,
  type DuesCategory,
  type DuesBaseSource,
} from '../rules/dues';
import { ZDate } from './common';

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const fen = z.number().int('金额应为整数（分）').min(0, '金额不能为负').max(1_000_000_000, '金额过大');
const optText = (max: number) => z.string().trim().max(max).optional();

export const ZDuesSettingsSchema = z
  .strictObject({
    rounding: z.enum(DUES_ROUNDINGS),
    /** art. 6: 0.2–1 元 set by the province */
    farmerFen: z
      .number()
      .int()
      .min(DUES_RULES.farmerMinFen, `农民党员党费不少于 ${yuan(DUES_RULES.farmerMinFen)} 元`)
      .max(DUES_RULES.farmerMaxFen, `农民党员党费不超过 ${yuan(DUES_RULES.farmerMaxFen)} 元`),
    warnMonths: z.number().int().min(1).max(12),
    urgentMonths: z.number().int().min(1).max(12),
    lapseMonths: z.number().int().min(1).max(12),
  })
  .refine((s) => s.warnMonths < s.urgentMonths && s.urgentMonths < s.lapseMonths, {
    message: '提醒月数应小于紧急月数，紧急月数应小于视为自行脱党的月数',
    path: ['urgentMonths'],
  });
export type TDuesSettings = z.infer<typeof ZDuesSettingsSchema>;

const ZDuesCategory = z.enum(DUES_CATEGORIES as [DuesCategory, ...DuesCategory[]]);
const ZDuesBaseSource = z.enum(DUES_BASE_SOURCES as [DuesBaseSource, ...DuesBaseSource[]]);

export const ZBaseCreateSchema = z.strictObject({
  category: ZDuesCategory,
  baseFen: fen.default(0),
  effectiveFrom: ZMonth,
  source: ZDuesBaseSource,
  note: optText(200),
});
export type TBaseCreate = z.infer<typeof ZBaseCreateSchema>;
/** The body as the web sends it (baseFen may be left out). */
export type TBaseCreateInput = z.input<typeof ZBaseCreateSchema>;

export const ZMemberPaymentSchema = z.strictObject({
  months: z.array(ZMonth).min(1, '请选择月份').max(24, '一次最多缴 24 个月'),
  paidOn: ZDate,
  receiptNo: optText(40),
  collectedBy: optText(40),
  note: optText(200),
});
export type TMemberPayment = z.infer<typeof ZMemberPaymentSchema>;

export const ZBulkPaymentSchema = z.strictObject({
  month: ZMonth,
  paidOn: ZDate,
  collectedBy: optText(40),
  items: z
    .array(z.strictObject({ memberId: z.number().int().positive(), receiptNo: optText(40) }))
    .min(1, '请勾选已缴党员')
    .max(500),
});
export type TBulkPayment = z.infer<typeof ZBulkPaymentSchema>;

export const ZVoluntarySchema = z.strictObject({
  amountFen: fen.min(1, '金额应大于 0'),
  paidOn: ZDate,
  receiptNo: optText(40),
  note: optText(200),
});
export type TVoluntary = z.infer<typeof ZVoluntarySchema>;

export const ZReductionCreateSchema = z.strictObject({
  kind: z.enum(['reduce', 'exempt']),
  /** the monthly amount still paid while a reduction applies */
  amountFen: fen.optional(),
  monthFrom: ZMonth,
  monthTo: ZMonth,
  reason: z.string().trim().min(4, '请说明困难情况').max(500),
});
export type TReductionCreate = z.infer<typeof ZReductionCreateSchema>;

export const ZReductionDecideSchema = z.strictObject({ decision: z.enum(['approve', 'reject']), note: optText(200) });
export type TReductionDecide = z.infer<typeof ZReductionDecideSchema>;
export const ZReductionStatus = z.enum(['proposed', 'approved', 'rejected']);
export type TReductionStatus = z.infer<typeof ZReductionStatus>;

export const ZSheetQuery = z.strictObject({ month: ZMonth });
export const ZArrearsQuery = z.strictObject({
  minLevel: z.enum(['none', 'notice', 'warning', 'urgent', 'lapsed']).default('none'),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const ZTotalsQuery = z.strictObject({ from: ZMonth, to: ZMonth });
export const ZReductionListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  status: ZReductionStatus.optional(),
});
export type TReductionListQuery = z.infer<typeof ZReductionListQuery>;
export const ZDuesExportQuery = z.strictObject({
  kind: z.enum(['detail', 'summary', 'arrears']),
  from: ZMonth,
  to: ZMonth,
  purpose: z.string().trim().min(2, '请填写导出用途').max(200),
});
export type TDuesExportKind = z.infer<typeof ZDuesExportQuery>['kind'];

const level = z.enum(['none', 'notice', 'warning', 'urgent', 'lapsed']);
export const ZArrearsSchema = z.object({
  unpaidMonths: z.number(),
  owedFen: z.number(),
  oldestUnpaid: z.string().nullable(),
  consecutiveUnpaid: z.number(),
  level,
});
export type TArrears = z.infer<typeof ZArrearsSchema>;

export const ZBaseSchema = z.object({
  id: z.number(),
  category: ZDuesCategory,
  baseFen: z.number(),
  dueFen: z.number(),
  effectiveFrom: z.string(),
  source: ZDuesBaseSource,
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type TBase = z.infer<typeof ZBaseSchema>;

export const ZPaymentSchema = z.object({
  id: z.number(),
  month: z.string(),
  kind: z.enum(['regular', 'voluntary']),
  amountFen: z.number(),
  paidOn: z.string(),
  receiptNo: z.string().nullable(),
  collectedBy: z.string().nullable(),
  toCentre: z.boolean(),
  orgName: z.string(),
});
export type TPayment = z.infer<typeof ZPaymentSchema>;

export const ZReductionSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(['reduce', 'exempt']),
  amountFen: z.number(),
  monthFrom: z.string(),
  monthTo: z.string(),
  reason: z.string(),
  status: ZReductionStatus,
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean(),
});
export type TReduction = z.infer<typeof ZReductionSchema>;

export const ZLedgerMonthSchema = z.object({ month: z.string(), dueFen: z.number(), paidFen: z.number(), reduced: z.boolean() });
export type TLedgerMonth = z.infer<typeof ZLedgerMonthSchema>;

export const ZMemberDuesSchema = z.object({
  member: z.object({
    id: z.number(),
    name: z.string(),
    orgId: z.number(),
    orgName: z.string(),
    category: z.string(),
    status: z.string(),
    admittedOn: z.string().nullable(),
  }),
  current: ZBaseSchema.nullable(),
  bases: z.array(ZBaseSchema),
  ledger: z.array(ZLedgerMonthSchema),
  payments: z.array(ZPaymentSchema),
  reductions: z.array(ZReductionSchema),
  arrears: ZArrearsSchema,
});
export type TMemberDues = z.infer<typeof ZMemberDuesSchema>;

export const ZSheetRowSchema = z.object({
  memberId: z.number(),
  name: z.string(),
  memberCategory: z.string(),
  duesCategory: ZDuesCategory.nullable(),
  baseFen: z.number().nullable(),
  dueFen: z.number().nullable(),
  paidFen: z.number(),
  paidOn: z.string().nullable(),
  receiptNo: z.string().nullable(),
  consecutiveUnpaid: z.number(),
  level,
});
export type TSheetRow = z.infer<typeof ZSheetRowSchema>;
export const ZSheetSchema = z.object({
  month: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  rows: z.array(ZSheetRowSchema),
  dueFen: z.number(),
  paidFen: z.number(),
});
export type TSheet = z.infer<typeof ZSheetSchema>;

export const ZArrearsRowSchema = ZArrearsSchema.extend({ memberId: z.number(), name: z.string(), orgId: z.number(), orgName: z.string() });
export type TArrearsRow = z.infer<typeof ZArrearsRowSchema>;
export const ZArrearsListSchema = z.object({
  asOfMonth: z.string(),
  items: z.array(ZArrearsRowSchema),
  truncated: z.boolean(),
  counts: z.object({ notice: z.number(), warning: z.number(), urgent: z.number(), lapsed: z.number() }),
});
export type TArrearsList = z.infer<typeof ZArrearsListSchema>;

export const ZTotalsCellsSchema = z.object({
  dueFen: z.number(),
  paidFen: z.number(),
  voluntaryFen: z.number(),
  toCentreFen: z.number(),
  payers: z.number(),
});
export type TTotalsCells = z.infer<typeof ZTotalsCellsSchema>;
export const ZTotalsSchema = z.object({
  from: z.string(),
  to: z.string(),
  byMonth: z.array(ZTotalsCellsSchema.extend({ month: z.string() })),
  byChild: z.array(ZTotalsCellsSchema.extend({ orgId: z.number(), name: z.string() })),
});
export type TTotals = z.infer<typeof ZTotalsSchema>;

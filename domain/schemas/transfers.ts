// API schemas for transfers of the organizational relationship (组织关系转接).
import { z } from 'zod';
import { ZCursorQuery, ZDate } from './common';
import { TRANSFER_KINDS, TRANSFER_STATUSES } from '../rules/transfers';

const reason = z.string().trim().min(2, '请填写转接原因').max(200, '原因不能超过 200 字');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至月份格式应为 YYYY-MM');
const validDays = z.number().int().min(1, '有效期至少 1 天').max(366);

export const ZTransferCreateSchema = z.strictObject({
  kind: z.enum(['within_city', 'out_of_city']),
  memberId: z.number().int().positive(),
  toOrgId: z.number().int().positive().optional(),
  toOrgName: z.string().trim().min(2, '请填写接收党组织名称').max(100).optional(),
  toAddress: z.string().trim().max(200).optional(),
  reason,
  issuedOn: ZDate.optional(),
  validDays: validDays.optional(),
  duesPaidUntil: yearMonth.optional(),
});
export type TTransferCreate = z.infer<typeof ZTransferCreateSchema>;

export const ZIncomingMemberSchema = z.strictObject({
  name: z.string().trim().min(2, '请填写姓名').max(40),
  gender: z.enum(['男', '女']),
  category: z.enum(['full', 'probationary']),
  idNumber: z.string().trim().max(18).optional(),
  birthDate: ZDate.optional(),
  admittedOn: ZDate.optional(),
  fullOn: ZDate.optional(),
  phone: z.string().trim().max(30).optional(),
  workUnit: z.string().trim().max(100).optional(),
});

/** A letter received from an organization outside the city. */
export const ZTransferIncomingSchema = z.strictObject({
  toOrgId: z.number().int().positive(),
  fromOrgName: z.string().trim().min(2, '请填写转出党组织名称').max(100),
  externalNo: z.string().trim().min(1, '请填写介绍信编号').max(60),
  issuedOn: ZDate,
  validDays: validDays.optional(),
  reason,
  duesPaidUntil: yearMonth.optional(),
  member: ZIncomingMemberSchema,
});
export type TTransferIncoming = z.infer<typeof ZTransferIncomingSchema>;

export const ZTransferStepSchema = z.strictObject({ date: ZDate.optional() });
export const ZTransferReturnSchema = z.strictObject({
  date: ZDate.optional(),
  reason: z.string().trim().min(2, '请填写退回原因').max(200),
});

export const ZTransferListQuery = z.strictObject({
  box: z.enum(['out', 'in', 'overdue']).default('out'),
  status: z.enum(TRANSFER_STATUSES).optional(),
  kind: z.enum(TRANSFER_KINDS).optional(),
  q: z.string().trim().max(40).optional(),
  ...ZCursorQuery,
});
/** The list's filter as the web sends it (the export takes the same). */
export type TTransferFilter = Omit<z.infer<typeof ZTransferListQuery>, 'cursor' | 'limit'>;
export const ZTransferExportQuery = ZTransferListQuery.omit({ cursor: true, limit: true }).extend({
  purpose: z.string().trim().min(2, '请填写导出用途').max(100),
});

export const ZTransferRowSchema = z.object({
  id: z.number(),
  letterNo: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  status: z.enum(TRANSFER_STATUSES),
  memberName: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  idMasked: z.string().nullable(),
  fromOrgId: z.number().nullable(),
  fromOrgName: z.string(),
  toOrgId: z.number().nullable(),
  toOrgName: z.string(),
  toAddress: z.string().nullable(),
  externalNo: z.string().nullable(),
  reason: z.string(),
  duesPaidUntil: z.string().nullable(),
  issuedOn: z.string(),
  validDays: z.number(),
  expiresOn: z.string(),
  receivedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  overdue: z.boolean(),
  /** The caller's side(s): the sender sees outgoing letters, the receiver incoming ones. */
  sides: z.array(z.enum(['sender', 'receiver'])),
  /** The member record, only for the sending side or after confirmation. */
  memberId: z.number().nullable(),
});
export type TTransferRow = z.infer<typeof ZTransferRowSchema>;

export const ZTransferSettingsSchema = z
  .strictObject({
    withinCityDays: z.number().int().min(1).max(366),
    outOfCityDays: z.number().int().min(1).max(366),
    maxDays: z.number().int().min(1).max(366),
  })
  .refine((s) => s.withinCityDays <= s.maxDays && s.outOfCityDays <= s.maxDays, {
    message: '默认有效期不能超过最长有效期',
    path: ['maxDays'],
  });
export type TTransferSettings = z.infer<typeof ZTransferSettingsSchema>;

export const ZTransferCandidateQuery = z.strictObject({
  orgId: z.coerce.number().int().positive(),
  q: z.string().trim().max(40).optional(),
});
export const ZTransferCandidateSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  status: z.string(),
  orgName: z.string(),
});
export type TTransferCandidate = z.infer<typeof ZTransferCandidateSchema>;

export const ZTransferTargetQuery = z.strictObject({ q: z.string().trim().min(1, '请输入关键字').max(50) });
/** An organization in the city that may receive a letter. */
export const ZTransferTargetSchema = z.object({ id: z.number(), name: z.string(), kind: z.string(), parentName: z.string().nullable() });
export type TTransferTarget = z.infer<typeof ZTransferTargetSchema>;

// API schemas for member status changes (流动党员, 失联, 停止党籍, 出党, 死亡, 恢复).
import { z } from 'zod';
import { ZDate } from './common';
import { EXIT_KINDS, STATUS_CHANGE_KINDS, SUSPEND_BASES } from '../rules/member-status-rules';
import { MEMBER_STATUSES } from '../member-status';

const base = {
  date: ZDate,
  reason: z.string().trim().min(2, '请填写原因').max(300, '原因不能超过 300 字'),
  documentNo: z.string().trim().max(60).optional(),
};

export const ZFlowingSchema = z.strictObject({
  certificateNo: z.string().trim().min(1, '请填写流动党员活动证编号').max(40),
  place: z.string().trim().min(2, '请填写流入地').max(100),
  contact: z.string().trim().min(2, '请填写联系方式').max(60),
  attendingOrg: z.string().trim().min(2, '请填写参加组织生活的党组织').max(100),
});

export const ZStatusChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flowing'), ...base, flowing: ZFlowingSchema }),
  z.strictObject({ kind: z.literal('flowing_end'), ...base }),
  z.strictObject({ kind: z.literal('lost_contact'), ...base }),
  z.strictObject({ kind: z.literal('suspend'), ...base, basis: z.enum(SUSPEND_BASES), abroadSince: ZDate.optional() }),
  z.strictObject({ kind: z.literal('leave'), ...base, exitKind: z.enum(EXIT_KINDS) }),
  z.strictObject({ kind: z.literal('death'), ...base }),
  z.strictObject({ kind: z.literal('restore'), ...base }),
]);
export type TStatusChange = z.infer<typeof ZStatusChangeSchema>;
export const ZStatusChangeResultSchema = z.object({ memberId: z.number(), eventId: z.number(), from: z.string(), to: z.string() });
export type TStatusChangeResult = z.infer<typeof ZStatusChangeResultSchema>;

export const ZStatusEventSchema = z.object({
  id: z.number(),
  kind: z.enum(STATUS_CHANGE_KINDS),
  fromStatus: z.enum(MEMBER_STATUSES),
  toStatus: z.enum(MEMBER_STATUSES),
  date: z.string(),
  reason: z.string(),
  documentNo: z.string().nullable(),
  exitKind: z.enum(EXIT_KINDS).nullable(),
  suspendBasis: z.enum(SUSPEND_BASES).nullable(),
  details: z.unknown(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const ZStatusListName = z.enum(['flowing', 'lost_contact', 'suspended', 'left', 'deceased', 'transferred_out']);
export type TStatusListName = z.infer<typeof ZStatusListName>;
export const ZStatusListQuery = z.strictObject({
  status: ZStatusListName,
  orgId: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZStatusMemberSchema = z.object({
  memberId: z.number(),
  name: z.string(),
  gender: z.string(),
  category: z.enum(['full', 'probationary']),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  statusSince: z.string().nullable(),
  flowing: ZFlowingSchema.extend({ since: z.string() }).nullable(),
  attention: z.object({ code: z.string(), message: z.string(), article: z.string(), dueOn: z.string() }).nullable(),
});
export type TStatusMember = z.infer<typeof ZStatusMemberSchema>;

// API schemas for organizations (docs/api.md "Organizations").
import { z } from 'zod';
import { COMMITTEE_POSTS, ORG_KINDS, UNIT_TYPES } from '../org-kinds';
import { ZDate } from './common';

const name = z.string().trim().min(2, '名称至少 2 个字').max(100, '名称不能超过 100 个字');
const shortName = z.string().trim().max(40, '简称不能超过 40 个字');
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, '组织代码只能包含字母、数字和连字符，最长 40 位');

export const ZOrgStatus = z.enum(['active', 'dissolved']);
export type TOrgStatus = z.infer<typeof ZOrgStatus>;

export const ZOrgNodeSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  status: ZOrgStatus,
  childCount: z.number(),
  isLeaf: z.boolean(),
});
export type TOrgNode = z.infer<typeof ZOrgNodeSchema>;

export const ZOrgWarningSchema = z.object({
  code: z.string(),
  level: z.enum(['warning', 'info']),
  message: z.string(),
  article: z.string(),
});
export type TOrgWarning = z.infer<typeof ZOrgWarningSchema>;

export const ZCommitteeMemberSchema = z.object({
  id: z.number(),
  personName: z.string(),
  post: z.enum(COMMITTEE_POSTS),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
});
export type TCommitteeMember = z.infer<typeof ZCommitteeMemberSchema>;

export const ZOrgDetailSchema = ZOrgNodeSchema.extend({
  code: z.string(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  establishedOn: z.string().nullable(),
  dissolvedOn: z.string().nullable(),
  path: z.array(z.object({ id: z.number(), name: z.string() })),
  // null for a reader without member.read (the security administrator, the cadre and talent officers)
  memberCount: z.number().nullable(),
  fullMemberCount: z.number().nullable(),
  probationaryCount: z.number().nullable(),
  committee: z.array(ZCommitteeMemberSchema),
  warnings: z.array(ZOrgWarningSchema),
});
export type TOrgDetail = z.infer<typeof ZOrgDetailSchema>;

export const ZOrgCreateSchema = z.strictObject({
  parentId: z.number().int().positive(),
  name,
  shortName: shortName.optional(),
  code: code.optional(),
  kind: z.enum(ORG_KINDS),
  unitType: z.enum(UNIT_TYPES).optional(),
  establishedOn: ZDate.optional(),
});
export type TOrgCreate = z.infer<typeof ZOrgCreateSchema>;

export const ZOrgUpdateSchema = z.strictObject({
  name: name.optional(),
  shortName: shortName.nullable().optional(),
  code: code.optional(),
  kind: z.enum(ORG_KINDS).optional(),
  unitType: z.enum(UNIT_TYPES).nullable().optional(),
  establishedOn: ZDate.nullable().optional(),
});
export type TOrgUpdate = z.infer<typeof ZOrgUpdateSchema>;

export const ZOrgMoveSchema = z.strictObject({ newParentId: z.number().int().positive() });
export type TOrgMove = z.infer<typeof ZOrgMoveSchema>;
export const ZOrgDissolveSchema = z.strictObject({
  dissolvedOn: ZDate,
  reason: z.string().trim().min(2, '请填写撤销原因').max(500, '撤销原因不能超过 500 个字'),
});
export type TOrgDissolve = z.infer<typeof ZOrgDissolveSchema>;

export const ZCommitteeInputSchema = z.strictObject({
  personName: z.string().trim().min(2, '姓名至少 2 个字').max(40, '姓名不能超过 40 个字'),
  post: z.enum(COMMITTEE_POSTS),
  termStart: ZDate.nullable().optional(),
  termEnd: ZDate.nullable().optional(),
});
export type TCommitteeInput = z.infer<typeof ZCommitteeInputSchema>;
export const ZCommitteeSchema = z.strictObject({ members: z.array(ZCommitteeInputSchema).max(15) });
export type TCommittee = z.infer<typeof ZCommitteeSchema>;

export const ZOrgSearchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入关键字').max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ZOrgSearchHitSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  status: ZOrgStatus,
  pathNames: z.string(),
});
export type TOrgSearchHit = z.infer<typeof ZOrgSearchHitSchema>;

export const ZOrgHistorySchema = z.object({
  id: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  /** A snapshot of the changed object: an organization's fields, or the committee list. */
  before: z.unknown(),
  after: z.unknown(),
});
export type TOrgHistory = z.infer<typeof ZOrgHistorySchema>;
/** The history with the names of the organizations its snapshots refer to by id (a parent before and after a move). */
export const ZOrgHistoryListSchema = z.object({ items: z.array(ZOrgHistorySchema), orgNames: z.record(z.string(), z.string()) });
export type TOrgHistoryList = z.infer<typeof ZOrgHistoryListSchema>;

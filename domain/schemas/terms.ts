// API schemas for committee terms and elections (ISSUE 4 point 3; RULES.md §4). Dates 'YYYY-MM-DD'.
import { z } from 'zod';
import { TERM_KINDS, TERM_STATES } from '../rules/terms';
import { ZDate, ZCursorQuery } from './common';

const optText = (max: number) => z.string().trim().max(max).optional();
const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负`)
    .max(100_000, `${label}过大`);
const version = z.number().int().positive();

export const ZTermStateFilter = z.enum([...TERM_STATES, 'missing']);
export type TTermStateFilter = z.infer<typeof ZTermStateFilter>;

export const ZTermListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  state: ZTermStateFilter.optional(),
  kind: z.enum(TERM_KINDS).optional(),
  q: z.string().trim().max(40).optional(),
  ...ZCursorQuery,
});
export type TTermListQuery = z.infer<typeof ZTermListQuery>;
/** The list's filter as the web sends it (the export takes the same). */
export type TTermFilter = Omit<Partial<TTermListQuery>, 'cursor' | 'limit'>;

export const ZTermExportQuery = ZTermListQuery.omit({ cursor: true, limit: true }).extend({
  purpose: z.string().trim().min(2, '请填写导出用途').max(200),
});

/** One organization with a term (or none recorded yet) in a list. */
export const ZTermRowSchema = z.object({
  id: z.number(), // the organization
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  unitType: z.string().nullable(),
  termKind: z.enum(TERM_KINDS),
  termYears: z.number(),
  termId: z.number().nullable(),
  electedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  state: ZTermStateFilter,
  secretary: z.string().nullable(),
  /** The latest election unless it is the confirmed one that opened the current term (under way, refused or failed). */
  election: z.object({ id: z.number(), status: z.string() }).nullable(),
});
export type TTermRow = z.infer<typeof ZTermRowSchema>;

export const ZTermPageSchema = z.object({
  items: z.array(ZTermRowSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  /** Ending within six months (the dashboard's figure, domain/counting-bases.ts) and what it counts. */
  endingSoon: z.number(),
  endingSoonBasis: z.object({ zh: z.string(), en: z.string() }),
  today: z.string(),
});
export type TTermPage = z.infer<typeof ZTermPageSchema>;

export const ZTermSchema = z.object({
  id: z.number(),
  termKind: z.enum(TERM_KINDS),
  termYears: z.number(),
  electedOn: z.string(),
  endsOn: z.string(),
  /** The end without any approved advance or delay. */
  regularEnd: z.string(),
  endedOn: z.string().nullable(),
  electionId: z.number().nullable(),
  state: z.enum(TERM_STATES).nullable(),
  daysLeft: z.number().nullable(),
  reminderOn: z.string(),
  requestFrom: z.string(),
  requestBy: z.string(),
});
export type TTerm = z.infer<typeof ZTermSchema>;

export const ZCandidateSchema = z.object({
  id: z.number(),
  memberId: z.number().nullable(),
  personName: z.string(),
  post: z.enum(['secretary', 'deputy_secretary', 'member']),
  votesFor: z.number().nullable(),
  elected: z.boolean().nullable(),
});

export const ELECTION_STATUSES = ['requested', 'approved', 'rejected', 'held', 'failed', 'confirmed'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];
export const ELECTION_STATUS_LABELS: Record<ElectionStatus, { zh: string; en: string }> = {
  requested: { zh: '待上级批复', en: 'Awaiting approval' },
  approved: { zh: '已批复待选举', en: 'Approved, to be held' },
  rejected: { zh: '未批准', en: 'Not approved' },
  held: { zh: '已选举待审批', en: 'Held, to be confirmed' },
  failed: { zh: '选举无效', en: 'Invalid election' },
  confirmed: { zh: '已完成换届', en: 'New term started' },
};

export const ZElectionSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(ELECTION_STATUSES),
  plannedOn: z.string().nullable(),
  plannedSeats: z.number().nullable(),
  requestNote: z.string().nullable(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedOrgName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  heldOn: z.string().nullable(),
  shouldAttend: z.number().nullable(),
  present: z.number().nullable(),
  quorate: z.boolean().nullable(),
  failureReason: z.string().nullable(),
  minutes: z.string().nullable(),
  candidates: z.array(ZCandidateSchema),
  warnings: z.array(z.string()),
  confirmedBy: z.string().nullable(),
  confirmedOrgName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** L: the result is reported within 1 month of the election. */
  reportDueOn: z.string().nullable(),
  reportOverdue: z.boolean(),
  version: z.number(),
  canDecide: z.boolean(),
  canRecord: z.boolean(),
  canConfirm: z.boolean(),
});
export type TElection = z.infer<typeof ZElectionSchema>;

export const ZAdjustmentSchema = z.object({
  id: z.number(),
  termId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(['delay', 'advance']),
  originalEnd: z.string(),
  newEnd: z.string(),
  reason: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedOrgName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean(),
});
export type TAdjustment = z.infer<typeof ZAdjustmentSchema>;

export const ZOrgTermsSchema = z.object({
  org: z.object({ id: z.number(), name: z.string(), kind: z.string(), unitType: z.string().nullable() }),
  rule: z.object({ kind: z.enum(TERM_KINDS), years: z.number(), article: z.string() }).nullable(),
  today: z.string(),
  current: ZTermSchema.nullable(),
  history: z.array(ZTermSchema),
  elections: z.array(ZElectionSchema),
  adjustments: z.array(ZAdjustmentSchema),
  committee: z.array(
    z.object({
      id: z.number(),
      personName: z.string(),
      post: z.string(),
      termStart: z.string().nullable(),
      termEnd: z.string().nullable(),
    }),
  ),
  /** 第五条: full members in the subtree, the usual number who should attend (留党察看 is not recorded). */
  voters: z.object({ full: z.number(), probationary: z.number() }),
  can: z.object({ recordTerm: z.boolean(), request: z.boolean(), propose: z.boolean() }),
});
export type TOrgTerms = z.infer<typeof ZOrgTermsSchema>;

export const ZTermRecordSchema = z.strictObject({ electedOn: ZDate });

export const ZElectionRequestSchema = z.strictObject({
  plannedOn: ZDate,
  plannedSeats: z.number().int('应选名额应为整数').min(1, '应选名额至少 1 名').max(15, '应选名额不超过 15 名'),
  note: optText(500),
});
export type TElectionRequest = z.infer<typeof ZElectionRequestSchema>;

export const ZDecisionSchema = z.strictObject({ decision: z.enum(['approve', 'reject']), note: optText(200), version });
export const ZAdjustmentDecisionSchema = z.strictObject({ decision: z.enum(['approve', 'reject']), note: optText(200) });

export const ZElectionResultSchema = z.strictObject({
  heldOn: ZDate,
  shouldAttend: count('应到会人数').min(1, '应到会人数至少为 1'),
  present: count('实到会人数'),
  candidates: z
    .array(
      z.strictObject({
        memberId: z.number().int().positive().optional(),
        personName: z.string().trim().min(1, '请填写候选人姓名').max(40),
        votesFor: count('赞成票数'),
      }),
    )
    .max(30, '候选人不超过 30 名'),
  minutes: optText(2000),
  version,
});
export type TElectionResult = z.infer<typeof ZElectionResultSchema>;

export const ZElectionConfirmSchema = z.strictObject({
  secretaryId: z.number().int().positive({ error: '请选择书记' }),
  deputyIds: z.array(z.number().int().positive()).max(2, '副书记一般不超过 2 名').default([]),
  version,
});
export type TElectionConfirm = z.infer<typeof ZElectionConfirmSchema>;

export const ZAdjustmentCreateSchema = z.strictObject({
  kind: z.enum(['delay', 'advance']),
  newEnd: ZDate,
  reason: z.string().trim().min(4, '请说明延期或提前换届的理由').max(500),
});
export type TAdjustmentCreate = z.infer<typeof ZAdjustmentCreateSchema>;

export const ZElectionListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(ELECTION_STATUSES).optional(),
  /** Only what the caller may decide or confirm now. */
  mine: z.enum(['true', 'false']).optional(),
});
/** The elections filter as the web holds it: mine as a boolean (sent as 'true'). */
export type TElectionListFilter = Omit<z.infer<typeof ZElectionListQuery>, 'mine'> & { mine?: boolean };
export const ZAdjustmentListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(['proposed', 'approved', 'rejected']).optional(),
});
export type TAdjustmentListQuery = z.infer<typeof ZAdjustmentListQuery>;
export const ZCandidateQuery = z.strictObject({ q: z.string().trim().max(40).optional() });
export const ZEligibleSchema = z.object({ id: z.number(), name: z.string(), orgName: z.string() });
export type TEligible = z.infer<typeof ZEligibleSchema>;

export const ZOverdueSchema = z.object({
  today: z.string(),
  overdue: z.array(ZTermRowSchema),
  delays: z.array(ZAdjustmentSchema),
  /** Elections held more than a month ago whose result is not yet confirmed (L). */
  unreported: z.array(ZElectionSchema),
});
export type TOverdue = z.infer<typeof ZOverdueSchema>;

// API schemas for branch standards (标准化规范化建设): checklist versions, assessments, star ratings,
// weak organizations and their rectification (issue 4 point 4; rules in domain/rules/standards.ts).
import { z } from 'zod';
import { ZDate } from './common';
import { checklistProblems, WEAK_REASONS } from '../rules/standards';

const year = z.coerce.number().int().min(2000, '年度不早于 2000 年').max(2100);
const orgId = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
const optText = (max: number) => text(max).optional();
const version = z.number().int().positive();

export const ZStandardItemSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, '编号为 1–20 位字母、数字'),
  category: text(20).min(2, '请填写类别'),
  title: text(60).min(2, '请填写评分项'),
  maxScore: z.number().positive('满分应大于 0').max(100),
  guide: text(500),
});
export const ZStarThresholdSchema = z.strictObject({ stars: z.number().int().min(1).max(5), minScore: z.number().min(0).max(100) });

export const ZChecklistCreateSchema = z
  .strictObject({
    name: text(60).min(2, '请填写名称'),
    effectiveFrom: ZDate,
    items: z.array(ZStandardItemSchema).min(1, '至少一个评分项').max(100),
    starThresholds: z.array(ZStarThresholdSchema).length(5, '星级应为五档'),
  })
  .superRefine((c, ctx) => {
    for (const p of checklistProblems(c.items, c.starThresholds))
      ctx.addIssue({ code: 'custom', message: p.message, path: [p.code === 'starThresholds' ? 'starThresholds' : 'items'] });
  });
export type TChecklistCreate = z.infer<typeof ZChecklistCreateSchema>;

export const ZChecklistSchema = z.object({
  id: z.number(),
  name: z.string(),
  effectiveFrom: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), category: z.string(), title: z.string(), maxScore: z.number(), guide: z.string() })),
  starThresholds: z.array(z.object({ stars: z.number(), minScore: z.number() })),
  /** How many assessments were made on it. */
  used: z.number(),
});
export type TChecklist = z.infer<typeof ZChecklistSchema>;

const itemScore = z.strictObject({ score: z.number().nullable().optional(), note: text(500).nullable().optional() });
const scoreSheet = z.record(z.string().max(20), itemScore);
/** Per-item scores as the web sends them, keyed by item code. */
export type TScoreInput = z.input<typeof scoreSheet>;

export const ZAssessmentQuery = z.strictObject({ year });
export const ZSelfAssessmentSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  scores: scoreSheet,
  note: optText(1000),
  /** The version read; absent for the first save of the year. */
  version: version.optional(),
});
export type TSelfAssessment = z.infer<typeof ZSelfAssessmentSchema>;
export const ZSubmitSchema = z.strictObject({ version });
export type TSubmit = z.infer<typeof ZSubmitSchema>;
export const ZReviewSchema = z.strictObject({
  decision: z.enum(['rate', 'return']),
  /** Per-item review scores (required to rate; a return may keep them as a draft). */
  scores: scoreSheet.optional(),
  note: optText(1000),
  version,
});
export type TReview = z.infer<typeof ZReviewSchema>;

const ZScoreOut = z.record(z.string(), z.object({ score: z.number().nullable().optional(), note: z.string().nullable().optional() }));
export const ZStatus = z.enum(['draft', 'submitted', 'reviewed', 'returned']);
export type TAssessmentStatus = z.infer<typeof ZStatus>;
/** An organization's rating state in a year: 'none' while it has no assessment. */
export const ZRatingStatus = z.enum(['none', ...ZStatus.options]);
export type TRatingStatus = z.infer<typeof ZRatingStatus>;

export const ZAssessmentSchema = z.object({
  id: z.number(),
  status: ZStatus,
  selfScores: ZScoreOut,
  selfTotal: z.number().nullable(),
  selfNote: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewScores: ZScoreOut.nullable(),
  reviewTotal: z.number().nullable(),
  reviewNote: z.string().nullable(),
  stars: z.number().nullable(),
  reviewedBy: z.string().nullable(),
  reviewerOrgName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number(),
});
export type TAssessment = z.infer<typeof ZAssessmentSchema>;
export const ZStarHistorySchema = z.object({
  year: z.number(),
  stars: z.number(),
  ratedOn: z.string(),
  ratedByOrgName: z.string().nullable(),
  reviewTotal: z.number().nullable(),
});
export type TStarHistory = z.infer<typeof ZStarHistorySchema>;

export const ZAssessmentViewSchema = z.object({
  org: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  year: z.number(),
  checklist: ZChecklistSchema,
  assessment: ZAssessmentSchema.nullable(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  history: z.array(ZStarHistorySchema),
});
export type TAssessmentView = z.infer<typeof ZAssessmentViewSchema>;

export const ZAssessmentListQuery = z.strictObject({ orgId: orgId.optional(), year, status: ZStatus.optional() });
export type TAssessmentListQuery = z.infer<typeof ZAssessmentListQuery>;
export const ZAssessmentRowSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  year: z.number(),
  status: ZStatus,
  selfTotal: z.number().nullable(),
  reviewTotal: z.number().nullable(),
  stars: z.number().nullable(),
  submittedAt: z.string().nullable(),
  canReview: z.boolean(),
});
export type TAssessmentRow = z.infer<typeof ZAssessmentRowSchema>;
export const ZAssessmentListSchema = z.object({ items: z.array(ZAssessmentRowSchema), truncated: z.boolean() });
export type TAssessmentList = z.infer<typeof ZAssessmentListSchema>;

// The overview is a distribution (RULES.md §9: no leaderboard): counts by stars, rows in tree order.
export const ZRatingQuery = z.strictObject({
  orgId: orgId.optional(),
  year,
  stars: z.coerce.number().int().min(0).max(5).optional(),
  status: ZRatingStatus.optional(),
});
export type TRatingQuery = z.infer<typeof ZRatingQuery>;
export const ZRatingExportQuery = ZRatingQuery.extend({ purpose: z.string().trim().min(2, '请填写导出用途').max(200) });
export const ZStarCountsSchema = z.object({
  1: z.number(),
  2: z.number(),
  3: z.number(),
  4: z.number(),
  5: z.number(),
  unrated: z.number(),
});
export type TStarCounts = z.infer<typeof ZStarCountsSchema>;
export const ZRatingOverviewSchema = z.object({
  year: z.number(),
  branches: z.number(),
  counts: ZStarCountsSchema,
  statusCounts: z.object({ none: z.number(), draft: z.number(), submitted: z.number(), reviewed: z.number(), returned: z.number() }),
  byChild: z.array(ZStarCountsSchema.extend({ orgId: z.number(), name: z.string() })),
  items: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      parentName: z.string().nullable(),
      status: ZRatingStatus,
      selfTotal: z.number().nullable(),
      reviewTotal: z.number().nullable(),
      stars: z.number().nullable(),
      history: z.array(z.object({ year: z.number(), stars: z.number() })),
    }),
  ),
  truncated: z.boolean(),
});
export type TRatingOverview = z.infer<typeof ZRatingOverviewSchema>;

// 软弱涣散 organizations and their rectification.
export const ZWeakReason = z.enum(WEAK_REASONS);
export const ZWeakOrgCreateSchema = z.strictObject({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  reasons: z.array(ZWeakReason).min(1, '请选择至少一种软弱涣散情形').max(WEAK_REASONS.length),
  note: optText(1000),
});
export type TWeakOrgCreate = z.infer<typeof ZWeakOrgCreateSchema>;
export const ZWeakListQuery = z.strictObject({
  orgId: orgId.optional(),
  year: year.optional(),
  status: z.enum(['rectifying', 'rectified']).optional(),
});
export type TWeakListQuery = z.infer<typeof ZWeakListQuery>;
export const ZSuggestionQuery = z.strictObject({ orgId: orgId.optional(), year });
export type TSuggestionQuery = z.infer<typeof ZSuggestionQuery>;
export const ZAcceptSchema = z.strictObject({ note: optText(500) });

export const ZRectTaskCreateSchema = z.strictObject({
  title: text(100).min(2, '请填写整改任务'),
  measure: optText(1000),
  owner: text(40).min(2, '请填写责任人'),
  dueOn: ZDate,
});
export type TRectTaskCreate = z.infer<typeof ZRectTaskCreateSchema>;
export const ZRectTaskProgressSchema = z.strictObject({
  progress: z.number().int().min(0, '进度不能为负').max(100, '进度不能超过 100%'),
  note: optText(500),
});
export type TRectTaskProgress = z.infer<typeof ZRectTaskProgressSchema>;

export const ZRectTaskSchema = z.object({
  id: z.number(),
  title: z.string(),
  measure: z.string().nullable(),
  owner: z.string(),
  dueOn: z.string(),
  progress: z.number(),
  status: z.enum(['open', 'done']),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});
export type TRectTask = z.infer<typeof ZRectTaskSchema>;
const rectSummary = { tasks: z.number(), done: z.number(), progress: z.number(), overdue: z.number() };
export const ZWeakOrgSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  year: z.number(),
  reasons: z.array(ZWeakReason),
  note: z.string().nullable(),
  identifiedOn: z.string(),
  identifiedOrgName: z.string().nullable(),
  status: z.enum(['rectifying', 'rectified']),
  rectifiedOn: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  ...rectSummary,
  canAccept: z.boolean(),
  canUpdate: z.boolean(),
});
export type TWeakOrg = z.infer<typeof ZWeakOrgSchema>;
export const ZWeakOrgDetailSchema = ZWeakOrgSchema.extend({ items: z.array(ZRectTaskSchema) });
export type TWeakOrgDetail = z.infer<typeof ZWeakOrgDetailSchema>;
export const ZSuggestionSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  suggestions: z.array(z.object({ kind: z.string(), reason: ZWeakReason, text: z.string() })),
});
export type TSuggestion = z.infer<typeof ZSuggestionSchema>;
export const ZSuggestionListSchema = z.object({ year: z.number(), items: z.array(ZSuggestionSchema), truncated: z.boolean() });
export type TSuggestionList = z.infer<typeof ZSuggestionListSchema>;

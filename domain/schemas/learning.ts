// API schemas of theory learning's materials, plans and study sessions (issue 14 points 1–3; PILLARS.md §4).
import { z } from 'zod';
import { CADRE_LEVELS } from '../rules/cadre-levels';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

export const MATERIAL_KINDS = ['article', 'document', 'audio', 'video', 'link'] as const;
export type TMaterialKind = (typeof MATERIAL_KINDS)[number];
/** Kinds whose content is an uploaded file. */
export const FILE_KINDS = ['document', 'audio', 'video'] as const;
/** Members (all, probationary, secretaries and committee members), cadres by level, and activists (入党积极分子). */
export const PLAN_AUDIENCES = ['all', 'probationary', 'committee', 'cadres', 'activists'] as const;
export type TPlanAudience = (typeof PLAN_AUDIENCES)[number];

const tags = z.array(z.string().trim().min(1, '标签不能为空').max(20, '标签不超过 20 字')).max(10, '标签最多 10 个').default([]);

export const ZMaterialCreateSchema = z.strictObject({
  orgId: id,
  kind: z.enum(MATERIAL_KINDS, '请选择材料类型'),
  title: text(120, '标题'),
  summary: optText(500, '摘要'),
  /** Articles: rich text; stored after sanitize-html (scripts, styles and event handlers removed). */
  bodyHtml: z.string().max(60_000, '正文不超过 6 万字符（更长的文稿请以 PDF 上传）').default(''),
  /** Links: an http(s) address. */
  url: z
    .string()
    .trim()
    .max(500, '链接不超过 500 字符')
    .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), '链接须以 http:// 或 https:// 开头')
    .default(''),
  category: optText(30, '分类'),
  tags,
  /** How long the material takes, in seconds (1 minute to 10 hours): the most one learner is credited. */
  lengthSeconds: z.number().int('时长须为整数秒').min(60, '时长至少 60 秒').max(36_000, '时长不超过 10 小时'),
});
export type TMaterialCreate = z.infer<typeof ZMaterialCreateSchema>;

export const ZMaterialUpdateSchema = ZMaterialCreateSchema.omit({ orgId: true, kind: true })
  .partial()
  .extend({ status: z.enum(['published', 'withdrawn']).optional() })
  .strict();
export type TMaterialUpdate = z.infer<typeof ZMaterialUpdateSchema>;

export const ZMaterialSchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  lengthSeconds: z.number().int(),
  status: z.enum(['published', 'withdrawn']),
  /** The uploaded file (documents, audio, video), when there is one. */
  file: z.object({ fileName: z.string(), mime: z.string(), sizeBytes: z.number().int() }).nullable(),
  createdAt: z.string(),
});
export type TMaterial = z.infer<typeof ZMaterialSchema>;

export const ZMaterialDetailSchema = ZMaterialSchema.extend({
  bodyHtml: z.string(),
  url: z.string(),
  /** The learner's own credited seconds on it (learner routes only; 0 for staff). */
  creditedSeconds: z.number().int(),
});
export type TMaterialDetail = z.infer<typeof ZMaterialDetailSchema>;

export const ZMaterialQuerySchema = z.strictObject({
  q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
  kind: z.enum(MATERIAL_KINDS).optional(),
  category: z.string().trim().max(30).optional(),
  tag: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TMaterialQuery = z.infer<typeof ZMaterialQuerySchema>;
export const ZMaterialPageSchema = z.object({ items: z.array(ZMaterialSchema), total: z.number().int() });
export type TMaterialPage = z.infer<typeof ZMaterialPageSchema>;

export const ZPlanItemInSchema = z.strictObject({ kind: z.enum(['material', 'quiz']), refId: id });

export const ZPlanCreateSchema = z
  .strictObject({
    orgId: id,
    title: text(120, '计划名称'),
    description: optText(2000, '说明'),
    audiences: z.array(z.enum(PLAN_AUDIENCES, '请选择学习对象')).min(1, '请选择学习对象').max(PLAN_AUDIENCES.length),
    /** With the 'cadres' audience: the levels concerned (all levels when empty). */
    cadreLevels: z.array(z.enum(CADRE_LEVELS)).max(CADRE_LEVELS.length).default([]),
    requiredHours: z.number().min(0, '要求学时不能为负').max(2000, '要求学时不超过 2000'),
    startsOn: ZDate,
    endsOn: ZDate,
    items: z.array(ZPlanItemInSchema).max(200, '计划内容最多 200 项').default([]),
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type TPlanCreate = z.infer<typeof ZPlanCreateSchema>;

export const ZPlanItemSchema = z.object({
  kind: z.enum(['material', 'quiz']),
  refId: id,
  /** The material's title and length; null for a quiz (its module names it) or a material withdrawn. */
  title: z.string().nullable(),
  lengthSeconds: z.number().int().nullable(),
});

export const ZPlanSchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  audiences: z.array(z.enum(PLAN_AUDIENCES)),
  cadreLevels: z.array(z.string()),
  requiredHours: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
  items: z.array(ZPlanItemSchema),
});
export type TPlan = z.infer<typeof ZPlanSchema>;
export const ZPlanListSchema = z.object({ items: z.array(ZPlanSchema) });

/** Completion per organization below (never a ranking of people: RULES.md §9). */
export const ZPlanProgressRowSchema = z.object({
  orgId: id,
  orgName: z.string(),
  learners: z.number().int(),
  completed: z.number().int(),
  /** completed / learners, 0–1; null without learners. */
  share: z.number().nullable(),
});
export const ZPlanProgressSchema = z.object({
  planId: id,
  orgId: id,
  orgName: z.string(),
  /** How completion is counted, shown beside the figures. */
  definition: z.string(),
  total: ZPlanProgressRowSchema,
  rows: z.array(ZPlanProgressRowSchema),
});
export type TPlanProgress = z.infer<typeof ZPlanProgressSchema>;
export const ZPlanProgressQuerySchema = z.strictObject({ orgId: z.coerce.number().int().positive().optional() });

/** A learner's own view of a plan. */
export const ZMyPlanSchema = ZPlanSchema.extend({
  earnedHours: z.number(),
  completed: z.boolean(),
  materials: z.array(z.object({ refId: id, title: z.string(), lengthSeconds: z.number().int(), creditedSeconds: z.number().int() })),
  quizzes: z.array(z.object({ refId: id, done: z.boolean() })),
});
export type TMyPlan = z.infer<typeof ZMyPlanSchema>;
export const ZMyPlansSchema = z.object({ items: z.array(ZMyPlanSchema) });
export type TMyPlans = z.infer<typeof ZMyPlansSchema>;

// Study sessions (point 3): the API a mobile client calls.
export const ZSessionStartSchema = z.object({
  sessionId: id,
  heartbeatSeconds: z.number().int(),
  /** After this many seconds without input the page asks "still there?". */
  presenceSeconds: z.number().int(),
  /** The learner's credited seconds on the material so far, and its length (the cap). */
  materialCreditedSeconds: z.number().int(),
  lengthSeconds: z.number().int(),
});
export type TSessionStart = z.infer<typeof ZSessionStartSchema>;
export const ZHeartbeatSchema = z.strictObject({
  /** false: the page was (or is being) hidden since the last beat; sent at once when the page is hidden or shown again. */
  visible: z.boolean('请说明页面是否可见'),
  /** The player's position in seconds: recorded, never trusted for credit. */
  position: z.number().min(0, '播放位置不能为负').max(360_000, '播放位置无效'),
  rate: z.number().min(0, '播放速度无效').max(16, '播放速度无效'),
});
export type THeartbeat = z.infer<typeof ZHeartbeatSchema>;
export const BEAT_OUTCOMES = ['credited', 'too_early', 'hidden', 'gap', 'presence_required', 'superseded', 'complete'] as const;
export const ZHeartbeatResultSchema = z.object({
  /** This session's credited seconds so far. */
  creditedSeconds: z.number().int(),
  /** The learner's credited seconds on the material over all sessions. */
  materialCreditedSeconds: z.number().int(),
  outcome: z.enum(BEAT_OUTCOMES),
});
export type THeartbeatResult = z.infer<typeof ZHeartbeatResultSchema>;

export const FLAG_KINDS = ['nonstop', 'shared_device', 'fast_playback'] as const;
export const ZFlagSchema = z.object({
  id,
  kind: z.enum(FLAG_KINDS),
  learnerName: z.string(),
  orgName: z.string(),
  materialTitle: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  raisedAt: z.string(),
  review: z.enum(['cleared', 'upheld']).nullable(),
  reviewNote: z.string(),
});
export type TFlag = z.infer<typeof ZFlagSchema>;
export const ZFlagListSchema = z.object({ items: z.array(ZFlagSchema) });
export const ZFlagReviewSchema = z.strictObject({
  review: z.enum(['cleared', 'upheld'], '请选择复核结论'),
  note: optText(500, '复核意见'),
});

// API schemas of the talent evaluation by 显绩 and 潜绩 (issue 15 point 7): indicator sets as dated data, an
// evaluation per person and year, the person's evaluations over the years, and a year's distribution in bands.
// There is no list of people by score: lists are per person or structure counts (RULES.md §9).
import { z } from 'zod';
import { ZDate } from './common';
import { ZEvaluationSchema } from './talent';

const id = z.number().int().positive();
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,20}$/, '指标代码为 1–20 位小写字母、数字或 _');
export const INDICATOR_KINDS = ['achieved', 'potential'] as const;

export const ZIndicatorSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  weight: z.number().int(),
  effectiveOn: z.string(),
  supersededOn: z.string().nullable(),
  source: z.string(),
});
export type TIndicator = z.infer<typeof ZIndicatorSchema>;

/** The indicators adopted together on one day (a set); the latest begun set is in force. */
export const ZIndicatorSetSchema = z.object({
  effectiveOn: z.string(),
  supersededOn: z.string().nullable(),
  source: z.string(),
  inForce: z.boolean(),
  indicators: z.array(ZIndicatorSchema),
});
export type TIndicatorSet = z.infer<typeof ZIndicatorSetSchema>;

export const ZIndicatorSetCreateSchema = z.strictObject({
  effectiveOn: ZDate,
  source: z.string().trim().min(1, '请填写依据').max(200, '依据不超过 200 字'),
  indicators: z
    .array(
      z.strictObject({
        code,
        name: z.string().trim().min(1, '请填写指标名称').max(40, '指标名称不超过 40 字'),
        kind: z.enum(INDICATOR_KINDS),
        weight: z.number().int().min(1, '权重至少为 1').max(100, '权重不超过 100'),
      }),
    )
    .min(1, '请至少设置一项指标')
    .max(20, '指标不超过 20 项'),
});
export type TIndicatorSetCreate = z.infer<typeof ZIndicatorSetCreateSchema>;

export const ZEvaluationInputSchema = z.strictObject({
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  scores: z.record(code, z.number().min(0, '得分不低于 0').max(100, '得分不超过 100')),
  notes: z.record(code, z.string().trim().max(500, '佐证说明不超过 500 字')).default({}),
  /** The version read when replacing the year's evaluation (409 when stale); omitted for a first one. */
  version: z.number().int().positive().optional(),
});
export type TEvaluationInput = z.infer<typeof ZEvaluationInputSchema>;

export const ZEvaluationDetailSchema = ZEvaluationSchema.extend({
  indicatorsOn: z.string().nullable(),
  version: z.number().int(),
  evaluatedByName: z.string().nullable(),
});
export type TEvaluationDetail = z.infer<typeof ZEvaluationDetailSchema>;

export const ZPersonEvaluationsSchema = z.object({
  personId: id,
  personName: z.string(),
  employerName: z.string().nullable(),
  tierName: z.string().nullable(),
  evaluations: z.array(ZEvaluationDetailSchema),
  /** The sets the evaluations were scored against, and the set in force for a new one this year. */
  indicatorSets: z.array(ZIndicatorSetSchema),
});
export type TPersonEvaluations = z.infer<typeof ZPersonEvaluationsSchema>;

/** A year's totals in bands (counts only) and the means: never a ranking of people. */
export const ZEvaluationSummarySchema = z.object({
  activeTalents: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      count: z.number().int(),
      bands: z.array(z.object({ band: z.string(), count: z.number().int() })),
      meanAchieved: z.number().nullable(),
      meanPotential: z.number().nullable(),
      meanTotal: z.number().nullable(),
    }),
  ),
});
export type TEvaluationSummary = z.infer<typeof ZEvaluationSummarySchema>;

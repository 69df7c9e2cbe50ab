// API schemas of 民主测评 (issue 13 point 5; rules in domain/rules/democratic-evaluation.ts): the officer's
// routes (/api/cadre-evaluations) and the voters' public routes (/api/public/evaluations), which take a
// one-time code and never a session.
import { z } from 'zod';
import { ANSWER_SET_KEYS } from '../rules/democratic-evaluation';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
const id = z.number().int().positive();
export const ZAnswerSet = z.enum(ANSWER_SET_KEYS);
const weight = z.number().min(0, '权重不能为负').max(1000, '权重不能超过 1000');

export const ZEvaluationCreateSchema = z
  .strictObject({
    title: text(100).min(2, '请填写测评名称'),
    /** A team: its overall item and the people in its unit's posts now (frozen at creation). */
    teamId: id.optional(),
    /** Or a list of cadres. */
    cadreIds: z.array(id).min(1, '请选择测评对象').max(100, '一次测评最多 100 人').optional(),
    /** The managing organization of a list of cadres (default: the officer's); a team's is its unit's. */
    orgId: id.optional(),
    dimensions: z
      .array(z.strictObject({ label: text(20).min(1, '请填写测评维度'), weight }))
      .min(1, '至少一个测评维度')
      .max(12),
    answerSet: ZAnswerSet,
    teamAnswerSet: ZAnswerSet,
    categories: z
      .array(
        z.strictObject({
          name: text(30).min(1, '请填写参评人员类别'),
          weight,
          /** Codes planned for the category (printed later). */
          codes: z.number().int().min(0).max(2000, '每类最多 2000 个测评码'),
        }),
      )
      .min(1, '至少一个参评人员类别')
      .max(12),
  })
  .refine((b) => (b.teamId === undefined) !== (b.cadreIds === undefined), { message: '请选择班子或干部名单（二选一）', path: ['teamId'] })
  .refine((b) => b.dimensions.some((d) => d.weight > 0), { message: '测评维度的权重不能全为 0', path: ['dimensions'] })
  .refine((b) => b.categories.some((c) => c.weight > 0), { message: '参评人员类别的权重不能全为 0', path: ['categories'] });
export type TEvaluationCreate = z.input<typeof ZEvaluationCreateSchema>;

export const ZEvaluationCodesRequest = z.strictObject({
  items: z
    .array(z.strictObject({ category: z.string().regex(/^c\d{1,2}$/, '类别不存在'), count: z.number().int().min(1).max(2000) }))
    .min(1)
    .max(12),
});
export type TEvaluationCodesRequest = z.infer<typeof ZEvaluationCodesRequest>;
/** The codes in clear, answered once: only their keyed hashes are kept. */
export const ZEvaluationCodesSchema = z.object({
  items: z.array(z.object({ category: z.string(), name: z.string(), codes: z.array(z.string()) })),
});
export type TEvaluationCodes = z.infer<typeof ZEvaluationCodesSchema>;

export const ZEvaluationStatus = z.enum(['draft', 'open', 'closed']);
export type TEvaluationStatus = z.infer<typeof ZEvaluationStatus>;

const ZDimension = z.object({ key: z.string(), label: z.string(), weight: z.number() });
const ZSubject = z.object({
  seq: z.number(),
  kind: z.enum(['team', 'cadre']),
  cadreId: z.number().nullable(),
  name: z.string(),
  title: z.string(),
});
export const ZEvaluationDetailSchema = z.object({
  id: z.number(),
  title: z.string(),
  status: ZEvaluationStatus,
  team: z.object({ id: z.number(), name: z.string() }).nullable(),
  managerOrgId: z.number(),
  managerOrgName: z.string(),
  dimensions: z.array(ZDimension),
  answerSet: ZAnswerSet,
  teamAnswerSet: ZAnswerSet,
  subjects: z.array(ZSubject),
  /** Codes issued and used per category: the live turnout. */
  categories: z.array(
    z.object({ key: z.string(), name: z.string(), weight: z.number(), planned: z.number(), issued: z.number(), used: z.number() }),
  ),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TEvaluationDetail = z.infer<typeof ZEvaluationDetailSchema>;

export const ZEvaluationListQuery = z.strictObject({ status: ZEvaluationStatus.optional() });
export const ZEvaluationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      status: ZEvaluationStatus,
      teamName: z.string().nullable(),
      managerOrgName: z.string(),
      subjects: z.number(),
      issued: z.number(),
      used: z.number(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
});
export type TEvaluationList = z.infer<typeof ZEvaluationListSchema>;
export type TEvaluationListItem = TEvaluationList['items'][number];

const ZTally = z.object({
  counts: z.record(z.string(), z.number()),
  answered: z.number(),
  counted: z.number(),
  /** 0–100, two decimals. */
  score: z.number().nullable(),
  /** Percentages, two decimals. */
  topRate: z.number().nullable(),
  acceptableRate: z.number().nullable(),
});
export type TTally = z.infer<typeof ZTally>;
export const ZEvaluationResultsSchema = z.object({
  evaluation: ZEvaluationDetailSchema,
  ballotsByCategory: z.record(z.string(), z.number()),
  subjects: z.array(
    ZSubject.extend({
      items: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          weight: z.number(),
          set: ZAnswerSet,
          byCategory: z.record(z.string(), ZTally),
          all: ZTally,
        }),
      ),
      byCategory: z.record(z.string(), z.number().nullable()),
      total: z.number().nullable(),
    }),
  ),
});
export type TEvaluationResults = z.infer<typeof ZEvaluationResultsSchema>;
export const ZEvaluationExportQuery = z.strictObject({ purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

/** Teams in scope to choose from, with the people in their unit's posts now. */
export const ZEvaluationTeamsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      unitName: z.string(),
      members: z.array(z.object({ cadreId: z.number(), name: z.string(), title: z.string() })),
    }),
  ),
});
export type TEvaluationTeams = z.infer<typeof ZEvaluationTeamsSchema>;

// Public routes: the code is in the body (never in a URL, which logs keep).
const ZCode = z.string().trim().min(4, '请输入测评码').max(24, '测评码格式不正确');
export const ZPublicBallotRequest = z.strictObject({ code: ZCode });
export const ZPublicBallotSchema = z.object({
  title: z.string(),
  categoryName: z.string(),
  dimensions: z.array(ZDimension),
  answerSet: ZAnswerSet,
  teamAnswerSet: ZAnswerSet,
  subjects: z.array(ZSubject.omit({ cadreId: true })),
});
export type TPublicBallot = z.infer<typeof ZPublicBallotSchema>;
export const ZPublicVoteRequest = z.strictObject({
  code: ZCode,
  /** subject seq → item key → option key */
  answers: z.record(z.string().regex(/^\d{1,3}$/), z.record(z.string().regex(/^(d\d{1,2}|overall)$/), z.string().max(20))),
});
export type TPublicVote = z.infer<typeof ZPublicVoteRequest>;
export const ZPublicVoteSchema = z.object({ ok: z.literal(true) });

// API schemas of question banks, quizzes and attempts (issue 14 point 4). The learner's paper carries
// no answer key: the key and the explanation appear in an attempt only once it is submitted.
import { z } from 'zod';
import { QUESTION_TYPES } from '../rules/quiz';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

export const ZQuestionType = z.enum(QUESTION_TYPES);
export const MAX_OPTIONS = 8;

// ---------------------------------------------------------------- banks and questions

export const ZBankCreateSchema = z.strictObject({
  /** The owning organization: the actor's own when absent. */
  orgId: id.optional(),
  name: text(60, '题库名称'),
  description: optText(500, '说明'),
});
export type TBankCreate = z.infer<typeof ZBankCreateSchema>;
export const ZBankUpdateSchema = ZBankCreateSchema.omit({ orgId: true });
export type TBankUpdate = z.infer<typeof ZBankUpdateSchema>;

export const ZBankListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
  /** true: also the banks of the organizations above (a quiz here may draw from them). */
  usable: z.enum(['true', 'false']).optional(),
});

export const ZBankSchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  name: z.string(),
  description: z.string(),
  questionCount: z.number().int(),
  counts: z.record(ZQuestionType, z.number().int()),
  categories: z.array(z.object({ category: z.string(), type: ZQuestionType, count: z.number().int() })),
  /** In the actor's subtree (editable); false for a bank of a higher organization, listed as usable. */
  editable: z.boolean(),
});
export type TBank = z.infer<typeof ZBankSchema>;

/**
 * A question as staff write it, the answer in the spreadsheet's words: `A` or `A,B` / `AB` for choices,
 * 对/错 (正确/错误, √/×) for true/false, blanks separated by `；` with accepted variants by `|`
 * (`1921|1921年；七一`). The same reader checks it here and in an import.
 */
export const ZQuestionInputSchema = z.strictObject({
  type: ZQuestionType,
  stem: text(2000, '题干'),
  options: z.array(z.string().trim().max(500, '选项不超过 500 字')).max(MAX_OPTIONS, `选项不超过 ${MAX_OPTIONS} 个`).default([]),
  answer: text(500, '答案'),
  category: optText(40, '分类'),
  difficulty: z.number().int().min(1).max(3).default(2),
  explanation: optText(2000, '解析'),
});
export type TQuestionInput = z.infer<typeof ZQuestionInputSchema>;

export const ZQuestionSchema = z.object({
  id,
  bankId: id,
  type: ZQuestionType,
  stem: z.string(),
  options: z.array(z.string()),
  answerText: z.string(),
  category: z.string(),
  difficulty: z.number().int(),
  explanation: z.string(),
});
export type TQuestion = z.infer<typeof ZQuestionSchema>;

export const ZQuestionListQuery = z.strictObject({
  type: ZQuestionType.optional(),
  category: z.string().trim().max(40).optional(),
  difficulty: z.coerce.number().int().min(1).max(3).optional(),
  q: z.string().trim().max(60).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZQuestionPageSchema = z.object({ items: z.array(ZQuestionSchema), total: z.number().int() });

export const ZQuestionParams = z.strictObject({ id: z.coerce.number().int().positive(), questionId: z.coerce.number().int().positive() });

export const IMPORT_FORMATS = ['excel', 'gift', 'aiken'] as const;
export const ZImportQuery = z.strictObject({ format: z.enum(IMPORT_FORMATS) });

export const ZImportErrorSchema = z.object({
  /** Where, in words: "单选题 第5行 正确选项", "第12行". */
  where: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type TImportError = z.infer<typeof ZImportErrorSchema>;
export const ZImportReportSchema = z.object({
  /** false: nothing was written (any error refuses the whole file). */
  applied: z.boolean(),
  questions: z.number().int(),
  counts: z.record(ZQuestionType, z.number().int()),
  errors: z.array(ZImportErrorSchema),
});
export type TImportReport = z.infer<typeof ZImportReportSchema>;

export const ZExportQuery = z.strictObject({ purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

// ---------------------------------------------------------------- quizzes

export const ZDrawRuleSchema = z.strictObject({
  bankId: id,
  type: ZQuestionType,
  /** null or empty: any category of the bank. */
  category: z.string().trim().max(40).nullable().default(null),
  count: z.number().int().min(1).max(200),
  points: z.number().min(0.5).max(100).multipleOf(0.5, '每题分值以 0.5 分为单位'),
});
export type TDrawRule = z.infer<typeof ZDrawRuleSchema>;

export const ZQuizInputSchema = z.strictObject({
  /** The organization whose subtree takes the quiz: the actor's own when absent. */
  orgId: id.optional(),
  title: text(80, '测试名称'),
  description: optText(1000, '说明'),
  rules: z.array(ZDrawRuleSchema).min(1, '请至少设置一条抽题规则').max(20),
  timeLimitMinutes: z.number().int().min(1).max(600),
  /** null: no limit. */
  maxAttempts: z.number().int().min(1).max(100).nullable(),
  passPercent: z.number().int().min(1).max(100),
  multiScoring: z.enum(['all', 'partial']).default('all'),
  /** 学时 a pass credits (0: none), to 0.1. */
  hours: z.number().min(0).max(100).default(0),
  opensOn: ZDate,
  closesOn: ZDate,
});
export type TQuizInput = z.infer<typeof ZQuizInputSchema>;

export const ZQuizSchema = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  rules: z.array(
    z.object({
      bankId: id,
      bankName: z.string(),
      type: ZQuestionType,
      category: z.string().nullable(),
      count: z.number().int(),
      points: z.number(),
      /** questions missing for this rule (0: it can be drawn) */
      shortfall: z.number().int(),
    }),
  ),
  questionCount: z.number().int(),
  totalPoints: z.number(),
  timeLimitMinutes: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  passPercent: z.number().int(),
  multiScoring: z.enum(['all', 'partial']),
  hours: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['draft', 'published', 'closed']),
  /** sittings submitted, learners who sat, learners who passed (counts, never names: RULES.md §9) */
  attempts: z.number().int(),
  learners: z.number().int(),
  passedLearners: z.number().int(),
});
export type TQuiz = z.infer<typeof ZQuizSchema>;

export const ZQuizListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(['draft', 'published', 'closed']).optional(),
});

/** A question with how often it was missed: the statistics of a quiz or a bank. */
export const ZQuestionStatSchema = z.object({
  questionId: id,
  type: ZQuestionType,
  stem: z.string(),
  category: z.string(),
  answered: z.number().int(),
  missed: z.number().int(),
  /** missed / answered, 0–1 */
  missRate: z.number(),
});
export const ZQuestionStatsSchema = z.object({
  attempts: z.number().int(),
  averagePercent: z.number().nullable(),
  items: z.array(ZQuestionStatSchema),
});
export type TQuestionStats = z.infer<typeof ZQuestionStatsSchema>;

// ---------------------------------------------------------------- the learner's side

export const ZMyQuizSchema = z.object({
  id,
  title: z.string(),
  description: z.string(),
  orgName: z.string(),
  questionCount: z.number().int(),
  totalPoints: z.number(),
  timeLimitMinutes: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  attemptsUsed: z.number().int(),
  passPercent: z.number().int(),
  hours: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** open: may be taken now; upcoming; ended */
  window: z.enum(['open', 'upcoming', 'ended']),
  bestPercent: z.number().nullable(),
  passed: z.boolean(),
  openAttemptId: id.nullable(),
  lastAttemptId: id.nullable(),
  canStart: z.boolean(),
});
export type TMyQuiz = z.infer<typeof ZMyQuizSchema>;

/** A response as places on the paper (choices), true/false, or the blanks' texts. */
export const ZShownResponseSchema = z.strictObject({
  choices: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_OPTIONS - 1),
    )
    .max(MAX_OPTIONS)
    .optional(),
  value: z.boolean().optional(),
  blanks: z.array(z.string().max(200, '填空答案不超过 200 字')).max(20).optional(),
});
export type TShownResponse = z.infer<typeof ZShownResponseSchema>;

export const ZAnswersSchema = z.strictObject({
  answers: z.array(ZShownResponseSchema.extend({ position: z.number().int().min(0).max(999) })).max(1000),
});
export type TAnswers = z.infer<typeof ZAnswersSchema>;

export const ZPaperItemSchema = z.object({
  position: z.number().int(),
  type: ZQuestionType,
  stem: z.string(),
  /** the options in this sitting's order */
  options: z.array(z.string()),
  /** fill-in: how many blanks */
  blanks: z.number().int(),
  points: z.number(),
  response: ZShownResponseSchema.nullable(),
  /** after submission only: the key (as places on this paper), the points earned, the explanation */
  key: ZShownResponseSchema.nullable(),
  earned: z.number().nullable(),
  correct: z.boolean().nullable(),
  explanation: z.string().nullable(),
});
export type TPaperItem = z.infer<typeof ZPaperItemSchema>;

export const ZAttemptSchema = z.object({
  id,
  quizId: id,
  quizTitle: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(['open', 'submitted']),
  startedAt: z.string(),
  deadline: z.string(),
  /** the server's clock when answering: the page's timer counts from it, not from the device's clock */
  serverNow: z.string(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  earned: z.number().nullable(),
  total: z.number(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
  passPercent: z.number().int(),
  multiScoring: z.enum(['all', 'partial']),
  items: z.array(ZPaperItemSchema),
});
export type TAttempt = z.infer<typeof ZAttemptSchema>;

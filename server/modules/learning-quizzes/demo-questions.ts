// The demo bank's questions, written for the demo from a small set of plain facts about the Party
// Constitution (党章, 2022 text) and the basics of organization work (支部工作条例 2018, 发展党员工作细则
// 2014, the dues rules of 2008, 党员教育管理工作条例 2019: RULES.md §1–4). Each fact with a blank gives
// four questions (single choice, fill-in, a true and a false statement); each list gives multiple-choice
// questions with different distractors. Deterministic: no randomness beyond the fixed rotation below.
// The facts are data in demo-questions/*.json (JSON has no comments: the schemas below say what each field
// means), read next to this file, so the same path serves tsx in development, the tests and `npm start`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ZQuestionInputSchema } from '../../../domain/schemas/learning-quizzes.js';
import type { ParsedQuestion } from './import/answers.js';

// The limits of a question written by staff (题干, 选项, 分类, 难度, 解析), so a demo fact cannot make a
// question the bank's own form would refuse.
const { stem: ZStem, category: ZOptCategory, difficulty: ZDifficulty, explanation: ZOptExplanation } = ZQuestionInputSchema.shape;
const ZOption = ZQuestionInputSchema.shape.options.unwrap().element.min(1);
const ZCategory = ZOptCategory.unwrap().min(1);
const ZExplanation = ZOptExplanation.unwrap().min(1);

const ZBlankFactSchema = z.strictObject({
  /** the statement with （ ） where the answer goes */
  text: ZStem.refine((t) => t.includes('（ ）'), '题干须含（ ）'),
  answer: ZOption,
  /** other accepted spellings of the answer in a fill-in */
  alsoAccepted: z.array(ZOption).optional(),
  /** three wrong answers, the first used for the false statement */
  wrong: z.tuple([ZOption, ZOption, ZOption]),
  explanation: ZExplanation,
  /** 1–3, 2 when left out */
  difficulty: ZDifficulty,
});
type BlankFact = z.infer<typeof ZBlankFactSchema>;

/** One category's facts with a blank: demo-questions/blanks-<category>.json. */
const ZBlankFileSchema = z.strictObject({ category: ZCategory, blanks: z.array(ZBlankFactSchema).min(1) });

/** A list to choose several from (党的纪律处分包括…): demo-questions/lists.json, all categories. */
const ZListFactSchema = z.strictObject({
  category: ZCategory,
  stem: ZStem,
  right: z.array(ZOption).min(2),
  wrong: z.array(ZOption).min(1),
  explanation: ZExplanation,
});
type ListFact = z.infer<typeof ZListFactSchema>;

// In this order: a fact's place in the sequence picks its rotation, so reordering the files would
// reshuffle the options of the demo bank.
const BLANK_FILES = ['constitution', 'development', 'organization', 'org-life', 'dues', 'discipline'] as const;

function readData<T>(name: string, schema: z.ZodType<T>): T {
  const url = new URL(`./demo-questions/${name}.json`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new Error(`demo-questions/${name}.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A fixed rotation instead of a random source: the demo bank is the same on every start. */
const rotate = <T>(items: readonly T[], k: number): T[] => items.map((_, i) => items[(i + k) % items.length]);

function fromBlank(category: string, f: BlankFact, k: number): ParsedQuestion[] {
  const base = { category, difficulty: f.difficulty, explanation: f.explanation };
  const options = rotate([f.answer, ...f.wrong], k % 4);
  const fill = f.text.replace('（ ）', '____');
  const statement = (s: string) => f.text.replace('（ ）', s);
  return [
    { ...base, type: 'single', stem: f.text, options, answer: [options.indexOf(f.answer)] },
    { ...base, type: 'fill', stem: fill, options: [], answer: [[f.answer, ...(f.alsoAccepted ?? [])]] },
    { ...base, type: 'judge', stem: statement(f.answer), options: [], answer: true },
    { ...base, type: 'judge', stem: statement(f.wrong[0]), options: [], answer: false, difficulty: Math.min(3, base.difficulty + 1) },
  ];
}

function fromList(f: ListFact, k: number): ParsedQuestion[] {
  const out: ParsedQuestion[] = [];
  // Three papers of the same list: all the right ones, and two with a right one left out.
  for (let v = 0; v < 3; v++) {
    const right = v === 0 ? f.right : f.right.filter((_, i) => i !== (k + v) % f.right.length);
    const wrong = rotate(f.wrong, v).slice(0, Math.max(1, Math.min(f.wrong.length, 6 - right.length)));
    const options = rotate([...right, ...wrong], (k + v) % (right.length + wrong.length)).slice(0, 8);
    const answer = options.map((o, i) => (right.includes(o) ? i : -1)).filter((i) => i >= 0);
    if (answer.length < 2) continue;
    out.push({
      type: 'multiple',
      stem: f.stem,
      options,
      answer,
      category: f.category,
      difficulty: 2 + (v > 0 ? 1 : 0),
      explanation: f.explanation,
    });
  }
  return out;
}

/** The demo bank: about 300 questions. */
export function demoQuestions(): ParsedQuestion[] {
  const blanks = BLANK_FILES.flatMap((name) => {
    const { category, blanks } = readData(`blanks-${name}`, ZBlankFileSchema);
    return blanks.map((fact) => ({ category, fact }));
  });
  const lists = readData('lists', z.array(ZListFactSchema));
  return [...blanks.flatMap(({ category, fact }, k) => fromBlank(category, fact, k)), ...lists.flatMap((f, k) => fromList(f, k))];
}

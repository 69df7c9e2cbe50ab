// Reading a question as people write it in a spreadsheet (PILLARS.md §4): the type in words (单选题,
// 多项选择…), answers `A,B` or `AB`, true/false as 对/错, 正确/错误, √/×, blanks marked `__` or （ ）
// in the stem with their answers separated by `；` and accepted variants by `|`. One reader for the
// staff's form, the Excel import and the export's way back, so a file exported imports unchanged.
import { MAX_OPTIONS } from '../../../../domain/schemas/learning-quizzes.js';
import { QUESTION_TYPES, type AnswerKey, type QuestionType } from '../../../../domain/rules/quiz.js';

export interface RawQuestion {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: string;
  category: string;
  difficulty: number;
  explanation: string;
}

export interface ParsedQuestion extends Omit<RawQuestion, 'answer'> {
  answer: AnswerKey;
}

/** A problem with one field of one question; `field` names what the spreadsheet calls it. */
export interface FieldError {
  field: 'type' | 'stem' | 'options' | 'answer' | 'difficulty' | 'category' | 'explanation';
  message: string;
}

const TYPE_WORDS: [RegExp, QuestionType][] = [
  [/^(单选|单项选择|单选择)/, 'single'],
  [/^(多选|多项选择|不定项)/, 'multiple'],
  [/^(判断|是非)/, 'judge'],
  [/^填空/, 'fill'],
];

/** 单选题, 多项选择题, 判断, 填空题… (or the API's own codes) as a type; null when not one. */
export function typeOf(words: string): QuestionType | null {
  const w = words.replace(/\s/g, '');
  if ((QUESTION_TYPES as readonly string[]).includes(w)) return w as QuestionType;
  return TYPE_WORDS.find(([re]) => re.test(w))?.[1] ?? null;
}

const TRUE_WORDS = new Set(['对', '正确', '√', '✓', '✔', 'true', 't', '是', 'y', 'yes']);
const FALSE_WORDS = new Set(['错', '错误', '×', '✗', '✘', 'x', 'false', 'f', '否', 'n', 'no']);

/** 对/错, 正确/错误, √/×, true/false as a boolean; null when it is none of them. */
export function judgeOf(text: string): boolean | null {
  const w = text.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return null;
}

/** `A`, `A,B`, `AB`, `A、B`, `a b` as option indexes (sorted, distinct); null when any part is not a letter. */
export function lettersOf(text: string): number[] | null {
  const w = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,，、;；/]+/g, '');
  if (!/^[A-Z]+$/.test(w)) return null;
  return [...new Set([...w].map((c) => c.charCodeAt(0) - 65))].sort((a, b) => a - b);
}

/** Blank places in a stem: runs of two or more underscores, or empty brackets （ ） / ( ). */
const BLANK = /_{2,}|（\s*）|\(\s*\)/g;
export const blankCount = (stem: string) => (stem.match(BLANK) ?? []).length;

/** `1921|1921年；七一` as [["1921", "1921年"], ["七一"]]. */
export function blanksOf(text: string): string[][] {
  return text
    .split(/[；;]/)
    .map((b) =>
      b
        .split(/[|｜]/)
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length > 0);
}

/** The key back in the spreadsheet's words (the export, the staff's form). */
export function answerText(type: QuestionType, answer: AnswerKey): string {
  if (type === 'judge') return answer === true ? '对' : '错';
  if (type === 'fill') return (answer as string[][]).map((b) => b.join('|')).join('；');
  return (answer as number[]).map((i) => String.fromCharCode(65 + i)).join(type === 'multiple' ? ',' : '');
}

/**
 * Checks one question and turns its answer into a key. Returns the question (the stem of a fill-in
 * with no blank place marked gets one at its end) or every problem found.
 */
export function parseQuestion(raw: RawQuestion): { question: ParsedQuestion } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: FieldError['field'], message: string) => errors.push({ field, message });
  const stem = raw.stem.trim();
  const options = raw.options.map((o) => o.trim());
  // Trailing empty options are the unused columns of the sheet; a gap in the middle is a mistake.
  while (options.length && options[options.length - 1] === '') options.pop();
  if (!stem) err('stem', '题干为空');
  else if (stem.length > 2000) err('stem', '题干超过 2000 字');
  if (raw.explanation.length > 2000) err('explanation', '解析超过 2000 字');
  if (raw.category.length > 40) err('category', '分类超过 40 字');
  const answerWords = raw.answer.trim();
  let answer: AnswerKey | null = null;
  if (!answerWords) err('answer', '答案为空');
  else if (raw.type === 'single' || raw.type === 'multiple') {
    if (options.length < 2) err('options', '选择题至少需要两个选项');
    else if (options.length > MAX_OPTIONS) err('options', `选项不超过 ${MAX_OPTIONS} 个`);
    else if (options.some((o) => o === '')) err('options', '选项中间有空项');
    else if (options.some((o) => o.length > 500)) err('options', '选项不超过 500 字');
    else if (new Set(options).size !== options.length) err('options', '有重复的选项');
    const picks = lettersOf(answerWords);
    if (!picks) err('answer', `答案“${answerWords}”应为选项字母，如 A 或 A,B`);
    else if (options.length >= 2 && picks.some((p) => p >= options.length))
      err('answer', `答案“${answerWords}”超出选项范围（A–${String.fromCharCode(64 + options.length)}）`);
    else if (raw.type === 'single' && picks.length !== 1) err('answer', '单选题只能有一个答案');
    else if (raw.type === 'multiple' && picks.length < 2) err('answer', '多选题至少应有两个正确选项');
    else answer = picks;
  } else if (raw.type === 'judge') {
    // A true/false sheet sometimes lists 正确/错误 as options A and B and answers with the letter.
    const picks = lettersOf(answerWords);
    const viaOption = picks?.length === 1 && options[picks[0]] !== undefined ? judgeOf(options[picks[0]]) : null;
    answer = judgeOf(answerWords) ?? viaOption;
    if (answer === null) err('answer', `判断题答案“${answerWords}”应为 对/错、正确/错误 或 √/×`);
  } else {
    const blanks = blanksOf(answerWords);
    const places = blankCount(stem);
    if (blanks.length === 0) err('answer', '填空题答案为空');
    else if (blanks.length > 20) err('answer', '填空不超过 20 个');
    else if (blanks.flat().some((v) => v.length > 200)) err('answer', '填空答案不超过 200 字');
    else if (places > 0 && places !== blanks.length)
      err('answer', `题干有 ${places} 处填空，答案有 ${blanks.length} 个（多个空用“；”分隔，同一空的多种答案用“|”分隔）`);
    else if (places === 0 && blanks.length > 1) err('stem', '题干中没有标出填空位置（用 ____ 或（ ）标出）');
    else answer = blanks;
  }
  if (!(raw.difficulty >= 1 && raw.difficulty <= 3)) err('difficulty', '难度应为 易、中、难 或 1–3');
  if (errors.length || answer === null) return { errors };
  const withPlace = raw.type === 'fill' && blankCount(stem) === 0 ? `${stem}____` : stem;
  return {
    question: {
      ...raw,
      stem: withPlace,
      options: raw.type === 'single' || raw.type === 'multiple' ? options : [],
      answer,
    },
  };
}

/** 易/中/难, 简单/一般/困难, 1–3 (empty: 中); NaN when it is none of them. */
export function difficultyOf(text: string): number {
  const w = text.normalize('NFKC').trim();
  if (w === '') return 2;
  if (/^(1|易|简单|容易|低)$/.test(w)) return 1;
  if (/^(2|中|中等|一般|适中)$/.test(w)) return 2;
  if (/^(3|难|困难|较难|高)$/.test(w)) return 3;
  return NaN;
}

// Moodle's open question formats (PILLARS.md §4): GIFT, read with gift-pegjs one question at a time
// (so one broken question is named by its line, and the others still checked), and Aiken, read here
// (a stem line, lettered options, `ANSWER: B`). Each question comes out as the spreadsheet's raw form
// and passes the same checks (answers.ts: parseQuestion).
import { parse as parseGift, type GIFTQuestion } from 'gift-pegjs';
import type { TImportError } from '../../../../domain/schemas/learning-quizzes.js';
import { invalid } from '../../../errors.js';
import { answerText, type RawQuestion } from './answers.js';

export const TEXT_LIMITS = { maxBytes: 2 * 1024 * 1024, maxQuestions: 5000 };

export interface TextQuestion {
  /** the line the question starts on (1-based) */
  line: number;
  raw: RawQuestion;
}

/** The upload as text: UTF-8 (a BOM is dropped), no binary content. */
export function uploadText(buf: Buffer): string {
  if (buf.length > TEXT_LIMITS.maxBytes) throw invalid(`文件超过 ${TEXT_LIMITS.maxBytes / 1024 / 1024} MB，请拆分后导入`, 'file');
  const s = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/^\uFEFF/, '');
  if (s.includes('\u0000') || s.includes('\uFFFD')) throw invalid('文件不是 UTF-8 编码的文本（请另存为 UTF-8）', 'file');
  return s.replace(/\r\n?/g, '\n');
}

const lineError = (line: number, message: string): TImportError => ({
  sheet: null,
  row: line,
  column: null,
  where: `第${line}行`,
  message,
});
const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const blank = { category: '', difficulty: 2, explanation: '', options: [] as string[] };

/** Blocks of non-empty lines with the line each starts on; `//` comment lines are dropped. */
function blocks(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let cur: { line: number; lines: string[] } | null = null;
  text.split('\n').forEach((l, i) => {
    if (/^\s*\/\//.test(l)) return;
    if (l.trim() === '') {
      if (cur) out.push({ line: cur.line, text: cur.lines.join('\n') });
      cur = null;
      return;
    }
    if (!cur) cur = { line: i + 1, lines: [] };
    cur.lines.push(l);
  });
  if (cur) out.push({ line: (cur as { line: number }).line, text: (cur as { lines: string[] }).lines.join('\n') });
  return out;
}

/** GIFT questions, each with its line; errors name the line of the question that failed. */
export function readGift(text: string): { questions: TextQuestion[]; errors: TImportError[] } {
  const questions: TextQuestion[] = [];
  const errors: TImportError[] = [];
  let category = '';
  for (const b of blocks(text)) {
    let parsed: GIFTQuestion[];
    try {
      parsed = parseGift(b.text + '\n');
    } catch (e) {
      const at = (e as { location?: { start?: { line?: number } } }).location?.start?.line ?? 1;
      const last = b.line + b.text.split('\n').length - 1;
      errors.push(
        lineError(Math.min(last, b.line + at - 1), `GIFT 格式有误：${(e as Error).message.replace(/^Expected/, '应为').slice(0, 160)}`),
      );
      continue;
    }
    for (const q of parsed) {
      if (q.type === 'Category') {
        category = plain(q.title).split('/').pop() ?? '';
        continue;
      }
      if (q.type === 'Description') continue;
      const stem = plain(q.stem.text);
      const explanation = q.globalFeedback ? plain(q.globalFeedback.text) : '';
      const base = { ...blank, stem, category, explanation };
      if (q.type === 'TF') questions.push({ line: b.line, raw: { ...base, type: 'judge', answer: q.isTrue ? '对' : '错' } });
      else if (q.type === 'MC') {
        const right = q.choices.map((c, i) => (c.isCorrect || (c.weight ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
        const type = right.length > 1 ? 'multiple' : 'single';
        const options = q.choices.map((c) => plain(c.text.text));
        questions.push({ line: b.line, raw: { ...base, type, options, answer: answerText(type, right) } });
      } else if (q.type === 'Short') {
        const accepted = q.choices
          .filter((c) => c.isCorrect || (c.weight ?? 0) > 0)
          .map((c) => plain(c.text.text).replace(/[|｜；;]/g, ' '));
        questions.push({ line: b.line, raw: { ...base, type: 'fill', answer: accepted.join('|') } });
      } else if (q.type === 'Numerical' && !Array.isArray(q.choices) && q.choices.type === 'simple' && q.choices.number !== undefined)
        questions.push({ line: b.line, raw: { ...base, type: 'fill', answer: String(q.choices.number) } });
      else errors.push(lineError(b.line, '不支持的题型（只支持单选、多选、判断、填空）'));
      if (questions.length > TEXT_LIMITS.maxQuestions) throw invalid(`题目超过 ${TEXT_LIMITS.maxQuestions} 道，请拆分后导入`, 'file');
    }
  }
  return { questions, errors };
}

/**
 * Aiken: the stem on one line, options `A. …` or `A) …` (A、 as Chinese writers put it), then
 * `ANSWER: B`. Single choice by the format; `ANSWER: A,C` is read as multiple choice.
 */
export function readAiken(text: string): { questions: TextQuestion[]; errors: TImportError[] } {
  const questions: TextQuestion[] = [];
  const errors: TImportError[] = [];
  let cur: { line: number; stem: string; options: string[] } | null = null;
  // After a broken question, its remaining lines up to its ANSWER are not read as a new question.
  let skipping = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    const n = i + 1;
    if (!l) continue;
    const opt = /^([A-Za-z])\s*[.)、．）]\s*(.*)$/.exec(l);
    const ans = /^ANSWER\s*[:：]\s*(.+)$/i.exec(l);
    if (skipping) {
      if (ans) skipping = false;
      continue;
    }
    if (ans) {
      if (!cur) errors.push(lineError(n, '答案行前没有题目'));
      else if (cur.options.length < 2) errors.push(lineError(cur.line, '题目至少需要两个选项（A. … B. …）'));
      else {
        const answer = ans[1].trim();
        const type = /[,，、]/.test(answer) || /^[A-Za-z]{2,}$/.test(answer) ? 'multiple' : 'single';
        questions.push({ line: cur.line, raw: { ...blank, type, stem: cur.stem, options: cur.options, answer } });
      }
      cur = null;
      if (questions.length > TEXT_LIMITS.maxQuestions) throw invalid(`题目超过 ${TEXT_LIMITS.maxQuestions} 道，请拆分后导入`, 'file');
    } else if (opt && cur) {
      const expected = String.fromCharCode(65 + cur.options.length);
      if (opt[1].toUpperCase() !== expected) {
        errors.push(lineError(n, `选项字母应为 ${expected}`));
        cur = null;
        skipping = true;
      } else cur.options.push(opt[2].trim());
    } else if (!cur) cur = { line: n, stem: l, options: [] };
    else if (cur.options.length === 0) cur.stem += ` ${l}`;
    else {
      errors.push(lineError(cur.line, '缺少答案行（ANSWER: A）'));
      cur = { line: n, stem: l, options: [] };
    }
  }
  if (cur) errors.push(lineError(cur.line, '缺少答案行（ANSWER: A）'));
  return { questions, errors };
}

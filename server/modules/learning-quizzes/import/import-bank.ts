// A bank import, all or nothing (issue 14 point 4): the file is read and every question checked
// first; any error and nothing is written, the report naming each sheet, row and column (or line) at
// fault. A clean file is written in one set-based statement with its audit row.
import type { Ctx } from '../../../context.js';
import { audited } from '../../../audit/record.js';
import { invalid } from '../../../errors.js';
import type { QuestionType } from '../../../../domain/rules/quiz.js';
import type { TImportError, TImportReport } from '../../../../domain/schemas/learning-quizzes.js';
import { assertSafeXlsx } from '../../members/import/xlsx-guard.js';
import { addQuestions } from '../banks.js';
import { parseQuestion, type ParsedQuestion } from './answers.js';
import { readBankWorkbook, sheetError } from './excel.js';
import { readAiken, readGift, uploadText } from './text-formats.js';

export type ImportFormat = 'excel' | 'gift' | 'aiken';

/** Reads and checks an upload: the questions it holds, or every error (the questions then don't matter). */
export async function readUpload(
  format: ImportFormat,
  file: Buffer,
  fileName: string,
): Promise<{ questions: ParsedQuestion[]; errors: TImportError[] }> {
  const questions: ParsedQuestion[] = [];
  if (format === 'excel') {
    // The member import's guard: a real .xlsx, no macros, sizes checked by inflating (zip bombs).
    await assertSafeXlsx(file, fileName);
    const { rows, errors } = await readBankWorkbook(file);
    for (const r of rows) {
      const p = parseQuestion(r.raw);
      if ('errors' in p) errors.push(...p.errors.map((e) => sheetError(r, e)));
      else questions.push(p.question);
    }
    return { questions, errors };
  }
  if (/\.(xlsx|xls|docx?|pdf|zip)$/i.test(fileName))
    throw invalid('GIFT 和 Aiken 格式请上传 UTF-8 编码的文本文件（.txt 或 .gift）', 'file');
  const text = uploadText(file);
  const { questions: read, errors } = format === 'gift' ? readGift(text) : readAiken(text);
  for (const q of read) {
    const p = parseQuestion(q.raw);
    if ('errors' in p)
      errors.push(...p.errors.map((e) => ({ sheet: null, row: q.line, column: null, where: `第${q.line}行`, message: e.message })));
    else questions.push(p.question);
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { questions, errors };
}

const countTypes = (qs: readonly ParsedQuestion[]) => {
  const counts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0 };
  for (const q of qs) counts[q.type]++;
  return counts;
};

export async function importIntoBank(
  ctx: Ctx,
  bankId: number,
  format: ImportFormat,
  file: Buffer,
  fileName: string,
): Promise<TImportReport> {
  const { questions, errors } = await readUpload(format, file, fileName);
  const counts = countTypes(questions);
  if (errors.length) return { applied: false, questions: questions.length, counts, errors: errors.slice(0, 500) };
  if (questions.length === 0) throw invalid('文件中没有试题', 'file');
  await audited(
    ctx,
    {
      action: 'learning.bank.import',
      objectType: 'learning_bank',
      objectId: () => bankId,
      detail: () => ({ format, fileName, questions: questions.length, counts }),
    },
    (trx) => addQuestions(trx, bankId, questions),
  );
  return { applied: true, questions: questions.length, counts, errors: [] };
}

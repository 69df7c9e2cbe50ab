// A question bank in Excel, in both layouts the field uses (PILLARS.md §4): one sheet per type (the
// sheet's name says the type: 单选题, 多选题, 判断题, 填空题) or one sheet with a 题型 column. Columns are
// found by their headers (题目/题干, 选项A…选项H or A…H, 答案/正确答案/正确选项, 解析, 分类, 难度).
// The export writes the one-sheet layout, which this reader takes back unchanged.
import ExcelJS from 'exceljs';
import { QUESTION_TYPE_LABELS, type QuestionType } from '../../../../domain/rules/quiz.js';
import { MAX_OPTIONS, type TImportError } from '../../../../domain/schemas/learning-quizzes.js';
import { toXlsx } from '../../../export/xlsx.js';
import { invalid } from '../../../errors.js';
import { cellText } from '../../members/import/read-rows.js';
import { answerText, difficultyOf, typeOf, type FieldError, type RawQuestion } from './answers.js';

export const EXCEL_LIMITS = { maxFileBytes: 5 * 1024 * 1024, maxQuestions: 5000 };

type Key = 'type' | 'stem' | 'answer' | 'explanation' | 'category' | 'difficulty';
const HEADERS: Record<Key, RegExp> = {
  type: /^(题型|题目类型|试题类型|类型)$/,
  stem: /^(题目|题干|试题|题目内容|试题内容|问题)$/,
  answer: /^(答案|正确答案|正确选项|参考答案|标准答案)$/,
  explanation: /^(解析|答案解析|试题解析|题目解析)$/,
  category: /^(分类|类别|知识点|章节|所属分类)$/,
  difficulty: /^(难度|难易程度|难易度)$/,
};
/** 选项A, 选项 A, A, 选项a → 0 */
const optionIndex = (h: string): number | null => {
  const m = /^(?:选项)?\s*([A-Ha-h])$/.exec(h);
  return m ? m[1].toUpperCase().charCodeAt(0) - 65 : null;
};
const LABEL: Record<FieldError['field'], string> = {
  type: '题型',
  stem: '题目',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  category: '分类',
  difficulty: '难度',
};

export interface SheetQuestion {
  sheet: string;
  row: number;
  raw: RawQuestion;
  /** the header text of each field in this sheet, to name the column at fault */
  columns: Partial<Record<FieldError['field'], string>>;
}

/** The spreadsheet's own guard against formula injection, taken off again (`'=…` was `=…`). */
const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

/** Every question row of every sheet, with the errors that stop a row before its question is checked. */
export async function readBankWorkbook(buf: Buffer): Promise<{ rows: SheetQuestion[]; errors: TImportError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw invalid('文件已损坏或不是 Excel 文件', 'file');
  }
  const rows: SheetQuestion[] = [];
  const errors: TImportError[] = [];
  let anySheet = false;
  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    const sheetType = typeOf(sheet);
    let cols: { keys: Partial<Record<Key, number>>; options: Map<number, number>; headers: Map<number, string> } | null = null;
    ws.eachRow((row, n) => {
      const cells = (row.values as ExcelJS.CellValue[]).map((v) => unguard(cellText(v).text));
      if (!cols) {
        const keys: Partial<Record<Key, number>> = {};
        const options = new Map<number, number>();
        const headers = new Map<number, string>();
        cells.forEach((c, i) => {
          const h = c.replace(/\s/g, '');
          const key = (Object.keys(HEADERS) as Key[]).find((k) => HEADERS[k].test(h));
          if (key && keys[key] === undefined) keys[key] = i;
          const o = optionIndex(h);
          if (o !== null && o < MAX_OPTIONS) options.set(o, i);
          headers.set(i, c);
        });
        // The header row is the first row naming the stem and the answer.
        if (keys.stem !== undefined && keys.answer !== undefined) cols = { keys, options, headers };
        return;
      }
      const at = (k: Key) => (cols!.keys[k] !== undefined ? (cells[cols!.keys[k]!] ?? '') : '');
      const optionCells = [...Array(MAX_OPTIONS).keys()].map((i) => (cols!.options.has(i) ? (cells[cols!.options.get(i)!] ?? '') : ''));
      if (!at('stem') && !at('answer') && optionCells.every((o) => !o)) return;
      const where = { sheet, row: n };
      const typeWords = at('type');
      const type = cols.keys.type !== undefined ? typeOf(typeWords) : sheetType;
      if (!type) {
        const column = cols.keys.type !== undefined ? cols.headers.get(cols.keys.type)! : null;
        errors.push({
          ...where,
          column,
          where: `${sheet} 第${n}行${column ? ` ${column}` : ''}`,
          message: column ? `题型“${typeWords}”无法识别（单选题、多选题、判断题、填空题）` : '工作表名称不是题型，也没有“题型”列',
        });
        return;
      }
      const header = (k: Key) => (cols!.keys[k] !== undefined ? cols!.headers.get(cols!.keys[k]!) : undefined);
      rows.push({
        ...where,
        raw: {
          type,
          stem: at('stem'),
          options: optionCells,
          answer: at('answer'),
          category: at('category'),
          difficulty: difficultyOf(at('difficulty')),
          explanation: at('explanation'),
        },
        columns: {
          type: header('type'),
          stem: header('stem'),
          answer: header('answer'),
          explanation: header('explanation'),
          category: header('category'),
          difficulty: header('difficulty'),
          options: cols.options.size ? cols.headers.get(cols.options.get(0) ?? [...cols.options.values()][0]) : undefined,
        },
      });
      if (rows.length > EXCEL_LIMITS.maxQuestions) throw invalid(`题目超过 ${EXCEL_LIMITS.maxQuestions} 道，请拆分后导入`, 'file');
    });
    if (cols) anySheet = true;
  }
  if (!anySheet) throw invalid('未找到表头：须有“题目”和“答案”两列（可另有 题型、选项A…、解析、分类、难度）', 'file');
  return { rows, errors };
}

/** The error report line of a field error in a sheet row. */
export function sheetError(q: SheetQuestion, e: FieldError): TImportError {
  const column = q.columns[e.field] ?? LABEL[e.field];
  return { sheet: q.sheet, row: q.row, column, where: `${q.sheet} 第${q.row}行 ${column}`, message: e.message };
}

export interface ExportQuestion {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: Parameters<typeof answerText>[1];
  category: string;
  difficulty: number;
  explanation: string;
}

const DIFFICULTY = ['', '易', '中', '难'];

/** The bank in the one-sheet layout (题型 column), read back by readBankWorkbook unchanged. */
export function bankXlsx(name: string, questions: readonly ExportQuestion[]): Promise<Buffer> {
  const width = Math.max(4, ...questions.map((q) => q.options.length));
  return toXlsx(
    name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || '题库',
    [
      { header: '序号', width: 6, value: (q) => questions.indexOf(q) + 1 },
      { header: '题型', width: 8, value: (q) => QUESTION_TYPE_LABELS[q.type] },
      { header: '题目', width: 60, value: (q) => q.stem },
      ...[...Array(width).keys()].map((i) => ({
        header: `选项${String.fromCharCode(65 + i)}`,
        width: 20,
        value: (q: ExportQuestion) => q.options[i] ?? '',
      })),
      { header: '答案', width: 12, value: (q) => answerText(q.type, q.answer) },
      { header: '解析', width: 40, value: (q) => q.explanation },
      { header: '分类', width: 12, value: (q) => q.category },
      { header: '难度', width: 6, value: (q) => DIFFICULTY[q.difficulty] ?? '中' },
    ],
    questions,
  );
}

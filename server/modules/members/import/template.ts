// The import template: the 党员信息 sheet with drop-down lists for the coded columns, the identity
// number and date columns formatted as text (so Excel keeps all 18 digits), and a sheet of notes.
import ExcelJS from 'exceljs';
import { DEGREE_LABELS, EDUCATION_LABELS, ETHNICITIES, OCCUPATION_LABELS } from '../../../../domain/member-fields.js';
import { IMPORT_COLUMNS, headerText } from './columns.js';
import { IMPORT_LIMITS } from './xlsx-guard.js';

const LISTS: Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string[]>> = {
  gender: ['男', '女'],
  ethnicity: [...ETHNICITIES],
  education: Object.values(EDUCATION_LABELS).map((l) => l.zh),
  degree: Object.values(DEGREE_LABELS).map((l) => l.zh),
  occupation: Object.values(OCCUPATION_LABELS).map((l) => l.zh),
  category: ['正式党员', '预备党员'],
};
const TEXT_COLUMNS = new Set(['idNumber', 'birthDate', 'admittedOn', 'fullOn', 'phone']);
const ROWS_WITH_LISTS = 5000;

const col = (i: number) => String.fromCharCode(64 + i);

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧组工';
  const ws = wb.addWorksheet('党员信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: c.width,
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.height = 20;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  });
  // Lists longer than 255 characters (the 56 民族) must live in cells: the hidden 选项 sheet.
  let listCol = 0;
  IMPORT_COLUMNS.forEach((c, i) => {
    const values = LISTS[c.key];
    if (!values) return;
    listCol++;
    values.forEach((v, k) => {
      lists.getCell(k + 1, listCol).value = v;
    });
    const ref = `选项!$${col(listCol)}$1:$${col(listCol)}$${values.length}`;
    for (let r = 2; r <= ROWS_WITH_LISTS + 1; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [ref],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      };
    }
  });
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  [
    '党员信息导入说明',
    '1. 红色列头为必填项；请勿修改列头，可删除示例以外的空行。',
    '2. 身份证号须为 18 位并通过校验位检查；性别、出生日期如填写，须与身份证号一致（不填则自动从身份证号读取）。',
    '3. 日期写成 2005-06-20 格式；入党日期为支部大会通过之日，正式党员须填写转正日期，预备党员不填。',
    '4. 所在党组织填写党支部全称或组织代码，且须在您管理的范围之内；同名组织请填写组织代码。',
    '5. 学历、学位、职业、民族、人员类别请从下拉列表中选择；职业为党内统计分类。',
    '6. 工作单位及职务填在一格，单位与职务之间空一格，例如：示范市第一中学 教师。',
    `7. 一次最多 ${IMPORT_LIMITS.maxRows.toLocaleString()} 行、文件不超过 ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB；只接受 .xlsx 文件，不接受含宏的文件。`,
    '8. 全部行校验通过才会导入；任何一行有错，都不会写入数据，系统会列出每处错误的行号、列名和原因。',
  ].forEach((line, i) => {
    notes.getCell(i + 1, 1).value = line;
  });
  notes.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The 党员信息 column layout shared by the import template, the import and the export, in the order
// organization departments are used to. Headers are matched loosely on import (spaces and notes
// in brackets ignored), so a template saved by WPS or with edited notes still reads.

export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'gender', header: '性别', required: false, width: 6 },
  { key: 'ethnicity', header: '民族', required: true, width: 10 },
  { key: 'birthDate', header: '出生日期', required: false, width: 12 },
  { key: 'idNumber', header: '身份证号', required: true, width: 21 },
  { key: 'nativePlace', header: '籍贯', required: false, width: 12 },
  { key: 'education', header: '学历', required: false, width: 10 },
  { key: 'degree', header: '学位', required: false, width: 8 },
  { key: 'occupation', header: '职业', required: false, width: 14 },
  { key: 'workUnitPost', header: '工作单位及职务', required: false, width: 26 },
  { key: 'phone', header: '联系电话', required: false, width: 14 },
  { key: 'address', header: '家庭住址', required: false, width: 28 },
  { key: 'category', header: '人员类别', required: true, width: 10 },
  { key: 'admittedOn', header: '入党日期', required: true, width: 14, note: '支部大会通过' },
  { key: 'fullOn', header: '转正日期', required: false, width: 12 },
  { key: 'org', header: '所在党组织', required: true, width: 28, note: '名称或组织代码' },
] as const;

export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The header as written in the template: the note in brackets, e.g. 入党日期（支部大会通过）. */
export const headerText = (c: (typeof IMPORT_COLUMNS)[number]) => ('note' in c ? `${c.header}（${c.note}）` : c.header);

const normalize = (h: string) => h.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');

/** Column index (1-based) of every known header in a header row; unknown headers are ignored. */
export function matchHeaders(cells: string[]): { positions: Map<ImportKey, number>; missing: string[] } {
  const positions = new Map<ImportKey, number>();
  cells.forEach((cell, i) => {
    const h = normalize(cell ?? '');
    const col = IMPORT_COLUMNS.find((c) => c.header === h);
    if (col && !positions.has(col.key)) positions.set(col.key, i + 1);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  return { positions, missing };
}

export const headerOf = (key: ImportKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

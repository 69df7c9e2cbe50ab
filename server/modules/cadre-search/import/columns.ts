// The columns a 干部花名册 import reads: the export's headers (so an exported roster re-imports),
// the full identity number, and the spellings other systems' rosters use. Headers are matched
// loosely (blanks, asterisks and notes in brackets ignored); unknown and derived columns (年龄, 单位类别,
// 任现职级时间, 序号) are ignored.

export const ROSTER_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', aliases: [] },
  { key: 'sex', header: '性别', aliases: [] },
  { key: 'ethnicity', header: '民族', aliases: [] },
  { key: 'birth', header: '出生年月', aliases: ['出生日期', '出生时间'] },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '身份证'] },
  { key: 'nativePlace', header: '籍贯', aliases: [] },
  { key: 'birthPlace', header: '出生地', aliases: [] },
  { key: 'partyJoin', header: '入党时间', aliases: ['入党日期'] },
  { key: 'political', header: '政治面貌', aliases: [] },
  { key: 'workStart', header: '参加工作时间', aliases: ['参加工作日期'] },
  { key: 'eduFullTime', header: '全日制学历学位', aliases: ['全日制教育', '全日制学历'] },
  { key: 'eduFullTimeSchool', header: '全日制毕业院校系及专业', aliases: ['全日制毕业院校'] },
  { key: 'eduInService', header: '在职学历学位', aliases: ['在职教育', '在职学历'] },
  { key: 'eduInServiceSchool', header: '在职毕业院校系及专业', aliases: ['在职毕业院校'] },
  { key: 'title', header: '现任职务', aliases: ['职务', '现职务'] },
  { key: 'since', header: '任职时间', aliases: ['任现职时间', '任现职务时间'] },
  { key: 'level', header: '职务层次', aliases: ['职务级别'] },
  { key: 'rankTitle', header: '职级', aliases: ['现职级'] },
  { key: 'proTitle', header: '专业技术职务', aliases: ['专业技术职称', '职称'] },
  { key: 'expertise', header: '熟悉专业有何专长', aliases: ['专长'] },
  { key: 'background', header: '专业背景', aliases: [] },
  { key: 'unit', header: '单位', aliases: ['工作单位', '所在单位'] },
  { key: 'manager', header: '管理机关', aliases: ['管理单位'] },
  { key: 'health', header: '健康状况', aliases: [] },
] as const;
export type RosterImportKey = (typeof ROSTER_IMPORT_COLUMNS)[number]['key'];

const normalize = (h: string) => h.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');

/** Column index (1-based) of every known header; `姓名` is the one required column. */
export function matchRosterHeaders(cells: string[]): { positions: Map<RosterImportKey, number>; missing: string[] } {
  const positions = new Map<RosterImportKey, number>();
  cells.forEach((cell, i) => {
    const h = normalize(cell ?? '');
    const col = ROSTER_IMPORT_COLUMNS.find((c) => c.header === h || (c.aliases as readonly string[]).includes(h));
    if (col && !positions.has(col.key)) positions.set(col.key, i + 1);
  });
  return { positions, missing: positions.has('name') ? [] : ['姓名'] };
}

export const rosterHeaderOf = (key: RosterImportKey): string => ROSTER_IMPORT_COLUMNS.find((c) => c.key === key)!.header;

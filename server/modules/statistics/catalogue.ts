// The 党内统计 tables Zugong produces (RULES.md §6 lists about 15), grouped as in the annual
// report, with the definition of what is counted. Training and honours have no data yet.
import { L, type Label } from './columns.js';
import { CELL_TABLES, type CellTableDef } from './cell-tables.js';
import { EVENT_TABLES, type EventTableDef } from './event-tables.js';

export type TableDef = CellTableDef | EventTableDef;

export const GROUPS: readonly { key: string; title: Label; codes: readonly string[] }[] = [
  {
    key: 'members',
    title: L('党员队伍', 'Membership'),
    codes: ['basic', 'gender_ethnicity', 'age', 'education', 'occupation', 'joining', 'party_age', 'mobility'],
  },
  { key: 'orgs', title: L('党组织', 'Organizations'), codes: ['org_kind', 'org_unit'] },
  {
    key: 'work',
    title: L('发展党员与党员管理', 'Development and membership work'),
    codes: ['development', 'development_profile', 'probation', 'transfers', 'leaving', 'appraisal'],
  },
];

const ALL_TABLES: readonly TableDef[] = [...CELL_TABLES, ...EVENT_TABLES];

export function tableDef(code: string): TableDef | undefined {
  return ALL_TABLES.find((t) => t.code === code);
}

export const groupOf = (code: string) => GROUPS.find((g) => g.codes.includes(code))!.key;

export const UNITS = { members: L('人', 'people'), orgs: L('个', 'organizations'), events: L('人', 'people') } as const;

/** What a table counts, shown on the page, in the export and in the API summary. */
export const DEFINITIONS: Record<TableDef['source'], Label> = {
  members: L(
    '统计截止日期为所选月份的最后一天。党员按组织关系所在党组织统计（含全部下级组织），计入状态为正常、流动党员、失联的党员；' +
      '停止党籍、出党、死亡、已转出市外的不计入。截止日期之后入党（支部大会通过）的不计入；截止日期之后转正的按预备党员统计。' +
      '年龄、党龄按截止日期计算（党龄自转正之日起算，党章第七条）。过去月份按党员当前的组织关系、状态和档案信息统计。',
    'The reference date is the last day of the chosen month. Members count where their formal relationship is (with every organization below), ' +
      'while normal, mobile or out of contact; suspended, departed, deceased and transferred-out members do not. Members admitted after the date are ' +
      'not counted; members made full after it count as probationary. Age and years of full membership are taken at the date. For a past month, ' +
      'current organizations, statuses and records are used.',
  ),
  orgs: L(
    '统计截止日期为所选月份的最后一天。统计截止日期时已成立、未撤销的党组织（含全部下级组织）；基层党组织包括基层党委（含乡镇、街道党（工）委）、党总支和党支部。',
    'Organizations founded and not dissolved at the last day of the chosen month, with every organization below. Basic-level organizations are ' +
      'basic-level committees (including townships and streets), general branches and branches.',
  ),
  events: L(
    '统计区间默认为截止日期所在年度的1月1日至截止日期。人员按其当前所在党组织统计（组织关系转接按接收方和转出方党组织统计，' +
      '“统计单位以外/内部”以所选统计单位为界），每人在每一栏中只计一次。' +
      '发展党员以上级党委审批（第十七步）之日计；转正以预备期满之日计；民主评议统计已定稿的评议结果。',
    'The period is 1 January of the reference year to the reference date unless chosen. People count at their current organization (transfers at the ' +
      'receiving and the sending organization; "outside" and "within" refer to the chosen organization), once per column. Admission counts on the higher committee\'s approval (step 17); full membership on ' +
      'the end of probation; appraisals once finalized.',
  ),
};

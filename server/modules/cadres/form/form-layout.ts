// The standard form's geometry, in points, shared by the PDF and the Word printer so that both print
// the same ruled table: A4, a 495 pt wide table, page 1 on a 7-column grid (label, value, label,
// value, label, value, photo), page 2 with a label column and the family's five columns.
import type { CellStyle } from './pdf-cells.js';

export const PAGE = { w: 595.28, h: 841.89 };
export const TABLE_W = 495;
export const MARGIN_X = (PAGE.w - TABLE_W) / 2;
export const COL = [56, 80, 62, 78, 64, 60, 95];
export const FAMILY_COL = [52, 62, 40, 70, TABLE_W - COL[0] - 224];

/** Row heights. The 简历 takes what is left of page 1; the family rows share FAMILY_BODY. */
export const ROW = {
  person: 34,
  education: 38,
  post: 32,
  rewards: 110,
  assessments: 60,
  reason: 70,
  familyHead: 30,
  familyBody: 250,
  unit: 80,
  approval: 130,
};
/** At least this many ruled family rows; more rows shrink to share the same height. */
export const FAMILY_MIN_ROWS = 7;

export const LABEL: CellStyle = { max: 12, min: 7 };
export const VALUE: CellStyle = { max: 12, min: 5 };
export const TEXT: CellStyle = { align: 'left', valign: 'top', max: 12, min: 5 };
export const POST_LABEL: CellStyle = { ...LABEL, characterSpacing: 3 };
export const TITLE: CellStyle = { bold: true, max: 22, min: 22, characterSpacing: 6 };

/** Labels as printed, with the line breaks of the standard form's narrow cells. */
export const LABELS = {
  title: '干部任免审批表',
  name: '姓名',
  sex: '性别',
  birth: '出生年月\n（  岁）',
  ethnicity: '民族',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  partyJoin: '入党时间',
  workStart: '参加工\n作时间',
  health: '健康状况',
  proTitle: '专业技术\n职务',
  expertise: '熟悉专业\n有何专长',
  education: '学历\n学位',
  fullTime: '全日制\n教育',
  inService: '在职\n教育',
  school: '毕业院校\n系及专业',
  currentPost: '现任职务',
  proposedPost: '拟任职务',
  proposedRemoval: '拟免职务',
  resume: '简\n\n\n\n历',
  rewards: '奖惩\n情况',
  assessments: '年度考核结果',
  reason: '任免理由',
  family: '家庭主要成员及重要社会关系',
  familyHead: ['称谓', '姓名', '年龄', '政治面貌', '工作单位及职务'],
  unit: '呈报\n单位',
  approvals: ['审批机关意见', '行政机关任免意见'],
  seal: '（盖章）',
  filledBy: '填表人：',
};

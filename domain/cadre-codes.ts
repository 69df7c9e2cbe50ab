// The code lists of the cadre records: unit kinds, levels, post lines, education ranks, grades.
// The files store the text (as a .lrmx does, PILLARS.md §1); these lists order and validate it.
import { CADRE_LEVELS, type CadreLevel } from './rules/cadre-levels';

/** Kinds of unit (单位) whose leadership posts the organization department manages. */
export const UNIT_KINDS = [
  '党委工作部门',
  '政府部门',
  '人大机关',
  '政协机关',
  '纪委监委',
  '法院检察院',
  '群团组织',
  '事业单位',
  '国有企业',
  '乡镇街道',
  '党委政府', // the committee and government of a district or county (区委、区政府 as one team)
  '内设机构',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Leadership levels, highest first (职务层次): the list of domain/rules/cadre-levels.ts. */
export const LEVELS = CADRE_LEVELS;
export type Level = CadreLevel;
/** 0 for the highest; a promotion moves to a smaller rank; -1 for a text that is no level. */
export const levelRank = (l: string): number => (LEVELS as readonly string[]).indexOf(l);
export const LEVEL_BANDS: Record<string, readonly Level[]> = {
  省部级: ['正部', '副部'],
  厅局级: ['正厅', '副厅'],
  县处级: ['正处', '副处'],
  乡科级: ['正科', '副科'],
};

/** The line a post belongs to (党政). */
export const POST_LINES = ['党委', '行政', '人大', '政协', '纪委', '其他'] as const;

/** Kinds of non-elected post whose promotion carries a 试用期 (RULES.md §7, corrected). */
export const PROBATION_KINDS = ['工作部门副职', '内设机构领导', '纪委内设机构领导', '法院检察院内设机构'] as const;

/** Education (学历) from highest: rank 1 … 7 (cadres.edu_rank). */
export const EDUCATION_RANKS = [
  { rank: 1, label: '博士研究生', match: ['博士'] },
  { rank: 2, label: '硕士研究生', match: ['硕士', '研究生'] },
  { rank: 3, label: '大学本科', match: ['大学', '本科'] },
  { rank: 4, label: '大学专科', match: ['大专', '专科'] },
  { rank: 5, label: '中专', match: ['中专', '中技'] },
  { rank: 6, label: '高中', match: ['高中'] },
  { rank: 7, label: '初中及以下', match: ['初中', '小学'] },
] as const;
/** The rank of a 学历 text ('大学' → 3, '在职研究生' → 2); null when none matches. */
export function educationRank(text: string | null | undefined): number | null {
  if (!text) return null;
  for (const e of EDUCATION_RANKS) if (e.match.some((m) => text.includes(m))) return e.rank;
  return null;
}

/** 年度考核 grades (公务员考核规定 2020). */
export const ASSESSMENT_GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

/** 政治面貌 (GB/T 4762). */
export const POLITICAL_STATUSES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
] as const;

/** Professional backgrounds for structure analysis (专业背景). */
export const BACKGROUNDS = ['党务', '经济', '法律', '理工', '农业', '文教卫', '管理', '其他'] as const;

/** The items of the 三龄二历 review. */
export const REVIEW_ITEMS = ['birth', 'work_start', 'party_join', 'education', 'work_history'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];
export const REVIEW_ITEM_LABELS: Record<ReviewItem, string> = {
  birth: '出生日期',
  work_start: '参加工作时间',
  party_join: '入党时间',
  education: '学历学位',
  work_history: '工作经历',
};

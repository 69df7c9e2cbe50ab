// Branch standards (党支部标准化规范化建设, PRODUCT.md "Branch standardization"). There is no national
// checklist: provinces and cities publish their own, so the checklist and the star thresholds are local
// practice (RULES.md tag L), kept as versioned data (standard_checklists rows, effective_from) with
// the default below. The year's assessment uses the version in force on 1 January of that year.

export const STANDARD_CATEGORIES = ['组织设置', '班子建设', '组织生活', '党员管理', '阵地建设', '工作机制', '作用发挥'] as const;

export interface StandardItem {
  code: string;
  category: string;
  title: string;
  maxScore: number;
  /** How to score it: what the reviewer looks at. */
  guide: string;
}

export interface StarThreshold {
  stars: number;
  minScore: number;
}

export interface ChecklistData {
  name: string;
  effectiveFrom: string;
  items: StandardItem[];
  /** Highest first; the 1-star row has minScore 0 so every total gets a rating. */
  starThresholds: StarThreshold[];
}

/** A checklist's items add up to this many points; the thresholds are read on the same scale. */
export const CHECKLIST_TOTAL = 100;
/** Scores are given in half points (L). */
export const SCORE_STEP = 0.5;

const item = (
  code: string,
  category: (typeof STANDARD_CATEGORIES)[number],
  title: string,
  maxScore: number,
  guide: string,
): StandardItem => ({ code, category, title, maxScore, guide });

// L: modelled on published city checklists; the numbers in the guides are the regulations' own
// (支部工作条例 2018 第十一至十七条, 党员教育管理工作条例 2019, 发展党员工作细则 2014, RULES.md §3–§4).
export const DEFAULT_CHECKLIST: ChecklistData = {
  name: '党支部标准化规范化建设评分标准（本市默认）',
  effectiveFrom: '2019-01-01',
  items: [
    item(
      'ZZ1',
      '组织设置',
      '按规定设置党支部',
      4,
      '正式党员3人以上单独建立党支部，不足3人的组建联合党支部；党员超过50人的按规定调整为党总支或基层党委。',
    ),
    item('ZZ2', '组织设置', '党小组划分合理', 4, '党员7人以上的党支部按工作或居住地划分党小组，每个党小组有组长。'),
    item('ZZ3', '组织设置', '隶属关系清晰、信息准确', 4, '支部名称、隶属关系和党员信息准确完整，变动后及时更新。'),
    item('BZ1', '班子建设', '支部委员会配备齐全', 5, '正式党员7人以上设支部委员会（3至5人），不足7人设书记1名；书记、委员无长期缺职。'),
    item('BZ2', '班子建设', '按期换届', 4, '任期届满按期换届；延期或提前换届经上级党组织批准，不超过1年。'),
    item('BZ3', '班子建设', '书记履职能力', 4, '书记政治素质好、熟悉党务，每年参加集中培训不少于56学时。'),
    item('BZ4', '班子建设', '班子分工明确', 3, '支委分工明确，组织、宣传、纪检等职责落实到人。'),
    item('SH1', '组织生活', '“三会一课”', 8, '支部党员大会一般每季度1次，支委会、党小组会一般每月1次，党课按计划开展，记录完整。'),
    item('SH2', '组织生活', '主题党日', 4, '每月相对固定1天开展主题党日，内容与学习、服务结合。'),
    item('SH3', '组织生活', '组织生活会', 4, '每年至少召开1次组织生活会，开展批评和自我批评，问题整改有台账。'),
    item('SH4', '组织生活', '民主评议党员', 4, '每年开展民主评议党员，程序规范，优秀等次不超过三分之一，结果有运用。'),
    item('GL1', '党员管理', '党员教育培训', 4, '党员每年集中学习培训不少于32学时，学习记录完整。'),
    item('GL2', '党员管理', '发展党员规范', 4, '严格按照发展党员工作细则的程序和时限发展党员，材料齐全。'),
    item('GL3', '党员管理', '党费收缴', 4, '按月足额收缴党费，台账清楚，无无故长期欠缴。'),
    item('GL4', '党员管理', '组织关系和流动党员管理', 4, '组织关系转接及时，流动党员、失联党员底数清楚、管理到位。'),
    item('ZD1', '阵地建设', '活动场所', 4, '有相对固定的党员活动场所，标识规范，满足开展活动需要。'),
    item('ZD2', '阵地建设', '制度公开和学习资料', 3, '主要制度、党员名单、活动计划公开，学习资料齐全。'),
    item('ZD3', '阵地建设', '信息如实记录', 3, '组织生活、党员和党费信息在系统中如实记录，一次录入、多方共用，不重复报送。'),
    item('JZ1', '工作机制', '计划、总结和请示报告', 4, '年初有计划、年终有总结，重要事项按规定请示报告。'),
    item('JZ2', '工作机制', '民主集中制和议事规则', 4, '重大事项经支委会集体讨论决定，会议记录完整。'),
    item('JZ3', '工作机制', '党务档案', 4, '党务工作档案分类整理、保存完整。'),
    item('ZY1', '作用发挥', '党建和业务融合', 5, '围绕中心工作确定党建业务融合任务，一起谋划、部署、落实、检查。'),
    item('ZY2', '作用发挥', '党员先锋模范作用', 5, '设立党员示范岗、责任区，党员在急难险重任务中发挥作用。'),
    item('ZY3', '作用发挥', '联系服务群众', 4, '开展志愿服务、结对帮扶，群众评价好。'),
  ],
  starThresholds: [
    { stars: 5, minScore: 95 },
    { stars: 4, minScore: 85 },
    { stars: 3, minScore: 75 },
    { stars: 2, minScore: 60 },
    { stars: 1, minScore: 0 },
  ],
};

export const STAR_LABELS: Record<number, { zh: string; en: string }> = {
  5: { zh: '五星', en: '5 stars' },
  4: { zh: '四星', en: '4 stars' },
  3: { zh: '三星', en: '3 stars' },
  2: { zh: '二星', en: '2 stars' },
  1: { zh: '一星', en: '1 star' },
  0: { zh: '未定星', en: 'No stars' },
};

/** One item's score and the assessor's note on it. */
export interface ItemScore {
  score?: number | null;
  note?: string | null;
}
export type ScoreSheet = Record<string, ItemScore>;

/** Why a score is not acceptable: 0 ≤ score ≤ maxScore in steps of 0.5 (L); null when it is. */
export function scoreError(score: number, maxScore: number): string | null {
  if (!Number.isFinite(score)) return '分值应为数字';
  if (score < 0) return '分值不能为负';
  if (score > maxScore) return `分值不能超过该项满分 ${maxScore} 分`;
  if (Math.round(score / SCORE_STEP) * SCORE_STEP !== score) return `分值以 ${SCORE_STEP} 分为单位`;
  return null;
}

export interface ScoreProblem {
  code: string;
  message: string;
}

/** Every problem of a score sheet against its checklist; `complete` also asks for a score on every item (submission, review). */
export function scoreProblems(items: readonly StandardItem[], scores: ScoreSheet, complete: boolean): ScoreProblem[] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const out: ScoreProblem[] = [];
  for (const code of Object.keys(scores)) if (!byCode.has(code)) out.push({ code, message: `评分项 ${code} 不在本年度的标准清单中` });
  for (const i of items) {
    const s = scores[i.code]?.score;
    if (s == null) {
      if (complete) out.push({ code: i.code, message: `“${i.title}”尚未评分` });
      continue;
    }
    const err = scoreError(s, i.maxScore);
    if (err) out.push({ code: i.code, message: `“${i.title}”${err}` });
  }
  return out;
}

/** The sum of the scored items, to one decimal (half points add up exactly). */
export function totalScore(items: readonly StandardItem[], scores: ScoreSheet): number {
  const sum = items.reduce((n, i) => n + (scores[i.code]?.score ?? 0), 0);
  return Math.round(sum * 10) / 10;
}

/** The stars a total earns: the highest threshold it reaches (L: 五星 ≥ 95, 四星 ≥ 85, 三星 ≥ 75, 二星 ≥ 60, 一星 below). */
export function starsFor(total: number, thresholds: readonly StarThreshold[]): number {
  let best = 0;
  for (const t of thresholds) if (total >= t.minScore && t.stars > best) best = t.stars;
  return best;
}

/** Problems of a checklist version: unique codes, positive half-point maxima adding up to 100, five star levels down to 0. */
export function checklistProblems(items: readonly StandardItem[], thresholds: readonly StarThreshold[]): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (seen.has(i.code)) out.push({ code: i.code, message: `评分项编号 ${i.code} 重复` });
    seen.add(i.code);
    if (!(i.maxScore > 0) || scoreError(i.maxScore, CHECKLIST_TOTAL) !== null)
      out.push({ code: i.code, message: `“${i.title}”的满分应为大于 0 的 ${SCORE_STEP} 分倍数` });
  }
  const sum = Math.round(items.reduce((n, i) => n + i.maxScore, 0) * 10) / 10;
  if (sum !== CHECKLIST_TOTAL) out.push({ code: 'items', message: `各项满分合计应为 ${CHECKLIST_TOTAL} 分，现为 ${sum} 分` });
  const sorted = [...thresholds].sort((a, b) => b.stars - a.stars);
  if (sorted.map((t) => t.stars).join() !== '5,4,3,2,1') out.push({ code: 'starThresholds', message: '星级应为五星至一星各一档' });
  else {
    for (let k = 1; k < sorted.length; k++) {
      if (!(sorted[k].minScore < sorted[k - 1].minScore))
        out.push({
          code: 'starThresholds',
          message: `${STAR_LABELS[sorted[k].stars].zh}的分数线应低于${STAR_LABELS[sorted[k - 1].stars].zh}`,
        });
    }
    if (sorted[4].minScore !== 0) out.push({ code: 'starThresholds', message: '一星的分数线应为 0（低于二星即为一星）' });
    if (sorted[0].minScore > CHECKLIST_TOTAL) out.push({ code: 'starThresholds', message: `五星的分数线不能超过 ${CHECKLIST_TOTAL} 分` });
  }
  return out;
}

/** The version in force on 1 January of the year: the latest effective on or before that day. */
export function checklistForYear<T extends { effectiveFrom: string }>(versions: readonly T[], year: number): T | null {
  const jan1 = `${String(year).padStart(4, '0')}-01-01`;
  let best: T | null = null;
  for (const v of versions) if (v.effectiveFrom <= jan1 && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

// 软弱涣散基层党组织: the situations named in the 中组部 campaigns to consolidate weak and lax
// grassroots organizations (整顿软弱涣散基层党组织, R); a higher organization names one with its reasons.
export const WEAK_REASONS = [
  'leadership_incomplete',
  'secretary_unfit',
  'leadership_disunited',
  'life_irregular',
  'education_weak',
  'rules_not_implemented',
  'election_overdue',
  'low_rating',
  'masses_complaints',
  'no_role',
  'other',
] as const;
export type WeakReason = (typeof WEAK_REASONS)[number];

export const WEAK_REASON_LABELS: Record<WeakReason, { zh: string; en: string }> = {
  leadership_incomplete: { zh: '班子配备不齐、书记长期缺职', en: 'Committee incomplete, secretary post long vacant' },
  secretary_unfit: { zh: '书记不胜任现职、工作不在状态', en: 'Secretary not up to the post' },
  leadership_disunited: { zh: '班子不团结、内耗严重', en: 'Committee divided' },
  life_irregular: { zh: '组织生活不正常、组织制度形同虚设', en: 'Organizational life irregular' },
  education_weak: { zh: '党员教育管理薄弱', en: 'Weak education and management of members' },
  rules_not_implemented: { zh: '制度不落实（民主集中制、“三会一课”等）', en: 'Rules not carried out' },
  election_overdue: { zh: '未按期换届', en: 'Election overdue' },
  low_rating: { zh: '标准化建设星级评定等次低', en: 'Low star rating' },
  masses_complaints: { zh: '群众反映强烈、矛盾纠纷突出', en: 'Strong public complaints' },
  no_role: { zh: '服务意识差、作用发挥不明显', en: 'Plays no visible role' },
  other: { zh: '其他', en: 'Other' },
};

/** L: the data that suggests a look at an organization (a suggestion, never an automatic naming). */
export const WEAK_SUGGESTION_RULES = {
  /** Rated this many stars or fewer last year. */
  maxStars: 2,
  /** Fewer organizational-life meetings (counted per purpose) than this in the last 12 months: fewer than one a month. */
  minMeetings: 12,
} as const;

export interface WeakSignals {
  lastYear: number;
  /** Stars of last year's rating, null when not rated. */
  lastYearStars: number | null;
  /** meeting_purposes rows held in the last 12 months. */
  meetingsLast12Months: number;
  /** ends_on of the current term when it is past and no new term has started, else null. */
  termOverdueSince: string | null;
}

export interface WeakSuggestion {
  kind: 'low_stars' | 'few_meetings' | 'term_overdue';
  /** The listed reason it points to. */
  reason: WeakReason;
  text: string;
}

/** What the data says about an organization, each suggestion with the fact behind it. */
export function weakSuggestions(
  s: WeakSignals,
  rules: { maxStars: number; minMeetings: number } = WEAK_SUGGESTION_RULES,
): WeakSuggestion[] {
  const out: WeakSuggestion[] = [];
  if (s.lastYearStars != null && s.lastYearStars <= rules.maxStars) {
    out.push({
      kind: 'low_stars',
      reason: 'low_rating',
      text: `${s.lastYear}年星级评定为${STAR_LABELS[s.lastYearStars].zh}（${STAR_LABELS[rules.maxStars].zh}及以下）`,
    });
  }
  if (s.meetingsLast12Months < rules.minMeetings) {
    out.push({
      kind: 'few_meetings',
      reason: 'life_irregular',
      text: `近12个月记录组织生活 ${s.meetingsLast12Months} 次（少于 ${rules.minMeetings} 次）`,
    });
  }
  if (s.termOverdueSince) {
    out.push({ kind: 'term_overdue', reason: 'election_overdue', text: `任期已于 ${s.termOverdueSince} 届满，尚未换届` });
  }
  return out;
}

export interface RectificationTaskState {
  progress: number;
  status: 'open' | 'done';
  dueOn: string;
}

/** The rectification at a glance: tasks, done, average progress, open tasks past their due date. */
export function rectificationSummary(tasks: readonly RectificationTaskState[], today: string) {
  const done = tasks.filter((t) => t.status === 'done').length;
  return {
    tasks: tasks.length,
    done,
    progress: tasks.length ? Math.round(tasks.reduce((n, t) => n + (t.status === 'done' ? 100 : t.progress), 0) / tasks.length) : 0,
    overdue: tasks.filter((t) => t.status === 'open' && t.dueOn < today).length,
  };
}

/** 整改销号: the higher organization accepts only when there are tasks and every one is done; else why not. */
export function acceptanceBlocker(tasks: readonly RectificationTaskState[]): string | null {
  if (!tasks.length) return '尚未制定整改任务，不能整改销号';
  const open = tasks.filter((t) => t.status !== 'done').length;
  return open ? `还有 ${open} 项整改任务未完成，不能整改销号` : null;
}

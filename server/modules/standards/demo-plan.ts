// Pure helpers of the standards demo: score sheets that add up to a drawn total, the star mix of a
// real city (mostly 三星–四星, some 五星, a few 一星–二星), and the usual rectification tasks.
import type { Rng } from '../../demo/prng.js';
import type { ScoreSheet, StandardItem, WeakReason } from '../../../domain/rules/standards.js';

/** A reviewed total drawn from a city's usual mix: about 10 % 五星, 40 % 四星, 35 % 三星, 10 % 二星, 5 % 一星. */
export function drawTotal(rng: Rng): number {
  const r = rng.next();
  const [lo, hi] = r < 0.05 ? [48, 59.5] : r < 0.15 ? [60, 74.5] : r < 0.5 ? [75, 84.5] : r < 0.9 ? [85, 94.5] : [95, 99.5];
  return lo + rng.int(0, (hi - lo) * 2) / 2;
}

/** Takes points off random items, half a point at a time, until the sheet adds up to the total. */
export function sheetFor(rng: Rng, items: readonly StandardItem[], total: number, note?: (i: StandardItem) => string | null): ScoreSheet {
  const score = new Map(items.map((i) => [i.code, i.maxScore]));
  let off = Math.round((items.reduce((n, i) => n + i.maxScore, 0) - total) * 2);
  while (off > 0) {
    const i = rng.pick(items);
    const s = score.get(i.code)!;
    if (s <= 0) continue;
    const step = Math.min(off, s * 2, rng.int(1, 4));
    score.set(i.code, s - step / 2);
    off -= step;
  }
  return Object.fromEntries(
    items.map((i) => {
      const s = score.get(i.code)!;
      const n = s < i.maxScore ? (note?.(i) ?? null) : null;
      return [i.code, n ? { score: s, note: n } : { score: s }];
    }),
  );
}

/** A self-assessment is usually a little kinder than the review. */
export const selfTotalFor = (rng: Rng, reviewed: number) => Math.min(100, reviewed + rng.int(0, 8) / 2);

export const REVIEW_NOTES = [
  '材料齐全，符合标准',
  '组织生活记录需进一步规范',
  '阵地建设有待加强',
  '党建与业务融合成效明显',
  '请补充党员教育培训台账',
];

export const RECTIFICATION_TEMPLATES: Record<WeakReason, { title: string; measure: string }[]> = {
  leadership_incomplete: [{ title: '配齐配强支部班子', measure: '上级党组织选派书记，按程序补选委员' }],
  secretary_unfit: [{ title: '调整充实支部书记', measure: '上级党组织谈话提醒，必要时按程序调整' }],
  leadership_disunited: [{ title: '召开专题组织生活会', measure: '上级党组织派员指导，开展批评和自我批评' }],
  life_irregular: [{ title: '规范落实“三会一课”', measure: '制定年度计划，每月固定主题党日，会议记录当月归档' }],
  education_weak: [{ title: '开展党员集中轮训', measure: '全体党员集中学习不少于 32 学时' }],
  rules_not_implemented: [{ title: '健全支部议事规则', measure: '修订支委会议事规则，重大事项集体决定并记录' }],
  election_overdue: [{ title: '按期完成换届选举', measure: '向上级党组织报送换届请示，按程序召开党员大会选举' }],
  low_rating: [{ title: '对照标准逐项整改', measure: '对上年评定扣分项逐项制定措施，年底前复评' }],
  masses_complaints: [{ title: '化解群众反映突出问题', measure: '建立问题清单，书记包案，逐件回复' }],
  no_role: [{ title: '设立党员先锋岗', measure: '党员认领岗位和服务项目，每季度公示' }],
  other: [{ title: '完善党务工作档案', measure: '分类整理近三年党务档案' }],
};

export const COMMON_TASKS = [
  { title: '建立党员联系群众制度', measure: '每名党员联系 5 户群众，每季度走访' },
  { title: '整治活动阵地', measure: '规范党员活动室标识和制度公开' },
  { title: '完善党务工作档案', measure: '分类整理近三年党务档案' },
];

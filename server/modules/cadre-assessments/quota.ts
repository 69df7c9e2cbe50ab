// The 优秀 quota of a unit and whether it may be submitted, with the rule that stops it
// (《公务员考核规定》2020, domain/rules/assessment.ts).
import { ASSESSMENT_ARTICLES, excellentQuota, QUOTA_PERCENT } from '../../../domain/rules/assessment.js';
import type { TQuota } from '../../../domain/schemas/cadre-assessments.js';
import type { Allowed } from './eligibility.js';

export function quotaOf(assessed: number, excellent: number, raised: boolean): TQuota {
  const normalMax = excellentQuota(assessed);
  const raisedMax = excellentQuota(assessed, true);
  const max = raised ? raisedMax : normalMax;
  return { assessed, excellent, max, normalMax, raisedMax, raised, over: excellent > max };
}

/** The refusal of an over-quota unit, naming the rule and its article. */
export function quotaMessage(q: TQuota): string {
  const pct = q.raised ? QUOTA_PERCENT.raised : QUOTA_PERCENT.normal;
  const basis = q.raised ? '经批准提高后的比例' : '一般比例';
  return (
    `确定为优秀等次 ${q.excellent} 人，超过本单位限额 ${q.max} 人（参加年度考核 ${q.assessed} 人的 ${pct}%，${basis}，` +
    `向下取整）：优秀等次人数一般不超过参加年度考核人数的 ${QUOTA_PERCENT.normal}%，经批准可以不超过 ${QUOTA_PERCENT.raised}%，` +
    `依据${ASSESSMENT_ARTICLES.quota}`
  );
}

export interface CheckedEntry {
  name: string;
  grade: string | null;
  comment: string;
  allowed: Allowed;
}

export type SubmitBlock = { code: 'EXCELLENT_QUOTA' | 'GRADE_NOT_ALLOWED' | 'INCOMPLETE' | 'STATUS'; message: string };

/** Why a unit cannot be submitted now, or null. */
export function submitBlock(status: string, entries: readonly CheckedEntry[], q: TQuota): SubmitBlock | null {
  if (status !== 'draft' && status !== 'returned') return { code: 'STATUS', message: '只有草稿或已退回的考核单位可以提交' };
  if (entries.length === 0) return { code: 'INCOMPLETE', message: '考核单位没有参加年度考核的人员' };
  const ungraded = entries.filter((e) => e.grade === null);
  if (ungraded.length)
    return {
      code: 'INCOMPLETE',
      message: `尚有 ${ungraded.length} 人未确定等次：${ungraded
        .slice(0, 5)
        .map((e) => e.name)
        .join('、')}`,
    };
  for (const e of entries) {
    if (e.grade === '不定等次') {
      if (!e.comment) return { code: 'INCOMPLETE', message: `${e.name}不确定等次，须填写评语` };
    } else if (!(e.allowed.grades as string[]).includes(e.grade!))
      return { code: 'GRADE_NOT_ALLOWED', message: `${e.name}不能确定为${e.grade}：${e.allowed.reason}` };
  }
  if (q.over) return { code: 'EXCELLENT_QUOTA', message: quotaMessage(q) };
  return null;
}

// The evaluation of a talent by 显绩 (results achieved) and 潜绩 (potential shown by projects, training and
// growth), issue 15 point 7. The indicators and their weights are dated data (a new set supersedes the old from
// its effective date); these rules only pick the set in force and weigh the scores. The weighing follows the
// 2018 《关于分类推进人才评价机制改革的指导意见》 (中办发〔2018〕6号): people are judged on ability, results and
// contribution (“凭能力、实绩、贡献评价人才”) and not by a single figure, so achieved and potential stay two
// numbers beside the total, and no rule here ranks one person against another (RULES.md §9).

export type IndicatorKind = 'achieved' | 'potential';

export interface IndicatorDef {
  code: string;
  name: string;
  kind: IndicatorKind;
  weight: number;
  effectiveOn: string;
  supersededOn: string | null;
}

/** The indicators in force on a day: the latest set (by effective date) that has begun and not been superseded. */
export function indicatorsInForce<T extends IndicatorDef>(all: readonly T[], on: string): T[] {
  const started = all.filter((i) => i.effectiveOn <= on && (i.supersededOn === null || i.supersededOn > on));
  const latest = started.reduce<string | null>((m, i) => (m === null || i.effectiveOn > m ? i.effectiveOn : m), null);
  return started.filter((i) => i.effectiveOn === latest);
}

/** A year is scored against the set in force on its last day (a set adopted mid-year applies to that year). */
export const evaluationDay = (year: number): string => `${year}-12-31`;

/** Why a set of indicators cannot be adopted, or null: weights of a set sum to 100, both kinds present, codes unique. */
export function indicatorSetProblem(set: readonly Pick<IndicatorDef, 'code' | 'kind' | 'weight'>[]): string | null {
  if (set.length === 0) return '请至少设置一项指标';
  if (new Set(set.map((i) => i.code)).size !== set.length) return '指标代码不能重复';
  if (!set.some((i) => i.kind === 'achieved')) return '请至少设置一项显绩指标';
  if (!set.some((i) => i.kind === 'potential')) return '请至少设置一项潜绩指标';
  const sum = set.reduce((s, i) => s + i.weight, 0);
  if (sum !== 100) return `各项指标权重之和应为 100（现为 ${sum}）`;
  return null;
}

export interface EvaluationScore {
  /** Weighted mean of the 显绩 indicators, 0–100. */
  achieved: number;
  /** Weighted mean of the 潜绩 indicators, 0–100. */
  potential: number;
  /** Weighted mean of every indicator, 0–100. */
  total: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function weighted(set: readonly Pick<IndicatorDef, 'code' | 'weight'>[], scores: Record<string, number>): number {
  const w = set.reduce((s, i) => s + i.weight, 0);
  return w === 0 ? 0 : round2(set.reduce((s, i) => s + i.weight * scores[i.code], 0) / w);
}

/** Which indicator is missing or unknown in the scores, or null when they match the set exactly. */
export function scoresProblem(set: readonly Pick<IndicatorDef, 'code' | 'name'>[], scores: Record<string, number>): string | null {
  const missing = set.find((i) => !(i.code in scores));
  if (missing) return `请为“${missing.name}”打分`;
  const codes = new Set(set.map((i) => i.code));
  const unknown = Object.keys(scores).find((c) => !codes.has(c));
  if (unknown) return `指标“${unknown}”不在适用的指标体系中`;
  const out = Object.entries(scores).find(([, v]) => !(v >= 0 && v <= 100));
  return out ? `“${out[0]}”的得分应在 0–100 之间` : null;
}

/** Achieved, potential and total of one evaluation: each a weighted mean of its indicators' 0–100 scores. */
export function scoreEvaluation(
  set: readonly Pick<IndicatorDef, 'code' | 'kind' | 'weight'>[],
  scores: Record<string, number>,
): EvaluationScore {
  return {
    achieved: weighted(
      set.filter((i) => i.kind === 'achieved'),
      scores,
    ),
    potential: weighted(
      set.filter((i) => i.kind === 'potential'),
      scores,
    ),
    total: weighted(set, scores),
  };
}

/** Bands of a total for the distribution of a year (a structure count, never a ranking). */
export const EVALUATION_BANDS = [
  { band: '90-100', min: 90 },
  { band: '80-89', min: 80 },
  { band: '70-79', min: 70 },
  { band: '60-69', min: 60 },
  { band: '0-59', min: 0 },
] as const;

export const bandOf = (total: number): string => EVALUATION_BANDS.find((b) => total >= b.min)!.band;

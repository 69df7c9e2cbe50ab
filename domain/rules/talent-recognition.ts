// 人才分类认定 (RULES.md §8; PILLARS.md §5): an application is reviewed by the employer, then the district's
// talent office (初审), then the city's (复核); a tier marked expert_review then goes to an expert panel whose
// scores stay sealed until every expert has scored; then 公示 for the configured working days; then the tier
// and card are granted, or the application is refused with its reason. A step may return the application for
// correction (the applicant resubmits) or refuse it. The order and the aggregation are pure here.

export type RecognitionStatus =
  'draft' | 'employer_review' | 'district_review' | 'city_review' | 'expert_review' | 'publicity' | 'granted' | 'refused' | 'returned';

export type Outcome = 'pass' | 'return' | 'refuse';

/** Where an application starts: an employer's own submission skips its own review; an officer's entry starts at the district. */
export function firstStep(channel: 'self' | 'employer' | 'officer', hasEmployer: boolean): RecognitionStatus {
  if (channel === 'self' && hasEmployer) return 'employer_review';
  return 'district_review';
}

/** The status after a review step's outcome; throws for a step that takes no review decision. */
export function nextStatus(current: RecognitionStatus, outcome: Outcome, expertReview: boolean): RecognitionStatus {
  if (!['employer_review', 'district_review', 'city_review'].includes(current)) throw new RangeError(`“${current}”不在审核环节`);
  if (outcome === 'return') return 'returned';
  if (outcome === 'refuse') return 'refused';
  if (current === 'employer_review') return 'district_review';
  if (current === 'district_review') return 'city_review';
  return expertReview ? 'expert_review' : 'publicity';
}

/**
 * The level whose office acts on an application in this status (RULES.md §8 typical workflow: the district's
 * first review, then the city talent office's re-check, expert panel and 公示). A district office may not take
 * the city's steps: the city level must lie strictly above the talent's district (scope/paths.ts isStrictlyHigher).
 */
export function reviewLevel(status: RecognitionStatus): 'employer' | 'district' | 'city' | null {
  if (status === 'employer_review') return 'employer';
  if (status === 'district_review') return 'district';
  if (status === 'city_review' || status === 'expert_review' || status === 'publicity') return 'city';
  return null;
}

/** A refusal or a return needs its reason (每项决定写明理由). */
export const needsReason = (outcome: Outcome | 'grant' | 'refuse_after_publicity'): boolean => outcome !== 'pass' && outcome !== 'grant';

export interface Criterion {
  code: string;
  weight: number;
}

/** One expert's weighted total (0–100) from their criterion scores (each 0–100); every criterion must be scored. */
export function expertTotal(criteria: Criterion[], scores: Record<string, number>): number {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum <= 0) throw new RangeError('评审指标权重之和应大于 0');
  let total = 0;
  for (const c of criteria) {
    const v = scores[c.code];
    if (v === undefined || !Number.isFinite(v) || v < 0 || v > 100) throw new RangeError(`请为“${c.code}”评分（0–100）`);
    total += (v * c.weight) / sum;
  }
  return Math.round(total * 100) / 100;
}

/** Threshold of the panel's mean for a pass (data: PASS_MEAN of the demo directory, fictional). */
export const PASS_MEAN = 60;

/**
 * The panel's result: sealed (null scores) until every assigned expert has scored; then the mean of the
 * totals and whether it reaches the pass mark. Individual scores are shown only with the result.
 */
export function panelResult(
  totals: (number | null)[],
  passMean = PASS_MEAN,
): { complete: boolean; mean: number | null; passed: boolean | null } {
  if (!totals.length || totals.some((t) => t === null)) return { complete: false, mean: null, passed: null };
  const mean = Math.round(((totals as number[]).reduce((s, t) => s + t, 0) / totals.length) * 100) / 100;
  return { complete: true, mean, passed: mean >= passMean };
}

/** An expert sees another expert's score only once the panel is complete. */
export const scoresVisible = (totals: (number | null)[]): boolean => panelResult(totals).complete;

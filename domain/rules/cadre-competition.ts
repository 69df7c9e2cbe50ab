// 竞争上岗 (《党政领导干部选拔任用工作条例》第九章 公开选拔和竞争上岗, RULES.md §7; PILLARS.md §3): posts with their
// qualification rules published, sign-up, qualification review (报名与资格审查), written exam and interview
// (笔试、面试), 民主测评, then 组织考察 of those chosen and the committee's decision. Here, unlike 民主推荐, a ranking
// by score is legitimate: it is an exam. The weights of the written exam and the interview are local practice
// (a setting; equal by default).

export const COMPETITION_ARTICLE = '《党政领导干部选拔任用工作条例》第九章（公开选拔和竞争上岗；条号待核）';

export const COMPETITION_STAGES = ['报名', '资格审查', '笔试', '面试', '民主测评', '组织考察'] as const;

export interface Weights {
  written: number;
  interview: number;
}
export const DEFAULT_WEIGHTS: Weights = { written: 0.5, interview: 0.5 };

export interface ApplicantScore {
  id: number;
  postId: number;
  qualified: boolean | null;
  written: number | null;
  interview: number | null;
}

/** The weighted total, to one decimal; null until both scores are in. */
export function totalScore(a: { written: number | null; interview: number | null }, w: Weights = DEFAULT_WEIGHTS): number | null {
  if (a.written === null || a.interview === null) return null;
  return Math.round((a.written * w.written + a.interview * w.interview) * 10) / 10;
}

/**
 * The rank of each qualified applicant with both scores within the post applied for: by total, highest first,
 * equal totals sharing a rank (1, 2, 2, 4). Others have no rank.
 */
export function rankApplicants(
  list: readonly ApplicantScore[],
  w: Weights = DEFAULT_WEIGHTS,
): Map<number, { total: number | null; rank: number | null }> {
  const out = new Map<number, { total: number | null; rank: number | null }>();
  for (const a of list) out.set(a.id, { total: a.qualified ? totalScore(a, w) : null, rank: null });
  const posts = [...new Set(list.map((a) => a.postId))];
  for (const p of posts) {
    const scored = list
      .filter((a) => a.postId === p && out.get(a.id)!.total !== null)
      .sort((x, y) => out.get(y.id)!.total! - out.get(x.id)!.total!);
    scored.forEach((a, i) => {
      const prev = scored[i - 1];
      const total = out.get(a.id)!.total!;
      out.get(a.id)!.rank = prev && out.get(prev.id)!.total === total ? out.get(prev.id)!.rank : i + 1;
    });
  }
  return out;
}

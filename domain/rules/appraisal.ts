// 民主评议党员 (RULES.md §3): yearly; grades 优秀/合格/基本合格/不合格. Two rules here are local
// practice (L), as RULES.md tags them: 优秀 at most ⅓ of those graded, and probationary members take
// part but get no grade. The appraisal is graded by full members only.
import type { AppraisalGrade } from '../meeting-kinds';

const SOURCE = '民主评议党员（RULES.md §3，地方实践）';

/** RULES.md §3 (L): 优秀 may be given to at most one third of the members graded, rounded down. */
export function excellentLimit(graded: number): number {
  return Math.floor(Math.max(0, graded) / 3);
}

export interface AppraisalEntry {
  memberId: number;
  category: 'full' | 'probationary';
  grade: AppraisalGrade | null;
}

export interface AppraisalProblem {
  code: 'probationary_graded' | 'excellent_over_limit' | 'ungraded';
  memberId: number | null;
  message: string;
}

/** The counts the grade grid shows: members to grade (full members), graded so far, 优秀 and its limit. */
export function appraisalCounts(entries: readonly AppraisalEntry[]) {
  const toGrade = entries.filter((e) => e.category === 'full');
  const byGrade = { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 } as Record<AppraisalGrade, number>;
  for (const e of toGrade) if (e.grade) byGrade[e.grade]++;
  return {
    toGrade: toGrade.length,
    graded: toGrade.filter((e) => e.grade).length,
    probationary: entries.length - toGrade.length,
    byGrade,
    // The limit is of everyone who must be graded, so it does not move while the grid is filled in.
    excellentLimit: excellentLimit(toGrade.length),
  };
}

/**
 * What keeps an appraisal from being saved (`final` false) or finalized (`final` true):
 * a grade for a probationary member (L), 优秀 over ⅓ (L), and — to finalize — a full member ungraded.
 */
export function appraisalProblems(entries: readonly AppraisalEntry[], final: boolean): AppraisalProblem[] {
  const out: AppraisalProblem[] = [];
  for (const e of entries) {
    if (e.category === 'probationary' && e.grade) {
      out.push({ code: 'probationary_graded', memberId: e.memberId, message: `预备党员参加民主评议但不评定等次（${SOURCE}）` });
    }
  }
  const c = appraisalCounts(entries);
  if (c.byGrade.excellent > c.excellentLimit) {
    out.push({
      code: 'excellent_over_limit',
      memberId: null,
      message: `评为优秀的党员 ${c.byGrade.excellent} 名，超过参评正式党员 ${c.toGrade} 名的三分之一（最多 ${c.excellentLimit} 名）（${SOURCE}）`,
    });
  }
  if (final) {
    const first = entries.find((e) => e.category === 'full' && !e.grade);
    if (first)
      out.push({
        code: 'ungraded',
        memberId: first.memberId,
        message: `还有 ${c.toGrade - c.graded} 名正式党员未评定等次，评定完毕才能确认结果`,
      });
  }
  return out;
}

// Eligibility of a candidate (issue 13 point 2): the facts are read from the cadre's file and handed to the rule
// (domain/rules/cadre-eligibility.ts), which cites the article of every finding. Training hours are the number the
// officer recorded on the candidate until the learning module provides them.
import type { Db } from '../../db/engine.js';
import {
  checkEligibility,
  EDUCATION_LEVELS,
  SANCTION_BARS,
  type CadreRecord,
  type EducationLevel,
  type SanctionKind,
} from '../../../domain/rules/cadre-eligibility.js';
import { ANNUAL_GRADES, type AnnualGrade } from '../../../domain/rules/assessment.js';
import { isCadreLevel, levelRank, type CadreLevel } from '../../../domain/rules/cadre-levels.js';

/** An override recorded on a candidate: the rule set aside, why, by whom and when. */
export interface Override {
  rule: string;
  reason: string;
  by: string;
  on: string;
}

// domain/cadre-codes.ts EDUCATION_RANKS (1 博士 … 7 初中及以下) onto the rule's five levels.
const EDUCATION_BY_RANK: Record<number, EducationLevel> = {
  1: '研究生',
  2: '研究生',
  3: '大学本科',
  4: '大学专科',
  5: '中专',
  6: '高中及以下',
  7: '高中及以下',
};

/** A partial file date (YYYY or YYYY-MM) as the first day it can mean. */
const fullDate = (d: string | null, fallback: string): string => {
  if (!d) return fallback;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  if (/^\d{4}-\d{2}$/.test(d)) return `${d}-01`;
  if (/^\d{4}$/.test(d)) return `${d}-01-01`;
  return fallback;
};

const SANCTION_KINDS = Object.keys(SANCTION_BARS) as SanctionKind[];
// The longest names first: 党内严重警告 before 党内警告 before 警告.
const BY_LENGTH = [...SANCTION_KINDS].sort((a, b) => b.length - a.length);

/** The cadre's file as the eligibility rule reads it. */
export async function cadreRecordOf(db: Db, cadreId: number, trainingHours: number, today: string): Promise<CadreRecord> {
  const [c, posts, grades, punishments] = await Promise.all([
    db.selectFrom('cadres').select(['work_start', 'grassroots_months', 'edu_rank']).where('id', '=', cadreId).executeTakeFirstOrThrow(),
    db
      .selectFrom('cadre_appointments')
      .select(['title', 'level', 'decided_on', 'ended_on', 'probation_until', 'end_reason'])
      .where('cadre_id', '=', cadreId)
      .orderBy('decided_on')
      .execute(),
    db.selectFrom('cadre_assessments').select(['year', 'grade']).where('cadre_id', '=', cadreId).execute(),
    db.selectFrom('cadre_rewards').select(['on_date', 'text']).where('cadre_id', '=', cadreId).where('kind', '=', 'punishment').execute(),
  ]);
  const leveled = posts.filter((p): p is typeof p & { level: CadreLevel } => !!p.level && isCadreLevel(p.level));
  // The last promotion: the latest post whose level is above every level held before it.
  let best = 0;
  let lastPromotion: { on: string; exceptional: boolean } | null = null;
  for (const p of leveled) {
    if (best > 0 && levelRank(p.level) > best) lastPromotion = { on: p.decided_on, exceptional: false };
    best = Math.max(best, levelRank(p.level));
  }
  const gradeMap: Record<number, AnnualGrade> = {};
  for (const g of grades) if ((ANNUAL_GRADES as readonly string[]).includes(g.grade)) gradeMap[g.year] = g.grade as AnnualGrade;
  const sanctions = punishments.flatMap((p) => {
    const kind = BY_LENGTH.find((k) => p.text.includes(k));
    return kind && p.on_date ? [{ kind, on: p.on_date }] : [];
  });
  return {
    workStartedOn: fullDate(c.work_start, today),
    grassrootsYears: Math.floor((c.grassroots_months ?? 0) / 12),
    posts: leveled.map((p) => ({ title: p.title, level: p.level, from: p.decided_on, to: p.ended_on })),
    education: EDUCATION_BY_RANK[c.edu_rank ?? 7] ?? EDUCATION_LEVELS[EDUCATION_LEVELS.length - 1],
    training: { hoursLastFiveYears: trainingHours, hoursLastYear: trainingHours },
    probations: leveled.filter((p) => p.probation_until).map((p) => ({ from: p.decided_on, to: p.probation_until! })),
    lastPromotion,
    // 降职 is written by the 能上能下 records (another branch): an appointment ended for 降职 counts until then.
    demotions: posts.filter((p) => p.ended_on && p.end_reason?.includes('降职')).map((p) => ({ on: p.ended_on! })),
    grades: gradeMap,
    sanctions,
  };
}

export interface CandidateEligibility {
  /** Every unmet finding is overridable and overridden (or the rule itself is satisfied). */
  eligible: boolean;
  /** An unmet finding no override can lift. */
  blocked: boolean;
  findings: {
    rule: string;
    article: string;
    met: boolean;
    reason: string;
    overridable: boolean;
    override: { reason: string; by: string; on: string } | null;
  }[];
}

/**
 * The findings for one candidate on `onDate`, with the overrides recorded on the candidate. Setting aside a
 * 任职资格 is 破格 (第十条): the override's reason is its stated reason, passed to the rule with any 破格 reasons the
 * recommendation gave, and the rule then adds 破格's own conditions (probation, a year since the last promotion),
 * which no override lifts. Training set aside means completing it within a year after the promotion.
 */
export function eligibilityOf(
  record: CadreRecord,
  target: { level: CadreLevel; title: string },
  onDate: string,
  exceptionalReasons: string | null,
  overrides: readonly Override[],
): CandidateEligibility {
  const reasons = [exceptionalReasons?.trim(), ...overrides.filter((o) => o.rule !== 'training').map((o) => o.reason)]
    .filter((x): x is string => !!x)
    .join('；');
  const r = checkEligibility(record, target, onDate, {
    exceptional: reasons ? { reasons } : null,
    trainingAfterPromotion: overrides.some((o) => o.rule === 'training'),
  });
  const findings = r.findings.map((f) => {
    const o = overrides.find((x) => x.rule === f.rule);
    return { ...f, override: !f.met && f.overridable && o ? { reason: o.reason, by: o.by, on: o.on } : null };
  });
  const unmet = findings.filter((f) => !f.met);
  // The missing 破格 reasons are supplied by the override itself, so they do not block it.
  const blocked = unmet.some((f) => !f.overridable && f.rule !== 'exceptional-reasons');
  return { eligible: unmet.every((f) => f.override), blocked, findings };
}

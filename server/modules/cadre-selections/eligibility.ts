// Eligibility of a candidate (issue 13 point 2): the facts are read from the cadre's file and handed to the rule
// (domain/rules/cadre-eligibility.ts), which cites the article of every finding. Training hours come from the
// learning ledger (learning_credits, approved, 5 years); the hours recorded on the candidate are the fallback.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';
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

/** Which cadres to read: a list of ids, or every serving cadre managed inside a subtree. */
export type CadreSet = { ids: readonly number[] } | { scopePath: string };

const inSet = (set: CadreSet) =>
  'ids' in set
    ? sql<boolean>`cadre_id in (${sql.join(set.ids.length ? [...set.ids] : [0])})`
    : sql<boolean>`cadre_id in (select c.id from cadres c where ${scopeSql('c.manager_path', set.scopePath)} and c.status = 'active')`;

/**
 * 学时 from the learning ledger (learning_credits, migration 021): approved rows under the cadre's member id when the
 * cadre is a member, else under the cadre id, in the 5 years and the year up to `onDate` (RULES.md §7 training).
 */
export async function ledgerHours(db: Db, set: CadreSet, onDate: string): Promise<Map<number, { five: number; one: number }>> {
  const d5 = dayjs(onDate).subtract(5, 'year').format('YYYY-MM-DD');
  const d1 = dayjs(onDate).subtract(1, 'year').format('YYYY-MM-DD');
  const rows = await sql<{ cadre_id: number; five: number; one: number }>`
    select cadre_id::int as cadre_id, sum(hours)::float8 as five, coalesce(sum(hours) filter (where earned_on > ${d1}), 0)::float8 as one
    from (
      select c.id as cadre_id, l.hours, l.earned_on from cadres c
        join learning_credits l on l.member_id = c.member_id
        where c.member_id is not null and l.status = 'approved' and l.earned_on > ${d5} and l.earned_on <= ${onDate}
      union all
      select l.cadre_id, l.hours, l.earned_on from learning_credits l join cadres c on c.id = l.cadre_id
        where c.member_id is null and l.status = 'approved' and l.earned_on > ${d5} and l.earned_on <= ${onDate}
    ) x
    where ${inSet(set)}
    group by cadre_id`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.cadre_id), { five: Number(r.five), one: Number(r.one) }]));
}

/** The hours the rule reads: the ledger's when it holds any, else the hours recorded on the selection. */
export function trainingOf(ledger: { five: number; one: number } | undefined, recorded: number): CadreRecord['training'] {
  if (ledger && ledger.five > 0) return { hoursLastFiveYears: ledger.five, hoursLastYear: ledger.one, source: '学时台账' };
  return { hoursLastFiveYears: recorded, hoursLastYear: recorded, source: recorded > 0 ? '登记学时' : '学时台账无记录' };
}

/**
 * The files of a set of cadres as the eligibility rule reads them, in five set-based queries (the cadres, their
 * posts, recent grades, punishments and ledger hours), whatever the size of the set. `recorded` gives the hours
 * recorded on a selection, used where the ledger holds none.
 */
export async function cadreRecordsOf(
  db: Db,
  set: CadreSet,
  onDate: string,
  recorded: ReadonlyMap<number, number> = new Map(),
): Promise<Map<number, CadreRecord>> {
  const year = dayjs(onDate).year();
  const idsQ = 'ids' in set ? set.ids : null;
  const cadreQ = db.selectFrom('cadres').select(['id', 'work_start', 'grassroots_months', 'edu_rank']);
  const [cadres, posts, grades, punishments, hours] = await Promise.all([
    idsQ
      ? idsQ.length
        ? cadreQ.where('id', 'in', [...idsQ]).execute()
        : Promise.resolve([])
      : cadreQ
          .where(scopeSql('manager_path', (set as { scopePath: string }).scopePath))
          .where('status', '=', 'active')
          .execute(),
    db
      .selectFrom('cadre_appointments')
      .select(['cadre_id', 'title', 'level', 'decided_on', 'ended_on', 'probation_until', 'end_reason'])
      .where(inSet(set))
      .orderBy('cadre_id')
      .orderBy('decided_on')
      .execute(),
    db
      .selectFrom('cadre_assessments')
      .select(['cadre_id', 'year', 'grade'])
      .where(inSet(set))
      .where('year', '>=', year - 2)
      .execute(),
    db.selectFrom('cadre_rewards').select(['cadre_id', 'on_date', 'text']).where(inSet(set)).where('kind', '=', 'punishment').execute(),
    ledgerHours(db, set, onDate),
  ]);
  const group = <T extends { cadre_id: number }>(rows: readonly T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.cadre_id);
      if (list) list.push(r);
      else m.set(r.cadre_id, [r]);
    }
    return m;
  };
  const postsOf = group(posts);
  const gradesOf = group(grades);
  const punishmentsOf = group(punishments);
  const out = new Map<number, CadreRecord>();
  for (const c of cadres) {
    out.set(
      c.id,
      recordOf(c, postsOf.get(c.id) ?? [], gradesOf.get(c.id) ?? [], punishmentsOf.get(c.id) ?? [], onDate, {
        training: trainingOf(hours.get(c.id), recorded.get(c.id) ?? 0),
      }),
    );
  }
  return out;
}

interface PostFact {
  title: string;
  level: string | null;
  decided_on: string;
  ended_on: string | null;
  probation_until: string | null;
  end_reason: string | null;
}

function recordOf(
  c: { work_start: string | null; grassroots_months: number | null; edu_rank: number | null },
  posts: readonly PostFact[],
  grades: readonly { year: number; grade: string }[],
  punishments: readonly { on_date: string | null; text: string }[],
  today: string,
  extra: { training: CadreRecord['training'] },
): CadreRecord {
  const leveled = posts.filter((p): p is PostFact & { level: CadreLevel } => !!p.level && isCadreLevel(p.level));
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
    training: extra.training,
    probations: leveled.filter((p) => p.probation_until).map((p) => ({ from: p.decided_on, to: p.probation_until! })),
    lastPromotion,
    // 降职 is written by the 能上能下 records (another branch): an appointment ended for 降职 counts until then.
    demotions: posts.filter((p) => p.ended_on && p.end_reason?.includes('降职')).map((p) => ({ on: p.ended_on! })),
    grades: gradeMap,
    sanctions,
  };
}

/** One cadre's file as the eligibility rule reads it. */
export async function cadreRecordOf(db: Db, cadreId: number, trainingHours: number, today: string): Promise<CadreRecord> {
  const r = (await cadreRecordsOf(db, { ids: [cadreId] }, today, new Map([[cadreId, trainingHours]]))).get(cadreId);
  if (!r) throw new Error(`cadre ${cadreId} not found`);
  return r;
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

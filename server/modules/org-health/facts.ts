// The facts behind the health signals of a subtree, read from each area's own functions (compliance,
// terms, dues ledger and totals, the development to-dos, star ratings, weak organizations) and
// attributed to the row they belong to: the direct child whose subtree holds them, or the root itself.
// Each unit is classified once by the rules of domain/rules/org-health.ts; rows only add up.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Actor } from '../../auth/actor.js';
import type { OrgRow } from '../orgs/queries.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { parsePeriod, periodKeyOf } from '../../../domain/rules/org-life.js';
import {
  closedMonthsOfYear,
  developmentUnitLevel,
  duesUnitLevel,
  emptyTally,
  meetingsUnitLevel,
  standardsUnitLevel,
  tallyUnit,
  termUnitLevel,
  type ArrearsCounts,
  type DevelopmentFacts,
  type HealthThresholds,
  type MeetingsFacts,
  type StandardsFacts,
  type StandardsUnit,
  type TermHealthState,
  type TermsFacts,
  type UnitTally,
} from '../../../domain/rules/org-health.js';
import { unitCompliance } from '../org-life/compliance.js';
import { listTerms, OPEN_ELECTION } from '../terms/queries.js';
import { lastClosedMonth, totalsOf } from '../dues/service.js';
import { getDuesSettings } from '../dues/settings.js';
import { developmentTodos } from '../todos/providers/development.js';
import { branchStars } from '../standards/ratings.js';
import { weakList } from '../standards/weak-orgs.js';
import { arrearsByOrg } from './arrears.js';
import { scopeSql } from '../../scope/access.js';

export interface DuesRowFacts extends UnitTally, ArrearsCounts {
  dueFen: number;
  paidFen: number;
}

export interface RowFacts {
  members: number;
  meetings: MeetingsFacts;
  terms: TermsFacts;
  dues: DuesRowFacts;
  development: DevelopmentFacts;
  standards: StandardsFacts;
}

export const emptyFacts = (): RowFacts => ({
  members: 0,
  meetings: { ...emptyTally(), quarterUnits: 0, quarterMissing: {}, yearMissing: 0 },
  terms: { ...emptyTally(), overdue: 0, maxOverdueDays: 0, ending: 0, missing: 0, only: null },
  dues: { ...emptyTally(), warned: 0, urgent: 0, lapsed: 0, dueFen: 0, paidFen: 0 },
  development: { ...emptyTally(), inPipeline: 0, overdue: 0, maxOverdueDays: 0 },
  standards: { ...emptyTally(), weak: 0, weakOverdueTasks: 0, lowStars: 0, rated: 0, only: null },
});

export interface SubtreeFacts {
  today: string;
  quarter: string;
  duesMonths: { from: string; to: string };
  warnMonths: number;
  lapseMonths: number;
  /** By row key: the root's id for its own units, else the direct child's id. */
  rows: Map<number, RowFacts>;
  total: RowFacts;
}

const OPEN_DEV = ['applicant', 'activist', 'candidate', 'probationary'] as const;
const days = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'day');

/**
 * Every area's input at once: on PostgreSQL the reads run side by side on the pool; on the embedded
 * engine (one connection) they simply queue.
 */
async function loadInputs(db: Db, actor: Actor, root: OrgRow, now: Date, today: string) {
  const year = Number(today.slice(0, 4));
  const settings = await getDuesSettings(db);
  const lastClosed = lastClosedMonth(now);
  const duesMonths = closedMonthsOfYear(lastClosed);
  const inRoot = (col: string) => scopeSql(col, root.path);
  const [orgs, units, terms, arrears, totals, held, pipeline, devItems, ratings, weak] = await Promise.all([
    db
      .selectFrom('orgs')
      .select(['id', sql<string>`path::text`.as('path')])
      .where(inRoot('path'))
      .execute(),
    unitCompliance(db, root.path, { kind: 'year', key: String(year) }, today, { openOnly: true }),
    listTerms(db, { path: root.path, today }, null, 100_000),
    arrearsByOrg(db, root.path, lastClosed, settings),
    totalsOf(db, root, duesMonths.from, duesMonths.to),
    // By the ids of the subtree's organizations: the count reads the index on (org_id, status) alone (migration 045).
    db
      .selectFrom('members')
      .select(['org_id', sql<number>`count(*)::int`.as('n')])
      .where(sql<boolean>`org_id = any(array(select id from orgs where ${inRoot('path')}))`)
      .where('status', 'in', COUNTED_STATUSES)
      .groupBy('org_id')
      .execute(),
    db
      .selectFrom('dev_people')
      .select(['org_id', sql<number>`count(*)::int`.as('n')])
      .where(inRoot('org_path'))
      .where('status', 'in', OPEN_DEV)
      .groupBy('org_id')
      .execute(),
    developmentTodos.own({ db, now, today }, { subtree: { id: root.id, name: root.name, path: root.path, kind: root.kind } }),
    branchStars(db, root.path, year),
    weakList(db, actor, root.path, { status: 'rectifying' }, today),
  ]);
  return { settings, duesMonths, orgs, units, terms, arrears, totals, held, pipeline, devItems, ratings, weak: weak.items };
}

/** Reads every signal's facts for the subtree of `root` on `today`. */
export async function subtreeFacts(
  db: Db,
  actor: Actor,
  root: OrgRow,
  now: Date,
  today: string,
  th: HealthThresholds,
): Promise<SubtreeFacts> {
  const x = await loadInputs(db, actor, root, now, today);
  const depth = root.path.split('.').length;
  const pathOf = new Map(x.orgs.map((o) => [o.id, o.path]));
  const keyOf = (orgId: number) => {
    const path = pathOf.get(orgId) ?? root.path;
    return path === root.path ? root.id : Number(path.split('.')[depth]);
  };
  const rows = new Map<number, RowFacts>();
  const total = emptyFacts();
  /** Applies `f` to the row of the organization and to the total. */
  const each = (orgId: number, f: (r: RowFacts) => void) => {
    const k = keyOf(orgId);
    f(rows.get(k) ?? rows.set(k, emptyFacts()).get(k)!);
    f(total);
  };

  // Meetings: the year's checks of every unit; the quarter's are those whose window lies in it.
  const quarter = parsePeriod('quarter', periodKeyOf('quarter', today))!;
  for (const u of x.units) {
    const missing = u.checks.filter((c) => c.state === 'missing');
    const inQuarter = missing.filter((c) => c.from >= quarter.from && c.to <= quarter.to);
    const level = meetingsUnitLevel({ quarterMissing: inQuarter.length, yearMissing: missing.length }, th);
    each(u.orgId, ({ meetings: m }) => {
      tallyUnit(m, level);
      if (inQuarter.length) m.quarterUnits++;
      for (const c of inQuarter) m.quarterMissing[c.kind] = (m.quarterMissing[c.kind] ?? 0) + 1;
      m.yearMissing += missing.length;
    });
  }

  // Terms: every organization that has one (任期意见), in the state the terms module computes.
  for (const t of x.terms) {
    const unit = {
      orgName: t.name,
      state: t.state as TermHealthState,
      endsOn: t.ends_on,
      electionUnderWay: (OPEN_ELECTION as readonly (string | null)[]).includes(t.latest_status),
    };
    const level = termUnitLevel(unit);
    each(t.id, ({ terms: s }) => {
      tallyUnit(s, level);
      s.only ??= unit;
      if (unit.state === 'overdue' && unit.endsOn) {
        s.overdue++;
        s.maxOverdueDays = Math.max(s.maxOverdueDays, days(unit.endsOn, today));
      } else if (unit.state === 'missing') s.missing++;
      else if (level === 'attention') s.ending++;
    });
  }

  // Dues: each organization holding members is a unit, classified by its members in arrears; the rate by row.
  for (const h of x.held) {
    const a = x.arrears.get(h.org_id) ?? { warned: 0, urgent: 0, lapsed: 0 };
    const level = duesUnitLevel(a);
    each(h.org_id, (r) => {
      r.members += h.n;
      tallyUnit(r.dues, level);
      r.dues.warned += a.warned;
      r.dues.urgent += a.urgent;
      r.dues.lapsed += a.lapsed;
    });
  }
  for (const c of x.totals.byChild) {
    if (c.orgId)
      each(c.orgId, (r) => {
        r.dues.dueFen += c.dueFen;
        r.dues.paidFen += c.paidFen;
      });
  }

  // Development: each branch with people in the pipeline, and the steps past their deadline (the to-do provider's).
  const late = new Map<number, { overdue: number; maxOverdueDays: number }>();
  for (const item of x.devItems) {
    if (!item.overdue || !item.dueOn) continue;
    const l = late.get(item.orgId) ?? late.set(item.orgId, { overdue: 0, maxOverdueDays: 0 }).get(item.orgId)!;
    l.overdue++;
    l.maxOverdueDays = Math.max(l.maxOverdueDays, days(item.dueOn, today));
  }
  for (const p of x.pipeline) {
    const l = late.get(p.org_id) ?? { overdue: 0, maxOverdueDays: 0 };
    const level = developmentUnitLevel(l, th);
    each(p.org_id, ({ development: d }) => {
      tallyUnit(d, level);
      d.inPipeline += p.n;
      d.overdue += l.overdue;
      d.maxOverdueDays = Math.max(d.maxOverdueDays, l.maxOverdueDays);
    });
  }

  // Standards: each branch's latest rating (this year's, else last year's) and the weak organizations rectifying.
  const year = Number(today.slice(0, 4));
  const standards = new Map<number, StandardsUnit>();
  for (const b of x.ratings) {
    const stars = b.stars ?? b.lastStars ?? null;
    standards.set(b.id, {
      stars,
      ratedYear: b.stars !== null ? year : stars !== null ? year - 1 : null,
      weakYear: null,
      weakOverdueTasks: 0,
    });
  }
  for (const w of x.weak) {
    const u =
      standards.get(w.orgId) ?? standards.set(w.orgId, { stars: null, ratedYear: null, weakYear: null, weakOverdueTasks: 0 }).get(w.orgId)!;
    u.weakYear = Math.max(u.weakYear ?? 0, w.year);
    u.weakOverdueTasks += w.overdue;
  }
  for (const [orgId, u] of standards) {
    const level = standardsUnitLevel(u, th);
    each(orgId, ({ standards: s }) => {
      tallyUnit(s, level);
      s.only ??= u;
      if (u.weakYear !== null) {
        s.weak++;
        s.weakOverdueTasks += u.weakOverdueTasks;
      }
      if (u.stars !== null) s.rated++;
      if (u.stars !== null && u.stars <= th.lowStars) s.lowStars++;
    });
  }

  return {
    today,
    quarter: quarter.key,
    duesMonths: x.duesMonths,
    warnMonths: x.settings.warnMonths,
    lapseMonths: x.settings.lapseMonths,
    rows,
    total,
  };
}

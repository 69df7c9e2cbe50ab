// What the monitor shows: one organization's direct children rolled up over their subtrees (the
// drill-down from the city to one branch), one unit's checks, and the flat list of units with gaps.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import { parsePeriod, type Period } from '../../../domain/rules/org-life.js';
import type { TCompliance, TComplianceRow, TMissingList } from '../../../domain/schemas/org-life.js';
import { ancestorsInScope, type OrgRow } from '../orgs/queries.js';
import { invalid } from '../../errors.js';
import { UNIT_KINDS, unitCompliance, type PeriodKind, type UnitCompliance } from './compliance.js';

type Tallies = Omit<TComplianceRow, 'orgId' | 'orgName' | 'orgKind' | 'isUnit'>;
const emptyTallies = (): Tallies => ({ units: 0, compliantUnits: 0, missing: 0, due: 0, missingByKind: {} });

function add(t: Tallies, u: UnitCompliance): void {
  t.units++;
  if (u.missing === 0) t.compliantUnits++;
  t.missing += u.missing;
  t.due += u.due;
  for (const c of u.checks) if (c.state === 'missing') t.missingByKind[c.kind] = (t.missingByKind[c.kind] ?? 0) + 1;
}

export function periodOrThrow(kind: PeriodKind, key: string): Period {
  const p = parsePeriod(kind, key);
  if (!p) throw invalid('期间格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年）', 'key');
  return p;
}

/** The organization itself (when it is a unit) and each direct child that holds units, rolled up. */
export async function complianceOverview(db: Db, scopePath: string, org: OrgRow, period: Period, today: string): Promise<TCompliance> {
  const units = await unitCompliance(db, org.path, period, today, { openOnly: true });
  const depth = org.path.split('.').length;
  const total = emptyTallies();
  const byChild = new Map<number, Tallies>();
  let self: Tallies | null = null;
  for (const u of units) {
    add(total, u);
    if (u.orgId === org.id) add((self = emptyTallies()), u);
    else {
      const childId = Number(u.path.split('.')[depth]);
      let t = byChild.get(childId);
      if (!t) byChild.set(childId, (t = emptyTallies()));
      add(t, u);
    }
  }
  const children = byChild.size
    ? await db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind'])
        .where('parent_id', '=', org.id)
        .where('id', 'in', [...byChild.keys()])
        .orderBy('sort_key')
        .orderBy('id')
        .execute()
    : [];
  const rows: TComplianceRow[] = [
    ...(self ? [{ orgId: org.id, orgName: org.name, orgKind: org.kind, isUnit: true, ...self }] : []),
    ...children.map((c) => ({ orgId: c.id, orgName: c.name, orgKind: c.kind, isUnit: UNIT_KINDS.includes(c.kind), ...byChild.get(c.id)! })),
  ];
  return {
    org: { id: org.id, name: org.name, kind: org.kind, isUnit: UNIT_KINDS.includes(org.kind) && org.status === 'active' },
    path: await ancestorsInScope(db, org.path, scopePath),
    period,
    today,
    rows,
    total,
  };
}

export interface MissingUnit extends UnitCompliance {
  parentName: string | null;
}

/** Units of the subtree with at least one missing check, worst first (most missing, then tree order). */
export async function missingUnits(db: Db, org: OrgRow, period: Period, today: string): Promise<UnitCompliance[]> {
  const units = (await unitCompliance(db, org.path, period, today, { openOnly: true })).filter((u) => u.missing > 0);
  return units.sort((a, b) => b.missing - a.missing || b.due - a.due);
}

export async function withParentNames(db: Db, units: UnitCompliance[]): Promise<MissingUnit[]> {
  const ids = [...new Set(units.map((u) => u.parentId).filter((x): x is number => x !== null))];
  const names = new Map(
    // One array parameter: a city's missing units have thousands of parents.
    ids.length
      ? (
          await db
            .selectFrom('orgs')
            .select(['id', 'name'])
            .where(sql<boolean>`id = any(${ids}::bigint[])`)
            .execute()
        ).map((o) => [o.id, o.name])
      : [],
  );
  return units.map((u) => ({ ...u, parentName: u.parentId === null ? null : (names.get(u.parentId) ?? null) }));
}

export async function missingPage(
  db: Db,
  org: OrgRow,
  period: Period,
  today: string,
  offset: number,
  limit: number,
): Promise<TMissingList> {
  const all = await missingUnits(db, org, period, today);
  const page = await withParentNames(db, all.slice(offset, offset + limit));
  return {
    period,
    total: all.length,
    offset,
    items: page.map((u) => ({
      orgId: u.orgId,
      orgName: u.orgName,
      orgKind: u.orgKind,
      parentName: u.parentName,
      missing: u.missing,
      due: u.due,
      missingChecks: u.checks.filter((c) => c.state === 'missing').map((c) => ({ kind: c.kind as MeetingKind, periodKey: c.periodKey })),
    })),
  };
}

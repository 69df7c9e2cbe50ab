// The compliance monitor's engine (issue 4 point 2; RULES.md §3): for every unit in a subtree — an active
// branch (branch, joint, temporary) or 党小组 — the checks it owes in a period and whether each was held.
// A few set-based reads (the units, their committee and member facts, held meetings counted by
// org × kind × month from meeting_purposes) and the rest in memory: the whole city for a year stays
// well under a second. A meeting serving two purposes counts for the check of each.
// Other areas (to-dos, statistics) call unitCompliance: keep its signature.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/meeting-kinds.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import {
  checkState,
  hasCommittee,
  monthsOf,
  owedChecks,
  parsePeriod,
  unitTargets,
  type OwedCheck,
  type RuleTarget,
} from '../../../domain/rules/org-life.js';
import { invalid } from '../../errors.js';
import { ruleSets } from './rule-store.js';
import { scopeSql } from '../../scope/access.js';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface ComplianceCheck {
  kind: MeetingKind;
  periodKey: string;
  from: string;
  to: string;
  state: 'held' | 'missing' | 'due';
  heldCount: number;
  lateCount: number;
  meetingIds: number[];
  article: string;
}

export interface UnitCompliance {
  orgId: number;
  orgName: string;
  orgKind: string;
  path: string;
  parentId: number | null;
  checks: ComplianceCheck[];
  missing: number;
  due: number;
}

export const UNIT_KINDS: readonly string[] = [...BRANCH_KINDS, 'party_group'];

interface Held {
  n: number;
  late: number;
  ids: number[];
}

/** Above this many branches, counting members over the whole table beats the subtree index. */
const MANY_UNITS = 200;
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const KIND_INDEX = new Map<string, number>(MEETING_KINDS.map((k, i) => [k, i]));
const heldKey = (orgId: number, kind: number, ym: number) => (orgId * 16 + kind) * 100_000 + ym;

/** Units of the subtree (or only `opts.orgIds` among them) with their checks for the period, in tree order. */
export async function unitCompliance(
  db: Db,
  scopePath: string,
  period: { kind: PeriodKind; key: string },
  today: string,
  opts: { orgIds?: number[] } = {},
): Promise<UnitCompliance[]> {
  const p = parsePeriod(period.kind, period.key);
  if (!p) throw invalid('期间格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年）', 'key');
  const ids = opts.orgIds;
  if (ids && ids.length === 0) return [];
  // Checks reach the quarter and year around the period: read the whole years it touches.
  const from = `${p.from.slice(0, 4)}-01-01`;
  const to = `${p.to.slice(0, 4)}-12-31`;

  let unitsQ = db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.kind', sql<string>`o.path::text`.as('path'), 'o.parent_id', 'o.established_on'])
    .where(scopeSql('o.path', scopePath))
    .where('o.status', '=', 'active')
    .where('o.kind', 'in', UNIT_KINDS);
  if (ids) unitsQ = unitsQ.where('o.id', 'in', ids);
  const units = await unitsQ.orderBy('o.path').execute();
  if (units.length === 0) return [];
  const unitIds = units.map((u) => u.id);
  const branches = units.filter((u) => u.kind !== 'party_group');
  const branchIds = branches.map((u) => u.id);
  const anyOf = (list: number[]) => sql<boolean>`= any(${list}::bigint[])`;

  // The facts and the meetings, each read once for all units (sequential on the embedded engine, parallel on a server).
  const [committeeRows, groupRows, memberRows, heldRows, lateRows] = await Promise.all([
    db
      .selectFrom('org_committee_members')
      .select(['org_id', sql<number>`count(*)::int`.as('n')])
      .where(sql<boolean>`org_id ${anyOf(branchIds)}`)
      .groupBy('org_id')
      .execute(),
    db
      .selectFrom('orgs')
      .select(['id', 'parent_id'])
      .where('kind', '=', 'party_group')
      .where(sql<boolean>`parent_id ${anyOf(branchIds)}`)
      .execute(),
    // Full members by organization; a scan of the whole table is cheaper than the subtree index for many units.
    db
      .selectFrom('members as m')
      .select(['m.org_id', sql<number>`count(*)::int`.as('n')])
      .where('m.category', '=', 'full')
      .where('m.status', 'in', COUNTED_STATUSES)
      .$if(branches.length <= MANY_UNITS, (q) => q.where(sql<boolean>`m.org_path <@ ${branches.map((b) => b.path)}::ltree[]`))
      .groupBy('m.org_id')
      .execute(),
    db
      .selectFrom('meeting_purposes')
      .select([
        'org_id',
        'kind',
        'meeting_id',
        sql<number>`(extract(year from held_on) * 12 + extract(month from held_on) - 1)::int`.as('ym'),
      ])
      .where(sql<boolean>`org_id ${anyOf(unitIds)}`)
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .execute(),
    db
      .selectFrom('meetings')
      .select('id')
      .where('late', '=', true)
      .where('status', '=', 'held')
      .where(sql<boolean>`org_id ${anyOf(unitIds)}`)
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .execute(),
  ]);
  const committees = new Map(committeeRows.map((r) => [r.org_id, r.n]));
  // Full members of a branch include those kept in its 党小组.
  const branchOf = new Map<number, number>([
    ...branchIds.map((b): [number, number] => [b, b]),
    ...groupRows.map((g): [number, number] => [g.id, g.parent_id!]),
  ]);
  const fullMembers = new Map<number, number>();
  for (const r of memberRows) {
    const b = branchOf.get(r.org_id);
    if (b !== undefined) fullMembers.set(b, (fullMembers.get(b) ?? 0) + r.n);
  }
  const late = new Set(lateRows.map((r) => r.id));
  // Numeric keys org × kind × month: the year of a whole city is tens of thousands of rows.
  const held = new Map<number, Held>();
  for (const r of heldRows) {
    const k = KIND_INDEX.get(r.kind);
    if (k === undefined) continue;
    const key = heldKey(r.org_id, k, r.ym);
    let h = held.get(key);
    if (!h) held.set(key, (h = { n: 0, late: 0, ids: [] }));
    h.n++;
    if (late.has(r.meeting_id)) h.late++;
    h.ids.push(r.meeting_id);
  }

  // What a unit owes depends only on its targets (and its founding date when that falls in the years read).
  const sets = await ruleSets(db);
  const owedCache = new Map<string, (OwedCheck & { k: number; months: number[] })[]>();
  const owedFor = (targets: RuleTarget[], established: string | null) => {
    const est = established && established > from ? established : null;
    const key = `${targets.join(',')}|${est ?? ''}`;
    let owed = owedCache.get(key);
    if (!owed) {
      owed = owedChecks(targets, p, today, sets, est).map((c) => ({
        ...c,
        k: KIND_INDEX.get(c.kind)!,
        months: monthsOf(c).map(monthIndex),
      }));
      owedCache.set(key, owed);
    }
    return owed;
  };
  return units.map((u) => {
    const targets = unitTargets({ kind: u.kind, committeeSize: committees.get(u.id) ?? 0, fullMembers: fullMembers.get(u.id) ?? 0 });
    let missing = 0;
    let due = 0;
    const checks = owedFor(targets, u.established_on).map(
      ({ kind, periodKey, from: wFrom, to: wTo, article, k, months }): ComplianceCheck => {
        let heldCount = 0;
        let lateCount = 0;
        const meetingIds: number[] = [];
        for (const ym of months) {
          const h = held.get(heldKey(u.id, k, ym));
          if (!h) continue;
          heldCount += h.n;
          lateCount += h.late;
          meetingIds.push(...h.ids);
        }
        const state = checkState(wTo, heldCount, today);
        if (state === 'missing') missing++;
        else if (state === 'due') due++;
        return { kind, periodKey, from: wFrom, to: wTo, state, heldCount, lateCount, meetingIds, article };
      },
    );
    return { orgId: u.id, orgName: u.name, orgKind: u.kind, path: u.path, parentId: u.parent_id, checks, missing, due };
  });
}

/** Whether a branch counts as having a committee (for the unit view's header). */
export async function unitHasCommittee(db: Db, orgId: number): Promise<boolean> {
  const c = await db
    .selectFrom('org_committee_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const m = await db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => eb.or([eb('o.id', '=', orgId), eb.and([eb('o.parent_id', '=', orgId), eb('o.kind', '=', 'party_group')])]))
    .where('m.category', '=', 'full')
    .where('m.status', 'in', COUNTED_STATUSES)
    .executeTakeFirstOrThrow();
  return hasCommittee({ committeeSize: c.n, fullMembers: m.n });
}

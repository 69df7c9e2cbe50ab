// The compliance monitor's engine (issue 4 point 2; RULES.md §3): for every unit in a subtree — an active
// branch (branch, joint, temporary) or 党小组 — the checks it owes in a period and whether each was held.
// One read from the summaries of migration 041 (the units with their committee and full-member counts and
// their held meetings counted by kind × month) and the rules applied in memory, so a city's year needs
// no scan of the meetings or the members. A meeting serving two purposes counts for the check of each.
// Other areas (to-dos, statistics) call unitCompliance: keep its signature.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/meeting-kinds.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import {
  checkState,
  hasCommittee,
  owedChecks,
  parsePeriod,
  unitTargets,
  type OwedCheck,
  type RuleTarget,
} from '../../../domain/rules/org-life.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { invalid } from '../../errors.js';
import { ruleSets } from './rule-store.js';
import { scopeSql } from '../../scope/access.js';
import { ymOf } from './summaries.js';

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

/** Up to this many units asked by id, the checks list their meetings (the unit view). */
const DETAIL_UNITS = 20;
const monthIndex = ymOf;
const KIND_INDEX = new Map<string, number>(MEETING_KINDS.map((k, i) => [k, i]));

/**
 * A unit's packed cells of one year 'kind:ym:n:late,…' (org_life_held_years) as a dense table: held and late
 * at [(kind index × 12 + month of the year) × 2] and the next slot. Unknown kinds and other years are left out.
 */
export function unpackCells(packed: string, year: number): Int32Array {
  const out = new Int32Array(MEETING_KINDS.length * 24);
  const base = year * 12;
  let i = 0;
  /** The unsigned integer at i; leaves i past the separator after it. */
  const uint = () => {
    let v = 0;
    for (let c = packed.charCodeAt(i); c >= 48 && c <= 57; c = packed.charCodeAt(++i)) v = v * 10 + (c - 48);
    i++;
    return v;
  };
  while (i < packed.length) {
    const colon = packed.indexOf(':', i);
    if (colon < 0) break;
    const k = KIND_INDEX.get(packed.slice(i, colon));
    i = colon + 1;
    const m = uint() - base;
    const n = uint();
    const late = uint();
    if (k === undefined || m < 0 || m > 11) continue;
    out[(k * 12 + m) * 2] += n;
    out[(k * 12 + m) * 2 + 1] += late;
  }
  return out;
}

/** The held meetings of a few units, by kind and month (their ids for the unit view). */
async function meetingsOf(db: Db, unitIds: number[], from: string, to: string) {
  return db
    .selectFrom('meeting_purposes')
    .select(['org_id', 'kind', 'meeting_id', sql<number>`org_life_ym(held_on)`.as('ym')])
    .where('org_id', 'in', unitIds)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on')
    .orderBy('meeting_id')
    .execute();
}

/**
 * Units of the subtree (or only `opts.orgIds` among them) with their checks for the period, in tree order;
 * `opts.openOnly` leaves the held checks out of `checks` (the counts stay whole: readers that want only the
 * gaps skip most of a city year's 700,000 checks).
 * Counts come from the summaries of migration 041; `meetingIds` are listed only when at most
 * DETAIL_UNITS units are asked by id (the unit view), otherwise empty.
 */
export async function unitCompliance(
  db: Db,
  scopePath: string,
  period: { kind: PeriodKind; key: string },
  today: string,
  opts: { orgIds?: number[]; openOnly?: boolean } = {},
): Promise<UnitCompliance[]> {
  const p = parsePeriod(period.kind, period.key);
  if (!p) throw invalid('期间格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年）', 'key');
  const ids = opts.orgIds;
  if (ids && ids.length === 0) return [];
  // Checks reach the quarter and year around the period: read the whole years it touches.
  const from = `${p.from.slice(0, 4)}-01-01`;
  const to = `${p.to.slice(0, 4)}-12-31`;

  // One row per unit: its facts and its held cells of the year, packed as 'kind:ym:n:late,…' (a city's
  // year is some twenty cells per unit: one row each cost far more to ship than to unpack).
  // A period never spans two years (parsePeriod), so the year read is the period's.
  const year = Number(from.slice(0, 4));
  const units = await db
    .selectFrom('orgs as o')
    .leftJoin('org_life_facts as f', 'f.org_id', 'o.id')
    .leftJoin('org_life_held_years as y', (j) => j.onRef('y.org_id', '=', 'o.id').on('y.year', '=', year))
    .select([
      'o.id',
      'o.name',
      'o.kind',
      sql<string>`o.path::text`.as('path'),
      'o.parent_id',
      'o.established_on',
      sql<number>`coalesce(f.committee_n, 0)`.as('committee_n'),
      sql<number>`coalesce(f.full_n, 0)`.as('full_n'),
      'y.cells as held',
    ])
    .where(scopeSql('o.path', scopePath))
    .where('o.status', '=', 'active')
    .where('o.kind', 'in', UNIT_KINDS)
    .$if(!!ids, (q) => q.where('o.id', 'in', ids!))
    .orderBy('o.path')
    .execute();
  if (units.length === 0) return [];

  // Per unit: its held cells in a dense table by kind and month (no object per cell: a city's year is some
  // 900,000 cells, and objects for them cost more than the rest of the read).
  const held = new Map<number, Int32Array>();
  for (const u of units) if (u.held) held.set(u.id, unpackCells(u.held, year));
  // The meetings themselves only for a few units asked by id (the unit view lists them): [kind, month, id] triples.
  const detail = new Map<number, number[]>();
  if (ids && ids.length <= DETAIL_UNITS) {
    const rows = await meetingsOf(
      db,
      units.map((u) => u.id),
      from,
      to,
    );
    for (const r of rows) {
      const k = KIND_INDEX.get(r.kind);
      if (k === undefined) continue;
      const list = detail.get(r.org_id) ?? detail.set(r.org_id, []).get(r.org_id)!;
      list.push(k, r.ym, r.meeting_id);
    }
  }

  // What a unit owes depends only on its targets (and its founding date when that falls in the years read).
  const sets = await ruleSets(db);
  const owedCache = new Map<string, (OwedCheck & { k: number; fromYm: number; toYm: number })[]>();
  const owedFor = (targets: RuleTarget[], established: string | null) => {
    const est = established && established > from ? established : null;
    const key = `${targets.join(',')}|${est ?? ''}`;
    let owed = owedCache.get(key);
    if (!owed) {
      owed = owedChecks(targets, p, today, sets, est).map((c) => ({
        ...c,
        k: KIND_INDEX.get(c.kind)!,
        fromYm: monthIndex(c.from),
        toYm: monthIndex(c.to),
      }));
      owedCache.set(key, owed);
    }
    return owed;
  };
  return units.map((u) => {
    const targets = unitTargets({ kind: u.kind, committeeSize: u.committee_n, fullMembers: u.full_n });
    const cells = held.get(u.id);
    const meetings = detail.get(u.id);
    let missing = 0;
    let due = 0;
    const checks: ComplianceCheck[] = [];
    for (const { kind, periodKey, from: wFrom, to: wTo, article, k, fromYm, toYm } of owedFor(targets, u.established_on)) {
      let heldCount = 0;
      let lateCount = 0;
      if (cells)
        for (let m = Math.max(fromYm - year * 12, 0); m <= Math.min(toYm - year * 12, 11); m++) {
          heldCount += cells[(k * 12 + m) * 2];
          lateCount += cells[(k * 12 + m) * 2 + 1];
        }
      const state = checkState(wTo, heldCount, today);
      if (state === 'missing') missing++;
      else if (state === 'due') due++;
      else if (opts.openOnly) continue;
      const meetingIds: number[] = [];
      if (meetings)
        for (let i = 0; i < meetings.length; i += 3)
          if (meetings[i] === k && meetings[i + 1] >= fromYm && meetings[i + 1] <= toYm) meetingIds.push(meetings[i + 2]);
      checks.push({ kind, periodKey, from: wFrom, to: wTo, state, heldCount, lateCount, meetingIds, article });
    }
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

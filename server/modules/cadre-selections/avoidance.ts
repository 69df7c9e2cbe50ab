// Avoidance (回避, issue 13 point 3): a candidate's proposed post against the posts their relatives hold, through
// the family rows linked to another cadre (cadre_family.relative_cadre_id, in either direction). The units say who
// stands in whose line: the same unit is one line under one leadership (its principal leads the others), a unit
// on the parent_unit_id chain above is the direct superior; a post whose title names 组织/人事/纪检/审计/财务 is
// the sensitive work the rule forbids under a relative who leads the body. The rule itself is
// domain/rules/cadre-avoidance.ts (avoidanceConflicts), which words each conflict with its article.
import type { Db } from '../../db/engine.js';
import { avoidanceConflicts, type Placement, type WorkArea } from '../../../domain/rules/cadre-avoidance.js';

export interface AvoidanceFlag {
  withCadreId: number;
  withName: string;
  relation: string;
  message: string;
}

const AREAS: [RegExp, WorkArea][] = [
  [/组织|人事/, 'organization'],
  [/纪检|监察|纪委/, 'discipline'],
  [/审计/, 'audit'],
  [/财务|财政/, 'finance'],
];
export const workAreaOf = (title: string): WorkArea => AREAS.find(([re]) => re.test(title))?.[1] ?? 'other';

/** The unit and the units above it, nearest first. */
async function chainOf(db: Db, unitId: number, cache: Map<number, number[]>): Promise<number[]> {
  const hit = cache.get(unitId);
  if (hit) return hit;
  const chain: number[] = [];
  for (let id: number | null = unitId; id !== null && !chain.includes(id) && chain.length < 20;) {
    chain.push(id);
    const row = await db.selectFrom('cadre_units').select('parent_unit_id').where('id', '=', id).executeTakeFirst();
    id = row?.parent_unit_id ?? null;
  }
  cache.set(unitId, chain);
  return chain;
}

interface Seat {
  personId: number;
  name: string;
  unitId: number;
  title: string;
  principal: boolean;
}

/** The two placements of a pair, with who leads whom read from the units. */
function placements(a: Seat, b: Seat, aChain: number[], bChain: number[]): [Placement, Placement] {
  const p = (s: Seat): Placement => ({
    personId: String(s.personId),
    name: s.name,
    unitId: String(s.unitId),
    leaderId: null,
    leads: [String(s.unitId)],
    area: workAreaOf(s.title),
  });
  const pa = p(a);
  const pb = p(b);
  if (a.unitId === b.unitId) {
    if (b.principal && !a.principal) pa.leaderId = pb.personId;
    else if (a.principal && !b.principal) pb.leaderId = pa.personId;
    else pa.leaderId = pb.leaderId = `unit:${a.unitId}`;
  } else if (aChain.includes(b.unitId)) {
    // b's unit is above a's: b leads a's unit too.
    pa.leaderId = pb.personId;
    pb.leads = [...pb.leads, pa.unitId];
  } else if (bChain.includes(a.unitId)) {
    pb.leaderId = pa.personId;
    pa.leads = [...pa.leads, pb.unitId];
  }
  return [pa, pb];
}

/** The avoidance flags of placing `cadreId` in `postId`. */
export async function avoidanceFlags(
  db: Db,
  cadreId: number,
  postId: number,
  cache = new Map<number, number[]>(),
): Promise<AvoidanceFlag[]> {
  const post = await db
    .selectFrom('cadre_posts')
    .select(['unit_id', 'title', 'principal'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  const me = await db.selectFrom('cadres').select('name').where('id', '=', cadreId).executeTakeFirstOrThrow();
  const relatives = await db
    .selectFrom('cadre_family')
    .select(['cadre_id', 'relative_cadre_id', 'relation'])
    .where((eb) => eb.or([eb('cadre_id', '=', cadreId), eb('relative_cadre_id', '=', cadreId)]))
    .where('relative_cadre_id', 'is not', null)
    .execute();
  const flags: AvoidanceFlag[] = [];
  const mySeat: Seat = { personId: cadreId, name: me.name, unitId: post.unit_id, title: post.title, principal: post.principal };
  const myChain = await chainOf(db, post.unit_id, cache);
  for (const r of relatives) {
    const otherId = r.cadre_id === cadreId ? r.relative_cadre_id! : r.cadre_id;
    if (otherId === cadreId) continue;
    const seats = await db
      .selectFrom('cadre_appointments as a')
      .innerJoin('cadres as c', 'c.id', 'a.cadre_id')
      .select(['c.name', 'a.unit_id', 'a.title', 'a.principal'])
      .where('a.cadre_id', '=', otherId)
      .where('a.ended_on', 'is', null)
      .where('a.unit_id', 'is not', null)
      .execute();
    for (const s of seats) {
      const other: Seat = { personId: otherId, name: s.name, unitId: s.unit_id!, title: s.title, principal: s.principal };
      const [pa, pb] = placements(mySeat, other, myChain, await chainOf(db, other.unitId, cache));
      const rel = { personId: String(r.cadre_id), relativeId: String(r.relative_cadre_id), relation: r.relation };
      for (const c of avoidanceConflicts(pa, [pb], [rel]))
        flags.push({ withCadreId: otherId, withName: s.name, relation: r.relation, message: c.message });
    }
  }
  return flags;
}

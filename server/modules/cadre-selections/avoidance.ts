// Avoidance (回避, issue 13 point 3): proposed placements (cadre → post) against the posts their relatives hold
// now and against each other (two candidates of one selection, or two lines of one proposed list), through the
// family rows linked to another cadre (cadre_family.relative_cadre_id, in either direction). The units say who
// stands in whose line: the same unit is one line under one leadership (its principal leads the others), a unit
// on the parent_unit_id chain above is the direct superior; a post whose title names 组织/人事/纪检/审计/财务 is
// the sensitive work the rule forbids under a relative who leads the body. The rule itself is
// domain/rules/cadre-avoidance.ts (avoidanceConflicts), which words each conflict with its article.
// Set-based: one query each for the posts, the people, the relations, the relatives' seats and the unit chains,
// whatever the length of the list.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import {
  AVOIDANCE_ARTICLE,
  avoidanceConflicts,
  type ConflictKind,
  type Placement,
  type WorkArea,
} from '../../../domain/rules/cadre-avoidance.js';

export interface AvoidanceFlag {
  withCadreId: number;
  withName: string;
  relation: string;
  /** same-leader | direct-line | sensitive-work */
  conflict: ConflictKind;
  article: string;
  /** The relative's seat is another proposed placement (not a post held now). */
  proposed: boolean;
  message: string;
}

export interface ProposedPlacement {
  cadreId: number;
  postId: number;
}

const AREAS: [RegExp, WorkArea][] = [
  [/组织|人事/, 'organization'],
  [/纪检|监察|纪委/, 'discipline'],
  [/审计/, 'audit'],
  [/财务|财政/, 'finance'],
];
export const workAreaOf = (title: string): WorkArea => AREAS.find(([re]) => re.test(title))?.[1] ?? 'other';

interface Seat {
  personId: number;
  name: string;
  unitId: number;
  title: string;
  principal: boolean;
}

/** The two placements of a pair, with who leads whom read from the units. */
function placements(a: Seat, b: Seat, aChain: readonly number[], bChain: readonly number[]): [Placement, Placement] {
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

/** Each unit with the units above it, nearest first (one recursive query). */
async function chainsOf(db: Db, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (unitIds.length === 0) return out;
  const rows = await sql<{ start: number; id: number; depth: number }>`
    with recursive up(start, id, parent, depth) as (
      select u.id, u.id, u.parent_unit_id, 0 from cadre_units u where u.id in (${sql.join([...new Set(unitIds)])})
      union all
      select up.start, p.id, p.parent_unit_id, up.depth + 1 from up join cadre_units p on p.id = up.parent
      where up.depth < 20
    )
    select start::int as start, id::int as id, depth from up order by start, depth`.execute(db);
  for (const r of rows.rows) {
    const chain = out.get(Number(r.start)) ?? [];
    if (!chain.includes(Number(r.id))) chain.push(Number(r.id));
    out.set(Number(r.start), chain);
  }
  return out;
}

/**
 * The avoidance flags of each proposed placement, in the order given: against the relatives' posts held now and
 * against the other placements of the list (a pair proposed for the same post competes for it and is not checked).
 */
export async function avoidanceOfList(db: Db, list: readonly ProposedPlacement[]): Promise<AvoidanceFlag[][]> {
  if (list.length === 0) return [];
  const cadreIds = [...new Set(list.map((x) => x.cadreId))];
  const [posts, relations] = await Promise.all([
    db
      .selectFrom('cadre_posts')
      .select(['id', 'unit_id', 'title', 'principal'])
      .where('id', 'in', [...new Set(list.map((x) => x.postId))])
      .execute(),
    db
      .selectFrom('cadre_family')
      .select(['cadre_id', 'relative_cadre_id', 'relation'])
      .where((eb) => eb.or([eb('cadre_id', 'in', cadreIds), eb('relative_cadre_id', 'in', cadreIds)]))
      .where('relative_cadre_id', 'is not', null)
      .execute(),
  ]);
  const relatives = relations.filter((r) => r.relative_cadre_id !== r.cadre_id);
  const otherIds = [...new Set(relatives.flatMap((r) => [r.cadre_id, r.relative_cadre_id!]))];
  const people = [...new Set([...cadreIds, ...otherIds])];
  const [names, seats] = await Promise.all([
    db.selectFrom('cadres').select(['id', 'name']).where('id', 'in', people).execute(),
    otherIds.length
      ? db
          .selectFrom('cadre_appointments')
          .select(['cadre_id', 'unit_id', 'title', 'principal'])
          .where('cadre_id', 'in', otherIds)
          .where('ended_on', 'is', null)
          .where('unit_id', 'is not', null)
          .execute()
      : Promise.resolve([]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const postOf = new Map(posts.map((p) => [p.id, p]));
  const chains = await chainsOf(db, [...posts.map((p) => p.unit_id), ...seats.map((s) => s.unit_id!)]);
  const chain = (unitId: number) => chains.get(unitId) ?? [unitId];

  return list.map((item, i) => {
    const post = postOf.get(item.postId);
    if (!post) return [];
    const me: Seat = { personId: item.cadreId, name: nameOf.get(item.cadreId) ?? '', unitId: post.unit_id, ...post };
    const flags: AvoidanceFlag[] = [];
    const mine = relatives.filter((r) => r.cadre_id === item.cadreId || r.relative_cadre_id === item.cadreId);
    for (const r of mine) {
      const otherId = r.cadre_id === item.cadreId ? r.relative_cadre_id! : r.cadre_id;
      const theirs: { seat: Seat; proposed: boolean }[] = [
        ...seats
          .filter((s) => s.cadre_id === otherId)
          .map((s) => ({
            seat: { personId: otherId, name: nameOf.get(otherId) ?? '', unitId: s.unit_id!, title: s.title, principal: s.principal },
            proposed: false,
          })),
        ...list
          .filter((x, j) => j !== i && x.cadreId === otherId && x.postId !== item.postId && postOf.has(x.postId))
          .map((x) => {
            const p = postOf.get(x.postId)!;
            return {
              seat: { personId: otherId, name: nameOf.get(otherId) ?? '', unitId: p.unit_id, title: p.title, principal: p.principal },
              proposed: true,
            };
          }),
      ];
      const rel = { personId: String(r.cadre_id), relativeId: String(r.relative_cadre_id), relation: r.relation };
      for (const { seat, proposed } of theirs) {
        const [pa, pb] = placements(me, seat, chain(me.unitId), chain(seat.unitId));
        for (const c of avoidanceConflicts(pa, [pb], [rel]))
          flags.push({
            withCadreId: otherId,
            withName: seat.name,
            relation: r.relation,
            conflict: c.conflict,
            article: AVOIDANCE_ARTICLE,
            proposed,
            message: proposed ? c.message.replace(`（${AVOIDANCE_ARTICLE}）`, `（双方均为拟任人选；${AVOIDANCE_ARTICLE}）`) : c.message,
          });
      }
    }
    return flags;
  });
}

/** The avoidance flags of placing `cadreId` in `postId` (against the posts held now only). */
export async function avoidanceFlags(db: Db, cadreId: number, postId: number): Promise<AvoidanceFlag[]> {
  return (await avoidanceOfList(db, [{ cadreId, postId }]))[0] ?? [];
}

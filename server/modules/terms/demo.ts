// Demo data of this area for 示范市 (called by server/demo/seed-demo.ts): terms, elections in every state,
// approved and proposed delays (demo-plan.ts decides; this file reads what it needs and bulk-inserts).
// The sitting committees generated with the city keep their people; their term dates follow the plan.
// The demo branch's term ends within 6 months so its administrator sees the reminder; the demo district
// has a request, a result and a delay waiting for its approval.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { CityResult } from '../../demo/generate-city.js';
import { createRng } from '../../demo/prng.js';
import { pathStrictlyBelow } from '../../scope/paths.js';
import { personName } from '../../demo/names.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { termRuleOf } from '../../../domain/rules/terms.js';
import { insertColumns } from '../dues/bulk-load.js';
import { todayCn } from '../../dates.js';
import { planTerms, type DemoCandidate, type DemoOrg, type ForcedRole } from './demo-plan.js';

/** The demo district always has one of each: a request and a result to approve, a delay to decide, and every other state to look at. */
const FORCED: ForcedRole[] = ['requested', 'held', 'proposal', 'approved', 'failed', 'rejected', 'delayed'];

const at = (date: string, time = '09:30') => `${date}T${time}:00+08:00`;

export async function seedTermsDemo(db: Db, city: CityResult, _keys: Keys, now: Date = new Date()): Promise<void> {
  const today = todayCn(now);
  const rng = createRng(2026, 61);
  const orgs: DemoOrg[] = await db
    .selectFrom('orgs')
    .select([
      'id',
      'parent_id as parentId',
      sql<string>`path::text`.as('path'),
      'kind',
      'unit_type as unitType',
      sql<string | null>`to_char(established_on, 'YYYY-MM-DD')`.as('establishedOn'),
    ])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const committees = new Map<number, { name: string; post: DemoCandidate['post'] }[]>();
  for (const c of await db
    .selectFrom('org_committee_members')
    .select(['org_id', 'person_name', 'post'])
    .orderBy('org_id')
    .orderBy(sql`case post when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end`)
    .orderBy('id')
    .execute()) {
    const list = committees.get(c.org_id) ?? [];
    list.push({ name: c.person_name, post: c.post as DemoCandidate['post'] });
    committees.set(c.org_id, list);
  }
  // 第五条: full members vote; counts rolled up the tree for committees elected by all members below.
  const direct = await db
    .selectFrom('members')
    .select(['org_id', 'name'])
    .where('category', '=', 'full')
    .where('status', 'in', COUNTED_STATUSES)
    .orderBy('org_id')
    .orderBy('id')
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const voters = new Map<number, number>();
  const spares = new Map<number, string>();
  for (const m of direct) {
    const committee = committees.get(m.org_id) ?? [];
    if (!spares.has(m.org_id) && !committee.some((c) => c.name === m.name)) spares.set(m.org_id, m.name);
    for (const id of (byId.get(m.org_id)?.path ?? '').split('.')) voters.set(Number(id), (voters.get(Number(id)) ?? 0) + 1);
  }
  const districtPath = byId.get(city.sampleIds.district)?.path ?? '';
  // Branches old enough for two terms, so every forced state can be drawn around a full term.
  const old = String(Number(today.slice(0, 4)) - 11);
  const inDistrict = orgs.filter(
    (o) =>
      pathStrictlyBelow(districtPath, o.path) &&
      o.id !== city.sampleIds.branch &&
      o.kind === 'branch' &&
      termRuleOf({ kind: o.kind, unitType: o.unitType }) &&
      (o.establishedOn ?? '') < old,
  );
  const plan = planTerms({
    rng,
    today,
    orgs,
    committees,
    voters,
    sampleBranch: city.sampleIds.branch,
    spareName: (id) => spares.get(id) ?? personName(rng, rng.chance(0.7) ? '男' : '女'),
    forced: new Map(FORCED.flatMap((role, i) => (inDistrict[i] ? [[inDistrict[i].id, role] as const] : []))),
  });

  await db.transaction().execute(async (trx) => {
    const base = await sql<{
      t: number;
      e: number;
    }>`select coalesce((select max(id) from org_terms), 0)::int as t, coalesce((select max(id) from elections), 0)::int as e`.execute(trx);
    const { t: termBase, e: electionBase } = base.rows[0];
    const tid = (key: number) => termBase + key;
    const eid = (key: number) => electionBase + key;
    const T = plan.terms;
    await insertColumns(
      trx,
      'org_terms',
      [
        { name: 'id', type: 'bigint' },
        { name: 'org_id', type: 'bigint' },
        { name: 'term_kind', type: 'text' },
        { name: 'term_years', type: 'int' },
        { name: 'elected_on', type: 'date' },
        { name: 'ends_on', type: 'date' },
        { name: 'ended_on', type: 'date' },
      ],
      [
        T.map((t) => tid(t.key)),
        T.map((t) => t.orgId),
        T.map((t) => t.kind),
        T.map((t) => t.years),
        T.map((t) => t.electedOn),
        T.map((t) => t.endsOn),
        T.map((t) => t.endedOn),
      ],
    );
    const E = plan.elections;
    const decided = (d: string | null) => (d ? at(d, '15:00') : null);
    await insertColumns(
      trx,
      'elections',
      [
        { name: 'id', type: 'bigint' },
        { name: 'org_id', type: 'bigint' },
        { name: 'term_id', type: 'bigint' },
        { name: 'status', type: 'text' },
        { name: 'planned_on', type: 'date' },
        { name: 'planned_seats', type: 'int' },
        { name: 'request_note', type: 'text' },
        { name: 'requested_at', type: 'timestamptz' },
        { name: 'approved_org_id', type: 'bigint' },
        { name: 'approved_at', type: 'timestamptz' },
        { name: 'decision_note', type: 'text' },
        { name: 'held_on', type: 'date' },
        { name: 'should_attend', type: 'int' },
        { name: 'present', type: 'int' },
        { name: 'quorate', type: 'boolean' },
        { name: 'confirmed_org_id', type: 'bigint' },
        { name: 'confirmed_at', type: 'timestamptz' },
      ],
      [
        E.map((e) => eid(e.key)),
        E.map((e) => e.orgId),
        E.map((e) => (e.termKey ? tid(e.termKey) : null)),
        E.map((e) => e.status),
        E.map((e) => e.plannedOn),
        E.map((e) => e.seats),
        E.map(() => '本届委员会任期即将届满，拟按期召开党员大会进行换届选举，妥否，请批示。'),
        E.map((e) => at(e.requestedOn)),
        E.map((e) => e.decidedOrgId),
        E.map((e) => decided(e.decidedOn)),
        E.map((e) => e.decisionNote),
        E.map((e) => e.heldOn),
        E.map((e) => e.shouldAttend),
        E.map((e) => e.present),
        E.map((e) => e.quorate),
        E.map((e) => (e.confirmedOn ? (byId.get(e.orgId)?.parentId ?? null) : null)),
        E.map((e) => decided(e.confirmedOn)),
      ],
    );
    const linked = T.filter((t) => t.electionKey !== null);
    if (linked.length) {
      await sql`update org_terms t set election_id = x.e from unnest(${linked.map((t) => tid(t.key))}::bigint[], ${linked.map((t) => eid(t.electionKey!))}::bigint[]) as x(t, e) where t.id = x.t`.execute(
        trx,
      );
    }
    const C = E.flatMap((e) => e.candidates.map((c) => ({ e: eid(e.key), ...c })));
    await insertColumns(
      trx,
      'election_candidates',
      [
        { name: 'election_id', type: 'bigint' },
        { name: 'person_name', type: 'text' },
        { name: 'post', type: 'text' },
        { name: 'votes_for', type: 'int' },
        { name: 'elected', type: 'boolean' },
      ],
      [C.map((c) => c.e), C.map((c) => c.name), C.map((c) => c.post), C.map((c) => c.votes), C.map((c) => c.elected)],
    );
    const A = plan.adjustments;
    await insertColumns(
      trx,
      'term_adjustments',
      [
        { name: 'term_id', type: 'bigint' },
        { name: 'org_id', type: 'bigint' },
        { name: 'kind', type: 'text' },
        { name: 'original_end', type: 'date' },
        { name: 'new_end', type: 'date' },
        { name: 'reason', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'proposed_at', type: 'timestamptz' },
        { name: 'decided_org_id', type: 'bigint' },
        { name: 'decided_at', type: 'timestamptz' },
        { name: 'decision_note', type: 'text' },
      ],
      [
        A.map((a) => tid(a.termKey)),
        A.map((a) => a.orgId),
        A.map((a) => a.kind),
        A.map((a) => a.originalEnd),
        A.map((a) => a.newEnd),
        A.map((a) => a.reason),
        A.map((a) => a.status),
        A.map((a) => at(a.proposedOn)),
        A.map((a) => a.decidedOrgId),
        A.map((a) => decided(a.decidedOn)),
        A.map((a) => (a.status === 'approved' ? '同意延期换届' : null)),
      ],
    );
    // The sitting committee serves the current term.
    const cur = T.filter((t) => t.endedOn === null);
    await sql`update org_committee_members c set term_start = x.s, term_end = x.e
      from unnest(${cur.map((t) => t.orgId)}::bigint[], ${cur.map((t) => t.electedOn)}::date[], ${cur.map((t) => t.endsOn)}::date[]) as x(o, s, e) where c.org_id = x.o`.execute(
      trx,
    );
    await sql`select setval('org_terms_id_seq', greatest((select max(id) from org_terms), 1)), setval('elections_id_seq', greatest((select max(id) from elections), 1))`.execute(
      trx,
    );
  });
}

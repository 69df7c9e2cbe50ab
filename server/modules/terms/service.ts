// Reading terms: the subtree's list with states, one organization's terms, elections and adjustments,
// and the watch list of overdue elections, approved delays and unreported results.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../../domain/permissions.js';
import { addMonthsTo, TERM_RULES, termRuleOf } from '../../../domain/rules/terms.js';
import type { TOrgTerms, TTermListQuery } from '../../../domain/schemas/terms.js';
import { endingSoonBasis, endingSoonOf } from '../../../domain/counting-bases.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import type { OrgRow } from '../orgs/queries.js';
import * as q from './queries.js';
import { adjustmentRows, electionRows, presentAdjustment, presentElection, presentTerm, presentTermRow } from './presenters.js';

export async function termPage(db: Kysely<DB>, org: OrgRow, query: TTermListQuery, today: string) {
  const filter = { path: org.path, today, state: query.state, kind: query.kind, q: query.q };
  const after = decodeCursor(query.cursor);
  const [rows, counts] = await Promise.all([q.listTerms(db, filter, after, query.limit + 1), q.stateCounts(db, filter)]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => presentTermRow(r, today)),
    nextCursor: more && last ? encodeCursor({ sort_key: last.sort_date, id: last.id }) : null,
    counts,
    endingSoon: endingSoonOf(counts),
    endingSoonBasis: endingSoonBasis(today),
    today,
  };
}

export async function orgTerms(db: Kysely<DB>, actor: Actor, org: OrgRow, today: string): Promise<TOrgTerms> {
  const rule = termRuleOf({ kind: org.kind, unitType: org.unit_type });
  const terms = await q.termsOf(db, org.id);
  const current = terms.find((t) => t.ended_on === null);
  const [delayed, elections, adjustments, committee, voters] = await Promise.all([
    q.delayedTermIds(
      db,
      terms.map((t) => t.id),
    ),
    electionRows(db, (x) => x.where('e.org_id', '=', org.id), 50),
    adjustmentRows(db).where('a.org_id', '=', org.id).orderBy('a.id', 'desc').limit(50).execute(),
    q.sittingCommittee(db, org.id, current),
    q.voterCounts(db, org.path),
  ]);
  const own = actor.orgId === org.id && can(actor.roles, 'term.write');
  const openElection = elections.some((e) => (q.OPEN_ELECTION as readonly string[]).includes(e.status));
  const pendingAdjustment = adjustments.some((a) => a.status === 'proposed');
  return {
    org: { id: org.id, name: org.name, kind: org.kind, unitType: org.unit_type },
    rule,
    today,
    current: current ? presentTerm(current, today, delayed.has(current.id)) : null,
    history: terms.filter((t) => t.ended_on !== null).map((t) => presentTerm(t, today, delayed.has(t.id))),
    elections: elections.map((e) => presentElection(e, actor, today)),
    adjustments: adjustments.map((a) => presentAdjustment(a, actor)),
    committee: committee.map((c) => ({ id: c.id, personName: c.person_name, post: c.post, termStart: c.term_start, termEnd: c.term_end })),
    voters,
    can: {
      recordTerm: !!rule && !current && can(actor.roles, 'term.write'),
      request: !!rule && own && !openElection,
      propose: own && !!current && !pendingAdjustment,
    },
  };
}

/** Overdue elections, approved delays of sitting terms, and results not reported within a month (L). */
export async function watchList(db: Kysely<DB>, actor: Actor, org: OrgRow, today: string) {
  const [overdue, delays, unreported] = await Promise.all([
    q.listTerms(db, { path: org.path, today, state: 'overdue' }, null, 500),
    adjustmentRows(db)
      .innerJoin('org_terms as t', 't.id', 'a.term_id')
      .where(sql<boolean>`o.path <@ ${org.path}::ltree`)
      .where('a.status', '=', 'approved')
      .where('a.kind', '=', 'delay')
      .where('t.ended_on', 'is', null)
      .orderBy('a.new_end')
      .limit(500)
      .execute(),
    electionRows(db, (x) =>
      x
        .where(sql<boolean>`o.path <@ ${org.path}::ltree`)
        .where('e.status', '=', 'held')
        .where('e.held_on', '<', addMonthsTo(today, -TERM_RULES.reportWithinMonths)),
    ),
  ]);
  return {
    today,
    overdue: overdue.map((r) => presentTermRow(r, today)),
    delays: delays.map((a) => presentAdjustment(a, actor)),
    unreported: unreported.map((e) => presentElection(e, actor, today)),
  };
}

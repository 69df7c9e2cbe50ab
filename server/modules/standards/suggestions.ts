// Suggestions for naming weak organizations, computed from data already recorded (RULES.md §9: no
// extra reporting): last year's stars, organizational-life meetings of the last 12 months
// (meeting_purposes), and a committee term past its end with no new term. A suggestion, never a verdict.
import { sql } from 'kysely';
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { weakSuggestions } from '../../../domain/rules/standards.js';

const LIMIT = 1000;

/** Branches strictly below the actor's organization (only those the actor could name) that the data points at. */
export async function weakOrgSuggestions(db: Db, actorPath: string, path: string, year: number, today: string) {
  const since = dayjs(today).subtract(12, 'month').format('YYYY-MM-DD');
  const branches = await db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'p.name as parent_name'])
    .where(sql<boolean>`o.path <@ ${path}::ltree`)
    .where(sql<boolean>`o.path <> ${actorPath}::ltree`)
    .where('o.kind', 'in', [...BRANCH_KINDS])
    .where('o.status', '=', 'active')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('weak_orgs as w').select('w.id').whereRef('w.org_id', '=', 'o.id').where('w.year', '=', year))),
    )
    .orderBy('p.sort_key')
    .orderBy('o.parent_id')
    .orderBy('o.sort_key')
    .orderBy('o.id')
    .execute();
  if (!branches.length) return { year, items: [], truncated: false };
  const inSubtree = sql<boolean>`x.org_id in (select id from orgs where path <@ ${path}::ltree)`;
  const [stars, meetings, terms] = await Promise.all([
    db
      .selectFrom('star_ratings as x')
      .select(['x.org_id', 'x.stars'])
      .where('x.year', '=', year - 1)
      .where(inSubtree)
      .execute(),
    db
      .selectFrom('meeting_purposes as x')
      .select(['x.org_id', sql<number>`count(*)::int`.as('n')])
      .where('x.held_on', '>', since)
      .where('x.held_on', '<=', today)
      .where(inSubtree)
      .groupBy('x.org_id')
      .execute(),
    db
      .selectFrom('org_terms as x')
      .select(['x.org_id', 'x.ends_on'])
      .where('x.ended_on', 'is', null)
      .where('x.ends_on', '<', today)
      .where(inSubtree)
      .execute(),
  ]);
  const starsOf = new Map(stars.map((s) => [s.org_id, s.stars]));
  const meetingsOf = new Map(meetings.map((m) => [m.org_id, m.n]));
  const overdueOf = new Map(terms.map((t) => [t.org_id, t.ends_on]));
  const hits = branches
    .map((b) => ({
      orgId: b.id,
      orgName: b.name,
      parentName: b.parent_name,
      suggestions: weakSuggestions({
        lastYear: year - 1,
        lastYearStars: starsOf.get(b.id) ?? null,
        meetingsLast12Months: meetingsOf.get(b.id) ?? 0,
        termOverdueSince: overdueOf.get(b.id) ?? null,
      }),
    }))
    .filter((b) => b.suggestions.length > 0);
  return { year, items: hits.slice(0, LIMIT), truncated: hits.length > LIMIT };
}

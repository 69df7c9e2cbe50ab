// The star-rating overview of a subtree for a year. RULES.md §9 forbids rankings used as assessment,
// so this is a distribution: counts by stars (overall and per child organization), and the branches
// in tree order with their own history, filtered but never ordered by score.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { scopeSql } from '../../scope/access.js';

const LIMIT = 3000;
type Status = 'none' | 'draft' | 'submitted' | 'reviewed' | 'returned';
type StarCounts = { 1: number; 2: number; 3: number; 4: number; 5: number; unrated: number };
const blank = (): StarCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, unrated: 0 });
const bump = (c: StarCounts, stars: number | null) => {
  if (stars && stars >= 1 && stars <= 5) c[stars as 1]++;
  else c.unrated++;
};

/** Active branches of the subtree with the year's assessment and rating. */
export function branchRatings(db: Db, path: string, year: number) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .leftJoin('standard_assessments as a', (j) => j.onRef('a.org_id', '=', 'o.id').on('a.year', '=', year))
    .leftJoin('star_ratings as s', (j) => j.onRef('s.org_id', '=', 'o.id').on('s.year', '=', year))
    .select([
      'o.id',
      'o.name',
      sql<string>`o.path::text`.as('path'),
      'p.name as parent_name',
      sql<Status>`coalesce(a.status, 'none')`.as('status'),
      'a.self_total',
      'a.review_total',
      's.stars',
    ])
    .where(scopeSql('o.path', path))
    .where('o.kind', 'in', BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .orderBy('p.sort_key')
    .orderBy('o.parent_id')
    .orderBy('o.sort_key')
    .orderBy('o.id')
    .execute();
}

/** Active branches of the subtree with their stars of a year and of the year before (null: not rated), as branchRatings has them. */
export async function branchStars(db: Db, path: string, year: number) {
  const r = await sql<{ id: number; stars: number | null; last_stars: number | null }>`
    select o.id, s.stars, l.stars as last_stars from orgs o
      left join star_ratings s on s.org_id = o.id and s.year = ${year}
      left join star_ratings l on l.org_id = o.id and l.year = ${year - 1}
     where ${scopeSql('o.path', path)} and o.kind = any(${[...BRANCH_KINDS]}::text[]) and o.status = 'active'`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), stars: x.stars, lastStars: x.last_stars }));
}

export async function ratingOverview(db: Db, org: { id: number; path: string }, year: number, filter: { stars?: number; status?: Status }) {
  const rows = await branchRatings(db, org.path, year);
  const counts = blank();
  const statusCounts = { none: 0, draft: 0, submitted: 0, reviewed: 0, returned: 0 };
  // Each branch counts under the child of the chosen organization it lies in.
  const depth = org.path.split('.').length;
  const byChild = new Map<number, StarCounts>();
  for (const r of rows) {
    bump(counts, r.stars);
    statusCounts[r.status]++;
    const labels = r.path.split('.');
    const child = Number(labels[depth] ?? labels[depth - 1]);
    bump(byChild.get(child) ?? byChild.set(child, blank()).get(child)!, r.stars);
  }
  const childNames = byChild.size
    ? await db
        .selectFrom('orgs')
        .select(['id', 'name', 'sort_key'])
        .where('id', 'in', [...byChild.keys()])
        .orderBy('sort_key')
        .orderBy('id')
        .execute()
    : [];
  const hits = rows.filter(
    (r) => (filter.stars === undefined || (r.stars ?? 0) === filter.stars) && (!filter.status || r.status === filter.status),
  );
  const page = hits.slice(0, LIMIT);
  const history = new Map<number, { year: number; stars: number }[]>();
  if (page.length) {
    const past = await db
      .selectFrom('star_ratings')
      .select(['org_id', 'year', 'stars'])
      .where(
        'org_id',
        'in',
        page.map((r) => r.id),
      )
      .where('year', '>', year - 5)
      .where('year', '<=', year)
      .orderBy('year')
      .execute();
    for (const h of past) (history.get(h.org_id) ?? history.set(h.org_id, []).get(h.org_id)!).push({ year: h.year, stars: h.stars });
  }
  return {
    year,
    branches: rows.length,
    counts,
    statusCounts,
    byChild: childNames.map((c) => ({ orgId: c.id, name: c.name, ...byChild.get(c.id)! })),
    items: page.map((r) => ({
      orgId: r.id,
      orgName: r.name,
      parentName: r.parent_name,
      status: r.status,
      selfTotal: r.self_total == null ? null : Number(r.self_total),
      reviewTotal: r.review_total == null ? null : Number(r.review_total),
      stars: r.stars,
      history: history.get(r.id) ?? [],
    })),
    truncated: hits.length > LIMIT,
  };
}

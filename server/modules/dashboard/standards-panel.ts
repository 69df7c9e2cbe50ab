// Branch standards (issue 4 point 4): the distribution of star ratings of the latest rated year — counts
// by stars, never a list ordered by score (RULES.md §9) — and the weak organizations still rectifying.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Actor } from '../../auth/actor.js';
import type { TStandardsPanel } from '../../../domain/schemas/dashboard.js';
import { branchRatings } from '../standards/ratings.js';
import { weakList } from '../standards/weak-orgs.js';
import type { PanelOrg } from './panel-org.js';

export async function standardsPanel(db: Db, actor: Actor, org: PanelOrg, today: string): Promise<TStandardsPanel> {
  const latest = await db
    .selectFrom('star_ratings as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select(sql<number | null>`max(s.year)`.as('year'))
    .where(sql<boolean>`o.path <@ ${org.path}::ltree`)
    .where('s.year', '<=', Number(today.slice(0, 4)))
    .executeTakeFirst();
  const year = latest?.year ?? Number(today.slice(0, 4));
  const stars = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, unrated: 0 };
  const branches = await branchRatings(db, org.path, year);
  for (const b of branches) {
    if (b.stars && b.stars >= 1 && b.stars <= 5) stars[b.stars as 1]++;
    else stars.unrated++;
  }
  const weak = (await weakList(db, actor, org.path, { status: 'rectifying' }, today)).items;
  return {
    org: { id: org.id, name: org.name },
    today,
    year,
    branches: branches.length,
    stars,
    weak: weak.length,
    weakOverdueTasks: weak.reduce((n, w) => n + w.overdue, 0),
  };
}

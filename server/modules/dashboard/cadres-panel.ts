// The cadre officer's panel (issue 12 point 5): the cadres managed in the subtree by age band and by
// education, the over-quota and vacant posts of its units, and its teams due for renewal, overdue or
// short of a structure requirement. Read through the cadre-units module's queries and service.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { structureOf, type StructurePerson } from '../../../domain/rules/team-structure.js';
import type { TCadrePanel } from '../../../domain/schemas/cadre-units.js';
import { postFlagCounts } from '../cadre-units/queries.js';
import { teamRows } from '../cadre-units/service.js';
import type { PanelOrg } from './panel-org.js';

export async function cadresPanel(db: Db, org: PanelOrg, today: string): Promise<TCadrePanel> {
  const filter = { managerOrgId: org.id, managerPath: org.path, below: true };
  // Every cadre in service managed in the subtree, holding a post in the system or not.
  const cadres = await db
    .selectFrom('cadres')
    .select(['sex', 'birth', 'ethnicity', 'political', 'edu_rank', 'background', 'current_since'])
    .where(sql<boolean>`manager_path <@ ${org.path}::ltree`)
    .where('status', '=', 'active')
    .execute();
  const people: StructurePerson[] = cadres.map((c) => ({
    sex: c.sex,
    birth: c.birth,
    ethnicity: c.ethnicity,
    political: c.political,
    eduRank: c.edu_rank,
    degrees: [],
    background: c.background,
    since: c.current_since,
  }));
  const dims = structureOf(people, today);
  const [flags, teams] = await Promise.all([postFlagCounts(db, filter), teamRows(db, filter, today)]);
  return {
    org: { id: org.id, name: org.name },
    today,
    cadres: cadres.length,
    ageBands: dims.age,
    education: dims.education,
    overPosts: flags.over,
    vacantPosts: flags.vacant,
    teamsDue: teams.filter((t) => t.renewal === 'due').length,
    teamsOverdue: teams.filter((t) => t.renewal === 'overdue').length,
    teamsShort: teams.filter((t) => t.shortfalls.length > 0).length,
  };
}

// The SQL of units, posts, the 配备一览表 and teams: one unit filter shared by the list, the roster,
// its export, the teams and the structure analysis. Holders are the open appointments
// (cadre_appointments.ended_on is null) of cadres in service; a concurrent post (兼任) counts too.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';

/** A unit filter after the scope check: the managing organization and how far below it to look. */
export interface UnitFilter {
  managerOrgId: number;
  managerPath: string;
  /** The managing organization's whole subtree, not only the units it manages itself. */
  below: boolean;
  kind?: string;
  level?: string;
  unitId?: number;
}

export const unitColumns = [
  'u.id',
  'u.manager_org_id',
  'mo.name as manager_org_name',
  'u.org_id',
  'u.name',
  'u.short_name',
  'u.kind',
  'u.level',
  'u.parent_unit_id',
  'u.sort',
  'u.dissolved_on',
  'u.version',
] as const;

export const unitsFrom = (db: Db) => db.selectFrom('cadre_units as u').innerJoin('orgs as mo', 'mo.id', 'u.manager_org_id');
export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export const findUnit = (db: Db, id: number) => unitsFrom(db).select(unitColumns).where('u.id', '=', id).executeTakeFirst();

/** The filter as a condition on `u` (cadre_units): shared by the unit rows and the unit-id subquery. */
function unitCondition(f: UnitFilter): RawBuilder<boolean> {
  const parts = [sql`u.dissolved_on is null`];
  // One unit (scope-checked by the route) is that unit, whoever manages it.
  if (f.unitId) parts.push(sql`u.id = ${f.unitId}`);
  else {
    parts.push(f.below ? sql`u.manager_path <@ ${f.managerPath}::ltree` : sql`u.manager_org_id = ${f.managerOrgId}`);
    if (f.kind) parts.push(sql`u.kind = ${f.kind}`);
    if (f.level) parts.push(sql`u.level = ${f.level}`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** The filter's live units with their managing organization's name. */
export const unitsQuery = (db: Db, f: UnitFilter) => unitsFrom(db).select(unitColumns).where(unitCondition(f));

/**
 * The ids of the filter's live units as a subquery: a whole city has tens of thousands of units (内设机构
 * included), too many to read into the server and send back as bound parameters (PostgreSQL takes 65,535).
 */
export const unitIdsQuery = (db: Db, f: UnitFilter) => db.selectFrom('cadre_units as u').select('u.id').where(unitCondition(f));

/** Every live unit of the filter (teams and structure read them all; the list stops at 2,000). */
export const allUnits = (db: Db, f: UnitFilter) => unitsQuery(db, f).orderBy('u.sort').orderBy('u.id').execute();

export function listUnits(db: Db, f: UnitFilter, q?: string) {
  let x = unitsQuery(db, f);
  if (q)
    x = x.where((eb) =>
      eb.or([eb('u.name', 'like', `%${escapeLike(q)}%`), eb('u.name_initials', 'like', `${escapeLike(q.toLowerCase())}%`)]),
    );
  return x.orderBy('u.sort').orderBy('u.id').limit(2000).execute();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const postsOf = (db: Db, unitIds: readonly number[], withAbolished = false) => {
  if (unitIds.length === 0) return Promise.resolve([]);
  let x = db.selectFrom('cadre_posts').selectAll().where('unit_id', 'in', unitIds);
  if (!withAbolished) x = x.where('abolished_on', 'is', null);
  return x.orderBy('unit_id').orderBy('sort').orderBy('id').execute();
};

/** The people holding the posts of some units now, with what the roster, the team and the structure show. */
function holdersQuery(db: Db) {
  return db
    .selectFrom('cadre_appointments as a')
    .innerJoin('cadre_posts as p', 'p.id', 'a.post_id')
    .innerJoin('cadres as c', 'c.id', 'a.cadre_id')
    .select([
      'a.id as appointment_id',
      'a.post_id',
      'a.decided_on',
      'a.concurrent',
      'p.unit_id',
      'p.title as post_title',
      'p.level',
      'p.principal',
      'c.id as cadre_id',
      'c.name',
      'c.sex',
      'c.birth',
      'c.ethnicity',
      'c.political',
      'c.edu_rank',
      sql<string>`coalesce(c.edu_full_time->>'degree', '')`.as('degree_full'),
      sql<string>`coalesce(c.edu_in_service->>'degree', '')`.as('degree_in_service'),
      'c.background',
    ])
    .where('a.ended_on', 'is', null)
    .where('p.abolished_on', 'is', null)
    .where('c.status', '=', 'active')
    .orderBy('p.unit_id')
    .orderBy('p.sort')
    .orderBy('p.id')
    .orderBy('a.decided_on')
    .orderBy('a.id');
}

/** The holders of these units (a page of the roster, one team). */
export function holdersOf(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return holdersQuery(db).where('p.unit_id', 'in', unitIds).execute();
}

/** The holders of every unit of the filter (the structure analysis, the team list), the units read in the same query. */
export const holdersOfFilter = (db: Db, f: UnitFilter) => holdersQuery(db).where('p.unit_id', 'in', unitIdsQuery(db, f)).execute();
export type HolderRow = Awaited<ReturnType<typeof holdersOf>>[number];

/** Open holders of post `p` (the over/vacant filters of the roster). */
const HOLDER_COUNT = sql`(select count(*) from cadre_appointments a join cadres c on c.id = a.cadre_id
  where a.post_id = p.id and a.ended_on is null and c.status = 'active')`;

/** One page of roster units (keyset on sort, id), optionally only those with an over-quota or vacant post. */
export function rosterUnits(
  db: Db,
  f: UnitFilter,
  flag: 'over' | 'vacant' | undefined,
  after: { sort: number; id: number } | null,
  limit: number,
) {
  let x = unitsQuery(db, f);
  if (flag)
    x = x.where(
      sql<boolean>`exists (select 1 from cadre_posts p where p.unit_id = u.id and p.abolished_on is null
        and p.quota ${sql.raw(flag === 'over' ? '<' : '>')} ${HOLDER_COUNT})`,
    );
  if (after)
    x = x.where((eb) => eb.or([eb('u.sort', '>', after.sort), eb.and([eb('u.sort', '=', after.sort), eb('u.id', '>', after.id)])]));
  return x.orderBy('u.sort').orderBy('u.id').limit(limit).execute();
}

export const teamsOf = (db: Db, unitIds: readonly number[]) =>
  unitIds.length === 0 ? Promise.resolve([]) : db.selectFrom('cadre_teams').selectAll().where('unit_id', 'in', unitIds).execute();

/** The teams of every unit of the filter. */
export const teamsOfFilter = (db: Db, f: UnitFilter) =>
  db.selectFrom('cadre_teams').selectAll().where('unit_id', 'in', unitIdsQuery(db, f)).execute();

/** How many posts of the filter's units hold more people than their quota, and how many fewer (the roster's flags, counted in SQL). */
export async function postFlagCounts(db: Db, f: UnitFilter): Promise<{ over: number; vacant: number }> {
  const r = await sql<{ over: number; vacant: number }>`
    select count(*) filter (where n > quota)::int as over, count(*) filter (where n < quota)::int as vacant
    from (
      select p.id, p.quota, count(c.id) as n
      from cadre_posts p
      left join cadre_appointments a on a.post_id = p.id and a.ended_on is null
      left join cadres c on c.id = a.cadre_id and c.status = 'active'
      where p.abolished_on is null and p.unit_id in (${unitIdsQuery(db, f)})
      group by p.id, p.quota
    ) x`.execute(db);
  return r.rows[0] ?? { over: 0, vacant: 0 };
}

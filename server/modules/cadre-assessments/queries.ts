// The SQL of the cadre assessment: units with their counts, a unit's people, the facts gradeAllowed()
// needs (punishments from the cadre file), the grade history consequences() reads.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';

/** A unit with its managing organization and its counts (people, graded, 优秀). */
export function unitQuery(db: Db) {
  return db
    .selectFrom('assessment_units as u')
    .innerJoin('orgs as o', 'o.id', 'u.manager_org_id')
    .select([
      'u.id',
      'u.year',
      'u.name',
      'u.manager_org_id',
      sql<string>`u.manager_path::text`.as('manager_path'),
      'o.name as manager_org_name',
      'u.cadre_unit_id',
      'u.status',
      'u.raised',
      'u.raised_by',
      'u.raised_doc',
      'u.raised_on',
      'u.submitted_at',
      'u.decided_at',
      'u.return_reason',
      'u.version',
      (eb) =>
        eb
          .selectFrom('assessment_entries as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.unit_id', '=', 'u.id')
          .as('assessed'),
      (eb) =>
        eb
          .selectFrom('assessment_entries as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.unit_id', '=', 'u.id')
          .where('e.grade', 'is not', null)
          .as('graded'),
      (eb) =>
        eb
          .selectFrom('assessment_entries as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.unit_id', '=', 'u.id')
          .where('e.grade', '=', '优秀')
          .as('excellent'),
    ]);
}
export type UnitRow = NonNullable<Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirst']>>>;

export const findUnit = (db: Db, id: number) => unitQuery(db).where('u.id', '=', id).executeTakeFirst();

/** The units of a year under a managing organization's subtree. */
export const listUnits = (db: Db, year: number, path: string) =>
  unitQuery(db).where('u.year', '=', year).where(scopeSql('u.manager_path', path)).orderBy('u.manager_org_id').orderBy('u.id').execute();

export const unitEntries = (db: Db, unitId: number) =>
  db
    .selectFrom('assessment_entries as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .select(['e.cadre_id', 'c.name', 'c.current_title', 'e.grade', 'e.comment', 'e.new_hire_until', 'e.year'])
    .where('e.unit_id', '=', unitId)
    .orderBy('e.sort')
    .orderBy('c.sort_key')
    .orderBy('e.id')
    .execute();
export type EntryRow = Awaited<ReturnType<typeof unitEntries>>[number];

/** Punishments on the cadre files (奖惩情况), for the sanctions rules of gradeAllowed(). */
export async function punishmentsOf(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return [];
  return db
    .selectFrom('cadre_rewards')
    .select(['cadre_id', 'text', 'on_date'])
    .where('kind', '=', 'punishment')
    .where('cadre_id', 'in', cadreIds)
    .where('on_date', 'is not', null)
    .execute();
}

/** The 年度考核结果 of the cadres as their files hold them. */
export async function gradeHistory(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return [];
  return db.selectFrom('cadre_assessments').select(['cadre_id', 'year', 'grade']).where('cadre_id', 'in', cadreIds).execute();
}

/** Confirmed units of some years under a path (equal to it for one organization's own, or its subtree). */
export function confirmedEntries(db: Db, years: readonly number[], pathWhere: ReturnType<typeof scopeSql>) {
  return db
    .selectFrom('assessment_entries as e')
    .innerJoin('assessment_units as u', 'u.id', 'e.unit_id')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .select([
      'e.cadre_id',
      'c.name as cadre_name',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.year',
      'u.manager_org_id',
      sql<string>`u.manager_path::text`.as('manager_path'),
    ])
    .where('u.status', '=', 'confirmed')
    .where('u.year', 'in', years)
    .where(pathWhere)
    .orderBy('u.id')
    .orderBy('e.sort')
    .orderBy('e.id')
    .execute();
}

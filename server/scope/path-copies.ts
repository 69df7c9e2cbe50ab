// Every copy of an organization's tree path kept on another record, so that record's subtree filter
// uses an ltree index instead of a join (docs/architecture.md, "The organization tree"). A copy
// always equals the current path of the organization it names: a trigger sets it when the record is
// written (migration 011), and when a subtree moves, moveOrg calls followMove and every copy below
// the moved organization takes its organization's new path. A new table carrying a path (cadres,
// learners, talent) is added here once, with its trigger; path-copies.test.ts reads the database
// and fails on any ltree column missing from this list or a listed table without the trigger.
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';

export interface PathCopy {
  table: string;
  /** The ltree column holding the copy. */
  path: string;
  /** The column naming the organization whose path it copies. */
  org: string;
}

export const PATH_COPIES: readonly PathCopy[] = [
  // where the formal relationship is: lists, scope, the statistics summaries (their triggers follow org_path)
  { table: 'members', path: 'org_path', org: 'org_id' },
  // the development pipeline: lists, board, the 发展党员 statistics tables
  { table: 'dev_people', path: 'org_path', org: 'org_id' },
  // a letter is seen by both sides: each follows its organization, so the sending and the receiving
  // subtree see it where the organization now stands (a letter out of or into the city has one side)
  { table: 'transfer_letters', path: 'from_path', org: 'from_org_id' },
  { table: 'transfer_letters', path: 'to_path', org: 'to_org_id' },
  // 干部管理权限: the organization whose organization department manages a unit's posts and a cadre
  { table: 'cadre_units', path: 'manager_path', org: 'manager_org_id' },
  { table: 'cadres', path: 'manager_path', org: 'manager_org_id' },
  // an assessment unit (考核单位) lies where the organization managing it lies
  { table: 'assessment_units', path: 'manager_path', org: 'manager_org_id' },
  // talents and employers lie in the district where the employer is registered (issue 15)
  { table: 'talent_employers', path: 'district_path', org: 'district_org_id' },
  { table: 'talent_people', path: 'district_path', org: 'district_org_id' },
];

/**
 * After `orgs.path` of a subtree moved from `oldRoot` (the moved organization's former path): sets
 * every copy that lay below it to its organization's path now. Run in the move's transaction, after
 * the organizations themselves; one statement per copy, through the copy's ltree index.
 */
export async function followMove(trx: Db, oldRoot: string): Promise<void> {
  for (const c of PATH_COPIES) {
    await sql`update ${sql.table(c.table)} t set ${sql.ref(c.path)} = o.path
      from orgs o
      where o.id = t.${sql.ref(c.org)} and t.${sql.ref(c.path)} <@ ${oldRoot}::ltree`.execute(trx);
  }
}

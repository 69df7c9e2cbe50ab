// Member records by id. Scope is not checked here: a route declares it (`scope: { 'params.id':
// 'member' }`, http/scope-hook.ts) and a service that discovers an id itself uses loadInScope
// (scope/access.ts), so an id outside the subtree has already answered 404, audited, before this runs.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { MembersTable } from '../../db/types.js';
import { notFound } from '../../errors.js';

export type MemberRow = Selectable<MembersTable>;

export function findMember(db: Db, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The member whose scope was checked; 404 when it has gone since (the same answer as a missing one). */
export async function memberById(db: Db, id: number): Promise<MemberRow> {
  const m = await findMember(db, id);
  if (!m) throw notFound('党员');
  return m;
}

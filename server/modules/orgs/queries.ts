// SQL for organizations. Every read takes the caller's scope path: the subtree filter lives here,
// in the data layer, so no route can forget it (SECURITY.md 13).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { OrgsTable } from '../../db/types.js';
import type { Selectable } from 'kysely';
import { COUNTED_STATUSES, ON_BOOKS_STATUSES } from '../../../domain/member-status.js';
import { sittingCommittee } from '../terms/queries.js';
import { notFound } from '../../errors.js';
import { categoryCounts } from '../members/queries.js';

export type OrgRow = Selectable<OrgsTable>;

export function findOrgInScope(db: Db, scopePath: string, id: number): Promise<OrgRow | undefined> {
  return db
    .selectFrom('orgs')
    .selectAll()
    .where('id', '=', id)
    .where(sql<boolean>`path <@ ${scopePath}::ltree`)
    .executeTakeFirst();
}

export function childrenOf(db: Db, scopePath: string, parentId: number, includeDissolved: boolean): Promise<OrgRow[]> {
  let q = db
    .selectFrom('orgs')
    .selectAll()
    .where('parent_id', '=', parentId)
    .where(sql<boolean>`path <@ ${scopePath}::ltree`);
  if (!includeDissolved) q = q.where('status', '=', 'active');
  return q.orderBy('sort_key').orderBy('id').limit(5000).execute();
}

/** Ancestors of a path that lie inside the scope, root first, the organization itself last. */
export function ancestorsInScope(db: Db, path: string, scopePath: string): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where(sql<boolean>`path @> ${path}::ltree`)
    .where(sql<boolean>`path <@ ${scopePath}::ltree`)
    .orderBy(sql`nlevel(path)`)
    .execute();
}

/**
 * Members whose formal relationship is in the subtree, by category: the member list's own count (its
 * default filter), so the organization page and the list show the same 党员总数.
 */
export function memberCounts(db: Db, path: string): Promise<{ full: number; probationary: number }> {
  return categoryCounts(db, { path, statuses: COUNTED_STATUSES, search: null });
}

export async function directMemberCount(db: Db, orgId: number): Promise<number> {
  const r = await db
    .selectFrom('members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('status', 'in', ON_BOOKS_STATUSES)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The sitting committee (an election keeps the previous committee's rows, ended on its day: terms/queries.ts). */
export async function committeeOf(db: Db, orgId: number) {
  const current = await db
    .selectFrom('org_terms')
    .select('elected_on')
    .where('org_id', '=', orgId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return sittingCommittee(db, orgId, current);
}

/** Name infix or pinyin-initials infix (trigram indexes from 3 characters), inside the scope. */
export function searchOrgs(db: Db, scopePath: string, q: string, limit: number): Promise<OrgRow[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const initials = /^[a-z]+$/i.test(q) ? `%${q.toLowerCase()}%` : null;
  return db
    .selectFrom('orgs')
    .selectAll()
    .where(sql<boolean>`path <@ ${scopePath}::ltree`)
    .where((eb) => (initials ? eb.or([eb('name', 'like', like), eb('name_initials', 'like', initials)]) : eb('name', 'like', like)))
    .orderBy(sql`case status when 'active' then 0 else 1 end`)
    .orderBy(sql`nlevel(path)`)
    .orderBy('sort_key')
    .limit(limit)
    .execute();
}

export function namesOf(db: Db, ids: number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function historyOf(db: Db, orgId: number) {
  return db
    .selectFrom('org_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.action', 'u.display_name as actor_name', 'h.at', 'h.before', 'h.after'])
    .where('h.org_id', '=', orgId)
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute();
}

/** An organization by id, its scope already checked (the route's declared scope, or loadInScope). */
export function findOrg(db: Db, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The same, 404 when it is missing (the answer an organization outside the scope gets). */
export async function orgById(db: Db, id: number): Promise<OrgRow> {
  const org = await findOrg(db, id);
  if (!org) throw notFound('组织');
  return org;
}

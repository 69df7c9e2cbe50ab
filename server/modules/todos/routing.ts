// Who must act on a request: the nearest strictly higher organization that has an active account
// holding the approving action. A level without accounts is skipped, so no request goes unseen.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { pathStrictlyBelow } from '../../scope/paths.js';
import { can, ROLES, type Action } from '../../../domain/permissions.js';
import type { OrgRef } from './types.js';

/** Paths of organizations strictly inside `root` with an active (not disabled) account able to take `action`. */
export async function coveredPaths(db: Db, root: OrgRef, action: Action): Promise<Set<string>> {
  const roles = ROLES.filter((r) => can([r], action));
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(sql<string>`o.path::text`.as('path'))
    .distinct()
    .where('u.disabled', '=', false)
    .where('r.role', 'in', roles)
    .where(sql<boolean>`o.path <@ ${root.path}::ltree`)
    .where('o.id', '<>', root.id)
    .execute();
  return new Set(rows.map((r) => r.path));
}

/**
 * True when a request raised at `requestPath` is for `rootPath` to decide: the request comes from
 * strictly below the root, and no organization between them (strictly above the requester,
 * strictly below the root) holds an account that could decide it.
 */
export function routedTo(rootPath: string, requestPath: string, covered: ReadonlySet<string>): boolean {
  if (!pathStrictlyBelow(rootPath, requestPath)) return false;
  const ids = requestPath.split('.');
  for (let n = rootPath.split('.').length + 1; n < ids.length; n++) {
    if (covered.has(ids.slice(0, n).join('.'))) return false;
  }
  return true;
}

/** Paths of every organization with an active account able to take `action` (the digest routes the whole subtree at once). */
export async function accountPaths(db: Db, action: Action): Promise<Set<string>> {
  const roles = ROLES.filter((r) => can([r], action));
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(sql<string>`o.path::text`.as('path'))
    .distinct()
    .where('u.disabled', '=', false)
    .where('r.role', 'in', roles)
    .execute();
  return new Set(rows.map((r) => r.path));
}

/** The organization that decides a request raised at `requestPath`: the nearest strictly higher one in `accounts` (as routedTo). */
export function deciderOf(requestPath: string, accounts: ReadonlySet<string>): string | null {
  const ids = requestPath.split('.');
  for (let n = ids.length - 1; n >= 1; n--) {
    const p = ids.slice(0, n).join('.');
    if (accounts.has(p)) return p;
  }
  return null;
}

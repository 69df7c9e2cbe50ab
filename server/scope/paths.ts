// Path predicates of the organization tree (ltree of ids, `1.12.305`): the only place where a path
// is compared with another by hand. SQL filters use scopeSql (scope/access.ts).
import type { Actor } from '../auth/actor.js';

/** `path` is `root` itself or lies below it. */
export const pathWithin = (root: string, path: string): boolean => path === root || path.startsWith(`${root}.`);

/** `path` lies strictly below `ancestor` (not the organization itself, not a sibling). */
export const pathStrictlyBelow = (ancestor: string, path: string): boolean => path.startsWith(`${ancestor}.`);

/** The actor's organization is a proper ancestor of the path: the level rule of approvals and reviews. */
export const isStrictlyHigher = (actor: Actor | null | undefined, orgPath: string): boolean =>
  !!actor && pathStrictlyBelow(actor.scopePath, orgPath);

/** The path lies in the actor's subtree. */
export const inScope = (actor: Actor | null | undefined, orgPath: string): boolean => !!actor && pathWithin(actor.scopePath, orgPath);

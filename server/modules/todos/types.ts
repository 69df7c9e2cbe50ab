// The shapes shared by the to-do providers, the router and the digest.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { TodoArea } from '../../../domain/todo-kinds.js';
import type { TTodoItem } from '../../../domain/schemas/todos.js';

/** One to-do as the API returns it (domain/schemas/todos.ts). */
export type TodoItem = TTodoItem;

/** An item with the path of its organization: the digest groups by it, approvals are routed by it. */
export interface FoundItem extends TodoItem {
  orgPath: string;
}

export interface OrgRef {
  id: number;
  name: string;
  path: string;
  kind: string;
}

/** Whose work to find: one organization's own, or everything in a subtree (the digest). */
export type Target = { org: OrgRef } | { subtree: OrgRef };

export interface TodoContext {
  db: Db;
  now: Date;
  /** Today in China Standard Time, YYYY-MM-DD. */
  today: string;
}

export interface MemberRef {
  memberId: number;
  orgId: number;
}

export interface TodoProvider {
  area: TodoArea;
  /** Work the organization does itself ('self' kinds), for one organization or a whole subtree. */
  own(ctx: TodoContext, target: Target): Promise<FoundItem[]>;
  /** Requests and reminders for a higher organization ('higher' kinds), raised by organizations inside scopePath. */
  approvals?(ctx: TodoContext, scopePath: string): Promise<FoundItem[]>;
  /** A Party member's own items ('member' kinds). */
  mine?(ctx: TodoContext, me: MemberRef): Promise<FoundItem[]>;
}

/** `column = path` for one organization, `column <@ path` for a subtree (both served by the ltree GiST indexes). */
export function pathFilter(column: string, target: Target): RawBuilder<boolean> {
  if ('org' in target) return sql<boolean>`${sql.ref(column)} = ${target.org.path}::ltree`;
  return sql<boolean>`${sql.ref(column)} <@ ${target.subtree.path}::ltree`;
}

export const subtreeFilter = (column: string, scopePath: string) => sql<boolean>`${sql.ref(column)} <@ ${scopePath}::ltree`;

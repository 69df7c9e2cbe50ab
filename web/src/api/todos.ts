// To-do API (server/modules/todos): the caller's own list and count, and an organization's digest.
import { api, download } from './client';
import type { Id } from './types';
import type { TodoKind, TodoSeverity } from '../../../domain/todo-kinds';

export interface TodoItem {
  kind: TodoKind;
  orgId: Id;
  orgName: string;
  title: string;
  dueOn: string | null;
  overdue: boolean;
  severity: TodoSeverity;
  /** The page where the work is done. */
  link: string;
  ref: string;
  rule: string | null;
}

export interface TodoList {
  today: string;
  total: number;
  overdue: number;
  groups: { kind: TodoKind; count: number; overdue: number }[];
  items: TodoItem[];
}

export interface TodoCount { total: number; overdue: number }

export interface DigestCells {
  counts: Partial<Record<TodoKind, number>>;
  overdue: Partial<Record<TodoKind, number>>;
  total: number;
  overdueTotal: number;
  /** Requests raised in the row's subtree that a level above it decides (not in total). */
  awaitingHigher: number;
}

export interface DigestRow extends DigestCells {
  orgId: Id;
  orgName: string;
  orgKind: string;
  self: boolean;
  hasChildren: boolean;
}

export interface Digest {
  /** parentId: the level above while it is inside the caller's scope. */
  org: { id: Id; name: string; kind: string; parentId: Id | null };
  today: string;
  computedAt: string;
  kinds: TodoKind[];
  rows: DigestRow[];
  totals: DigestCells;
}

export const getTodos = (signal?: AbortSignal) => api.get<TodoList>('/api/todos', undefined, { signal });
export const getTodoCount = (signal?: AbortSignal) => api.get<TodoCount>('/api/todos/count', undefined, { signal });
export const getDigest = (orgId: Id, fresh: boolean, signal?: AbortSignal) =>
  api.get<Digest>('/api/todos/digest', { orgId, fresh: fresh || undefined }, { signal });
export const getDigestItems = (orgId: Id, kind: TodoKind | undefined, signal?: AbortSignal) =>
  api.get<{ items: TodoItem[]; total: number; truncated: boolean }>('/api/todos/digest/items', { orgId, kind }, { signal });
/** Audited with its purpose and row count (SECURITY.md 22). */
export const exportDigest = (orgId: Id, purpose: string) => download('/api/todos/digest/export', { orgId, purpose }, 'todos.xlsx');

// To-do API (server/modules/todos): the caller's own list and count, and an organization's digest.
import { api, download } from './client';
import type { Id } from './types';
import type { TodoKind } from '../../../domain/todo-kinds';
import type { TDigest, TDigestCells, TDigestItems, TDigestRow, TTodoCount, TTodoItem, TTodoList } from '../../../domain/schemas/todos';

export type { TDigest, TDigestCells, TDigestItems, TDigestRow, TTodoCount, TTodoItem, TTodoList };

export const getTodos = (signal?: AbortSignal) => api.get<TTodoList>('/api/todos', undefined, { signal });
export const getTodoCount = (signal?: AbortSignal) => api.get<TTodoCount>('/api/todos/count', undefined, { signal });
export const getDigest = (orgId: Id, fresh: boolean, signal?: AbortSignal) =>
  api.get<TDigest>('/api/todos/digest', { orgId, fresh: fresh || undefined }, { signal });
export const getDigestItems = (orgId: Id, kind: TodoKind | undefined, signal?: AbortSignal) =>
  api.get<TDigestItems>('/api/todos/digest/items', { orgId, kind }, { signal });
/** Audited with its purpose and row count (SECURITY.md 22). */
export const exportDigest = (orgId: Id, purpose: string) => download('/api/todos/digest/export', { orgId, purpose }, 'todos.xlsx');

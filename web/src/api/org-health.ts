// Organization health (server/modules/org-health/routes.ts); shapes from domain/schemas.
import { api, download } from './client';
import type { Id } from './types';
import type { THealth, THealthCell, THealthOrder, THealthRow } from '../../../domain/schemas/org-health';

export type { THealth, THealthCell, THealthOrder, THealthRow };

export const getHealth = (orgId: Id, signal?: AbortSignal) => api.get<THealth>('/api/org-health', { orgId }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportHealth = (orgId: Id, order: THealthOrder, purpose: string) =>
  download('/api/org-health/export', { orgId, order, purpose }, '组织健康度.xlsx');

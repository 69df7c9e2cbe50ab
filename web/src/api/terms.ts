// Committee terms and elections API (server/modules/terms); shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  TAdjustment,
  TAdjustmentCreate,
  TAdjustmentListQuery,
  TElection,
  TElectionConfirm,
  TElectionListFilter,
  TElectionRequest,
  TElectionResult,
  TEligible,
  TOrgTerms,
  TOverdue,
  TTermFilter,
  TTermPage,
  TTermRow,
  TTermStateFilter,
} from '../../../domain/schemas/terms';

export type {
  TAdjustment,
  TAdjustmentCreate,
  TAdjustmentListQuery,
  TElection,
  TElectionConfirm,
  TElectionListFilter,
  TElectionRequest,
  TElectionResult,
  TEligible,
  TOrgTerms,
  TOverdue,
  TTermFilter,
  TTermPage,
  TTermRow,
  TTermStateFilter,
};

export const listTerms = (f: TTermFilter, cursor?: string) => api.get<TTermPage>('/api/terms', { ...f, cursor, limit: 100 });
export const getWatch = (orgId?: Id, signal?: AbortSignal) => api.get<TOverdue>('/api/terms/overdue', { orgId }, { signal });
export const getOrgTerms = (id: Id, signal?: AbortSignal) => api.get<TOrgTerms>(`/api/terms/orgs/${id}`, undefined, { signal });
export const searchEligible = (id: Id, q: string) => api.get<TItems<TEligible>>(`/api/terms/orgs/${id}/candidates`, { q });
export const recordTerm = (id: Id, electedOn: string) => api.post<TOrgTerms>(`/api/terms/orgs/${id}/term`, { electedOn });
export const requestElection = (id: Id, body: TElectionRequest) => api.post<TElection>(`/api/terms/orgs/${id}/elections`, body);
export const listElections = (q: TElectionListFilter, signal?: AbortSignal) =>
  api.get<TItems<TElection>>('/api/terms/elections', { ...q, mine: q.mine ? 'true' : undefined }, { signal });
export const decideElection = (e: TElection, decision: 'approve' | 'reject', note?: string) =>
  api.post<TElection>(`/api/terms/elections/${e.id}/decide`, { decision, note, version: e.version });
export const recordResult = (id: Id, body: TElectionResult) => api.post<TElection>(`/api/terms/elections/${id}/result`, body);
export const confirmElection = (id: Id, body: TElectionConfirm) => api.post<TOrgTerms>(`/api/terms/elections/${id}/confirm`, body);
export const proposeAdjustment = (id: Id, body: TAdjustmentCreate) => api.post<TOrgTerms>(`/api/terms/orgs/${id}/adjustments`, body);
export const listAdjustments = (q: TAdjustmentListQuery, signal?: AbortSignal) =>
  api.get<TItems<TAdjustment>>('/api/terms/adjustments', q, { signal });
export const decideAdjustment = (id: Id, decision: 'approve' | 'reject', note?: string) =>
  api.post<TAdjustment>(`/api/terms/adjustments/${id}/decide`, { decision, note });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportTerms = (f: TTermFilter, purpose: string) => download('/api/terms/export', { ...f, purpose }, 'terms.xlsx');

// Committee terms and elections API (server/modules/terms). Shapes come from the shared zod schemas.
import { api, download } from './client';
import type { Id } from './types';
import type { TermKind } from '../../../domain/rules/terms';
import type {
  ElectionStatus, TAdjustment, TAdjustmentCreate, TElection, TElectionRequest, TElectionResult, TOrgTerms, TTermRow, TTermStateFilter,
} from '../../../domain/schemas/terms';

export type TermRow = TTermRow;
export type Election = TElection;
export type Adjustment = TAdjustment;
export type OrgTerms = TOrgTerms;
export type TermStateFilter = TTermStateFilter;
export interface TermFilter { orgId?: Id; state?: TermStateFilter; kind?: TermKind; q?: string }
export interface TermPage {
  items: TermRow[]; nextCursor: string | null; counts: Record<string, number>; today: string;
  /** Ending within six months, the dashboard's figure, and what it counts. */
  endingSoon: number; endingSoonBasis: { zh: string; en: string };
}
export interface Watch { today: string; overdue: TermRow[]; delays: Adjustment[]; unreported: Election[] }
export interface Eligible { id: Id; name: string; orgName: string }
export interface ConfirmInput { secretaryId: Id; deputyIds: Id[]; version: number }

export const listTerms = (f: TermFilter, cursor?: string) => api.get<TermPage>('/api/terms', { ...f, cursor, limit: 100 });
export const getWatch = (orgId?: Id, signal?: AbortSignal) => api.get<Watch>('/api/terms/overdue', { orgId }, { signal });
export const getOrgTerms = (id: Id, signal?: AbortSignal) => api.get<OrgTerms>(`/api/terms/orgs/${id}`, undefined, { signal });
export const searchEligible = (id: Id, q: string) => api.get<{ items: Eligible[] }>(`/api/terms/orgs/${id}/candidates`, { q });
export const recordTerm = (id: Id, electedOn: string) => api.post<OrgTerms>(`/api/terms/orgs/${id}/term`, { electedOn });
export const requestElection = (id: Id, body: TElectionRequest) => api.post<Election>(`/api/terms/orgs/${id}/elections`, body);
export const listElections = (q: { orgId?: Id; status?: ElectionStatus; mine?: boolean }, signal?: AbortSignal) =>
  api.get<{ items: Election[] }>('/api/terms/elections', { ...q, mine: q.mine ? 'true' : undefined }, { signal });
export const decideElection = (e: Election, decision: 'approve' | 'reject', note?: string) =>
  api.post<Election>(`/api/terms/elections/${e.id}/decide`, { decision, note, version: e.version });
export const recordResult = (id: Id, body: TElectionResult) => api.post<Election>(`/api/terms/elections/${id}/result`, body);
export const confirmElection = (id: Id, body: ConfirmInput) => api.post<OrgTerms>(`/api/terms/elections/${id}/confirm`, body);
export const proposeAdjustment = (id: Id, body: TAdjustmentCreate) => api.post<OrgTerms>(`/api/terms/orgs/${id}/adjustments`, body);
export const listAdjustments = (q: { orgId?: Id; status?: 'proposed' | 'approved' | 'rejected' }, signal?: AbortSignal) =>
  api.get<{ items: Adjustment[] }>('/api/terms/adjustments', q, { signal });
export const decideAdjustment = (id: Id, decision: 'approve' | 'reject', note?: string) =>
  api.post<Adjustment>(`/api/terms/adjustments/${id}/decide`, { decision, note });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportTerms = (f: TermFilter, purpose: string) => download('/api/terms/export', { ...f, purpose }, 'terms.xlsx');

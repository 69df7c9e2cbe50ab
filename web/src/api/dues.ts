// Party dues API (server/modules/dues). Money in integer fen, months 'YYYY-MM'; shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type { ArrearsLevel } from '../../../domain/rules/dues';
import type {
  TArrears,
  TArrearsList,
  TArrearsRow,
  TBase,
  TBaseCreateInput,
  TBulkPayment,
  TDuesExportKind,
  TDuesSettings,
  TLedgerMonth,
  TMemberDues,
  TMemberPayment,
  TPayment,
  TReduction,
  TReductionCreate,
  TReductionListQuery,
  TReductionStatus,
  TSheet,
  TSheetRow,
  TTotals,
  TTotalsCells,
  TVoluntary,
} from '../../../domain/schemas/dues';

export type {
  TArrears,
  TArrearsList,
  TArrearsRow,
  TBase,
  TBaseCreateInput,
  TBulkPayment,
  TDuesExportKind,
  TDuesSettings,
  TLedgerMonth,
  TMemberDues,
  TMemberPayment,
  TPayment,
  TReduction,
  TReductionCreate,
  TReductionListQuery,
  TReductionStatus,
  TSheet,
  TSheetRow,
  TTotals,
  TTotalsCells,
  TVoluntary,
};

export const getDuesSettings = () => api.get<TDuesSettings>('/api/dues/settings');
export const putDuesSettings = (s: TDuesSettings) => api.put<TDuesSettings>('/api/dues/settings', s);
export const getMemberDues = (id: Id, signal?: AbortSignal) => api.get<TMemberDues>(`/api/dues/members/${id}`, undefined, { signal });
export const getMyDues = (signal?: AbortSignal) => api.get<TMemberDues>('/api/dues/me', undefined, { signal });
export const addBase = (id: Id, body: TBaseCreateInput) => api.post<TBase>(`/api/dues/members/${id}/bases`, body);
export const payMonths = (id: Id, body: TMemberPayment) => api.post<TMemberDues>(`/api/dues/members/${id}/payments`, body);
export const payVoluntary = (id: Id, body: TVoluntary) => api.post<TMemberDues>(`/api/dues/members/${id}/voluntary`, body);
export const proposeReduction = (id: Id, body: TReductionCreate) => api.post<TMemberDues>(`/api/dues/members/${id}/reductions`, body);
export const listReductions = (query: TReductionListQuery, signal?: AbortSignal) =>
  api.get<TItems<TReduction>>('/api/dues/reductions', query, { signal });
export const decideReduction = (id: Id, decision: 'approve' | 'reject', note?: string) =>
  api.post<TReduction>(`/api/dues/reductions/${id}/decide`, { decision, note });
export const getSheet = (orgId: Id, month: string, signal?: AbortSignal) =>
  api.get<TSheet>(`/api/dues/orgs/${orgId}/sheet`, { month }, { signal });
export const payBulk = (orgId: Id, body: TBulkPayment) => api.post<TSheet>(`/api/dues/orgs/${orgId}/payments`, body);
export const getArrears = (orgId: Id, minLevel: ArrearsLevel, signal?: AbortSignal) =>
  api.get<TArrearsList>(`/api/dues/orgs/${orgId}/arrears`, { minLevel }, { signal });
export const getTotals = (orgId: Id, from: string, to: string, signal?: AbortSignal) =>
  api.get<TTotals>(`/api/dues/orgs/${orgId}/totals`, { from, to }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportDues = (orgId: Id, q: { kind: TDuesExportKind; from: string; to: string }, purpose: string) =>
  download(`/api/dues/orgs/${orgId}/export`, { ...q, purpose }, 'dues.xlsx');

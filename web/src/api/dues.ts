// Party dues API (server/modules/dues). Money in integer fen, months 'YYYY-MM'.
import { api, download } from './client';
import type { Id } from './types';
import type { DuesBaseSource, DuesCategory, DuesRounding, ArrearsLevel } from '../../../domain/rules/dues';

export interface DuesSettings { rounding: DuesRounding; farmerFen: number; warnMonths: number; urgentMonths: number; lapseMonths: number }
export interface DuesBase { id: Id; category: DuesCategory; baseFen: number; dueFen: number; effectiveFrom: string; source: DuesBaseSource; note: string | null; recordedAt: string }
export interface DuesPayment { id: Id; month: string; kind: 'regular' | 'voluntary'; amountFen: number; paidOn: string; receiptNo: string | null; collectedBy: string | null; toCentre: boolean; orgName: string }
export type ReductionStatus = 'proposed' | 'approved' | 'rejected';
export interface DuesReduction {
  id: Id; memberId: Id; memberName: string; orgId: Id; orgName: string; kind: 'reduce' | 'exempt'; amountFen: number;
  monthFrom: string; monthTo: string; reason: string; status: ReductionStatus; proposedBy: string | null; proposedAt: string;
  decidedBy: string | null; decidedAt: string | null; decisionNote: string | null; canDecide: boolean;
}
export interface DuesArrears { unpaidMonths: number; owedFen: number; oldestUnpaid: string | null; consecutiveUnpaid: number; level: ArrearsLevel }
export interface MemberDues {
  member: { id: Id; name: string; orgId: Id; orgName: string; category: string; status: string; admittedOn: string | null };
  current: DuesBase | null;
  bases: DuesBase[];
  ledger: { month: string; dueFen: number; paidFen: number; reduced: boolean }[];
  payments: DuesPayment[];
  reductions: DuesReduction[];
  arrears: DuesArrears;
}
export interface SheetRow {
  memberId: Id; name: string; memberCategory: string; duesCategory: DuesCategory | null; baseFen: number | null; dueFen: number | null;
  paidFen: number; paidOn: string | null; receiptNo: string | null; consecutiveUnpaid: number; level: ArrearsLevel;
}
export interface Sheet { month: string; orgId: Id; orgName: string; rows: SheetRow[]; dueFen: number; paidFen: number }
export interface ArrearsRow extends DuesArrears { memberId: Id; name: string; orgId: Id; orgName: string }
export interface ArrearsList { asOfMonth: string; items: ArrearsRow[]; truncated: boolean; counts: Record<'notice' | 'warning' | 'urgent' | 'lapsed', number> }
export interface TotalsCells { dueFen: number; paidFen: number; voluntaryFen: number; toCentreFen: number; payers: number }
export interface Totals { from: string; to: string; byMonth: (TotalsCells & { month: string })[]; byChild: (TotalsCells & { orgId: Id; name: string })[] }

export interface BaseInput { category: DuesCategory; baseFen?: number; effectiveFrom: string; source: DuesBaseSource; note?: string }
export interface ReductionInput { kind: 'reduce' | 'exempt'; amountFen?: number; monthFrom: string; monthTo: string; reason: string }
export type ExportKind = 'detail' | 'summary' | 'arrears';

export const getDuesSettings = () => api.get<DuesSettings>('/api/dues/settings');
export const putDuesSettings = (s: DuesSettings) => api.put<DuesSettings>('/api/dues/settings', s);
export const getMemberDues = (id: Id, signal?: AbortSignal) => api.get<MemberDues>(`/api/dues/members/${id}`, undefined, { signal });
export const getMyDues = (signal?: AbortSignal) => api.get<MemberDues>('/api/dues/me', undefined, { signal });
export const addBase = (id: Id, body: BaseInput) => api.post<DuesBase>(`/api/dues/members/${id}/bases`, body);
export const payMonths = (id: Id, body: { months: string[]; paidOn: string; receiptNo?: string; collectedBy?: string }) =>
  api.post<MemberDues>(`/api/dues/members/${id}/payments`, body);
export const payVoluntary = (id: Id, body: { amountFen: number; paidOn: string; receiptNo?: string; note?: string }) =>
  api.post<MemberDues>(`/api/dues/members/${id}/voluntary`, body);
export const proposeReduction = (id: Id, body: ReductionInput) => api.post<MemberDues>(`/api/dues/members/${id}/reductions`, body);
export const listReductions = (query: { orgId?: Id; status?: ReductionStatus }, signal?: AbortSignal) =>
  api.get<{ items: DuesReduction[] }>('/api/dues/reductions', query, { signal });
export const decideReduction = (id: Id, decision: 'approve' | 'reject', note?: string) =>
  api.post<DuesReduction>(`/api/dues/reductions/${id}/decide`, { decision, note });
export const getSheet = (orgId: Id, month: string, signal?: AbortSignal) => api.get<Sheet>(`/api/dues/orgs/${orgId}/sheet`, { month }, { signal });
export const payBulk = (orgId: Id, body: { month: string; paidOn: string; collectedBy?: string; items: { memberId: Id; receiptNo?: string }[] }) =>
  api.post<Sheet>(`/api/dues/orgs/${orgId}/payments`, body);
export const getArrears = (orgId: Id, minLevel: ArrearsLevel, signal?: AbortSignal) =>
  api.get<ArrearsList>(`/api/dues/orgs/${orgId}/arrears`, { minLevel }, { signal });
export const getTotals = (orgId: Id, from: string, to: string, signal?: AbortSignal) => api.get<Totals>(`/api/dues/orgs/${orgId}/totals`, { from, to }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportDues = (orgId: Id, q: { kind: ExportKind; from: string; to: string }, purpose: string) =>
  download(`/api/dues/orgs/${orgId}/export`, { ...q, purpose }, 'dues.xlsx');

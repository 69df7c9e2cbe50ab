// API client of the transfers area: letters (转出 / 转入 / 逾期), the letter PDF, status changes; shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems, TPage } from './types';
import type {
  TTransferCandidate,
  TTransferCreate,
  TTransferFilter,
  TTransferIncoming,
  TTransferRow,
  TTransferSettings,
  TTransferTarget,
} from '../../../domain/schemas/transfers';
import type { TStatusChange, TStatusChangeResult, TStatusListName, TStatusMember } from '../../../domain/schemas/member-status';

export type {
  TStatusChange,
  TStatusChangeResult,
  TStatusListName,
  TStatusMember,
  TTransferCandidate,
  TTransferCreate,
  TTransferFilter,
  TTransferIncoming,
  TTransferRow,
  TTransferSettings,
  TTransferTarget,
};

export const listTransfers = (f: TTransferFilter, cursor?: string, limit = 50) =>
  api.get<TPage<TTransferRow>>('/api/transfers', { ...f, cursor, limit });
export const exportTransfers = (f: TTransferFilter, purpose: string) =>
  download('/api/transfers/export', { ...f, purpose }, '组织关系转接.xlsx');
export const getTransferSettings = () => api.get<TTransferSettings>('/api/transfers/settings');
export const transferCandidates = (orgId: Id, q?: string) => api.get<TItems<TTransferCandidate>>('/api/transfers/candidates', { orgId, q });
export const transferTargets = (q: string) => api.get<TItems<TTransferTarget>>('/api/transfers/targets', { q });
export const issueTransfer = (body: TTransferCreate) => api.post<TTransferRow>('/api/transfers', body);
export const registerIncoming = (body: TTransferIncoming) => api.post<TTransferRow>('/api/transfers/incoming', body);
export const receiveTransfer = (id: Id) => api.post<TTransferRow>(`/api/transfers/${id}/receive`, {});
export const confirmTransfer = (id: Id) => api.post<TTransferRow>(`/api/transfers/${id}/confirm`, {});
export const returnTransfer = (id: Id, reason: string) => api.post<TTransferRow>(`/api/transfers/${id}/return`, { reason });
export const letterPdfUrl = (id: Id) => `/api/transfers/${id}/letter.pdf`;

export const changeMemberStatus = (memberId: Id, body: TStatusChange) =>
  api.post<TStatusChangeResult>(`/api/member-status/${memberId}`, body);
export const listByStatus = (status: TStatusListName, cursor?: string) =>
  api.get<TPage<TStatusMember>>('/api/member-status/list', { status, cursor, limit: 50 });
export const statusAttention = () => api.get<TItems<TStatusMember>>('/api/member-status/attention');

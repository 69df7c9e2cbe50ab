// API client of the transfers area: letters (转出 / 转入 / 逾期), the letter PDF, status changes.
import type { z } from 'zod';
import { api, download } from './client';
import type { Id, TItems, TPage } from './types';
import type {
  TTransferCreate, TTransferIncoming, TTransferRow, ZTransferCandidateSchema, ZTransferSettingsSchema,
} from '../../../domain/schemas/transfers';
import type { TStatusChange, ZStatusMemberSchema } from '../../../domain/schemas/member-status';
import type { TransferKind, TransferStatus } from '../../../domain/rules/transfers';

export type TransferRow = TTransferRow;
export type TransferCandidate = z.infer<typeof ZTransferCandidateSchema>;
export type TransferSettings = z.infer<typeof ZTransferSettingsSchema>;
export type StatusMember = z.infer<typeof ZStatusMemberSchema>;
export type StatusListName = 'flowing' | 'lost_contact' | 'suspended' | 'left' | 'deceased' | 'transferred_out';
export interface TransferFilter { box: 'out' | 'in' | 'overdue'; status?: TransferStatus; kind?: TransferKind; q?: string }
export interface TransferTarget { id: Id; name: string; kind: string; parentName: string | null }

export const listTransfers = (f: TransferFilter, cursor?: string, limit = 50) =>
  api.get<TPage<TransferRow>>('/api/transfers', { ...f, cursor, limit });
export const exportTransfers = (f: TransferFilter, purpose: string) =>
  download('/api/transfers/export', { ...f, purpose }, '组织关系转接.xlsx');
export const getTransferSettings = () => api.get<TransferSettings>('/api/transfers/settings');
export const transferCandidates = (orgId: Id, q?: string) => api.get<TItems<TransferCandidate>>('/api/transfers/candidates', { orgId, q });
export const transferTargets = (q: string) => api.get<TItems<TransferTarget>>('/api/transfers/targets', { q });
export const issueTransfer = (body: TTransferCreate) => api.post<TransferRow>('/api/transfers', body);
export const registerIncoming = (body: TTransferIncoming) => api.post<TransferRow>('/api/transfers/incoming', body);
export const receiveTransfer = (id: Id) => api.post<TransferRow>(`/api/transfers/${id}/receive`, {});
export const confirmTransfer = (id: Id) => api.post<TransferRow>(`/api/transfers/${id}/confirm`, {});
export const returnTransfer = (id: Id, reason: string) => api.post<TransferRow>(`/api/transfers/${id}/return`, { reason });
export const letterPdfUrl = (id: Id) => `/api/transfers/${id}/letter.pdf`;

export const changeMemberStatus = (memberId: Id, body: TStatusChange) =>
  api.post<{ memberId: number; eventId: number; from: string; to: string }>(`/api/member-status/${memberId}`, body);
export const listByStatus = (status: StatusListName, cursor?: string) =>
  api.get<{ items: StatusMember[]; nextCursor: string | null }>('/api/member-status/list', { status, cursor, limit: 50 });
export const statusAttention = () => api.get<TItems<StatusMember>>('/api/member-status/attention');

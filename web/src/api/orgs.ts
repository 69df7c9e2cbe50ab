import { api } from './client';
import type { DateString, Id, TItems } from './types';
import type {
  TCommitteeInput,
  TCommitteeMember,
  TOrgCreate,
  TOrgDetail,
  TOrgHistory,
  TOrgHistoryList,
  TOrgNode,
  TOrgSearchHit,
  TOrgStatus,
  TOrgUpdate,
  TOrgWarning,
} from '../../../domain/schemas/orgs';

export type {
  TCommitteeInput,
  TCommitteeMember,
  TOrgCreate,
  TOrgDetail,
  TOrgHistory,
  TOrgHistoryList,
  TOrgNode,
  TOrgSearchHit,
  TOrgStatus,
  TOrgUpdate,
  TOrgWarning,
};

export const getOrgRoots = () => api.get<TItems<TOrgNode>>('/api/orgs/roots');
export const getOrg = (id: Id, signal?: AbortSignal) => api.get<TOrgDetail>(`/api/orgs/${id}`, undefined, { signal });
export const getOrgChildren = (id: Id, includeDissolved = false) =>
  api.get<TItems<TOrgNode>>(`/api/orgs/${id}/children`, { includeDissolved: includeDissolved || undefined });
export const searchOrgs = (q: string, signal?: AbortSignal) =>
  api.get<TItems<TOrgSearchHit>>('/api/orgs/search', { q, limit: 20 }, { signal });
export const getOrgHistory = (id: Id) => api.get<TOrgHistoryList>(`/api/orgs/${id}/history`);

export const createOrg = (body: TOrgCreate) => api.post<TOrgDetail>('/api/orgs', body);
export const updateOrg = (id: Id, body: TOrgUpdate) => api.patch<TOrgDetail>(`/api/orgs/${id}`, body);
export const moveOrg = (id: Id, newParentId: Id) => api.post<TOrgDetail>(`/api/orgs/${id}/move`, { newParentId });
export const dissolveOrg = (id: Id, dissolvedOn: DateString, reason: string) =>
  api.post<TOrgDetail>(`/api/orgs/${id}/dissolve`, { dissolvedOn, reason });
export const putCommittee = (id: Id, members: TCommitteeInput[]) => api.put<TOrgDetail>(`/api/orgs/${id}/committee`, { members });

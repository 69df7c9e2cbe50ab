import { api } from './client';
import type {
  CommitteeInput, DateString, Id, Items, OrgCreateBody, OrgDetail, OrgFields, OrgHistoryEntry, OrgNode, OrgSearchHit,
} from './types';

export const getOrgRoots = () => api.get<Items<OrgNode>>('/api/orgs/roots');
export const getOrg = (id: Id, signal?: AbortSignal) => api.get<OrgDetail>(`/api/orgs/${id}`, undefined, { signal });
export const getOrgChildren = (id: Id, includeDissolved = false) =>
  api.get<Items<OrgNode>>(`/api/orgs/${id}/children`, { includeDissolved: includeDissolved || undefined });
export const searchOrgs = (q: string, signal?: AbortSignal) =>
  api.get<Items<OrgSearchHit>>('/api/orgs/search', { q, limit: 20 }, { signal });
export const getOrgHistory = (id: Id) => api.get<Items<OrgHistoryEntry> & { orgNames: Record<string, string> }>(`/api/orgs/${id}/history`);

export const createOrg = (body: OrgCreateBody) => api.post<OrgDetail>('/api/orgs', body);
export const updateOrg = (id: Id, body: Partial<OrgFields>) => api.patch<OrgDetail>(`/api/orgs/${id}`, body);
export const moveOrg = (id: Id, newParentId: Id) => api.post<OrgDetail>(`/api/orgs/${id}/move`, { newParentId });
export const dissolveOrg = (id: Id, dissolvedOn: DateString, reason: string) =>
  api.post<OrgDetail>(`/api/orgs/${id}/dissolve`, { dissolvedOn, reason });
export const putCommittee = (id: Id, members: CommitteeInput[]) =>
  api.put<OrgDetail>(`/api/orgs/${id}/committee`, { members });

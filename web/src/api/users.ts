import { api } from './client';
import type { Id, Page, UserCreateBody, UserPatchBody, UserRow } from './types';

export interface UserQuery {
  q?: string;
  orgId?: Id;
  cursor?: string;
  limit?: number;
}

export const listUsers = (query: UserQuery) => api.get<Page<UserRow>>('/api/users', { ...query });
export const createUser = (body: UserCreateBody) => api.post<UserRow>('/api/users', body);
export const updateUser = (id: Id, body: UserPatchBody) => api.patch<UserRow>(`/api/users/${id}`, body);
export const resetUserPassword = (id: Id, password: string) =>
  api.post<void>(`/api/users/${id}/reset-password`, { password });
export const unlockUser = (id: Id) => api.post<void>(`/api/users/${id}/unlock`);

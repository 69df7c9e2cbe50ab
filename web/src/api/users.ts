import { api } from './client';
import type { Id, TPage } from './types';
import type { TUserCreate, TUserListQuery, TUserRow, TUserUpdate } from '../../../domain/schemas/users';

export type { TUserCreate, TUserListQuery, TUserRow, TUserUpdate };

export const listUsers = (query: TUserListQuery) => api.get<TPage<TUserRow>>('/api/users', { ...query });
export const createUser = (body: TUserCreate) => api.post<TUserRow>('/api/users', body);
export const updateUser = (id: Id, body: TUserUpdate) => api.patch<TUserRow>(`/api/users/${id}`, body);
export const resetUserPassword = (id: Id, password: string) => api.post<void>(`/api/users/${id}/reset-password`, { password });
export const unlockUser = (id: Id) => api.post<void>(`/api/users/${id}/unlock`);

import { api } from './client';
import type { TMe } from '../../../domain/schemas/auth';
import type { THealthStatus } from '../../../domain/schemas/system';

export type { TMe, THealthStatus };

export const getHealth = () => api.get<THealthStatus>('/api/health', undefined, { noAuthRedirect: true });
/** Asked on start-up: a 401 there only means "not logged in yet". */
export const getMe = () => api.get<TMe>('/api/auth/me', undefined, { noAuthRedirect: true });
export const login = (username: string, password: string) =>
  api.post<TMe>('/api/auth/login', { username, password }, { noAuthRedirect: true });
export const logout = () => api.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true });
export const changePassword = (oldPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { oldPassword, newPassword });

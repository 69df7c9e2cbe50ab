import { api } from './client';
import type { Health, Me } from './types';

export const getHealth = () => api.get<Health>('/api/health', undefined, { noAuthRedirect: true });
/** Asked on start-up: a 401 there only means "not logged in yet". */
export const getMe = () => api.get<Me>('/api/auth/me', undefined, { noAuthRedirect: true });
export const login = (username: string, password: string) =>
  api.post<Me>('/api/auth/login', { username, password }, { noAuthRedirect: true });
export const logout = () => api.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true });
export const changePassword = (oldPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { oldPassword, newPassword });

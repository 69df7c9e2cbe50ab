import { api } from './client';
import type { TLoginResult, TMe, TTotpEnrolment, TTotpResult } from '../../../domain/schemas/auth';
import type { THealthStatus } from '../../../domain/schemas/system';

export type { TLoginResult, TMe, THealthStatus, TTotpEnrolment, TTotpResult };

export const getHealth = () => api.get<THealthStatus>('/api/health', undefined, { noAuthRedirect: true });
/** Asked on start-up: a 401 there only means "not logged in yet". */
export const getMe = () => api.get<TMe>('/api/auth/me', undefined, { noAuthRedirect: true });
export const login = (username: string, password: string) =>
  api.post<TLoginResult>('/api/auth/login', { username, password }, { noAuthRedirect: true });
/** The second factor after a right password (SECURITY.md 6): start enrolment, then send a code. */
export const startTotpEnrolment = () => api.post<TTotpEnrolment>('/api/auth/totp/enrol', undefined, { noAuthRedirect: true });
export const submitTotp = (code: string) => api.post<TTotpResult>('/api/auth/totp', { code }, { noAuthRedirect: true });
export const logout = () => api.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true });
export const changePassword = (oldPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { oldPassword, newPassword });

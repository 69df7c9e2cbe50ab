// The applicant's side (server/modules/talent-portal): public registration and the applicant's homes.
import { api, download } from './client';
import type { Id } from './types';
import type { TConsentNotice, TMyEmployer, TMyTalent, TRegister, TStaff, TStaffCreate } from '../../../domain/schemas/talent-portal';

export type { TConsentNotice, TMyEmployer, TMyTalent, TRegister, TStaff, TStaffCreate };

const pub = '/api/public/talent';
const base = '/api/talent-portal';
const open = { noAuthRedirect: true };

export const consentNotice = () => api.get<TConsentNotice>(`${pub}/consent`, undefined, open);
export const publicDistricts = () => api.get<{ items: { id: Id; name: string }[] }>(`${pub}/districts`, undefined, open);
export const sendCode = (identifier: string) => api.post<{ sent: true; expiresInMinutes: number }>(`${pub}/code`, { identifier }, open);
export const registerAccount = (body: TRegister) => api.post<{ username: string; kind: TRegister['kind'] }>(`${pub}/register`, body, open);

export const myTalent = (signal?: AbortSignal) => api.get<TMyTalent>(`${base}/me`, undefined, { signal });
export const myEmployer = (signal?: AbortSignal) => api.get<TMyEmployer>(`${base}/employer`, undefined, { signal });
export const addStaff = (body: TStaffCreate) => api.post<TStaff>(`${base}/employer/staff`, body);
/** One of the talent's own documents (their recognitions' evidence included), audited by the server. */
export const downloadMyDocument = (id: Id, name: string) => download(`${base}/documents/${id}`, {}, name);

// The cadre file API (issue 12 points 1, 3, 6): the list, one file and the edit of each section, the
// 三龄二历 review, the history, the photo, the audited reveal of an identity number, the cadre's own
// page and the correction requests. Types only from domain/schemas.
import type {
  TAppointment,
  TAppointmentEnd,
  TAppointmentInput,
  TCadreAssessments,
  TCadreBasicUpdate,
  TCadreCreate,
  TCadreEducation,
  TCadreFamily,
  TCadreFile,
  TCadreForm,
  TCadreHistory,
  TCadreList,
  TCadreFilter,
  TCadreListQuery,
  TCadreMe,
  TCadreRanks,
  TCadreResume,
  TCadreReviewInput,
  TCadreRewards,
  TCadreRow,
  TCorrectableField,
  TCorrection,
  TCorrectionList,
  TCorrectionRequest,
  TReviewStatus,
} from '../../../domain/schemas/cadres';
import { CORRECTABLE_FIELDS } from '../../../domain/schemas/cadres';
import type { TEducationRow, TResumeLine } from '../../../domain/schemas/cadre-sheet';
import { api, ApiError, download } from './client';
import type { Id, TError } from './types';

export type {
  TAppointment,
  TCadreBasicUpdate,
  TCadreCreate,
  TCadreFile,
  TCadreFilter,
  TCadreForm,
  TCadreHistory,
  TCadreListQuery,
  TCadreMe,
  TCadreRow,
  TCorrectableField,
  TCorrection,
  TCorrectionRequest,
  TEducationRow,
  TResumeLine,
  TReviewStatus,
};
export { CORRECTABLE_FIELDS };

export const listCadres = (filter: TCadreFilter, cursor?: string, limit = 50) =>
  api.get<TCadreList>('/api/cadres', { ...filter, cursor, limit });
export const getCadre = (id: Id, signal?: AbortSignal) => api.get<TCadreFile>(`/api/cadres/${id}`, undefined, { signal });
export const getCadreHistory = (id: Id) => api.get<TCadreHistory>(`/api/cadres/${id}/history`);
export const createCadre = (body: TCadreCreate) => api.post<TCadreFile>('/api/cadres', body);
export const updateCadre = (id: Id, body: TCadreBasicUpdate) => api.patch<TCadreFile>(`/api/cadres/${id}`, body);
export const putEducation = (id: Id, body: TCadreEducation) => api.put<TCadreFile>(`/api/cadres/${id}/education`, body);
export const putResume = (id: Id, body: TCadreResume) => api.put<TCadreFile>(`/api/cadres/${id}/resume`, body);
export const putRanks = (id: Id, body: TCadreRanks) => api.put<TCadreFile>(`/api/cadres/${id}/ranks`, body);
export const putRewards = (id: Id, body: TCadreRewards) => api.put<TCadreFile>(`/api/cadres/${id}/rewards`, body);
export const putAssessments = (id: Id, body: TCadreAssessments) => api.put<TCadreFile>(`/api/cadres/${id}/assessments`, body);
export const putFamily = (id: Id, body: TCadreFamily) => api.put<TCadreFile>(`/api/cadres/${id}/family`, body);
export const addAppointment = (id: Id, body: TAppointmentInput) => api.post<TCadreFile>(`/api/cadres/${id}/appointments`, body);
export const endAppointment = (id: Id, appointmentId: Id, body: TAppointmentEnd) =>
  api.post<TCadreFile>(`/api/cadres/${id}/appointments/${appointmentId}/end`, body);
export const reviewItem = (id: Id, body: TCadreReviewInput) => api.post<TCadreFile>(`/api/cadres/${id}/reviews`, body);
/** Audited on the server with the cadre's id. */
export const revealCadreId = (id: Id) => api.post<{ idNumber: string }>(`/api/cadres/${id}/reveal-id`);
export const cadrePhotoUrl = (id: Id, version: number) => `/api/cadres/${id}/photo?v=${version}`;

/** Uploads a photo as multipart/form-data (JPEG or PNG, checked by the server). */
export async function uploadCadrePhoto(id: Id, file: File): Promise<TCadreFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/cadres/${id}/photo`, {
    method: 'PUT',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (res.ok) return (await res.json()) as TCadreFile;
  const body = (await res.json().catch(() => ({}))) as Partial<TError>;
  throw new ApiError(
    res.status,
    body.error?.code ?? 'HTTP_ERROR',
    body.error?.message ?? `请求失败（${res.status}）`,
    body.error?.field ?? undefined,
  );
}

export const getMyCadre = () => api.get<TCadreMe>('/api/cadres/me');
export const myPhotoUrl = '/api/cadres/me/photo';
export const listMyCorrections = () => api.get<TCorrectionList>('/api/cadres/me/corrections');
export const requestCorrection = (body: TCorrectionRequest) => api.post<TCorrection>('/api/cadres/me/corrections', body);
export const listCorrections = (status: string) => api.get<TCorrectionList>('/api/cadres/corrections', { status });
export const approveCorrection = (id: Id, note: string) => api.post<TCorrection>(`/api/cadres/corrections/${id}/approve`, { note });
export const refuseCorrection = (id: Id, note: string) => api.post<TCorrection>(`/api/cadres/corrections/${id}/refuse`, { note });
export const downloadEvidence = (id: Id, name: string) => download(`/api/cadres/corrections/${id}/evidence`, {}, name);

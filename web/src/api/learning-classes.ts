// Training classes (server/modules/learning-classes): the organizer's classes and the learner's own; shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  TCertificate,
  TCertificateVerify,
  TClassCreate,
  TClassDetail,
  TClassSummary,
  TEnrolReport,
  TEvaluate,
  TMyClasses,
  TSignCode,
} from '../../../domain/schemas/learning-classes';

export type { TCertificate, TCertificateVerify, TClassCreate, TClassDetail, TClassSummary, TEnrolReport, TEvaluate, TMyClasses, TSignCode };
const base = '/api/learning';

export const listClasses = (signal?: AbortSignal) => api.get<TItems<TClassSummary>>(`${base}/classes`, undefined, { signal });
export const createClass = (body: TClassCreate) => api.post<TClassDetail>(`${base}/classes`, body);
export const getClass = (id: Id, signal?: AbortSignal) => api.get<TClassDetail>(`${base}/classes/${id}`, undefined, { signal });
export const enrolMembers = (id: Id, memberIds: Id[]) => api.post<TClassDetail>(`${base}/classes/${id}/trainees`, { memberIds });
export const importRoster = (id: Id, text: string) => api.post<TEnrolReport>(`${base}/classes/${id}/trainees/import`, { text });
export const decideApplication = (id: Id, traineeId: Id, approve: boolean) =>
  api.post<TClassDetail>(`${base}/classes/${id}/trainees/${traineeId}/decision`, { approve });
export const signCode = (id: Id, sessionId: Id) => api.get<TSignCode>(`${base}/classes/${id}/sessions/${sessionId}/code`);
export const markAttendance = (id: Id, sessionId: Id, traineeId: Id, status: string) =>
  api.post<TClassDetail>(`${base}/classes/${id}/sessions/${sessionId}/attendance`, { traineeId, status });
export const closeSession = (id: Id, sessionId: Id) => api.post<TClassDetail>(`${base}/classes/${id}/sessions/${sessionId}/close`);
export const decideLeave = (id: Id, leaveId: Id, approve: boolean) =>
  api.post<TClassDetail>(`${base}/classes/${id}/leaves/${leaveId}/decision`, { approve });
export const completeClass = (id: Id) => api.post<TClassDetail>(`${base}/classes/${id}/complete`);
export const downloadCertificate = (id: Id, traineeId: Id) =>
  download(`${base}/classes/${id}/trainees/${traineeId}/certificate.pdf`, {}, 'certificate.pdf');

export const myClasses = (signal?: AbortSignal) => api.get<TMyClasses>(`${base}/me/classes`, undefined, { signal });
export const applyToClass = (id: Id) => api.post<TMyClasses>(`${base}/me/classes/${id}/apply`);
export const signIn = (sessionId: Id, code: string) =>
  api.post<{ status: 'present' | 'late'; signedAt: string }>(`${base}/me/sign-in`, { sessionId, code });
export const requestLeave = (sessionId: Id, reason: string) => api.post<TMyClasses>(`${base}/me/sessions/${sessionId}/leave`, { reason });
export const evaluateSession = (sessionId: Id, body: TEvaluate) =>
  api.post<{ ok: true }>(`${base}/me/sessions/${sessionId}/evaluation`, body);
export const myCertificates = (signal?: AbortSignal) => api.get<TItems<TCertificate>>(`${base}/me/certificates`, undefined, { signal });
export const downloadMyCertificate = (traineeId: Id) => download(`${base}/me/certificates/${traineeId}/pdf`, {}, 'certificate.pdf');

export const verifyCertificate = (code: string) => api.get<TCertificateVerify>(`/api/public/certificates/${encodeURIComponent(code)}`);

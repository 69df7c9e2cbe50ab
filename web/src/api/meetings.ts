// Organizational life API (server/modules/meetings): meetings, attendance, attachments, 民主评议党员; shapes from domain/schemas.
import { ApiError, api, download, errorText } from './client';
import type { Id, TError, TPage } from './types';
import type {
  MeetingStatus,
  TAppraisal,
  TAppraisalRow,
  TAppraisalSave,
  TAttachment,
  TAttendanceInput,
  TAttendanceRow,
  TMeetingCreate,
  TMeetingDetail,
  TMeetingFields,
  TMeetingFilter,
  TMeetingRow,
  TMeetingSettings,
  TMeetingUpdate,
  TMyMeetings,
  TRoster,
  TRosterMember,
} from '../../../domain/schemas/meetings';

export type {
  MeetingStatus,
  TAppraisal,
  TAppraisalRow,
  TAppraisalSave,
  TAttachment,
  TAttendanceInput,
  TAttendanceRow,
  TMeetingCreate,
  TMeetingDetail,
  TMeetingFields,
  TMeetingFilter,
  TMeetingRow,
  TMeetingSettings,
  TMeetingUpdate,
  TMyMeetings,
  TRoster,
  TRosterMember,
};

export const listMeetings = (f: TMeetingFilter, cursor?: string, limit = 50) =>
  api.get<TPage<TMeetingRow>>('/api/meetings', { ...f, cursor, limit });
export const getMeeting = (id: Id, signal?: AbortSignal) => api.get<TMeetingDetail>(`/api/meetings/${id}`, undefined, { signal });
export const createMeeting = (body: TMeetingCreate) => api.post<TMeetingDetail>('/api/meetings', body);
export const updateMeeting = (id: Id, body: TMeetingUpdate) => api.patch<TMeetingDetail>(`/api/meetings/${id}`, body);
export const getRoster = (orgId: Id, signal?: AbortSignal) => api.get<TRoster>('/api/meetings/roster', { orgId }, { signal });
export const getMeetingSettings = () => api.get<TMeetingSettings>('/api/meetings/settings');
export const getMyMeetings = (year: number, signal?: AbortSignal) => api.get<TMyMeetings>('/api/meetings/mine', { year }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportMeetings = (f: TMeetingFilter, purpose: string) => download('/api/meetings/export', { ...f, purpose }, 'meetings.xlsx');

export const downloadAttachment = (meetingId: Id, a: TAttachment) =>
  download(`/api/meetings/${meetingId}/attachments/${a.id}`, {}, a.fileName);
export async function deleteAttachment(meetingId: Id, id: Id): Promise<void> {
  const res = await fetch(`/api/meetings/${meetingId}/attachments/${id}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw await errorOf(res);
}

export async function uploadAttachment(meetingId: Id, file: File): Promise<TAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${meetingId}/attachments`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as TAttachment;
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<TError> | null;
  if (body?.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  return new ApiError(res.status, 'HTTP_ERROR', res.status === 413 ? '文件过大' : errorText(null));
}

export const getAppraisal = (orgId: Id, year: number, signal?: AbortSignal) =>
  api.get<TAppraisal>('/api/meetings/appraisals', { orgId, year }, { signal });
export const saveAppraisal = (body: TAppraisalSave) => api.put<TAppraisal>('/api/meetings/appraisals', body);
export const finalizeAppraisal = (id: Id) => api.post<TAppraisal>(`/api/meetings/appraisals/${id}/finalize`);

// Organizational life API (server/modules/meetings): meetings, attendance, attachments, 民主评议党员.
import { ApiError, api, download, errorText } from './client';
import type { DateString, Id, TPage, Timestamp } from './types';
import type { AppraisalGrade, MeetingKind } from '../../../domain/meeting-kinds';
import type { MeetingStatus } from '../../../domain/rules/meeting-records';

export type { MeetingStatus };
export type Category = 'full' | 'probationary';

export interface MeetingRow {
  id: Id; orgId: Id; orgName: string; kinds: MeetingKind[]; status: MeetingStatus;
  plannedOn: DateString | null; heldOn: DateString | null; startTime: string | null; place: string | null; topic: string; host: string | null;
  shouldAttend: number | null; present: number | null; late: boolean; recordedAt: Timestamp | null; attachmentCount: number;
}
export interface AttendanceRow { memberId: Id; name: string; gender: string; category: Category; present: boolean; absenceReason: string | null }
export interface Attachment { id: Id; fileName: string; mime: string; sizeBytes: number; sha256: string; uploadedBy: string | null; uploadedAt: Timestamp }
export interface MeetingDetail extends MeetingRow {
  orgPath: { id: Id; name: string }[];
  recorder: string | null; minutes: string | null; decisions: string | null;
  attendance: AttendanceRow[]; attachments: Attachment[]; warnings: string[]; createdBy: string | null; version: number;
}
export interface MeetingFilter {
  orgId?: Id; subtree?: 'true' | 'false'; kind?: MeetingKind; status?: MeetingStatus; from?: DateString; to?: DateString; late?: 'true' | 'false';
}
export interface AttendanceInput { memberId: Id; present: boolean; absenceReason?: string | null }
export interface MeetingFields {
  kinds: MeetingKind[]; plannedOn?: DateString | null; heldOn?: DateString | null; startTime?: string | null; place?: string | null; topic: string;
  host?: string | null; recorder?: string | null; minutes?: string | null; decisions?: string | null; attendance?: AttendanceInput[];
}
export interface MeetingCreate extends MeetingFields { orgId: Id; status: 'planned' | 'held' }
export type MeetingUpdate = Partial<MeetingFields> & { version: number; status?: MeetingStatus };
export interface RosterMember { memberId: Id; name: string; gender: string; category: Category; groupName: string | null }
export interface Roster { orgId: Id; orgName: string; items: RosterMember[] }
export interface MeetingSettings { lateAfterDays: number }

export interface AppraisalRow { memberId: Id; name: string; gender: string; category: Category; grade: AppraisalGrade | null; note: string | null }
export interface Appraisal {
  id: Id | null; orgId: Id; orgName: string; year: number; status: 'new' | 'draft' | 'final'; meetingId: Id | null; meetingTopic: string | null;
  note: string | null; finalizedAt: Timestamp | null; rows: AppraisalRow[];
  counts: { toGrade: number; graded: number; probationary: number; excellentLimit: number; byGrade: Record<AppraisalGrade, number> };
  problems: { code: string; memberId: Id | null; message: string }[];
}
export interface AppraisalSave { orgId: Id; year: number; meetingId?: Id | null; note?: string | null; grades: { memberId: Id; grade: AppraisalGrade | null; note?: string | null }[] }

export interface MyMeetings {
  member: { id: Id; name: string; orgName: string };
  year: number;
  counts: { attended: number; absent: number };
  items: { id: Id; orgName: string; kinds: MeetingKind[]; heldOn: DateString | null; startTime: string | null; place: string | null; topic: string; present: boolean; absenceReason: string | null }[];
  upcoming: { id: Id; orgName: string; kinds: MeetingKind[]; plannedOn: DateString | null; startTime: string | null; place: string | null; topic: string }[];
}

export const listMeetings = (f: MeetingFilter, cursor?: string, limit = 50) => api.get<TPage<MeetingRow>>('/api/meetings', { ...f, cursor, limit });
export const getMeeting = (id: Id, signal?: AbortSignal) => api.get<MeetingDetail>(`/api/meetings/${id}`, undefined, { signal });
export const createMeeting = (body: MeetingCreate) => api.post<MeetingDetail>('/api/meetings', body);
export const updateMeeting = (id: Id, body: MeetingUpdate) => api.patch<MeetingDetail>(`/api/meetings/${id}`, body);
export const getRoster = (orgId: Id, signal?: AbortSignal) => api.get<Roster>('/api/meetings/roster', { orgId }, { signal });
export const getMeetingSettings = () => api.get<MeetingSettings>('/api/meetings/settings');
export const getMyMeetings = (year: number, signal?: AbortSignal) => api.get<MyMeetings>('/api/meetings/mine', { year }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportMeetings = (f: MeetingFilter, purpose: string) => download('/api/meetings/export', { ...f, purpose }, 'meetings.xlsx');

export const downloadAttachment = (meetingId: Id, a: Attachment) => download(`/api/meetings/${meetingId}/attachments/${a.id}`, {}, a.fileName);
export async function deleteAttachment(meetingId: Id, id: Id): Promise<void> {
  const res = await fetch(`/api/meetings/${meetingId}/attachments/${id}`, { method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw await errorOf(res);
}

export async function uploadAttachment(meetingId: Id, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${meetingId}/attachments`, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as Attachment;
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; field?: string } } | null;
  if (body?.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  return new ApiError(res.status, 'HTTP_ERROR', res.status === 413 ? '文件过大' : errorText(null));
}

export const getAppraisal = (orgId: Id, year: number, signal?: AbortSignal) => api.get<Appraisal>('/api/meetings/appraisals', { orgId, year }, { signal });
export const saveAppraisal = (body: AppraisalSave) => api.put<Appraisal>('/api/meetings/appraisals', body);
export const finalizeAppraisal = (id: Id) => api.post<Appraisal>(`/api/meetings/appraisals/${id}/finalize`);

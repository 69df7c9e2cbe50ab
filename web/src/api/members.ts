// The member record API (issue 3): list and count with filters, detail, history, create, edit,
// the audited reveal of an ID number, the member's own record, import and export.
import type {
  TImportJob, TMemberCreate, TMemberDetail, TMemberHistory, TMemberRow, TMemberUpdate,
} from '../../../domain/schemas/members';
import type { Degree, EducationLevel, Gender, MemberCategory, Occupation } from '../../../domain/member-fields';
import { api, ApiError, download, errorText } from './client';
import type { Id, Items, Page } from './types';

export type MemberRow = TMemberRow;
export type MemberDetail = TMemberDetail;
export type MemberHistoryEntry = TMemberHistory;
export type ImportJob = TImportJob;
export type { Degree, EducationLevel, Gender, MemberCategory, Occupation };

/** The list's filters; the export takes the same ones and so holds exactly the rows shown. */
export interface MemberFilter {
  orgId?: Id;
  q?: string;
  category?: MemberCategory;
  status?: string;
  gender?: Gender;
  education?: EducationLevel;
  occupation?: Occupation;
  ageMin?: number;
  ageMax?: number;
  joinedFrom?: string;
  joinedTo?: string;
}

export const listMembers = (filter: MemberFilter, cursor?: string, limit = 50) =>
  api.get<Page<MemberRow>>('/api/members', { ...filter, cursor, limit });
export const countMembers = (filter: MemberFilter) => api.get<{ total: number; statuses: string[] | null }>('/api/members/count', { ...filter });
export const getMember = (id: Id, signal?: AbortSignal) => api.get<MemberDetail>(`/api/members/${id}`, undefined, { signal });
export const getMyMember = () => api.get<MemberDetail>('/api/members/me');
export const getMemberHistory = (id: Id) => api.get<Items<MemberHistoryEntry>>(`/api/members/${id}/history`);
export const createMember = (body: TMemberCreate) => api.post<MemberDetail>('/api/members', body);
export const updateMember = (id: Id, body: TMemberUpdate) => api.patch<MemberDetail>(`/api/members/${id}`, body);
/** Audited on the server with the member's id (SECURITY.md 21). */
export const revealIdNumber = (id: Id) => api.post<{ idNumber: string }>(`/api/members/${id}/reveal-id`);

export const exportMembers = (filter: MemberFilter, purpose: string) =>
  download('/api/members/export', { ...filter, purpose }, 'members.xlsx');
export const downloadImportTemplate = () => download('/api/members/import/template', {}, '党员信息导入模板.xlsx');
export const getImportJob = (id: string) => api.get<ImportJob>(`/api/members/import/${id}`);

/** Uploads the sheet as multipart/form-data; the answer is the import job to poll. */
export async function uploadImport(file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/api/members/import', { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (ImportJob & { error?: { code: string; message: string; field?: string } }) | null;
  if (res.ok && body) return body;
  if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  throw new ApiError(res.status, 'HTTP_ERROR', errorText(null));
}

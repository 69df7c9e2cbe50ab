// The member record API (issue 3): list and count with filters, detail, history, create, edit,
// the audited reveal of an ID number, the member's own record, import and export.
import type {
  TImportJob,
  TMemberCount,
  TMemberCreate,
  TMemberDetail,
  TMemberFilterParams,
  TMemberHistory,
  TMemberRow,
  TMemberUpdate,
  TRevealId,
} from '../../../domain/schemas/members';
import type { Degree, EducationLevel, Gender, MemberCategory, Occupation } from '../../../domain/member-fields';
import { api, ApiError, download, errorText } from './client';
import type { Id, TError, TItems, TPage } from './types';

export type {
  TImportJob,
  TMemberCount,
  TMemberCreate,
  TMemberDetail,
  TMemberFilterParams,
  TMemberHistory,
  TMemberRow,
  TMemberUpdate,
  TRevealId,
};
export type { Degree, EducationLevel, Gender, MemberCategory, Occupation };

/** The list's filters (TMemberFilterParams); the export takes the same ones and so holds exactly the rows shown. */
export const listMembers = (filter: TMemberFilterParams, cursor?: string, limit = 50) =>
  api.get<TPage<TMemberRow>>('/api/members', { ...filter, cursor, limit });
export const countMembers = (filter: TMemberFilterParams) => api.get<TMemberCount>('/api/members/count', { ...filter });
export const getMember = (id: Id, signal?: AbortSignal) => api.get<TMemberDetail>(`/api/members/${id}`, undefined, { signal });
export const getMyMember = () => api.get<TMemberDetail>('/api/members/me');
export const getMemberHistory = (id: Id) =>
  api.get<TItems<TMemberHistory> & { orgNames: Record<string, string> }>(`/api/members/${id}/history`);
export const createMember = (body: TMemberCreate) => api.post<TMemberDetail>('/api/members', body);
export const updateMember = (id: Id, body: TMemberUpdate) => api.patch<TMemberDetail>(`/api/members/${id}`, body);
/** Audited on the server with the member's id (SECURITY.md 21). */
export const revealIdNumber = (id: Id) => api.post<TRevealId>(`/api/members/${id}/reveal-id`);

export const exportMembers = (filter: TMemberFilterParams, purpose: string) =>
  download('/api/members/export', { ...filter, purpose }, 'members.xlsx');
export const downloadImportTemplate = () => download('/api/members/import/template', {}, '党员信息导入模板.xlsx');
export const getImportJob = (id: string) => api.get<TImportJob>(`/api/members/import/${id}`);

/** Uploads the sheet as multipart/form-data; the answer is the import job to poll. */
export async function uploadImport(file: File): Promise<TImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/api/members/import', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TImportJob & Partial<TError>) | null;
  if (res.ok && body) return body;
  if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  throw new ApiError(res.status, 'HTTP_ERROR', errorText(null));
}

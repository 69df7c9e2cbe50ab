// The 学时 archive API (server/modules/learning-hours); shapes from domain/schemas/learning-hours.
import { api, ApiError, download } from './client';
import type { Id, TItems } from './types';
import type { TError } from '../../../domain/schemas/common';
import type {
  TArchive,
  TBehind,
  TDuplicates,
  TImportResult,
  TMyHours,
  TRequirement,
  TRequirementCreate,
  TSelfReport,
  TSelfReportFields,
  TShares,
} from '../../../domain/schemas/learning-hours';

export type { TArchive, TBehind, TDuplicates, TImportResult, TMyHours, TRequirement, TRequirementCreate, TSelfReport, TShares };
const base = '/api/learning';

export const getMyHours = (year: number | undefined, signal?: AbortSignal) => api.get<TMyHours>(`${base}/me/hours`, { year }, { signal });
export const getMemberHours = (id: Id, year: number, signal?: AbortSignal) =>
  api.get<TArchive>(`${base}/hours/members/${id}`, { year }, { signal });
export const getCadreHours = (id: Id, signal?: AbortSignal) =>
  api.get<TItems<TArchive>>(`${base}/hours/cadres/${id}`, undefined, { signal });
export const getBehind = (orgId: Id, year: number, offset: number, signal?: AbortSignal) =>
  api.get<TBehind>(`${base}/hours/behind`, { orgId, year, offset, limit: 50 }, { signal });
export const getShares = (orgId: Id, year: number, signal?: AbortSignal) =>
  api.get<TShares>(`${base}/hours/shares`, { orgId, year }, { signal });
export const listRequirements = (signal?: AbortSignal) => api.get<TItems<TRequirement>>(`${base}/requirements`, undefined, { signal });
export const listSelfReports = (orgId: Id, status: string | undefined, signal?: AbortSignal) =>
  api.get<TItems<TSelfReport>>(`${base}/self-reports`, { orgId, status }, { signal });
export const decideSelfReport = (id: Id, approve: boolean, reason: string) =>
  api.post<TSelfReport>(`${base}/self-reports/${id}/decision`, { approve, reason });
export const exportHours = (orgId: Id, year: number, purpose: string) =>
  download(`${base}/hours/export`, { orgId, year, purpose }, 'hours.xlsx');
export const closeYear = (year: number, orgId: Id) => api.post(`${base}/hours/years/${year}/close`, { orgId });
export const downloadTemplate = () => download(`${base}/imports/template`, {}, 'template.xlsx');

async function postForm<T>(url: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (T & Partial<TError>) | null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `请求失败（${res.status}）`, e?.field ?? undefined);
  }
  return body as T;
}

/** 上级调训 or 党校 records from Excel: the whole report comes back; nothing is written unless every row passed. */
export function uploadTraining(kind: 'assigned' | 'party_school', file: File): Promise<TImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm(`${base}/imports?kind=${kind}`, form);
}

/** The learner's own report with its evidence (PDF, JPG or PNG), as one multipart request. */
export function submitSelfReport(
  v: Pick<TSelfReportFields, 'title' | 'organizer' | 'startedOn' | 'endedOn' | 'hours'>,
  file: File,
): Promise<TSelfReport> {
  const form = new FormData();
  form.append('title', v.title);
  form.append('organizer', v.organizer ?? '');
  form.append('startedOn', v.startedOn);
  form.append('endedOn', v.endedOn);
  form.append('hours', String(v.hours));
  form.append('file', file, file.name);
  return postForm(`${base}/self-reports`, form);
}

export const addRequirement = (v: TRequirementCreate) => api.post<TRequirement>(`${base}/requirements`, v);
export const listDuplicates = (orgId: Id, year: number, signal?: AbortSignal) =>
  api.get<TDuplicates>(`${base}/hours/duplicates`, { orgId, year }, { signal });
export const detectDuplicates = (orgId: Id, year: number) => api.post<TDuplicates>(`${base}/hours/duplicates/detect`, { orgId, year });
export const decideDuplicate = (creditId: Id, action: 'confirm' | 'undo') =>
  api.post<{ ofId: number }>(`${base}/hours/duplicates/${creditId}`, { action });

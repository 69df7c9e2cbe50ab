// The cadre assessment API (server/modules/cadre-assessments); shapes from domain/schemas.
import { api, ApiError, download, errorText } from './client';
import type { Id, TItems } from './types';
import type { TError } from '../../../domain/schemas/common';
import type {
  TCadreRecords,
  TConsequence,
  TEntriesSave,
  TGradeImportResult,
  TOngoingInput,
  TRaise,
  TSource,
  TSpecialInput,
  TUnitCreate,
  TUnitDetail,
  TUnitRow,
} from '../../../domain/schemas/cadre-assessments';

export type {
  TCadreRecords,
  TConsequence,
  TEntriesSave,
  TGradeImportResult,
  TOngoingInput,
  TRaise,
  TSource,
  TSpecialInput,
  TUnitCreate,
  TUnitDetail,
  TUnitRow,
};
const base = '/api/cadre-assessments';
export const listUnits = (year: number, signal?: AbortSignal) => api.get<TItems<TUnitRow>>(`${base}/units`, { year }, { signal });
export const getUnit = (id: Id, signal?: AbortSignal) => api.get<TUnitDetail>(`${base}/units/${id}`, undefined, { signal });
export const createUnit = (body: TUnitCreate) => api.post<TUnitDetail>(`${base}/units`, body);
export const saveEntries = (id: Id, body: TEntriesSave) => api.put<TUnitDetail>(`${base}/units/${id}/entries`, body);
export const setRaised = (id: Id, body: TRaise) => api.put<TUnitDetail>(`${base}/units/${id}/raise`, body);
export const submitUnit = (id: Id) => api.post<TUnitDetail>(`${base}/units/${id}/submit`);
export const confirmUnit = (id: Id) => api.post<TUnitDetail>(`${base}/units/${id}/confirm`);
export const returnUnit = (id: Id, reason: string) => api.post<TUnitDetail>(`${base}/units/${id}/return`, { reason });
export const listConsequences = (year: number, signal?: AbortSignal) =>
  api.get<TItems<TConsequence>>(`${base}/consequences`, { year }, { signal });
export const listSources = (signal?: AbortSignal) => api.get<TItems<TSource>>(`${base}/sources`, undefined, { signal });
export const getCadreRecords = (id: Id, signal?: AbortSignal) => api.get<TCadreRecords>(`${base}/cadres/${id}`, undefined, { signal });
export const recordOngoing = (id: Id, body: TOngoingInput) => api.put<TCadreRecords>(`${base}/cadres/${id}/ongoing`, body);
export const recordSpecial = (id: Id, body: TSpecialInput) => api.post<TCadreRecords>(`${base}/cadres/${id}/special`, body);
export const exportUnit = (id: Id, purpose: string) => download(`${base}/units/${id}/export`, { purpose }, 'assessment.xlsx');

/** Uploads a sheet of grades (姓名, 等次, 评语); all or nothing, each bad row reported. */
export async function importGrades(id: Id, file: File): Promise<TGradeImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/units/${id}/import`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TGradeImportResult & Partial<TError>) | null;
  if (res.ok && body) return body;
  if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  throw new ApiError(res.status, 'HTTP_ERROR', errorText(null));
}

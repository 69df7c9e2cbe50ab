// The cadre search API (issue 12 point 7): the structured search, saved queries, the 干部花名册
// export with chosen columns and the all-or-nothing roster import.
import type {
  RosterColumnKey,
  TCadreHit,
  TCadreQueryInput,
  TCadreSearchResult,
  TRosterError,
  TRosterImportResult,
  TSavedQuery,
} from '../../../domain/schemas/cadre-search';
import { ApiError, api, downloadPost, errorText } from './client';
import type { Id, TError, TItems } from './types';

export type { RosterColumnKey, TCadreHit, TCadreQueryInput, TCadreSearchResult, TRosterError, TRosterImportResult, TSavedQuery };
export { DEFAULT_ROSTER_COLUMNS, ROSTER_COLUMNS } from '../../../domain/schemas/cadre-search';

export const searchCadres = (query: TCadreQueryInput, cursor?: string, limit = 50) =>
  api.post<TCadreSearchResult>('/api/cadre-search', { query, cursor, limit });

export const listSavedQueries = () => api.get<TItems<TSavedQuery>>('/api/cadre-search/saved');
export const saveQuery = (name: string, query: TCadreQueryInput) => api.post<TSavedQuery>('/api/cadre-search/saved', { name, query });
export const renameSavedQuery = (id: Id, name: string) => api.patch<TSavedQuery>(`/api/cadre-search/saved/${id}`, { name });
export const deleteSavedQuery = (id: Id) => api.delete(`/api/cadre-search/saved/${id}`);

/** Audited on the server with its purpose, the query, the columns and the row count. */
export const exportRoster = (query: TCadreQueryInput, columns: RosterColumnKey[], purpose: string) =>
  downloadPost('/api/cadre-search/export', { query, columns, purpose }, 'roster.xlsx');

/** Uploads a roster as multipart/form-data; the answer is the whole report (nothing written unless every row passed). */
export async function uploadRoster(file: File, dryRun: boolean): Promise<TRosterImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/cadre-search/import${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TRosterImportResult & Partial<TError>) | null;
  if (res.ok && body) return body;
  if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  throw new ApiError(res.status, 'HTTP_ERROR', errorText(null));
}

// Units, posts and quotas, the 干部配备一览表, teams and their structure (server/modules/cadre-units);
// the cadre officer's dashboard panel. Shapes from domain/schemas.
import { api, download } from './client';
import type { Id } from './types';
import type {
  TCadrePanel,
  TPostCreate,
  TPostUpdate,
  TRosterPage,
  TRosterQuery,
  TStructure,
  TStructurePeopleQuery,
  TStructurePerson,
  TStructureQuery,
  TStructureTable,
  TStructureTableQuery,
  TTeamListQuery,
  TTeamPage,
  TTeamRow,
  TTeamTermUpdate,
  TUnit,
  TUnitCreate,
  TUnitDetail,
  TUnitListQuery,
  TUnitUpdate,
} from '../../../domain/schemas/cadre-units';

export type * from '../../../domain/schemas/cadre-units';

const BASE = '/api/cadre-units';

export const listUnits = (q: TUnitListQuery, signal?: AbortSignal) => api.get<{ items: TUnit[] }>(BASE, q, { signal });
export const getUnit = (id: Id, signal?: AbortSignal) => api.get<TUnitDetail>(`${BASE}/${id}`, undefined, { signal });
export const createUnit = (body: TUnitCreate) => api.post<TUnitDetail>(BASE, body);
export const updateUnit = (id: Id, body: TUnitUpdate) => api.patch<TUnitDetail>(`${BASE}/${id}`, body);
export const createPost = (unitId: Id, body: TPostCreate) => api.post<TUnitDetail>(`${BASE}/${unitId}/posts`, body);
export const updatePost = (id: Id, body: TPostUpdate) => api.patch<TUnitDetail>(`${BASE}/posts/${id}`, body);

export const getRoster = (q: Partial<TRosterQuery>, signal?: AbortSignal) => api.get<TRosterPage>(`${BASE}/roster`, q, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportRoster = (q: Partial<TRosterQuery>, purpose: string) =>
  download(`${BASE}/roster/export`, { ...q, cursor: undefined, limit: undefined, purpose }, 'roster.xlsx');

export const listTeams = (q: TTeamListQuery, signal?: AbortSignal) =>
  api.get<{ items: TTeamRow[]; onDate: string }>(`${BASE}/teams`, q, { signal });
export const getTeam = (unitId: Id, onDate?: string, signal?: AbortSignal) =>
  api.get<TTeamPage>(`${BASE}/${unitId}/team`, { onDate }, { signal });
export const saveTeamTerm = (unitId: Id, body: TTeamTermUpdate) => api.put<TTeamPage>(`${BASE}/${unitId}/team`, body);

export const getStructure = (q: TStructureQuery, signal?: AbortSignal) => api.get<TStructure>(`${BASE}/structure`, q, { signal });
export const getStructureTable = (q: TStructureTableQuery, signal?: AbortSignal) =>
  api.get<TStructureTable>(`${BASE}/structure/table`, q, { signal });
export const getStructurePeople = (q: TStructurePeopleQuery, signal?: AbortSignal) =>
  api.get<{ items: TStructurePerson[]; total: number }>(`${BASE}/structure/people`, q, { signal });
export const exportStructure = (q: TStructureQuery, purpose: string) =>
  download(`${BASE}/structure/export`, { ...q, purpose }, 'structure.xlsx');

export const getCadrePanel = (orgId: Id | undefined, signal?: AbortSignal) =>
  api.get<TCadrePanel>('/api/dashboard/cadres', { orgId }, { signal });

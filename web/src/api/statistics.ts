// 党内统计 API (server/modules/statistics): the catalogue, a table, the people behind a number, exports; shapes from domain/schemas.
import { api, download, type Query } from './client';
import type {
  TCatalogue,
  TCellRef,
  TLabel,
  TPeopleList,
  TStatsTable,
  TTableColumn,
  TTableParams,
  TTableRow,
  TTableSource,
} from '../../../domain/schemas/statistics';

export type { TCatalogue, TCellRef, TLabel, TPeopleList, TStatsTable, TTableColumn, TTableParams, TTableRow, TTableSource };

const q = (p: TTableParams): Query => ({ orgId: p.orgId, month: p.month, ageBands: p.ageBands, from: p.from, to: p.to });

export const getCatalogue = (signal?: AbortSignal) => api.get<TCatalogue>('/api/statistics/tables', undefined, { signal });
export const getTable = (code: string, p: TTableParams, signal?: AbortSignal) =>
  api.get<TStatsTable>(`/api/statistics/tables/${code}`, q(p), { signal });
export const getPeople = (code: string, p: TTableParams, cell: TCellRef, cursor?: string, signal?: AbortSignal) =>
  api.get<TPeopleList>(`/api/statistics/tables/${code}/people`, { ...q(p), ...cell, cursor, limit: 50 }, { signal });
/** Exports are audited with their purpose, filter and row count (SECURITY.md 22). */
export const exportTable = (code: string, p: TTableParams, purpose: string) =>
  download(`/api/statistics/tables/${code}/export`, { ...q(p), purpose }, 'statistics.xlsx');
export const exportPeople = (code: string, p: TTableParams, cell: TCellRef, purpose: string) =>
  download(`/api/statistics/tables/${code}/people/export`, { ...q(p), ...cell, purpose }, 'people.xlsx');

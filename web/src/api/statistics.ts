// 党内统计 API (server/modules/statistics): the catalogue, a table, the people behind a number, exports.
import { api, download, type Query } from './client';
import type { Id } from './types';

export interface Label { zh: string; en: string }
export type TableSource = 'members' | 'orgs' | 'events';
export interface Catalogue {
  month: string;
  ageBands: number[];
  groups: { key: string; title: Label; tables: { code: string; title: Label; source: TableSource }[] }[];
}
export interface StatsColumn { key: string; path: Label[] }
export interface StatsRow { key: string; kind: 'total' | 'self' | 'child'; orgId: Id | null; name: string; hasChildren: boolean; cells: Record<string, number> }
export interface StatsTable {
  code: string; title: Label; group: string; source: TableSource; unit: Label;
  org: { id: Id; name: string }; breadcrumbs: { id: Id; name: string }[];
  month: string; asOf: string; period: { from: string; to: string } | null; ageBands: number[];
  columns: StatsColumn[]; rows: StatsRow[]; sums: { total: string; parts: string[] }[]; definition: Label;
}
export interface PeopleList {
  total: number; title: string;
  columns: { key: string; title: Label }[];
  items: { id: string; memberId: Id | null; orgId: Id | null; values: Record<string, string | number | null> }[];
  nextCursor: string | null;
}

/** What picks a table's numbers: the organization, the reference month, custom age bands, a period. */
export interface TableParams { orgId: Id; month: string; ageBands?: string; from?: string; to?: string }
export interface CellRef { row: string; col: string }

const q = (p: TableParams): Query => ({ orgId: p.orgId, month: p.month, ageBands: p.ageBands, from: p.from, to: p.to });

export const getCatalogue = (signal?: AbortSignal) => api.get<Catalogue>('/api/statistics/tables', undefined, { signal });
export const getTable = (code: string, p: TableParams, signal?: AbortSignal) => api.get<StatsTable>(`/api/statistics/tables/${code}`, q(p), { signal });
export const getPeople = (code: string, p: TableParams, cell: CellRef, cursor?: string, signal?: AbortSignal) =>
  api.get<PeopleList>(`/api/statistics/tables/${code}/people`, { ...q(p), ...cell, cursor, limit: 50 }, { signal });
/** Exports are audited with their purpose, filter and row count (SECURITY.md 22). */
export const exportTable = (code: string, p: TableParams, purpose: string) => download(`/api/statistics/tables/${code}/export`, { ...q(p), purpose }, 'statistics.xlsx');
export const exportPeople = (code: string, p: TableParams, cell: CellRef, purpose: string) =>
  download(`/api/statistics/tables/${code}/people/export`, { ...q(p), ...cell, purpose }, 'people.xlsx');

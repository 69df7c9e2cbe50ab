// The development pipeline's API (server/modules/development/routes.ts); shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems, TPage } from './types';
import type {
  TBoard,
  TEligibleMember,
  TPeopleFilter,
  TPersonCreate,
  TPersonDetail,
  TPersonRow,
  TStepCheck,
  TStepInput,
  TStepInputBody,
  TViolation,
} from '../../../domain/schemas/development';

export type {
  TBoard,
  TEligibleMember,
  TPeopleFilter,
  TPersonCreate,
  TPersonDetail,
  TPersonRow,
  TStepCheck,
  TStepInput,
  TStepInputBody,
  TViolation,
};

const query = (f: TPeopleFilter) => ({ ...f, overdue: f.overdue ? 'true' : undefined });

export const getBoard = (orgId?: Id, signal?: AbortSignal) => api.get<TBoard>('/api/development/board', { orgId }, { signal });
export const listPeople = (f: TPeopleFilter, cursor?: string, limit = 50) =>
  api.get<TPage<TPersonRow>>('/api/development/people', { ...query(f), cursor, limit });
export const exportPeople = (f: TPeopleFilter, purpose: string) =>
  download('/api/development/people/export', { ...query(f), purpose }, '发展党员名单.xlsx');
export const getPerson = (id: Id, signal?: AbortSignal) => api.get<TPersonDetail>(`/api/development/people/${id}`, undefined, { signal });
export const createPerson = (body: TPersonCreate) => api.post<TPersonDetail>('/api/development/people', body);
export const recordStep = (id: Id, body: TStepInputBody) => api.post<TPersonDetail>(`/api/development/people/${id}/steps`, body);
export const checkStep = (id: Id, body: TStepInputBody, signal?: AbortSignal) =>
  api.post<TStepCheck>(`/api/development/people/${id}/check`, body, { signal });
export const eligibleMembers = (orgId: Id, q?: string) =>
  api.get<TItems<TEligibleMember>>('/api/development/eligible-members', { orgId, q });

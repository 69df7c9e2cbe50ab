// The development pipeline's API (server/modules/development/routes.ts); shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems, TPage } from './types';
import type { TBoard, TPersonCreate, TPersonDetail, TPersonRow, TStepInput, TViolation } from '../../../domain/schemas/development';
import type { PersonStatus } from '../../../domain/rules/development-steps';

export type { TBoard, TPersonCreate, TPersonDetail, TPersonRow, TStepInput, TViolation };
export type StepBody = Omit<TStepInput, 'vote'> & { vote?: { shouldAttend: number; present: number; inFavor: number; against: number; abstain: number } };

export interface PeopleFilter {
  orgId?: Id;
  status?: PersonStatus;
  step?: number;
  q?: string;
  overdue?: boolean;
}
export interface EligibleMember { id: Id; name: string; gender: string; orgName: string }

const query = (f: PeopleFilter) => ({ ...f, overdue: f.overdue ? 'true' : undefined });

export const getBoard = (orgId?: Id, signal?: AbortSignal) => api.get<TBoard>('/api/development/board', { orgId }, { signal });
export const listPeople = (f: PeopleFilter, cursor?: string, limit = 50) => api.get<TPage<TPersonRow>>('/api/development/people', { ...query(f), cursor, limit });
export const exportPeople = (f: PeopleFilter, purpose: string) => download('/api/development/people/export', { ...query(f), purpose }, '发展党员名单.xlsx');
export const getPerson = (id: Id, signal?: AbortSignal) => api.get<TPersonDetail>(`/api/development/people/${id}`, undefined, { signal });
export const createPerson = (body: TPersonCreate) => api.post<TPersonDetail>('/api/development/people', body);
export const recordStep = (id: Id, body: StepBody) => api.post<TPersonDetail>(`/api/development/people/${id}/steps`, body);
export const checkStep = (id: Id, body: StepBody, signal?: AbortSignal) =>
  api.post<{ violations: TViolation[]; passed: boolean }>(`/api/development/people/${id}/check`, body, { signal });
export const eligibleMembers = (orgId: Id, q?: string) => api.get<TItems<EligibleMember>>('/api/development/eligible-members', { orgId, q });

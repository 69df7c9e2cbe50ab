// Party-building + business joint tasks API (server/modules/joint-tasks).
import { api, download } from './client';
import type { DateString, Id, Timestamp } from './types';
import type { CheckResult, JointStage } from '../../../domain/rules/joint-tasks';

export interface JointTask {
  id: Id; orgId: Id; orgName: string; year: number; title: string; partySide: string; businessSide: string;
  partyOwner: string; businessOwner: string; startOn: DateString | null; dueOn: DateString; stage: JointStage; progress: number; overdue: boolean;
  checkResult: CheckResult | null; checkNote: string | null; checkedOn: DateString | null; checkedOrgName: string | null;
  updatedAt: Timestamp; version: number; canCheck: boolean;
}
export interface JointTaskUpdate { id: Id; at: Timestamp; stage: JointStage; progress: number; note: string | null; actorName: string | null }
export interface JointTaskDetail extends JointTask { updates: JointTaskUpdate[] }
export interface JointTaskBoard { items: JointTask[]; counts: Record<JointStage | 'overdue', number>; truncated: boolean }
export interface BoardFilter { orgId?: Id; year?: number; stage?: JointStage; overdue?: boolean; subtree?: boolean }
export interface JointTaskInput {
  title: string; partySide: string; businessSide: string; partyOwner: string; businessOwner: string; startOn?: DateString; dueOn: DateString;
}

export const getBoard = (f: BoardFilter, signal?: AbortSignal) => api.get<JointTaskBoard>('/api/joint-tasks', { ...f }, { signal });
export const getJointTask = (id: Id, signal?: AbortSignal) => api.get<JointTaskDetail>(`/api/joint-tasks/${id}`, undefined, { signal });
export const createJointTask = (body: JointTaskInput & { orgId: Id; year: number }) => api.post<JointTaskDetail>('/api/joint-tasks', body);
export const editJointTask = (id: Id, body: Partial<JointTaskInput> & { version: number }) => api.patch<JointTaskDetail>(`/api/joint-tasks/${id}`, body);
export const reportJointTask = (id: Id, body: { stage?: JointStage; progress: number; note?: string; version: number }) =>
  api.post<JointTaskDetail>(`/api/joint-tasks/${id}/updates`, body);
export const checkJointTask = (id: Id, body: { result: CheckResult; note?: string; version: number }) =>
  api.post<JointTaskDetail>(`/api/joint-tasks/${id}/check`, body);
/** Audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportJointTasks = (f: BoardFilter, purpose: string) => download('/api/joint-tasks/export', { ...f, purpose }, 'joint-tasks.xlsx');

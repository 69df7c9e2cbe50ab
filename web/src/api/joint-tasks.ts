// Party-building + business joint tasks API (server/modules/joint-tasks); shapes from domain/schemas.
import { api, download } from './client';
import type { Id } from './types';
import type {
  TJointTask,
  TJointTaskCheck,
  TJointTaskCreate,
  TJointTaskDetail,
  TJointTaskEdit,
  TJointTaskFilter,
  TJointTaskList,
  TJointTaskUpdate,
  TJointTaskUpdateRow,
} from '../../../domain/schemas/joint-tasks';

export type {
  TJointTask,
  TJointTaskCheck,
  TJointTaskCreate,
  TJointTaskDetail,
  TJointTaskEdit,
  TJointTaskFilter,
  TJointTaskList,
  TJointTaskUpdate,
  TJointTaskUpdateRow,
};

export const getBoard = (f: TJointTaskFilter, signal?: AbortSignal) => api.get<TJointTaskList>('/api/joint-tasks', { ...f }, { signal });
export const getJointTask = (id: Id, signal?: AbortSignal) => api.get<TJointTaskDetail>(`/api/joint-tasks/${id}`, undefined, { signal });
export const createJointTask = (body: TJointTaskCreate) => api.post<TJointTaskDetail>('/api/joint-tasks', body);
export const editJointTask = (id: Id, body: TJointTaskEdit) => api.patch<TJointTaskDetail>(`/api/joint-tasks/${id}`, body);
export const reportJointTask = (id: Id, body: TJointTaskUpdate) => api.post<TJointTaskDetail>(`/api/joint-tasks/${id}/updates`, body);
export const checkJointTask = (id: Id, body: TJointTaskCheck) => api.post<TJointTaskDetail>(`/api/joint-tasks/${id}/check`, body);
/** Audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportJointTasks = (f: TJointTaskFilter, purpose: string) =>
  download('/api/joint-tasks/export', { ...f, purpose }, 'joint-tasks.xlsx');

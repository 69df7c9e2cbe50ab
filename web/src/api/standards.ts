// Branch standards API (server/modules/standards): checklists, assessments, star ratings, weak organizations; shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  TAssessment,
  TAssessmentList,
  TAssessmentListQuery,
  TAssessmentRow,
  TAssessmentStatus,
  TAssessmentView,
  TChecklist,
  TChecklistCreate,
  TRatingOverview,
  TRatingQuery,
  TRatingStatus,
  TRectTask,
  TRectTaskCreate,
  TRectTaskProgress,
  TReview,
  TScoreInput,
  TSelfAssessment,
  TStarCounts,
  TStarHistory,
  TSuggestion,
  TSuggestionList,
  TSuggestionQuery,
  TWeakListQuery,
  TWeakOrg,
  TWeakOrgCreate,
  TWeakOrgDetail,
} from '../../../domain/schemas/standards';

export type {
  TAssessment,
  TAssessmentList,
  TAssessmentListQuery,
  TAssessmentRow,
  TAssessmentStatus,
  TAssessmentView,
  TChecklist,
  TChecklistCreate,
  TRatingOverview,
  TRatingQuery,
  TRatingStatus,
  TRectTask,
  TRectTaskCreate,
  TRectTaskProgress,
  TReview,
  TScoreInput,
  TSelfAssessment,
  TStarCounts,
  TStarHistory,
  TSuggestion,
  TSuggestionList,
  TSuggestionQuery,
  TWeakListQuery,
  TWeakOrg,
  TWeakOrgCreate,
  TWeakOrgDetail,
};

export const listChecklists = (signal?: AbortSignal) => api.get<TItems<TChecklist>>('/api/standards/checklists', undefined, { signal });
export const createChecklist = (body: TChecklistCreate) => api.post<TItems<TChecklist>>('/api/standards/checklists', body);
export const getAssessment = (orgId: Id, year: number, signal?: AbortSignal) =>
  api.get<TAssessmentView>(`/api/standards/orgs/${orgId}/assessment`, { year }, { signal });
export const saveAssessment = (orgId: Id, body: TSelfAssessment) =>
  api.put<TAssessmentView>(`/api/standards/orgs/${orgId}/assessment`, body);
export const submitAssessment = (id: Id, version: number) =>
  api.post<TAssessmentView>(`/api/standards/assessments/${id}/submit`, { version });
export const reviewAssessment = (id: Id, body: TReview) => api.post<TAssessmentView>(`/api/standards/assessments/${id}/review`, body);
export const listAssessments = (q: TAssessmentListQuery, signal?: AbortSignal) =>
  api.get<TAssessmentList>('/api/standards/assessments', q, { signal });
export const getStarHistory = (orgId: Id, signal?: AbortSignal) =>
  api.get<TItems<TStarHistory>>(`/api/standards/orgs/${orgId}/stars`, undefined, { signal });
export const getRatings = (q: TRatingQuery, signal?: AbortSignal) => api.get<TRatingOverview>('/api/standards/ratings', q, { signal });
/** Audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportRatings = (q: TRatingQuery, purpose: string) =>
  download('/api/standards/ratings/export', { ...q, purpose }, 'ratings.xlsx');

export const listWeakOrgs = (q: TWeakListQuery, signal?: AbortSignal) =>
  api.get<TItems<TWeakOrg>>('/api/standards/weak-orgs', q, { signal });
export const getSuggestions = (q: TSuggestionQuery, signal?: AbortSignal) =>
  api.get<TSuggestionList>('/api/standards/weak-orgs/suggestions', q, { signal });
export const nameWeakOrg = (body: TWeakOrgCreate) => api.post<TWeakOrgDetail>('/api/standards/weak-orgs', body);
export const getWeakOrg = (id: Id, signal?: AbortSignal) =>
  api.get<TWeakOrgDetail>(`/api/standards/weak-orgs/${id}`, undefined, { signal });
export const addRectTask = (id: Id, body: TRectTaskCreate) => api.post<TWeakOrgDetail>(`/api/standards/weak-orgs/${id}/tasks`, body);
export const reportRectProgress = (taskId: Id, body: TRectTaskProgress) =>
  api.patch<TWeakOrgDetail>(`/api/standards/rectification-tasks/${taskId}`, body);
export const acceptWeakOrg = (id: Id, note?: string) => api.post<TWeakOrgDetail>(`/api/standards/weak-orgs/${id}/accept`, { note });

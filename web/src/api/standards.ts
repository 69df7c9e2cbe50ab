// Branch standards API (server/modules/standards): checklists, assessments, star ratings, weak organizations.
import { api, download } from './client';
import type { DateString, Id, Timestamp } from './types';
import type { ScoreSheet, StandardItem, StarThreshold, WeakReason } from '../../../domain/rules/standards';

export type AssessmentStatus = 'draft' | 'submitted' | 'reviewed' | 'returned';
export type RatingStatus = AssessmentStatus | 'none';

export interface Checklist {
  id: Id; name: string; effectiveFrom: DateString; createdAt: Timestamp; createdBy: string | null; used: number;
  items: StandardItem[]; starThresholds: StarThreshold[];
}
export interface Assessment {
  id: Id; status: AssessmentStatus; selfScores: ScoreSheet; selfTotal: number | null; selfNote: string | null;
  submittedBy: string | null; submittedAt: Timestamp | null;
  reviewScores: ScoreSheet | null; reviewTotal: number | null; reviewNote: string | null; stars: number | null;
  reviewedBy: string | null; reviewerOrgName: string | null; reviewedAt: Timestamp | null; version: number;
}
export interface StarHistory { year: number; stars: number; ratedOn: DateString; ratedByOrgName: string | null; reviewTotal: number | null }
export interface AssessmentView {
  org: { id: Id; name: string; kind: string }; year: number; checklist: Checklist; assessment: Assessment | null;
  canEdit: boolean; canReview: boolean; history: StarHistory[];
}
export interface AssessmentRow {
  id: Id; orgId: Id; orgName: string; parentName: string | null; year: number; status: AssessmentStatus;
  selfTotal: number | null; reviewTotal: number | null; stars: number | null; submittedAt: Timestamp | null; canReview: boolean;
}
export type StarCounts = Record<1 | 2 | 3 | 4 | 5, number> & { unrated: number };
export interface RatingOverview {
  year: number; branches: number; counts: StarCounts; statusCounts: Record<RatingStatus, number>;
  byChild: (StarCounts & { orgId: Id; name: string })[];
  items: { orgId: Id; orgName: string; parentName: string | null; status: RatingStatus; selfTotal: number | null; reviewTotal: number | null; stars: number | null; history: { year: number; stars: number }[] }[];
  truncated: boolean;
}
export interface RectTask {
  id: Id; title: string; measure: string | null; owner: string; dueOn: DateString; progress: number; status: 'open' | 'done';
  doneOn: DateString | null; note: string | null; updatedAt: Timestamp; overdue: boolean;
}
export interface WeakOrg {
  id: Id; orgId: Id; orgName: string; parentName: string | null; year: number; reasons: WeakReason[]; note: string | null;
  identifiedOn: DateString; identifiedOrgName: string | null; status: 'rectifying' | 'rectified'; rectifiedOn: DateString | null; acceptedBy: string | null;
  tasks: number; done: number; progress: number; overdue: number; canAccept: boolean; canUpdate: boolean;
}
export interface WeakOrgDetail extends WeakOrg { items: RectTask[] }
export interface Suggestion { orgId: Id; orgName: string; parentName: string | null; suggestions: { kind: string; reason: WeakReason; text: string }[] }

export type ScoreInput = Record<string, { score?: number | null; note?: string }>;
export interface ChecklistInput { name: string; effectiveFrom: DateString; items: StandardItem[]; starThresholds: StarThreshold[] }

export const listChecklists = (signal?: AbortSignal) => api.get<{ items: Checklist[] }>('/api/standards/checklists', undefined, { signal });
export const createChecklist = (body: ChecklistInput) => api.post<{ items: Checklist[] }>('/api/standards/checklists', body);
export const getAssessment = (orgId: Id, year: number, signal?: AbortSignal) =>
  api.get<AssessmentView>(`/api/standards/orgs/${orgId}/assessment`, { year }, { signal });
export const saveAssessment = (orgId: Id, body: { year: number; scores: ScoreInput; note?: string; version?: number }) =>
  api.put<AssessmentView>(`/api/standards/orgs/${orgId}/assessment`, body);
export const submitAssessment = (id: Id, version: number) => api.post<AssessmentView>(`/api/standards/assessments/${id}/submit`, { version });
export const reviewAssessment = (id: Id, body: { decision: 'rate' | 'return'; scores?: ScoreInput; note?: string; version: number }) =>
  api.post<AssessmentView>(`/api/standards/assessments/${id}/review`, body);
export const listAssessments = (q: { orgId?: Id; year: number; status?: AssessmentStatus }, signal?: AbortSignal) =>
  api.get<{ items: AssessmentRow[]; truncated: boolean }>('/api/standards/assessments', q, { signal });
export const getStarHistory = (orgId: Id, signal?: AbortSignal) => api.get<{ items: StarHistory[] }>(`/api/standards/orgs/${orgId}/stars`, undefined, { signal });
export const getRatings = (q: { orgId?: Id; year: number; stars?: number; status?: RatingStatus }, signal?: AbortSignal) =>
  api.get<RatingOverview>('/api/standards/ratings', q, { signal });
/** Audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportRatings = (q: { orgId?: Id; year: number; stars?: number; status?: RatingStatus }, purpose: string) =>
  download('/api/standards/ratings/export', { ...q, purpose }, 'ratings.xlsx');

export const listWeakOrgs = (q: { orgId?: Id; year?: number; status?: 'rectifying' | 'rectified' }, signal?: AbortSignal) =>
  api.get<{ items: WeakOrg[] }>('/api/standards/weak-orgs', q, { signal });
export const getSuggestions = (q: { orgId?: Id; year: number }, signal?: AbortSignal) =>
  api.get<{ year: number; items: Suggestion[]; truncated: boolean }>('/api/standards/weak-orgs/suggestions', q, { signal });
export const nameWeakOrg = (body: { orgId: Id; year: number; reasons: WeakReason[]; note?: string }) => api.post<WeakOrgDetail>('/api/standards/weak-orgs', body);
export const getWeakOrg = (id: Id, signal?: AbortSignal) => api.get<WeakOrgDetail>(`/api/standards/weak-orgs/${id}`, undefined, { signal });
export const addRectTask = (id: Id, body: { title: string; measure?: string; owner: string; dueOn: DateString }) =>
  api.post<WeakOrgDetail>(`/api/standards/weak-orgs/${id}/tasks`, body);
export const reportRectProgress = (taskId: Id, body: { progress: number; note?: string }) =>
  api.patch<WeakOrgDetail>(`/api/standards/rectification-tasks/${taskId}`, body);
export const acceptWeakOrg = (id: Id, note?: string) => api.post<WeakOrgDetail>(`/api/standards/weak-orgs/${id}/accept`, { note });

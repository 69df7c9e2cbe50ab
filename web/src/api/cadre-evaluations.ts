// 民主测评 API (server/modules/cadre-evaluations); shapes from domain/schemas. The voters' calls need no
// session: the code is the only credential, sent in the body.
import { api, download } from './client';
import type { Id } from './types';
import type {
  TEvaluationCodes,
  TEvaluationCodesRequest,
  TEvaluationCreate,
  TEvaluationDetail,
  TEvaluationList,
  TEvaluationListItem,
  TEvaluationResults,
  TEvaluationStatus,
  TEvaluationTeams,
  TPublicBallot,
  TPublicVote,
  TTally,
} from '../../../domain/schemas/cadre-evaluations';

export type {
  TEvaluationCodes,
  TEvaluationCreate,
  TEvaluationDetail,
  TEvaluationListItem,
  TEvaluationResults,
  TEvaluationStatus,
  TEvaluationTeams,
  TPublicBallot,
  TTally,
};

const base = '/api/cadre-evaluations';
export const listEvaluations = (signal?: AbortSignal) => api.get<TEvaluationList>(base, undefined, { signal });
export const evaluationTeams = (signal?: AbortSignal) => api.get<TEvaluationTeams>(`${base}/teams`, undefined, { signal });
export const createEvaluation = (body: TEvaluationCreate) => api.post<TEvaluationDetail>(base, body);
export const getEvaluation = (id: Id, signal?: AbortSignal) => api.get<TEvaluationDetail>(`${base}/${id}`, undefined, { signal });
export const generateCodes = (id: Id, body: TEvaluationCodesRequest) => api.post<TEvaluationCodes>(`${base}/${id}/codes`, body);
export const openEvaluation = (id: Id) => api.post<TEvaluationDetail>(`${base}/${id}/open`);
export const closeEvaluation = (id: Id) => api.post<TEvaluationDetail>(`${base}/${id}/close`);
export const evaluationResults = (id: Id, signal?: AbortSignal) =>
  api.get<TEvaluationResults>(`${base}/${id}/results`, undefined, { signal });
/** Audited with its purpose and row count (SECURITY.md 22). */
export const exportResults = (id: Id, purpose: string) => download(`${base}/${id}/export`, { purpose }, 'evaluation.xlsx');

export const publicBallot = (code: string) => api.post<TPublicBallot>('/api/public/evaluations/ballot', { code }, { noAuthRedirect: true });
export const publicVote = (body: TPublicVote) => api.post<{ ok: true }>('/api/public/evaluations/vote', body, { noAuthRedirect: true });

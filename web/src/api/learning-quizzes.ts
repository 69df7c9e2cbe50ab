// Question banks, quizzes and a learner's sittings (server/modules/learning-quizzes); shapes from domain/schemas.
import { api, ApiError, download, errorText } from './client';
import type { Id, TError, TItems } from './types';
import type {
  TAnswers,
  TAttempt,
  TBank,
  TBankCreate,
  TImportReport,
  TMyQuiz,
  TQuestion,
  TQuestionInput,
  TQuestionStats,
  TQuiz,
  TQuizInput,
} from '../../../domain/schemas/learning-quizzes';

export type {
  TAnswers,
  TAttempt,
  TBank,
  TBankCreate,
  TImportReport,
  TMyQuiz,
  TQuestion,
  TQuestionInput,
  TQuestionStats,
  TQuiz,
  TQuizInput,
};
export type { TPaperItem, TShownResponse } from '../../../domain/schemas/learning-quizzes';

const base = '/api/learning';

export const listBanks = (q: { orgId?: Id; q?: string; usable?: boolean }, signal?: AbortSignal) =>
  api.get<TItems<TBank>>(`${base}/banks`, { orgId: q.orgId, q: q.q, usable: q.usable ? 'true' : undefined }, { signal });
export const getBank = (id: Id, signal?: AbortSignal) => api.get<TBank>(`${base}/banks/${id}`, undefined, { signal });
export const createBank = (body: TBankCreate) => api.post<TBank>(`${base}/banks`, body);
export const listQuestions = (
  id: Id,
  q: { type?: string; category?: string; difficulty?: number; q?: string; offset: number; limit: number },
  signal?: AbortSignal,
) => api.get<{ items: TQuestion[]; total: number }>(`${base}/banks/${id}/questions`, q, { signal });
export const addQuestion = (id: Id, body: TQuestionInput) => api.post<TQuestion>(`${base}/banks/${id}/questions`, body);
export const updateQuestion = (id: Id, questionId: Id, body: TQuestionInput) =>
  api.put<TQuestion>(`${base}/banks/${id}/questions/${questionId}`, body);
export const deleteQuestion = (id: Id, questionId: Id) => api.delete(`${base}/banks/${id}/questions/${questionId}`);
export const bankStats = (id: Id, signal?: AbortSignal) => api.get<TQuestionStats>(`${base}/banks/${id}/stats`, undefined, { signal });
export const exportBank = (id: Id, purpose: string) => download(`${base}/banks/${id}/export`, { purpose }, 'bank.xlsx');

/** Uploads a bank file (Excel, GIFT or Aiken); all or nothing, the report lists every bad question. */
export async function importBank(id: Id, format: 'excel' | 'gift' | 'aiken', file: File): Promise<TImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/banks/${id}/import?format=${format}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TImportReport & Partial<TError>) | null;
  if (res.ok && body) return body;
  if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  throw new ApiError(res.status, 'HTTP_ERROR', errorText(null));
}

export const listQuizzes = (q: { status?: string }, signal?: AbortSignal) => api.get<TItems<TQuiz>>(`${base}/quizzes`, q, { signal });
export const getQuiz = (id: Id, signal?: AbortSignal) => api.get<TQuiz>(`${base}/quizzes/${id}`, undefined, { signal });
export const createQuiz = (body: TQuizInput) => api.post<TQuiz>(`${base}/quizzes`, body);
export const updateQuiz = (id: Id, body: TQuizInput) => api.put<TQuiz>(`${base}/quizzes/${id}`, body);
export const publishQuiz = (id: Id) => api.post<TQuiz>(`${base}/quizzes/${id}/publish`);
export const closeQuiz = (id: Id) => api.post<TQuiz>(`${base}/quizzes/${id}/close`);
export const quizStats = (id: Id, signal?: AbortSignal) => api.get<TQuestionStats>(`${base}/quizzes/${id}/stats`, undefined, { signal });

export const myQuizzes = (signal?: AbortSignal) => api.get<TItems<TMyQuiz>>(`${base}/me/quizzes`, undefined, { signal });
export const startAttempt = (quizId: Id) => api.post<TAttempt>(`${base}/me/quizzes/${quizId}/attempts`);
export const getAttempt = (id: Id, signal?: AbortSignal) => api.get<TAttempt>(`${base}/attempts/${id}`, undefined, { signal });
export const saveAnswers = (id: Id, body: TAnswers) => api.put<TAttempt>(`${base}/attempts/${id}/answers`, body);
export const submitAttempt = (id: Id, body: TAnswers) => api.post<TAttempt>(`${base}/attempts/${id}/submit`, body);

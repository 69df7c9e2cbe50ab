// 人才分类认定 from the applicant's side (server/modules/talent/recognition-own-routes.ts): the talent's own
// applications under /api/talent-portal: a draft, its evidence, correcting it, submitting and resubmitting a returned one.
import type {
  TOwnRecognitionCreate,
  TOwnRecognitionRow,
  TRecognition,
  TRecognitionResubmit,
  TRecognitionTierOption,
} from '../../../domain/schemas/talent';
import { api, ApiError } from './client';
import type { Id, TError } from './types';

export type { TOwnRecognitionCreate, TOwnRecognitionRow, TRecognition, TRecognitionResubmit, TRecognitionTierOption };

const base = '/api/talent-portal';

export const recognitionTiers = (signal?: AbortSignal) =>
  api.get<{ items: TRecognitionTierOption[] }>(`${base}/recognition-tiers`, undefined, { signal });
export const myRecognitions = (signal?: AbortSignal) =>
  api.get<{ items: TOwnRecognitionRow[] }>(`${base}/recognitions`, undefined, { signal });
export const myRecognition = (id: Id) => api.get<TRecognition>(`${base}/recognitions/${id}`);
export const applyRecognition = (body: Omit<TOwnRecognitionCreate, 'personId'>) => api.post<TRecognition>(`${base}/recognitions`, body);
export const submitMyRecognition = (id: Id, version: number) => api.post<TRecognition>(`${base}/recognitions/${id}/submit`, { version });
export const resubmitMyRecognition = (id: Id, body: TRecognitionResubmit) =>
  api.post<TRecognition>(`${base}/recognitions/${id}/resubmit`, body);
/** A draft's or returned application's tier, basis and résumé corrected before (re)submitting. */
export const deleteEvidence = (id: Id, documentId: Id) => api.delete<TRecognition>(`${base}/recognitions/${id}/evidence/${documentId}`);

/** One evidence file (multipart: kind and file). */
export async function uploadEvidence(id: Id, kind: string, file: File): Promise<TRecognition> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/recognitions/${id}/evidence`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TRecognition & Partial<TError>) | null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `请求失败（${res.status}）`, e?.field ?? undefined);
  }
  return body as TRecognition;
}

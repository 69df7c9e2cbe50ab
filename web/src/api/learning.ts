// Theory learning's materials, plans and study sessions (server/modules/learning); shapes from domain/schemas.
import { api, ApiError } from './client';
import type { Id } from './types';
import type {
  TFlag,
  THeartbeat,
  THeartbeatResult,
  TMaterialCreate,
  TMaterialDetail,
  TMaterialPage,
  TMaterialQuery,
  TMaterialUpdate,
  TMyPlans,
  TPlan,
  TPlanCreate,
  TPlanProgress,
  TSessionStart,
} from '../../../domain/schemas/learning';

export type {
  TFlag,
  THeartbeatResult,
  TMaterialCreate,
  TMaterialDetail,
  TMaterialPage,
  TMaterialQuery,
  TMyPlans,
  TPlan,
  TPlanCreate,
  TPlanProgress,
  TSessionStart,
};
const base = '/api/learning';
type Query = Partial<Omit<TMaterialQuery, 'limit' | 'offset'>> & { limit?: number; offset?: number };

export const listMaterials = (q: Query, signal?: AbortSignal) => api.get<TMaterialPage>(`${base}/materials`, q, { signal });
export const createMaterial = (m: TMaterialCreate) => api.post<TMaterialDetail>(`${base}/materials`, m);
export const updateMaterial = (id: Id, m: TMaterialUpdate) => api.patch<TMaterialDetail>(`${base}/materials/${id}`, m);
export const getMaterial = (id: Id, signal?: AbortSignal) => api.get<TMaterialDetail>(`${base}/materials/${id}`, undefined, { signal });
export const listPlans = (signal?: AbortSignal) => api.get<{ items: TPlan[] }>(`${base}/plans`, undefined, { signal });
export const createPlan = (p: TPlanCreate) => api.post<TPlan>(`${base}/plans`, p);
export const closePlan = (id: Id) => api.post<TPlan>(`${base}/plans/${id}/close`);
export const getPlanProgress = (id: Id, orgId?: Id, signal?: AbortSignal) =>
  api.get<TPlanProgress>(`${base}/plans/${id}/progress`, { orgId }, { signal });
export const listFlags = (all: boolean, signal?: AbortSignal) =>
  api.get<{ items: TFlag[] }>(`${base}/flags`, all ? { all: '1' } : undefined, { signal });
export const reviewFlag = (id: Id, review: 'cleared' | 'upheld', note: string) =>
  api.post<void>(`${base}/flags/${id}/review`, { review, note });

// The learner's side.
export const getMyPlans = (signal?: AbortSignal) => api.get<TMyPlans>(`${base}/my/plans`, undefined, { signal });
export const listMyMaterials = (q: Query, signal?: AbortSignal) => api.get<TMaterialPage>(`${base}/my/materials`, q, { signal });
export const getMyMaterial = (id: Id, signal?: AbortSignal) =>
  api.get<TMaterialDetail>(`${base}/my/materials/${id}`, undefined, { signal });
export const myMaterialFileUrl = (id: Id) => `${base}/my/materials/${id}/file`;
export const materialFileUrl = (id: Id) => `${base}/materials/${id}/file`;
export const startSession = (materialId: Id) => api.post<TSessionStart>(`${base}/materials/${materialId}/sessions`);
export const sendHeartbeat = (sessionId: Id, b: THeartbeat) => api.post<THeartbeatResult>(`${base}/sessions/${sessionId}/heartbeat`, b);
export const confirmPresence = (sessionId: Id) => api.post<THeartbeatResult>(`${base}/sessions/${sessionId}/presence`);

/** Uploads a material's file (multipart, checked again by the server: type by content, size by kind). */
export async function uploadMaterialFile(id: Id, file: File): Promise<TMaterialDetail> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/materials/${id}/file`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; field: string | null } } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'HTTP_ERROR',
      body?.error?.message ?? `请求失败（${res.status}）`,
      body?.error?.field ?? undefined,
    );
  return body as unknown as TMaterialDetail;
}

// Talent policies, calls, applications and payouts (server/modules/talent-policies): the office's register,
// evaluation, review, payouts and ledger; the applicant's and the employer's own applications. Shapes from
// domain/schemas.
import { api, ApiError, download } from './client';
import type { Id, TError, TItems, TPage } from './types';
import type {
  TApplication,
  TApplicationCorrect,
  TApplicationCreate,
  TApplicationListQuery,
  TApplicationPage,
  TApplicationRow,
  TApplicationStatus,
  TCall,
  TCallCreate,
  TClawback,
  TCondition,
  TDecision,
  TEvaluate,
  TEvaluation,
  TFacts,
  TItem,
  TLedger,
  TLedgerRow,
  TOption,
  TPersonPick,
  TPolicy,
  TPolicyCreate,
  TVersionCreate,
} from '../../../domain/schemas/talent-policies';
import { APPLICATION_STATUSES, POLICY_LEVELS, POLICY_STATUSES } from '../../../domain/schemas/talent-policies';

export type {
  TApplication,
  TApplicationCorrect,
  TApplicationCreate,
  TApplicationRow,
  TApplicationStatus,
  TCall,
  TCallCreate,
  TClawback,
  TCondition,
  TDecision,
  TEvaluate,
  TEvaluation,
  TFacts,
  TItem,
  TLedger,
  TLedgerRow,
  TOption,
  TPersonPick,
  TPolicy,
  TPolicyCreate,
  TVersionCreate,
};
export { APPLICATION_STATUSES, POLICY_LEVELS, POLICY_STATUSES };

/** The list filters (the query without its paging). */
export type ApplicationFilters = Partial<Omit<TApplicationListQuery, 'cursor' | 'limit'>>;

const base = '/api/talent';
/** The applicant's (/my) or the employer's (/employer) own routes. */
export type Side = 'my' | 'employer';

/** The server's numeric keyset cursor as the web's string one (lib/use-keyset.ts). */
const asPage = (p: TApplicationPage): TPage<TApplicationRow> & { total: number } => ({
  items: p.items,
  nextCursor: p.nextCursor === null ? null : String(p.nextCursor),
  total: p.total,
});

// —— the register and its evaluation ——
export const listPolicies = (signal?: AbortSignal) => api.get<TItems<TPolicy>>(`${base}/policies`, undefined, { signal });
export const createPolicy = (body: TPolicyCreate) => api.post<TPolicy>(`${base}/policies`, body);
export const addVersion = (itemId: Id, body: TVersionCreate) => api.post<TPolicy>(`${base}/policy-items/${itemId}/versions`, body);
export const evaluatePolicy = (policyId: Id, body: TEvaluate) => api.post<TEvaluation>(`${base}/policies/${policyId}/evaluate`, body);
export const pickPeople = (q: string, signal?: AbortSignal) => api.get<TItems<TPersonPick>>(`${base}/policy-people`, { q }, { signal });

// —— calls and applications (the office) ——
export const listCalls = (signal?: AbortSignal) => api.get<TItems<TCall>>(`${base}/calls`, undefined, { signal });
export const createCall = (body: TCallCreate) => api.post<TCall>(`${base}/calls`, body);
export const listApplications = async (f: ApplicationFilters, cursor?: string) =>
  asPage(await api.get<TApplicationPage>(`${base}/applications`, { ...f, cursor, limit: 50 }));
export const getApplication = (id: Id, signal?: AbortSignal) => api.get<TApplication>(`${base}/applications/${id}`, undefined, { signal });
export const reviewApplication = (id: Id, body: TDecision) => api.post<TApplication>(`${base}/applications/${id}/review`, body);
export const addObjection = (id: Id, body: { receivedOn: string; content: string }) =>
  api.post<TApplication>(`${base}/applications/${id}/objections`, body);
export const handleObjection = (id: Id, objectionId: Id, body: { outcome: 'upheld' | 'dismissed'; handling: string }) =>
  api.post<TApplication>(`${base}/applications/${id}/objections/${objectionId}`, body);
export const approveApplication = (id: Id, reason: string) => api.post<TApplication>(`${base}/applications/${id}/approve`, { reason });
export const releasePayout = (id: Id, payoutId: Id, body: { onJob: boolean; checkedOn: string; note: string }) =>
  api.post<TApplication>(`${base}/applications/${id}/payouts/${payoutId}/release`, body);
export const clawBack = (id: Id, body: TClawback) => api.post<TApplication>(`${base}/applications/${id}/clawback`, body);
export const attachmentUrl = (side: Side | 'staff', id: Id, attachmentId: Id) =>
  `${side === 'staff' ? base : `${base}/${side}`}/applications/${id}/attachments/${attachmentId}`;
export const listDistricts = (signal?: AbortSignal) => api.get<TItems<TOption>>(`${base}/districts`, undefined, { signal });
export const listEmployers = (signal?: AbortSignal) => api.get<TItems<TOption>>(`${base}/employers`, undefined, { signal });

// —— the payouts and clawbacks ledger ——
export const getLedger = (f: { from?: string; to?: string }, signal?: AbortSignal) => api.get<TLedger>(`${base}/ledger`, f, { signal });
export const exportLedger = (f: { from?: string; to?: string }, purpose: string) =>
  download(`${base}/ledger/export`, { ...f, purpose }, 'ledger.xlsx');

// —— the applicant's and the employer's own ——
export const listOpenCalls = (side: Side, signal?: AbortSignal) => api.get<TItems<TCall>>(`${base}/${side}/calls`, undefined, { signal });
export const listOwnApplications = (side: Side, signal?: AbortSignal) =>
  api.get<TApplicationPage>(`${base}/${side}/applications`, { limit: 200 }, { signal });
export const getOwnApplication = (side: Side, id: Id, signal?: AbortSignal) =>
  api.get<TApplication>(`${base}/${side}/applications/${id}`, undefined, { signal });
export const createOwnApplication = (side: Side, body: TApplicationCreate) => api.post<TApplication>(`${base}/${side}/applications`, body);
export const correctOwnApplication = (side: Side, id: Id, body: TApplicationCorrect) =>
  api.patch<TApplication>(`${base}/${side}/applications/${id}`, body);
export const submitOwnApplication = (side: Side, id: Id) => api.post<TApplication>(`${base}/${side}/applications/${id}/submit`, {});
export const withdrawOwnApplication = (side: Side, id: Id, reason: string) =>
  api.post<TApplication>(`${base}/${side}/applications/${id}/withdraw`, { reason });
export const employerReview = (id: Id, body: TDecision) => api.post<TApplication>(`${base}/employer/applications/${id}/review`, body);

/** One evidence file (multipart: kind and file). */
export async function uploadAttachment(side: Side, id: Id, kind: string, file: File): Promise<TApplication> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/${side}/applications/${id}/attachments`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TApplication & Partial<TError>) | null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `请求失败（${res.status}）`, e?.field ?? undefined);
  }
  return body as TApplication;
}

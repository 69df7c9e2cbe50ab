// 柔性引才 agreements (server/modules/talent-agreements) and the talent evaluation's indicator sets and yearly
// bands (server/modules/talent-evaluations). Shapes from domain/schemas only.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  TAgreement,
  TAgreementCreate,
  TAgreementEnd,
  TAgreementForm,
  TAgreementListQuery,
  TAgreementPage,
  TAgreementRenew,
  TAgreementRow,
  TAgreementStatus,
  TDeliverable,
  TDeliverableCreate,
  TDeliverableDecide,
  TOnsiteDays,
} from '../../../domain/schemas/talent-agreements';
import { AGREEMENT_FORMS, AGREEMENT_STATUSES } from '../../../domain/schemas/talent-agreements';
import type { TEvaluationSummary, TIndicatorSet, TIndicatorSetCreate } from '../../../domain/schemas/talent-evaluations';
import { INDICATOR_KINDS } from '../../../domain/schemas/talent-evaluations';
import type { TTalentEmployerOption, TTalentPage } from '../../../domain/schemas/talent';

export type {
  TAgreement,
  TAgreementCreate,
  TAgreementEnd,
  TAgreementForm,
  TAgreementPage,
  TAgreementRenew,
  TAgreementRow,
  TAgreementStatus,
  TDeliverable,
  TDeliverableCreate,
  TDeliverableDecide,
  TEvaluationSummary,
  TIndicatorSet,
  TIndicatorSetCreate,
  TOnsiteDays,
  TTalentEmployerOption,
};
export { AGREEMENT_FORMS, AGREEMENT_STATUSES, INDICATOR_KINDS };

/** The list filters (the query without its paging). */
export type AgreementFilters = Partial<Omit<TAgreementListQuery, 'limit' | 'offset'>>;

const base = '/api/talent/agreements';
const own = '/api/talent/employer/agreements';

// —— the talent office ——
export const listAgreements = (f: AgreementFilters, signal?: AbortSignal) =>
  api.get<TAgreementPage>(base, { ...f, limit: 500 }, { signal });
export const getAgreement = (id: Id, signal?: AbortSignal) => api.get<TAgreement>(`${base}/${id}`, undefined, { signal });
export const createAgreement = (body: TAgreementCreate) => api.post<TAgreement>(base, body);
export const recordDays = (id: Id, body: TOnsiteDays) => api.post<TAgreement>(`${base}/${id}/days`, body);
export const addDeliverable = (id: Id, body: TDeliverableCreate) => api.post<TAgreement>(`${base}/${id}/deliverables`, body);
export const decideDeliverable = (id: Id, deliverableId: Id, body: TDeliverableDecide) =>
  api.post<TAgreement>(`${base}/${id}/deliverables/${deliverableId}/decision`, body);
export const endAgreement = (id: Id, body: TAgreementEnd) => api.post<TAgreement>(`${base}/${id}/end`, body);
export const renewAgreement = (id: Id, body: TAgreementRenew) => api.post<TAgreement>(`${base}/${id}/renew`, body);
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportAgreements = (f: AgreementFilters, purpose: string) => download(`${base}/export`, { ...f, purpose }, 'agreements.xlsx');
export const listEmployers = (signal?: AbortSignal) =>
  api.get<TItems<TTalentEmployerOption>>('/api/talent/employers', undefined, { signal });
export const searchPeople = (q: string) => api.get<TTalentPage>('/api/talent/people', { q, limit: 20 });

// —— the employer's own ——
export const listOwnAgreements = (signal?: AbortSignal) => api.get<TAgreementPage>(own, { limit: 500 }, { signal });
export const getOwnAgreement = (id: Id, signal?: AbortSignal) => api.get<TAgreement>(`${own}/${id}`, undefined, { signal });
export const recordOwnDays = (id: Id, body: TOnsiteDays) => api.post<TAgreement>(`${own}/${id}/days`, body);

// —— the evaluation's indicators and yearly bands ——
export const listIndicatorSets = (signal?: AbortSignal) => api.get<TItems<TIndicatorSet>>('/api/talent/indicators', undefined, { signal });
export const createIndicatorSet = (body: TIndicatorSetCreate) => api.post<TItems<TIndicatorSet>>('/api/talent/indicators', body);
export const getEvaluationSummary = (signal?: AbortSignal) =>
  api.get<TEvaluationSummary>('/api/talent/evaluations/summary', undefined, { signal });

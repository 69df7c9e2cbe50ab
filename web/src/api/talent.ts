// The talent registry and 人才分类认定 (server/modules/talent): the list and its export, a person's page,
// create and edit, the card (grant, renew, PDF), the structure, tier sets, the 认定 workflow for the office
// and the expert's own queue. Shapes from domain/schemas.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  TCardIssue,
  TExpertAccount,
  TExpertAssign,
  TExpertScore,
  TObjection,
  TPublicityEnd,
  TRecognition,
  TRecognitionCreate,
  TRecognitionDecide,
  TRecognitionListQuery,
  TRecognitionResubmit,
  TRecognitionRow,
  TStructure,
  TTalent,
  TTalentCreate,
  TTalentFilter,
  TTalentPage,
  TTalentPanel,
  TTalentRow,
  TTalentUpdate,
  TTierSet,
  TTierSetCreate,
} from '../../../domain/schemas/talent';
import { RECOGNITION_STATUSES, RECRUITMENTS, STRUCTURE_DIMENSIONS } from '../../../domain/schemas/talent';
import type { TLinkCandidate } from '../../../domain/schemas/talent-link';
import { CARD_STATES, cardState, type CardState } from '../../../domain/rules/talent-card';

export type {
  CardState,
  TLinkCandidate,
  TCardIssue,
  TExpertAccount,
  TExpertScore,
  TRecognition,
  TRecognitionCreate,
  TRecognitionDecide,
  TRecognitionRow,
  TStructure,
  TTalent,
  TTalentCreate,
  TTalentFilter,
  TTalentPanel,
  TTalentRow,
  TTalentUpdate,
  TTierSet,
  TTierSetCreate,
};
export { CARD_STATES, RECOGNITION_STATUSES, RECRUITMENTS, STRUCTURE_DIMENSIONS, cardState };

const base = '/api/talent';

// —— the registry ——
export const listTalents = (f: TTalentFilter, cursor?: string, limit = 50) =>
  api.get<TTalentPage>(`${base}/people`, { ...f, cursor, limit });
export const getTalent = (id: Id, signal?: AbortSignal) => api.get<TTalent>(`${base}/people/${id}`, undefined, { signal });
export const createTalent = (body: TTalentCreate) => api.post<TTalent>(`${base}/people`, body);
/** Party members and cadres to link a talent to, by name or pinyin initials (within the officer's scope). */
export const searchLinkCandidates = (q: string) => api.get<TItems<TLinkCandidate>>(`${base}/link-candidates`, { q });
export const updateTalent = (id: Id, body: TTalentUpdate) => api.put<TTalent>(`${base}/people/${id}`, body);
export const issueCard = (id: Id, body: TCardIssue) => api.post<TTalent>(`${base}/people/${id}/card`, body);
/** A person's document, or a recognition's evidence (the office, the assigned expert): audited by the server. */
export const downloadPersonDocument = (personId: Id, documentId: Id, name: string) =>
  download(`${base}/people/${personId}/documents/${documentId}`, {}, name);
export const downloadEvidence = (recognitionId: Id, documentId: Id, name: string, asExpert = false) =>
  download(`${base}${asExpert ? '/expert' : ''}/recognitions/${recognitionId}/documents/${documentId}`, {}, name);
export const downloadCard = (id: Id) => download(`${base}/people/${id}/card.pdf`, {}, 'card.pdf');
export const exportTalents = (f: TTalentFilter, purpose: string) => download(`${base}/export`, { ...f, purpose }, 'talents.xlsx');
export const getStructure = (by: TStructure['by'], signal?: AbortSignal) => api.get<TStructure>(`${base}/structure`, { by }, { signal });
export const listTierSets = (signal?: AbortSignal) => api.get<TItems<TTierSet>>(`${base}/tier-sets`, undefined, { signal });
export const createTierSet = (body: TTierSetCreate) => api.post<TItems<TTierSet>>(`${base}/tier-sets`, body);
export const listEmployers = (signal?: AbortSignal) =>
  api.get<TItems<{ id: Id; name: string; districtOrgId: Id; districtName: string; industry: string; kind: string }>>(
    `${base}/employers`,
    undefined,
    { signal },
  );
export const listDistricts = (signal?: AbortSignal) =>
  api.get<TItems<{ id: Id; name: string }>>(`${base}/districts`, undefined, { signal });
export const getTalentPanel = (orgId: Id, signal?: AbortSignal) => api.get<TTalentPanel>('/api/dashboard/talent', { orgId }, { signal });

// —— 人才分类认定 (the office) ——
export const listRecognitions = (f: TRecognitionListQuery, signal?: AbortSignal) =>
  api.get<TItems<TRecognitionRow>>(`${base}/recognitions`, f, { signal });
export const getRecognition = (id: Id, signal?: AbortSignal) => api.get<TRecognition>(`${base}/recognitions/${id}`, undefined, { signal });
export const createRecognition = (body: TRecognitionCreate) => api.post<TRecognition>(`${base}/recognitions`, body);
export const decideRecognition = (id: Id, body: TRecognitionDecide) => api.post<TRecognition>(`${base}/recognitions/${id}/decide`, body);
export const assignExperts = (id: Id, body: TExpertAssign) => api.post<TRecognition>(`${base}/recognitions/${id}/experts`, body);
export const recordObjection = (id: Id, body: TObjection) => api.post<TRecognition>(`${base}/recognitions/${id}/objections`, body);
export const endPublicity = (id: Id, body: TPublicityEnd) => api.post<TRecognition>(`${base}/recognitions/${id}/publicity-end`, body);
export const resubmitRecognition = (id: Id, body: TRecognitionResubmit) =>
  api.post<TRecognition>(`${base}/recognitions/${id}/resubmit`, body);
export const listExperts = (signal?: AbortSignal) => api.get<TItems<TExpertAccount>>(`${base}/experts`, undefined, { signal });

// —— an expert's own ——
export const listMyReviews = (signal?: AbortSignal) =>
  api.get<TItems<TRecognitionRow>>(`${base}/expert/recognitions`, undefined, { signal });
export const getMyReview = (id: Id, signal?: AbortSignal) =>
  api.get<TRecognition>(`${base}/expert/recognitions/${id}`, undefined, { signal });
export const scoreMyReview = (id: Id, body: TExpertScore) => api.post<TRecognition>(`${base}/expert/recognitions/${id}/score`, body);

// Cadre selection (选拔任用) API (server/modules/cadre-selections); shapes from domain/schemas.
import type { z } from 'zod';
import { api, download } from './client';
import type { Id } from './types';
import type {
  TSelection,
  TSelectionSummary,
  TCandidate,
  TSelectionCreate,
  TRecommendationInput,
  TInspectionInput,
  TMeetingInput,
  TPublicityPreview,
  ZFourMustSchema,
  ZOverrideSchema,
  ZAvoidanceDecisionSchema,
  ZPublicityInput,
  ZObjectionSchema,
  ZObjectionHandleSchema,
  ZAppointInput,
  ZProbationSchema,
  ZSelectionCreateSchema,
  ZRecommendationSchema,
  ZStopSchema,
  ZApplicantSignUpSchema,
  ZApplicantReviewSchema,
  ZApplicantScoresSchema,
  ZApplicantChooseSchema,
  ZAvoidanceCheckSchema,
  TAvoidanceCheckResult,
  TEligibleForPost,
  TApplicant,
} from '../../../domain/schemas/cadre-selections';
import type { SelectionStep } from '../../../domain/rules/cadre-selection';

export type {
  TSelection,
  TSelectionSummary,
  TCandidate,
  TSelectionCreate,
  TRecommendationInput,
  TInspectionInput,
  TMeetingInput,
  TPublicityPreview,
  TAvoidanceCheckResult,
  TEligibleForPost,
  TApplicant,
};

const base = '/api/cadre-selections';
const step =
  <B>(path: string) =>
  (id: Id, body: B) =>
    api.post<TSelection>(`${base}/${id}/${path}`, body);

export const listSelections = (f: { status?: string; step?: SelectionStep }, signal?: AbortSignal) =>
  api.get<{ items: TSelectionSummary[] }>(base, { ...f }, { signal });
export const getSelection = (id: Id, signal?: AbortSignal) => api.get<TSelection>(`${base}/${id}`, undefined, { signal });
export const createSelection = (body: z.input<typeof ZSelectionCreateSchema>) => api.post<TSelection>(base, body);
export const pick = (kind: 'post' | 'cadre', q?: string) =>
  api.get<{ items: { id: number; label: string }[] }>(`${base}/picker`, { kind, q });
export const publicityPreview = (startOn: string) => api.get<TPublicityPreview>(`${base}/publicity-preview`, { startOn });

export const recordRecommendation = step<z.input<typeof ZRecommendationSchema>>('recommendation');
export const recordInspection = step<TInspectionInput>('inspection');
export const closeFourMust = step<z.input<typeof ZFourMustSchema>>('four-musts');
export const overrideFinding = step<z.input<typeof ZOverrideSchema>>('override');
export const decideAvoidance = step<z.input<typeof ZAvoidanceDecisionSchema>>('avoidance');
export const recordMeeting = step<TMeetingInput>('meeting');
export const recordPublicity = step<z.input<typeof ZPublicityInput>>('publicity');
export const recordObjection = step<z.input<typeof ZObjectionSchema>>('objections');
export const handleObjection = step<z.input<typeof ZObjectionHandleSchema>>('objections/handle');
export const advanceSelection = step<{ to: SelectionStep; version: number }>('advance');
export const appoint = step<z.input<typeof ZAppointInput>>('appoint');
export const endProbation = step<z.input<typeof ZProbationSchema>>('probation');
export const stopSelection = step<z.input<typeof ZStopSchema>>('stop');
export const signUpApplicant = step<z.input<typeof ZApplicantSignUpSchema>>('applicants');
export const reviewApplicant = step<z.input<typeof ZApplicantReviewSchema>>('applicants/review');
export const scoreApplicant = step<z.input<typeof ZApplicantScoresSchema>>('applicants/scores');
export const chooseApplicants = step<z.input<typeof ZApplicantChooseSchema>>('applicants/choose');
export const checkAvoidance = (body: z.input<typeof ZAvoidanceCheckSchema>) =>
  api.post<TAvoidanceCheckResult>(`${base}/avoidance-check`, body);
export const eligibleForPost = (postId: Id, signal?: AbortSignal) => api.get<TEligibleForPost>(`${base}/eligible`, { postId }, { signal });

export const downloadRecord = (id: Id) => download(`${base}/${id}/record.pdf`, {}, 'record.pdf');
export const downloadPacket = (id: Id) => download(`${base}/${id}/packet.pdf`, {}, 'packet.pdf');

// The 能上能下, young-cadre pool and supervision API (server/modules/cadre-supervision); shapes from domain/schemas.
// Every write answers with the cadre's records, so the page shows them at once.
import { api, download } from './client';
import type { Id, TItems } from './types';
import type {
  SUPERVISION_LISTS,
  TAdjustmentCreate,
  TPartTime,
  TPassportIn,
  TPassportOut,
  TPoolEnter,
  TPoolEntry,
  TPoolLeave,
  TPoolNoteIn,
  TPoolPlanIn,
  TReport,
  TSituations,
  TSupervisionRecords,
  TTripApply,
  TTripDecide,
  TTripPassport,
} from '../../../domain/schemas/cadre-supervision';
import type { ZCadreHitSchema } from '../../../domain/schemas/cadre-assessments';
import type { z } from 'zod';

export type { TPoolEntry, TSupervisionRecords, TSituations };
export type TSupervisionList = (typeof SUPERVISION_LISTS)[number];
type R = Promise<TSupervisionRecords>;
const base = '/api/cadre-supervision';
export const listPool = (all: boolean, signal?: AbortSignal) =>
  api.get<TItems<TPoolEntry>>(`${base}/pool`, all ? { all: 'true' } : undefined, { signal });
export const getSupervisionRecords = (id: Id, signal?: AbortSignal) =>
  api.get<TSupervisionRecords>(`${base}/cadres/${id}`, undefined, { signal });
/** Cadres by name or pinyin initials (the assessments' finder), to open one's supervision records. */
export const findCadres = (q: string, signal?: AbortSignal) =>
  api.get<TItems<z.infer<typeof ZCadreHitSchema>>>('/api/cadre-assessments/cadres', { q }, { signal });
export const getSituations = (signal?: AbortSignal) => api.get<TSituations>(`${base}/situations`, undefined, { signal });

export const recordAdjustment = (cadreId: Id, b: TAdjustmentCreate): R => api.post(`${base}/cadres/${cadreId}/adjustments`, b);
export const recordReport = (cadreId: Id, b: TReport): R => api.put(`${base}/cadres/${cadreId}/reports`, b);
export const handInPassport = (cadreId: Id, b: TPassportIn): R => api.post(`${base}/cadres/${cadreId}/passports`, b);
export const takeOutPassport = (passportId: Id, b: TPassportOut): R => api.post(`${base}/passports/${passportId}/take-out`, b);
export const returnPassport = (passportId: Id, returnedOn: string): R => api.post(`${base}/passports/${passportId}/return`, { returnedOn });
export const recordPartTime = (cadreId: Id, b: TPartTime): R => api.post(`${base}/cadres/${cadreId}/part-time`, b);
export const applyTrip = (cadreId: Id, b: TTripApply): R => api.post(`${base}/cadres/${cadreId}/trips`, b);
export const decideTrip = (tripId: Id, b: TTripDecide): R => api.post(`${base}/trips/${tripId}/decision`, b);
export const takeOutForTrip = (tripId: Id, b: TTripPassport): R => api.post(`${base}/trips/${tripId}/passport`, b);
export const tripBack = (tripId: Id, cameBackOn: string): R => api.post(`${base}/trips/${tripId}/back`, { cameBackOn });
export const enterPool = (cadreId: Id, b: TPoolEnter): R => api.post(`${base}/cadres/${cadreId}/pool`, b);
export const leavePool = (entryId: Id, b: TPoolLeave): R => api.post(`${base}/pool/${entryId}/leave`, b);
export const addPoolPlan = (entryId: Id, b: TPoolPlanIn): R => api.post(`${base}/pool/${entryId}/plans`, b);
export const addPoolNote = (entryId: Id, b: TPoolNoteIn): R => api.post(`${base}/pool/${entryId}/notes`, b);

export const exportSupervisionList = (list: TSupervisionList, purpose: string) =>
  download(`${base}/export`, { list, purpose }, `${list}.xlsx`);
export const downloadPoolForms = (ids: readonly Id[], format: 'pdf' | 'docx', purpose: string) =>
  download(`${base}/pool/forms`, { ids: ids.join(','), format, purpose }, 'forms.zip');

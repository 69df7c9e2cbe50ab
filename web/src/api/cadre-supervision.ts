// The 能上能下, young-cadre pool and supervision API (server/modules/cadre-supervision); shapes from domain/schemas.
import { api } from './client';
import type { Id, TItems } from './types';
import type { TPoolEntry, TSupervisionRecords } from '../../../domain/schemas/cadre-supervision';

export type { TPoolEntry, TSupervisionRecords };
const base = '/api/cadre-supervision';
export const listPool = (all: boolean, signal?: AbortSignal) =>
  api.get<TItems<TPoolEntry>>(`${base}/pool`, all ? { all: 'true' } : undefined, { signal });
export const getSupervisionRecords = (id: Id, signal?: AbortSignal) =>
  api.get<TSupervisionRecords>(`${base}/cadres/${id}`, undefined, { signal });

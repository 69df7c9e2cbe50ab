// Organizational-life compliance monitor and its rule versions (server/modules/org-life); shapes from domain/schemas.
import { api, download } from './client';
import type { Id } from './types';
import type {
  TCheck,
  TCompliance,
  TComplianceRow,
  TMissingList,
  TPeriodQuery,
  TRuleVersion,
  TRuleVersionInput,
  TRuleVersions,
  TUnitCompliance,
} from '../../../domain/schemas/org-life';

export type {
  TCheck,
  TCompliance,
  TComplianceRow,
  TMissingList,
  TPeriodQuery,
  TRuleVersion,
  TRuleVersionInput,
  TRuleVersions,
  TUnitCompliance,
};

export const getCompliance = (orgId: Id, q: TPeriodQuery, signal?: AbortSignal) =>
  api.get<TCompliance>('/api/org-life/compliance', { orgId, ...q }, { signal });
export const getUnitCompliance = (orgId: Id, q: TPeriodQuery, signal?: AbortSignal) =>
  api.get<TUnitCompliance>(`/api/org-life/compliance/unit/${orgId}`, { ...q }, { signal });
export const getMissing = (orgId: Id, q: TPeriodQuery, offset: number, limit: number, signal?: AbortSignal) =>
  api.get<TMissingList>('/api/org-life/compliance/missing', { orgId, ...q, offset, limit }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportMissing = (orgId: Id, q: TPeriodQuery, purpose: string) =>
  download('/api/org-life/compliance/missing/export', { orgId, ...q, purpose }, 'compliance.xlsx');
export const getRuleVersions = (signal?: AbortSignal) => api.get<TRuleVersions>('/api/org-life/rules', undefined, { signal });
/** Replaces the city's own versions (the built-in 2018 set is not sent). */
export const putRuleVersions = (versions: TRuleVersionInput[]) => api.put<TRuleVersions>('/api/org-life/rules', { versions });

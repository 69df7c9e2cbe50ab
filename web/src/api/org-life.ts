// Organizational-life compliance monitor and its rule versions (server/modules/org-life).
import { api, download } from './client';
import type { Id } from './types';
import type { PeriodKind } from '../../../domain/rules/org-life';
import type { TCompliance, TComplianceRow, TMissingList, TRuleVersionInput, TRuleVersions, TUnitCompliance } from '../../../domain/schemas/org-life';

export type Compliance = TCompliance;
export type ComplianceRow = TComplianceRow;
export type UnitCompliance = TUnitCompliance;
export type ComplianceCheck = TUnitCompliance['checks'][number];
export type MissingList = TMissingList;
export type RuleVersions = TRuleVersions;
export type RuleVersion = TRuleVersions['versions'][number];
export type RuleVersionInput = TRuleVersionInput;

export interface PeriodQuery { period: PeriodKind; key: string }

export const getCompliance = (orgId: Id, q: PeriodQuery, signal?: AbortSignal) =>
  api.get<Compliance>('/api/org-life/compliance', { orgId, ...q }, { signal });
export const getUnitCompliance = (orgId: Id, q: PeriodQuery, signal?: AbortSignal) =>
  api.get<UnitCompliance>(`/api/org-life/compliance/unit/${orgId}`, { ...q }, { signal });
export const getMissing = (orgId: Id, q: PeriodQuery, offset: number, limit: number, signal?: AbortSignal) =>
  api.get<MissingList>('/api/org-life/compliance/missing', { orgId, ...q, offset, limit }, { signal });
/** The export is audited with its purpose, filter and row count (SECURITY.md 22). */
export const exportMissing = (orgId: Id, q: PeriodQuery, purpose: string) =>
  download('/api/org-life/compliance/missing/export', { orgId, ...q, purpose }, 'compliance.xlsx');
export const getRuleVersions = (signal?: AbortSignal) => api.get<RuleVersions>('/api/org-life/rules', undefined, { signal });
/** Replaces the city's own versions (the built-in 2018 set is not sent). */
export const putRuleVersions = (versions: RuleVersionInput[]) => api.put<RuleVersions>('/api/org-life/rules', { versions });

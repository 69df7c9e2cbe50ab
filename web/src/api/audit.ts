import { api, download } from './client';
import type { TPage } from './types';
import type { TAuditFilter, TAuditResult, TAuditRow, TChainReport } from '../../../domain/schemas/audit';

export type { TAuditFilter, TAuditResult, TAuditRow, TChainReport };

export const listAudit = (filter: TAuditFilter, cursor?: string, limit = 50) =>
  api.get<TPage<TAuditRow>>('/api/audit', { ...filter, cursor, limit });
export const verifyAudit = () => api.get<TChainReport>('/api/audit/verify');
/** The export holds exactly the rows the filter selects; the server audits it with its purpose. */
export const exportAudit = (filter: TAuditFilter, purpose: string) =>
  download('/api/audit/export', { ...filter, purpose }, 'audit-log.xlsx');

import { api, download } from './client';
import type { AuditFilter, AuditRow, AuditVerifyResult, Page } from './types';

export const listAudit = (filter: AuditFilter, cursor?: string, limit = 50) =>
  api.get<Page<AuditRow>>('/api/audit', { ...filter, cursor, limit });
export const verifyAudit = () => api.get<AuditVerifyResult>('/api/audit/verify');
/** The export holds exactly the rows the filter selects; the server audits it with its purpose. */
export const exportAudit = (filter: AuditFilter, purpose: string) =>
  download('/api/audit/export', { ...filter, purpose }, 'audit-log.xlsx');

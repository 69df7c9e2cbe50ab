// An audit code in both languages (audit-actions.ts and the files of events it merges).
export interface AuditLabel {
  zh: string;
  en: string;
}

export const L = (zh: string, en: string): AuditLabel => ({ zh, en });

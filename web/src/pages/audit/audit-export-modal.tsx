// Export of the audit log with the current filter; the export itself is audited.
import { useTranslation } from 'react-i18next';
import { exportAudit, type TAuditFilter } from '../../api/audit';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export interface AuditExportModalProps {
  filter: TAuditFilter;
  onCancel: () => void;
  onDone: () => void;
}

export function AuditExportModal({ filter, onCancel, onDone }: AuditExportModalProps) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal
      title={t('audit.export.title')}
      notice={t('audit.export.notice')}
      placeholder={t('audit.export.purposePlaceholder')}
      testId="audit-export-purpose"
      onExport={(purpose) => exportAudit(filter, purpose)}
      onClose={(done) => (done ? onDone() : onCancel())}
    />
  );
}

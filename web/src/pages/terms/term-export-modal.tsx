// Export of the term list under the current scope and filters; the purpose is asked and audited.
import { useTranslation } from 'react-i18next';
import { exportTerms, type TTermFilter } from '../../api/terms';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function TermExportModal({ filter, onClose }: { filter: TTermFilter; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal
      title={t('terms.export.title')}
      notice={t('terms.export.notice')}
      placeholder={t('terms.export.placeholder')}
      testId="terms-export-purpose"
      onExport={(purpose) => exportTerms(filter, purpose)}
      onClose={onClose}
    />
  );
}

// Export of the member list: exactly the rows of the current filter, IDs masked, purpose audited.
import { useTranslation } from 'react-i18next';
import { exportMembers, type TMemberFilterParams } from '../../api/members';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function ExportModal({ filter, total, onClose }: { filter: TMemberFilterParams; total?: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal
      title={t('members.exportModal.title')}
      notice={t('members.exportModal.notice', { count: total ?? 0 })}
      placeholder={t('members.exportModal.purposePlaceholder')}
      testId="member-export-purpose"
      onExport={(purpose) => exportMembers(filter, purpose)}
      onClose={onClose}
    />
  );
}

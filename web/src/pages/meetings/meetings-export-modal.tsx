// Export of the meetings list as it is filtered (SECURITY.md 22: purpose asked, audited with filter and count).
import { useTranslation } from 'react-i18next';
import { exportMeetings, type TMeetingFilter } from '../../api/meetings';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function MeetingsExportModal({ filter, onClose }: { filter: TMeetingFilter; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal
      title={t('meetings.export.title')}
      notice={t('meetings.export.notice')}
      placeholder={t('meetings.export.placeholder')}
      testId="meetings-export-purpose"
      onExport={(purpose) => exportMeetings(filter, purpose)}
      onClose={onClose}
    />
  );
}

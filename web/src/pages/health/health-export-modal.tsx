// Export of the health view: the purpose is asked and the server audits it (SECURITY.md 22).
import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportHealth, type THealthOrder } from '../../api/org-health';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function HealthExportModal({ orgId, order, onClose }: { orgId: Id; order: THealthOrder; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal<{ order: THealthOrder }>
      title={t('health.exportTitle')}
      notice={t('health.exportNotice')}
      placeholder={t('health.exportPurposePlaceholder')}
      testId="health-export-purpose"
      initialValues={{ order }}
      onExport={(purpose, v) => exportHealth(orgId, v.order, purpose)}
      onClose={onClose}
    >
      <Form.Item name="order" label={t('health.order')}>
        <Radio.Group options={[{ value: 'tree', label: t('health.orderTree') }, { value: 'attention', label: t('health.orderAttention') }]} />
      </Form.Item>
    </ExportPurposeModal>
  );
}

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
      title={t('orgHealth.exportTitle')}
      notice={t('orgHealth.exportNotice')}
      placeholder={t('orgHealth.exportPurposePlaceholder')}
      testId="health-export-purpose"
      initialValues={{ order }}
      onExport={(purpose, v) => exportHealth(orgId, v.order, purpose)}
      onClose={onClose}
    >
      <Form.Item name="order" label={t('orgHealth.order')}>
        <Radio.Group
          options={[
            { value: 'tree', label: t('orgHealth.orderTree') },
            { value: 'attention', label: t('orgHealth.orderAttention') },
          ]}
        />
      </Form.Item>
    </ExportPurposeModal>
  );
}

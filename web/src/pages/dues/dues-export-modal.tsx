// Dues export for the finance side: payment details, summary or arrears over a month range.
import { DatePicker, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { exportDues, type TDuesExportKind } from '../../api/dues';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { toMonth } from './dues-format';

interface Values {
  kind: TDuesExportKind;
  range: [Dayjs, Dayjs];
}

export function DuesExportModal({ orgId, onClose }: { orgId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal<Values>
      title={t('dues.export.title')}
      notice={t('dues.export.notice')}
      placeholder={t('dues.export.purposePlaceholder')}
      testId="dues-export-purpose"
      initialValues={{ kind: 'detail', range: [dayjs().subtract(11, 'month'), dayjs()] }}
      onExport={(purpose, v) => exportDues(orgId, { kind: v.kind, from: toMonth(v.range[0])!, to: toMonth(v.range[1])! }, purpose)}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('dues.export.kind')}>
        <Radio.Group options={(['detail', 'summary', 'arrears'] as const).map((k) => ({ value: k, label: t(`dues.export.${k}`) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('dues.export.range')} rules={[{ required: true }]}>
        <DatePicker.RangePicker picker="month" allowClear={false} />
      </Form.Item>
    </ExportPurposeModal>
  );
}

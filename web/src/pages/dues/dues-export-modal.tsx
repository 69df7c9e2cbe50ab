// Every export states its purpose (SECURITY.md 22); the server audits it with the filter and row count.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { exportDues, type ExportKind } from '../../api/dues';
import type { Id } from '../../api/types';
import { toMonth } from './dues-format';

interface Values { kind: ExportKind; range: [Dayjs, Dayjs]; purpose: string }

export function DuesExportModal({ orgId, onClose }: { orgId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await exportDues(orgId, { kind: v.kind, from: toMonth(v.range[0])!, to: toMonth(v.range[1])! }, v.purpose.trim());
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('dues.export.title')} okText={t('dues.export.ok')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <Alert type="info" showIcon title={t('dues.export.notice')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'detail', range: [dayjs().subtract(11, 'month'), dayjs()] }}>
        <Form.Item name="kind" label={t('dues.export.kind')}>
          <Radio.Group options={(['detail', 'summary', 'arrears'] as const).map((k) => ({ value: k, label: t(`dues.export.${k}`) }))} />
        </Form.Item>
        <Form.Item name="range" label={t('dues.export.range')} rules={[{ required: true }]}><DatePicker.RangePicker picker="month" allowClear={false} /></Form.Item>
        <Form.Item name="purpose" label={t('dues.export.purpose')} rules={[{ required: true, whitespace: true, min: 2, message: t('dues.export.purposeRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('dues.export.purposePlaceholder')} data-testid="dues-export-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

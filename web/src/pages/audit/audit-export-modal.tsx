// Every export states its purpose (SECURITY.md 22); the server audits it with the filter and row count.
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportAudit } from '../../api/audit';
import { errorText } from '../../api/client';
import type { AuditFilter } from '../../api/types';

export interface AuditExportModalProps {
  filter: AuditFilter;
  onCancel: () => void;
  onDone: () => void;
}

export function AuditExportModal({ filter, onCancel, onDone }: AuditExportModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ purpose: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async ({ purpose }: { purpose: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await exportAudit(filter, purpose.trim());
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('audit.export.title')} okText={t('audit.export.ok')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onCancel}>
      <Alert type="info" showIcon title={t('audit.export.notice')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="purpose" label={t('audit.export.purpose')} rules={[{ required: true, whitespace: true, message: t('audit.export.purposeRequired') }, { min: 2, message: t('audit.export.purposeRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('audit.export.purposePlaceholder')} data-testid="audit-export-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

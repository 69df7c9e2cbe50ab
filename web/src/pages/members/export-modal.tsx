// Every export states its purpose (SECURITY.md 22); the server audits it with the filter and row count.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { exportMembers, type MemberFilter } from '../../api/members';

export function ExportModal({ filter, total, onClose }: { filter: MemberFilter; total?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ purpose: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async ({ purpose }: { purpose: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await exportMembers(filter, purpose.trim());
      void message.success(t('members.exportModal.done'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('members.exportModal.title')} okText={t('members.exportModal.ok')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <Alert type="info" showIcon title={t('members.exportModal.notice', { count: total ?? 0 })} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="purpose" label={t('members.exportModal.purpose')} rules={[{ required: true, whitespace: true, min: 2, message: t('members.exportModal.purposeRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('members.exportModal.purposePlaceholder')} data-testid="member-export-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

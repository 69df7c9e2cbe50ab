// Change one's own password: asked for on first login (mustChangePassword) and from the user menu.
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { errorText } from '../api/client';
import { confirmRules, newPasswordRules } from '../lib/password-rules';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export interface ChangePasswordModalProps {
  open: boolean;
  username: string;
  /** When forced, the dialog cannot be dismissed. */
  forced?: boolean;
  onDone: () => void;
  onCancel?: () => void;
}

export function ChangePasswordModal({ open, username, forced, onDone, onCancel }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      await changePassword(v.oldPassword, v.newPassword);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      confirmLoading={saving}
      closable={!forced}
      mask={{ closable: false }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {forced && <Alert type="info" showIcon title={t('password.mustChange')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('password.oldRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.policy')} rules={newPasswordRules(t, () => username)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} dependencies={['newPassword']} rules={confirmRules(t, 'newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

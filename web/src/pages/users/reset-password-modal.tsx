// The security administrator sets a new password for an account (the user should change it at next login).
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { TUserRow } from '../../api/users';
import { resetUserPassword } from '../../api/users';
import { confirmRules, newPasswordRules } from '../../lib/password-rules';

export interface ResetPasswordModalProps {
  user: TUserRow;
  onCancel: () => void;
  onDone: () => void;
}

export function ResetPasswordModal({ user, onCancel, onDone }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async ({ password }: { password: string }) => {
    setSaving(true);
    setError(undefined);
    try {
      await resetUserPassword(user.id, password);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName, username: user.username })}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okText={t('common.save')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('password.new')} extra={t('password.policy')} rules={newPasswordRules(t, () => user.username)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} dependencies={['password']} rules={confirmRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

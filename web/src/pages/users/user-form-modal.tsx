// Create an account (with its first password) or edit one (name, organization, roles, disabled).
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, SEPARATED_ADMIN_ROLES, separationConflict, type Role } from '../../../../domain/permissions';
import { ApiError, errorText } from '../../api/client';
import type { Id } from '../../api/types';
import type { TUserRow } from '../../api/users';
import { createUser, updateUser } from '../../api/users';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useLabels } from '../../lib/labels';
import { confirmRules, newPasswordRules } from '../../lib/password-rules';

interface Values {
  username: string;
  displayName: string;
  orgId: Id;
  roles: Role[];
  disabled?: boolean;
  password?: string;
  confirm?: string;
}

const FORM_FIELDS = ['username', 'displayName', 'orgId', 'roles', 'password'];

export interface UserFormModalProps {
  /** Absent when creating. */
  user?: TUserRow;
  onCancel: () => void;
  onSaved: (user: TUserRow) => void;
}

export function UserFormModal({ user, onCancel, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const conflict = separationConflict(roles);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = user
        ? await updateUser(user.id, { displayName: v.displayName.trim(), orgId: v.orgId, roles: v.roles, disabled: Boolean(v.disabled) })
        : await createUser({
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            orgId: v.orgId,
            roles: v.roles,
            password: v.password!,
          });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.field && FORM_FIELDS.includes(e.field)) {
        form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
      } else setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      width={600}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okText={t('common.save')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, orgId: user.orgId, roles: user.roles, disabled: user.disabled }
            : { roles: [] }
        }
        onFinish={submit}
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('users.displayNameRequired') },
            { min: 2, max: 40, message: t('users.displayNameLength') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.fields.org')} rules={[{ required: true, message: t('users.orgRequired') }]}>
          <OrgTreeSelect valueLabel={user?.orgName} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.fields.roles')}
          rules={[{ required: true, message: t('users.rolesRequired') }]}
          extra={t('users.rolesHint')}
        >
          <Select
            mode="multiple"
            options={ROLES.map((r) => ({ value: r, label: labels.role(r), disabled: SEPARATED_ADMIN_ROLES.includes(r) }))}
          />
        </Form.Item>
        {conflict && (
          <Form.Item wrapperCol={{ offset: 5, span: 18 }}>
            <Alert
              type="warning"
              showIcon
              title={t('users.separationConflict', {
                a: labels.role(conflict[0]),
                b: labels.role(conflict[1]),
                all: SEPARATED_ADMIN_ROLES.map(labels.role).join('、'),
              })}
            />
          </Form.Item>
        )}
        {user ? (
          <Form.Item name="disabled" label={t('users.fields.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              extra={t('password.policy')}
              rules={newPasswordRules(t, () => form.getFieldValue('username') ?? '')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('password.confirm')} dependencies={['password']} rules={confirmRules(t)}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

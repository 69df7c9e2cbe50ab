// Security settings (system administrator): password age and history, lockout, session limits, dormancy.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { ROLES } from '../../../../domain/permissions';
import { useLabels } from '../../lib/labels';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getSettings, putSettings, type TSettings } from '../../api/system';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';

type Field = Exclude<keyof TSettings, 'totpRoles'>;

/** Each setting with its unit and sensible bounds (the server validates again). */
const GROUPS: {
  title: 'password' | 'lockout' | 'session' | 'accounts';
  fields: { name: Field; min: number; max: number; unit: 'days' | 'times' | 'minutes' | 'hours' | 'count' }[];
}[] = [
  {
    title: 'password',
    fields: [
      { name: 'passwordMaxAgeDays', min: 0, max: 3650, unit: 'days' },
      { name: 'passwordHistory', min: 0, max: 24, unit: 'count' },
    ],
  },
  {
    title: 'lockout',
    fields: [
      { name: 'lockoutThreshold', min: 1, max: 100, unit: 'times' },
      { name: 'lockoutMinutes', min: 1, max: 1440, unit: 'minutes' },
    ],
  },
  {
    title: 'session',
    fields: [
      { name: 'sessionIdleMinutes', min: 1, max: 1440, unit: 'minutes' },
      { name: 'sessionAbsoluteHours', min: 1, max: 168, unit: 'hours' },
    ],
  },
  { title: 'accounts', fields: [{ name: 'dormantDays', min: 0, max: 3650, unit: 'days' }] },
];
const FIELDS: (keyof TSettings)[] = [...GROUPS.flatMap((g) => g.fields.map((f) => f.name)), 'totpRoles'];

export default function SystemPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<TSettings>();
  const current = useRequest(() => getSettings(), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const save = async (values: TSettings) => {
    setSaving(true);
    setError(undefined);
    try {
      // Exactly the Settings fields: the server refuses unknown ones.
      const body = Object.fromEntries(FIELDS.map((f) => [f, values[f]])) as unknown as TSettings;
      current.setData(await putSettings(body));
      void message.success(t('common.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  if (current.error) return <Alert type="error" showIcon title={errorText(current.error)} />;
  if (!current.data) return <PageSpin />;
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('nav.system')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} labelCol={{ flex: '200px' }} initialValues={current.data} onFinish={save} style={{ maxWidth: 720 }}>
        {GROUPS.map((g) => (
          <Card key={g.title} size="small" title={t(`system.groups.${g.title}`)} style={{ marginBottom: 12 }}>
            {g.fields.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={t(`system.fields.${f.name}`)}
                extra={t(`system.hints.${f.name}`)}
                rules={[{ required: true, message: t('system.required') }]}
              >
                <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 160 }} suffix={t(`system.units.${f.unit}`)} />
              </Form.Item>
            ))}
          </Card>
        ))}
        <Card size="small" title={t('system.groups.secondFactor')} style={{ marginBottom: 12 }}>
          <Form.Item name="totpRoles" label={t('system.fields.totpRoles')} extra={t('system.hints.totpRoles')}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))} data-testid="settings-totp-roles" />
          </Form.Item>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(current.data!)}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </div>
  );
}

// Dissolve (撤销) an organization: date and reason. The server refuses (409) while it has members or live children.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { dissolveOrg, type TOrgDetail } from '../../api/orgs';
import { toDateString } from '../../lib/dates';

interface Values {
  dissolvedOn: Dayjs;
  reason: string;
}

export interface OrgDissolveModalProps {
  org: TOrgDetail;
  onCancel: () => void;
  onDissolved: (org: TOrgDetail) => void;
}

export function OrgDissolveModal({ org, onCancel, onDissolved }: OrgDissolveModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      onDissolved(await dissolveOrg(org.id, toDateString(v.dissolvedOn)!, v.reason.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.dissolveForm.title', { name: org.name })}
      okText={t('orgs.dissolve')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Alert type="warning" showIcon title={t('orgs.dissolveForm.warning')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="org-dissolve-error" />}
      <Form form={form} layout="vertical" initialValues={{ dissolvedOn: dayjs() }} onFinish={submit}>
        <Form.Item
          name="dissolvedOn"
          label={t('orgs.fields.dissolvedOn')}
          rules={[{ required: true, message: t('orgs.dissolveForm.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('orgs.dissolveForm.reason')}
          rules={[{ max: 500 }, { required: true, whitespace: true, message: t('orgs.dissolveForm.reasonRequired') }]}
        >
          <Input.TextArea count={{ show: true, max: 500 }} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

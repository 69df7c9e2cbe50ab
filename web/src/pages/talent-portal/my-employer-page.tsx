// 本单位 (talent.employer): the employer's own record and its talents, and registering one more
// (through the registry's writer on the server). One column for a 375-px phone.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { addStaff, myEmployer, type TStaffCreate } from '../../api/talent-portal';
import { PageSpin } from '../../components/route-guards';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import './talent-portal.css';

export default function MyEmployerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const r = useRequest((signal) => myEmployer(signal), []);
  const [form] = Form.useForm<TStaffCreate>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await addStaff(v);
      message.success(t('talentPortal.employer.added'));
      setOpen(false);
      form.resetFields();
      r.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  if (!r.data) return <PageSpin />;
  const { employer, staff } = r.data;
  return (
    <div className="talent-portal" data-testid="my-employer">
      <Typography.Title level={4}>{employer.name}</Typography.Title>
      <Card size="small">
        <Descriptions column={1} size="small">
          {employer.creditCode && (
            <Descriptions.Item label={t('talentPortal.employer.creditCode')}>{employer.creditCode}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('talentPortal.employer.district')}>{employer.districtName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('talentPortal.employer.staff')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="employer-add-staff">
            {t('talentPortal.employer.add')}
          </Button>
        }
      >
        <List
          size="small"
          dataSource={staff}
          locale={{ emptyText: t('talentPortal.employer.noStaff') }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta title={s.name} description={[s.field, s.tierName, s.phone || s.email].filter(Boolean).join(' · ')} />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={open}
        title={t('talentPortal.employer.add')}
        onOk={save}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('talentPortal.employer.name')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('talentPortal.employer.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={t('talentPortal.employer.email')}>
            <Input inputMode="email" />
          </Form.Item>
          <Form.Item name="field" label={t('talentPortal.employer.field')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

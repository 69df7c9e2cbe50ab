// Calls (申报计划): open and close dates, required attachments, items and how many applications; a new call.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { createCall, listCalls, listPolicies, type TCall } from '../../api/talent-policies';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';

export function CallsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const r = useRequest((signal) => listCalls(signal), []);
  const [adding, setAdding] = useState(false);
  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  return (
    <div data-testid="tp-calls">
      {can(me.roles, 'talent.config') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 8 }}
          data-testid="tp-call-add"
        >
          {t('talentPolicies.call.add')}
        </Button>
      )}
      <Table<TCall>
        size="small"
        rowKey="id"
        loading={r.loading}
        dataSource={r.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('talentPolicies.call.name'), dataIndex: 'title' },
          { title: t('talentPolicies.call.policy'), render: (_, c) => `${c.policyTitle}（${c.policyDocNo}）` },
          { title: t('talentPolicies.call.opensOn'), dataIndex: 'opensOn' },
          { title: t('talentPolicies.call.closesOn'), dataIndex: 'closesOn' },
          {
            title: '',
            dataIndex: 'open',
            render: (o: boolean) =>
              o ? <Tag color="green">{t('talentPolicies.call.open')}</Tag> : <Tag>{t('talentPolicies.call.closed')}</Tag>,
          },
          { title: t('talentPolicies.call.items'), render: (_, c) => c.items.map((i) => i.name).join('、') },
          {
            title: t('talentPolicies.call.attachments'),
            dataIndex: 'requiredAttachments',
            render: (a: string[]) => (
              <Space size={[4, 4]} wrap>
                {a.map((x) => (
                  <Tag key={x}>{x}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('talentPolicies.call.applications'),
            dataIndex: 'applications',
            align: 'right',
            render: (n: number, c) => <Link to={`/talent-policies/applications?callId=${c.id}`}>{n}</Link>,
          },
        ]}
      />
      {adding && (
        <CallModal
          onClose={(saved) => {
            setAdding(false);
            if (saved) r.reload();
          }}
        />
      )}
    </div>
  );
}

function CallModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policies = useRequest((signal) => listPolicies(signal), []);
  const [form] = Form.useForm<{ policyId: number; title: string; dates: [Dayjs, Dayjs]; requiredAttachments: string[]; note: string }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await createCall({
        policyId: v.policyId,
        title: v.title,
        opensOn: v.dates[0].format('YYYY-MM-DD'),
        closesOn: v.dates[1].format('YYYY-MM-DD'),
        requiredAttachments: v.requiredAttachments ?? [],
        note: v.note ?? '',
      });
      message.success(t('talentPolicies.call.created'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('talentPolicies.call.add')} onOk={save} confirmLoading={busy} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ requiredAttachments: [] }}>
        <Form.Item name="policyId" label={t('talentPolicies.call.policy')} rules={[{ required: true }]}>
          <Select options={policies.data?.items.map((p) => ({ value: p.id, label: `${p.title}（${p.docNo}）` }))} />
        </Form.Item>
        <Form.Item name="title" label={t('talentPolicies.call.name')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="dates"
          label={`${t('talentPolicies.call.opensOn')} – ${t('talentPolicies.call.closesOn')}`}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="requiredAttachments" label={t('talentPolicies.call.attachments')} extra={t('talentPolicies.call.attachmentsHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="note" label={t('talentPolicies.call.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

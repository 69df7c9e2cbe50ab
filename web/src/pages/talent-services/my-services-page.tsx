// 我的人才服务 (a talent, talent.self): their requests as cards, a new request choosing a service type,
// withdrawing one not yet answered and closing an answered one with a 1–5 rating. Works at 375 px wide.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Rate, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  closeMyRequest,
  createMyRequest,
  listMyRequests,
  listMyTypes,
  withdrawMyRequest,
  type TServiceRequest,
  type TServiceRequestCreate,
} from '../../api/talent-services';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { ServiceEvents, StatusTags } from './service-parts';

interface CloseValues {
  satisfaction: number;
  note?: string;
}

export default function MyServicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRequest((signal) => listMyRequests(signal), []);
  const types = useRequest((signal) => listMyTypes(signal), []);
  const [asking, setAsking] = useState(false);
  const [closing, setClosing] = useState<TServiceRequest>();
  const [newForm] = Form.useForm<TServiceRequestCreate>();
  const [closeForm] = Form.useForm<CloseValues>();

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      list.reload();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };
  const ask = async () => {
    const v = await validValues(newForm);
    if (v && (await run(() => createMyRequest(v), t('talentServices.mine.submitted')))) setAsking(false);
  };
  const close = async () => {
    const v = await validValues(closeForm);
    if (!v || !closing) return;
    const body = { version: closing.version, satisfaction: v.satisfaction, note: v.note ?? '' };
    if (await run(() => closeMyRequest(closing.id, body), t('talentServices.mine.closed'))) setClosing(undefined);
  };
  const typeOptions = types.data?.items
    .filter((ty) => ty.active)
    .map((ty) => ({ value: ty.id, label: `${ty.name} · ${ty.departmentName}` }));

  return (
    <div className="page-card">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('talentServices.mine.title')}
        </Typography.Title>
        <Button
          type="primary"
          onClick={() => {
            newForm.resetFields();
            setAsking(true);
          }}
          data-testid="new-request"
        >
          {t('talentServices.mine.new')}
        </Button>
      </Space>
      {(list.error ?? types.error) !== undefined && <Alert type="error" showIcon title={errorText(list.error ?? types.error)} />}
      {list.data?.items.length === 0 && <Empty description={t('talentServices.mine.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((r) => (
          <Card
            key={r.id}
            size="small"
            title={r.typeName}
            extra={<StatusTags r={r} />}
            data-testid={`my-request-${r.id}`}
            actions={[
              ...(r.status === 'submitted' || r.status === 'accepted'
                ? [
                    <Popconfirm
                      key="w"
                      title={t('talentServices.mine.withdrawConfirm')}
                      onConfirm={() =>
                        run(() => withdrawMyRequest(r.id, { version: r.version, note: '' }), t('talentServices.mine.withdrawn'))
                      }
                    >
                      <Button type="link" size="small">
                        {t('talentServices.mine.withdraw')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
              ...(r.status === 'answered'
                ? [
                    <Button
                      key="c"
                      type="link"
                      size="small"
                      onClick={() => {
                        closeForm.resetFields();
                        setClosing(r);
                      }}
                    >
                      {t('talentServices.mine.close')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {r.departmentName} · {t('talentServices.mine.dueBy', { date: r.dueOn })}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4, wordBreak: 'break-word' }}>{r.detail}</Typography.Paragraph>
            {r.answer && <Alert type="success" title={r.answer} style={{ marginBottom: 4, wordBreak: 'break-word' }} />}
            {r.satisfaction !== null && <Rate disabled value={r.satisfaction} />}
            <ServiceEvents r={r} />
          </Card>
        ))}
      </Space>
      <Modal open={asking} title={t('talentServices.mine.newTitle')} onOk={ask} onCancel={() => setAsking(false)} forceRender>
        <Form form={newForm} layout="vertical">
          <Form.Item name="typeId" label={t('talentServices.mine.type')} rules={[{ required: true }]}>
            <Select options={typeOptions} data-testid="new-type" />
          </Form.Item>
          {/* the type's description */}
          <Form.Item noStyle shouldUpdate={(a, b) => a.typeId !== b.typeId}>
            {({ getFieldValue }) => {
              const ty = types.data?.items.find((x) => x.id === getFieldValue('typeId'));
              return ty ? (
                <Typography.Paragraph type="secondary">{`${ty.description} · ${t('talentServices.config.days', { n: ty.responseDays })}`}</Typography.Paragraph>
              ) : null;
            }}
          </Form.Item>
          <Form.Item name="detail" label={t('talentServices.mine.detail')} rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
            <Input.TextArea rows={4} placeholder={t('talentServices.mine.detailHint')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!closing} title={t('talentServices.mine.closeTitle')} onOk={close} onCancel={() => setClosing(undefined)} forceRender>
        <Form form={closeForm} layout="vertical">
          <Form.Item
            name="satisfaction"
            label={t('talentServices.mine.rating')}
            rules={[{ required: true, message: t('talentServices.mine.ratingRequired') }]}
          >
            <Rate />
          </Form.Item>
          <Form.Item name="note" label={t('talentServices.mine.closeNote')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

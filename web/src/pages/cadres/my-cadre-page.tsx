// 我的干部信息 (cadre.self): the cadre's own file read-only in the form's shape, a correction request
// (field, proposed value, reason, optional evidence) and the cadre's requests with their answers.
// Laid out to work on a 375-px phone: one column, a list instead of a wide table.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Modal, Result, Select, Tag, Typography, Upload } from 'antd';
import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../api/client';
import { CORRECTABLE_FIELDS, getMyCadre, listMyCorrections, myPhotoUrl, requestCorrection, type TCorrectableField } from '../../api/cadres';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { CadreFormView } from './cadre-form-view';
import { useCorrectionLabels } from './correction-labels';
import { saveForm } from './save';

const EVIDENCE_MAX = 512 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export default function MyCadrePage() {
  const { t } = useTranslation();
  const labels = useCorrectionLabels();
  const me = useRequest(() => getMyCadre(), []);
  const mine = useRequest(() => listMyCorrections(), []);
  const [asking, setAsking] = useState(false);
  if (me.error instanceof ApiError && me.error.status === 404)
    return <Result status="info" title={t('cadres.mine.title')} subTitle={t('cadres.mine.noFile')} />;
  if (me.error) return <Result status="warning" title={t('cadres.mine.title')} subTitle={errorText(me.error)} />;
  if (!me.data) return <PageSpin />;
  return (
    <div className="page-card" style={{ maxWidth: 1100 }}>
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cadres.mine.title')}
        </Typography.Title>
        <Button type="primary" icon={<EditOutlined />} onClick={() => setAsking(true)} data-testid="my-cadre-request">
          {t('cadres.mine.request')}
        </Button>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cadres.mine.readOnly')} />
      <CadreFormView form={me.data.form} photoUrl={myPhotoUrl} />
      <Card size="small" title={t('cadres.mine.myRequests')} style={{ marginTop: 16 }}>
        <List
          data-testid="my-corrections"
          dataSource={mine.data?.items ?? []}
          locale={{ emptyText: t('cadres.corrections.empty') }}
          renderItem={(k) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {labels.field(k.field)}{' '}
                    <Tag
                      color={k.status === 'approved' ? 'green' : k.status === 'refused' ? 'red' : 'blue'}
                      data-testid={`my-correction-status-${k.id}`}
                    >
                      {t(`cadres.corrections.statuses.${k.status}`)}
                    </Tag>
                  </span>
                }
                description={
                  <>
                    <div>
                      {k.currentValue || '—'} → {k.proposedValue}
                    </div>
                    <div className="muted">
                      {dayjs(k.requestedAt).format('YYYY-MM-DD HH:mm')} · {k.reason}
                    </div>
                    {k.decisionNote && <div>{k.decisionNote}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {asking && (
        <RequestModal
          onCancel={() => setAsking(false)}
          onDone={() => {
            setAsking(false);
            mine.reload();
          }}
        />
      )}
    </div>
  );
}

function RequestModal({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCorrectionLabels();
  const [form] = Form.useForm<{ field: TCorrectableField; proposedValue: string; reason: string }>();
  const [file, setFile] = useState<File | null>(null);
  const field = Form.useWatch('field', form);
  const submit = async (v: { field: TCorrectableField; proposedValue?: string; reason: string }) => {
    if (file && file.size > EVIDENCE_MAX) {
      void message.error(t('cadres.mine.evidenceTooLarge'));
      return;
    }
    const evidence = file ? { name: file.name, base64: await base64Of(file) } : null;
    const done = await saveForm(form, message, () =>
      requestCorrection({ field: v.field, proposedValue: v.proposedValue ?? '', reason: v.reason, evidence }),
    );
    if (done) {
      void message.success(t('cadres.mine.requested'));
      onDone();
    }
  };
  return (
    <Modal
      open
      title={t('cadres.mine.request')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'my-cadre-request-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="field"
          label={t('cadres.corrections.field')}
          rules={[{ required: true }]}
          extra={field === 'other' ? t('cadres.mine.otherHint') : undefined}
        >
          <Select
            data-testid="my-cadre-field"
            showSearch={{ optionFilterProp: 'label' }}
            options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: labels.field(f) }))}
          />
        </Form.Item>
        <Form.Item name="proposedValue" label={t('cadres.corrections.proposed')}>
          <Input.TextArea autoSize data-testid="my-cadre-proposed" />
        </Form.Item>
        <Form.Item name="reason" label={t('cadres.corrections.reason')} rules={[{ required: true }]}>
          <Input.TextArea autoSize data-testid="my-cadre-reason" />
        </Form.Item>
        <Form.Item label={t('cadres.corrections.evidence')} extra={t('cadres.mine.evidenceHint')}>
          <Upload
            accept="application/pdf,image/jpeg,image/png"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<PaperClipOutlined />}>{t('cadres.mine.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

// 申请人才分类认定 (talent.self): the talent's own applications with their status and reasons, the form to apply
// (a draft), the evidence list with upload and delete while editable, submitting a draft and resubmitting a
// returned one. One column for a 375-px phone.
import { Alert, App, Button, Card, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { downloadMyDocument } from '../../api/talent-portal';
import {
  applyRecognition,
  deleteEvidence,
  myRecognition,
  myRecognitions,
  recognitionTiers,
  resubmitMyRecognition,
  submitMyRecognition,
  uploadEvidence,
  type TOwnRecognitionCreate,
  type TRecognition,
} from '../../api/talent-recognition-own';
import { useRequest } from '../../lib/use-request';

const EDITABLE = ['draft', 'returned'];

export default function MyRecognitionCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const list = useRequest((signal) => myRecognitions(signal), [tick]);
  const tiers = useRequest((signal) => recognitionTiers(signal), []);
  const [open, setOpen] = useState<TRecognition | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState('');
  const [form] = Form.useForm<TOwnRecognitionCreate>();

  const act = async (fn: () => Promise<TRecognition>, done?: string) => {
    setBusy(true);
    try {
      const r = await fn();
      setOpen(r);
      setTick((n) => n + 1);
      if (done) void message.success(done);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const show = (id: number) => void act(() => myRecognition(id));
  const hasOpen = (list.data?.items ?? []).some((r) => r.status !== 'granted' && r.status !== 'refused');
  const tierOptions = (tiers.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.setName} · ${x.name}` }));

  return (
    <Card title={t('talentPortal.recognition.title')} size="small" data-testid="my-recognitions">
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('talentPortal.recognition.none') }}
        renderItem={(r) => (
          <List.Item onClick={() => show(r.id)} style={{ cursor: 'pointer' }} data-testid="my-recognition">
            <Space direction="vertical" size={0}>
              <span>
                {r.tierName} <Tag>{t(`talent.recognition.status.${r.status}`)}</Tag>
              </span>
              {r.reason && <Typography.Text type="secondary">{t('talentPortal.recognition.reason', { reason: r.reason })}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {open && (
        <Card size="small" type="inner" title={`${open.tierName} · ${t(`talent.recognition.status.${open.status}`)}`}>
          <Typography.Paragraph>{open.basis}</Typography.Paragraph>
          {open.reason && <Alert type="warning" message={t('talentPortal.recognition.reason', { reason: open.reason })} />}
          <Typography.Text strong>{t('talentPortal.recognition.evidence')}</Typography.Text>
          <List
            size="small"
            dataSource={open.documents}
            locale={{ emptyText: t('talentPortal.recognition.noEvidence') }}
            renderItem={(d) => (
              <List.Item
                actions={
                  EDITABLE.includes(open.status)
                    ? [
                        <Button key="del" size="small" danger loading={busy} onClick={() => void act(() => deleteEvidence(open.id, d.id))}>
                          {t('talentPortal.recognition.delete')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Typography.Link
                  onClick={() => downloadMyDocument(d.id, d.fileName).catch((e: unknown) => void message.error(errorText(e)))}
                >
                  {d.kind ? `${d.kind} · ${d.fileName}` : d.fileName}
                </Typography.Link>
              </List.Item>
            )}
          />
          {EDITABLE.includes(open.status) && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input value={kind} onChange={(e) => setKind(e.target.value)} placeholder={t('talentPortal.recognition.kind')} />
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  if (!kind.trim()) void message.warning(t('talentPortal.recognition.kindRequired'));
                  else void act(() => uploadEvidence(open.id, kind.trim(), file)).then(() => setKind(''));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy} data-testid="recognition-upload">
                  {t('talentPortal.recognition.upload')}
                </Button>
              </Upload>
            </Space>
          )}
          {open.status === 'draft' && (
            <Button
              type="primary"
              block
              loading={busy}
              style={{ marginTop: 12 }}
              onClick={() => void act(() => submitMyRecognition(open.id, open.version), t('talentPortal.recognition.submitted'))}
            >
              {t('talentPortal.recognition.submit')}
            </Button>
          )}
          {open.status === 'returned' && (
            <Button
              type="primary"
              block
              loading={busy}
              style={{ marginTop: 12 }}
              onClick={() =>
                void act(
                  () =>
                    resubmitMyRecognition(open.id, { tierId: open.tierId, basis: open.basis, resume: open.resume, version: open.version }),
                  t('talentPortal.recognition.submitted'),
                )
              }
            >
              {t('talentPortal.recognition.resubmit')}
            </Button>
          )}
        </Card>
      )}
      {!hasOpen && list.data && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          onFinish={(v) => void act(() => applyRecognition({ ...v, resume: v.resume ?? '' }), t('talentPortal.recognition.drafted'))}
        >
          <Form.Item
            name="tierId"
            label={t('talentPortal.recognition.tier')}
            rules={[{ required: true, message: t('talentPortal.recognition.tierRequired') }]}
          >
            <Select options={tierOptions} loading={!tiers.data} />
          </Form.Item>
          <Form.Item
            name="basis"
            label={t('talentPortal.recognition.basis')}
            rules={[{ required: true, message: t('talentPortal.recognition.basisRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="resume" label={t('talentPortal.recognition.resume')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="recognition-apply">
            {t('talentPortal.recognition.apply')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

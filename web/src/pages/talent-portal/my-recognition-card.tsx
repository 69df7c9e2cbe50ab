// 申请人才分类认定 (talent.self): the talent's own applications with their status and reasons, the form to apply
// (a draft), the evidence list with upload and delete while editable, correcting the tier, basis and résumé of a
// draft or a returned one, then submitting or resubmitting it. One column for a 375-px phone.
import { Alert, App, Button, Card, Form, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { downloadMyDocument } from '../../api/talent-portal';
import {
  applyRecognition,
  deleteEvidence,
  editMyRecognition,
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
import { RecognitionEditForm, RecognitionFields } from './recognition-fields';

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
          {EDITABLE.includes(open.status) && (
            <RecognitionEditForm
              key={`${open.id}-${open.status}`}
              open={open}
              tierOptions={tierOptions}
              loading={!tiers.data}
              busy={busy}
              onSave={(v) =>
                void act(() => editMyRecognition(open.id, { ...v, version: open.version }), t('talentPortal.recognition.saved'))
              }
              onSubmit={(v, changed) =>
                void act(async () => {
                  const body = { ...v, version: open.version };
                  if (open.status === 'returned') return resubmitMyRecognition(open.id, body);
                  // A draft keeps its corrections first, then goes into the review at the version they made.
                  const version = changed ? (await editMyRecognition(open.id, body)).version : open.version;
                  return submitMyRecognition(open.id, version);
                }, t('talentPortal.recognition.submitted'))
              }
            />
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
          <RecognitionFields tierOptions={tierOptions} loading={!tiers.data} />
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="recognition-apply">
            {t('talentPortal.recognition.apply')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

// The forms of 任前公示 (the end date computed on working days, with the holidays it skipped; objections and their
// handling) and 任职 (the talks and the document).
import { validValues } from '../../lib/form-values';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  appoint,
  handleObjection,
  publicityPreview,
  recordObjection,
  recordPublicity,
  type TPublicityPreview,
  type TSelection,
} from '../../api/cadre-selections';
import type { Run } from './selection-detail';

const today = () => dayjs().format('YYYY-MM-DD');

export function PublicityForm({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [startOn, setStartOn] = useState(s.publicity?.startOn ?? today());
  const [preview, setPreview] = useState<TPublicityPreview | null>(null);
  const [objection, setObjection] = useState({ text: '', candidateId: undefined as number | undefined });
  const [handling, setHandling] = useState<Record<number, string>>({});
  useEffect(() => {
    let live = true;
    if (/^\d{4}-\d{2}-\d{2}$/.test(startOn))
      publicityPreview(startOn).then(
        (p) => live && setPreview(p),
        () => live && setPreview(null),
      );
    return () => {
      live = false;
    };
  }, [startOn]);
  const shown = s.publicity?.startOn ? s.publicity : preview;
  const started = !!s.publicity?.startOn;
  return (
    <Card size="small" title={t('cadreSelections.pub.title')} style={{ marginBottom: 12 }}>
      {!s.publicityRequired.required && (
        <Alert
          type="info"
          showIcon
          title={t('cadreSelections.pub.notRequired', { reason: s.publicityRequired.reason })}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space wrap align="end">
        <div>
          <div>{t('cadreSelections.pub.startOn')}</div>
          <Input type="date" value={startOn} disabled={started} onChange={(e) => setStartOn(e.target.value)} data-testid="pub-start" />
        </div>
        <div>
          <div>{t('cadreSelections.pub.endOn')}</div>
          <Typography.Text strong data-testid="pub-end">
            {shown?.endOn ?? ''}
          </Typography.Text>
        </div>
        {!started && (
          <Button type="primary" data-testid="pub-save" onClick={() => run(recordPublicity(s.id, { startOn }))}>
            {t('cadreSelections.pub.save')}
          </Button>
        )}
      </Space>
      {shown && shown.holidays.length > 0 && (
        <div data-testid="pub-holidays" style={{ marginTop: 8 }}>
          <Tag color="orange">
            {t('cadreSelections.pub.holidays', { names: [...new Set(shown.holidays.map((h) => h.name))].join(', ') })}
          </Tag>
          <Typography.Text type="secondary">{shown.holidays.map((h) => h.date).join(' ')}</Typography.Text>
        </div>
      )}
      {shown?.provisional && <Alert type="warning" showIcon title={t('cadreSelections.pub.provisional')} style={{ marginTop: 8 }} />}
      {started && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('cadreSelections.pub.objections')}
          </Typography.Title>
          <List
            size="small"
            dataSource={s.objections}
            renderItem={(o) => (
              <List.Item>
                <Space wrap>
                  <span>
                    {o.receivedOn} {o.text}
                  </span>
                  {o.status === 'open' ? (
                    <>
                      <Input
                        style={{ width: 240 }}
                        placeholder={t('cadreSelections.pub.handling')}
                        value={handling[o.id] ?? ''}
                        onChange={(e) => setHandling({ ...handling, [o.id]: e.target.value })}
                      />
                      {(['handled', 'upheld'] as const).map((status) => (
                        <Button
                          key={status}
                          size="small"
                          disabled={!handling[o.id]?.trim()}
                          onClick={() => run(handleObjection(s.id, { objectionId: o.id, status, handling: handling[o.id] }))}
                        >
                          {t(`cadreSelections.pub.${status}`)}
                        </Button>
                      ))}
                    </>
                  ) : (
                    <Tag>{`${o.status === 'upheld' ? t('cadreSelections.pub.upheld') : t('cadreSelections.pub.handled')} · ${o.handling ?? ''}`}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('cadreSelections.pub.concerns')}
              value={objection.candidateId}
              onChange={(candidateId) => setObjection({ ...objection, candidateId })}
              options={s.candidates.map((c) => ({ value: c.id, label: c.name }))}
            />
            <Input
              style={{ width: 320 }}
              placeholder={t('cadreSelections.pub.objection')}
              value={objection.text}
              onChange={(e) => setObjection({ ...objection, text: e.target.value })}
            />
            <Button
              disabled={!objection.text.trim()}
              onClick={async () => {
                if (
                  await run(
                    recordObjection(s.id, { receivedOn: today(), text: objection.text, candidateId: objection.candidateId ?? null }),
                  )
                )
                  setObjection({ text: '', candidateId: undefined });
              }}
            >
              {t('cadreSelections.pub.addObjection')}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}

interface AppValues {
  docNo: string;
  docOn: string;
  appointmentTalk: { on: string; by: string };
  integrityTalk: { on: string; by: string };
}

export function AppointForm({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AppValues>();
  return (
    <Card size="small" title={t('cadreSelections.app.title')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ docOn: today(), appointmentTalk: { on: today() }, integrityTalk: { on: today() } }}
      >
        <Space wrap>
          <Form.Item name="docNo" label={t('cadreSelections.app.docNo')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="docOn" label={t('cadreSelections.app.docOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        {(['appointmentTalk', 'integrityTalk'] as const).map((k) => (
          <Space key={k} wrap>
            <Typography.Text strong style={{ width: 90, display: 'inline-block' }}>
              {t(`cadreSelections.app.${k}`)}
            </Typography.Text>
            <Form.Item name={[k, 'on']} label={t('cadreSelections.app.talkOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name={[k, 'by']} label={t('cadreSelections.app.talkBy')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
          </Space>
        ))}
        <div>
          <Button
            type="primary"
            onClick={async () => {
              const v = await validValues(form);
              if (!v) return;
              await run(appoint(s.id, v));
            }}
          >
            {t('cadreSelections.app.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

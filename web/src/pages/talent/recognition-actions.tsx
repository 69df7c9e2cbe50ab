// The office's action for the current step of a 人才分类认定: the district's first review or the city's
// re-check (pass, return or refuse with a reason), the expert panel, objections during 公示 and the end of 公示.
// The server refuses a district office the city's steps (403 CITY_LEVEL); its message is shown here as is.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { assignExperts, decideRecognition, endPublicity, listExperts, recordObjection, type TRecognition } from '../../api/talent';
import { useRequest } from '../../lib/use-request';

interface Props {
  r: TRecognition;
  onDone: (r: TRecognition) => void;
}

export function RecognitionActions({ r, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<TRecognition>, ok: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await fn());
      void message.success(ok);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  let body: React.ReactNode;
  if (r.status === 'district_review' || r.status === 'city_review') body = <Decide r={r} busy={busy} run={run} />;
  else if (r.status === 'expert_review') body = <Experts r={r} busy={busy} run={run} />;
  else if (r.status === 'publicity') body = <Publicity r={r} busy={busy} run={run} />;
  else body = <span className="muted">{t('talent.recognition.actionNone')}</span>;

  return (
    <Card
      size="small"
      title={`${t('talent.recognition.action')} · ${t(`talent.recognition.status.${r.status}`)}`}
      style={{ marginBottom: 12 }}
      data-testid="recognition-action"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="recognition-action-error" />}
      {body}
    </Card>
  );
}

type Run = (fn: () => Promise<TRecognition>, ok: string) => Promise<boolean>;
interface StepProps {
  r: TRecognition;
  busy: boolean;
  run: Run;
}

function Decide({ r, busy, run }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: 'pass' | 'return' | 'refuse'; reason?: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    await run(
      () => decideRecognition(r.id, { outcome: v.outcome, reason: v.reason ?? '', version: r.version }),
      t('talent.recognition.decided'),
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ outcome: 'pass' }}>
      <Form.Item name="outcome" rules={[{ required: true }]}>
        <Radio.Group
          data-testid="recognition-outcome"
          options={(['pass', 'return', 'refuse'] as const).map((o) => ({ value: o, label: t(`talent.recognition.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('talent.recognition.reason')}
        extra={t('talent.recognition.reasonHint')}
        dependencies={['outcome']}
        rules={[
          ({ getFieldValue }) => ({ required: getFieldValue('outcome') !== 'pass', message: t('talent.recognition.reasonHint') }),
          { max: 1000 },
        ]}
      >
        <Input.TextArea rows={3} data-testid="recognition-reason" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={submit} data-testid="recognition-decide">
        {t('talent.recognition.decide')}
      </Button>
    </Form>
  );
}

function Experts({ r, busy, run }: StepProps) {
  const { t } = useTranslation();
  const experts = useRequest((s) => listExperts(s), []);
  const [ids, setIds] = useState<number[]>(r.experts.map((e) => e.expertId));
  if (r.experts.some((e) => e.scored)) return <span className="muted">{t('talent.recognition.scoresSealed')}</span>;
  return (
    <Space wrap>
      <Select
        mode="multiple"
        value={ids}
        onChange={setIds}
        loading={experts.loading}
        style={{ minWidth: 280 }}
        placeholder={t('talent.recognition.experts')}
        options={experts.data?.items.map((e) => ({ value: e.id, label: e.name }))}
        optionFilterProp="label"
        data-testid="recognition-experts"
      />
      <Button
        type="primary"
        loading={busy}
        disabled={ids.length === 0}
        onClick={() => run(() => assignExperts(r.id, { expertIds: ids, version: r.version }), t('talent.recognition.assigned'))}
        data-testid="recognition-assign"
      >
        {t('talent.recognition.assign')}
      </Button>
    </Space>
  );
}

function Publicity({ r, busy, run }: StepProps) {
  const { t } = useTranslation();
  const [obj] = Form.useForm<{ receivedOn: dayjs.Dayjs; content: string; handling: string }>();
  const [end] = Form.useForm<{ outcome: 'grant' | 'refuse'; reason?: string }>();
  const addObjection = async () => {
    const v = await obj.validateFields().catch(() => undefined);
    if (!v) return;
    const ok = await run(
      () => recordObjection(r.id, { receivedOn: v.receivedOn.format('YYYY-MM-DD'), content: v.content, handling: v.handling }),
      t('talent.recognition.objectionSaved'),
    );
    if (ok) obj.resetFields();
  };
  const conclude = async () => {
    const v = await end.validateFields().catch(() => undefined);
    if (!v) return;
    await run(() => endPublicity(r.id, { outcome: v.outcome, reason: v.reason ?? '', version: r.version }), t('talent.recognition.ended'));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {r.publicityUntil && <span>{t('talent.recognition.publicityUntil', { date: r.publicityUntil.slice(0, 10) })}</span>}
      <Form form={obj} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="receivedOn" label={t('talent.recognition.receivedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="content" label={t('talent.recognition.content')} rules={[{ required: true }, { max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="handling" label={t('talent.recognition.handling')} rules={[{ required: true }, { max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button loading={busy} onClick={addObjection} data-testid="recognition-objection">
          {t('talent.recognition.addObjection')}
        </Button>
      </Form>
      <Form form={end} layout="vertical" initialValues={{ outcome: 'grant' }}>
        <Form.Item name="outcome" label={t('talent.recognition.endPublicity')} rules={[{ required: true }]}>
          <Radio.Group options={(['grant', 'refuse'] as const).map((o) => ({ value: o, label: t(`talent.recognition.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('talent.recognition.reason')}
          dependencies={['outcome']}
          rules={[
            ({ getFieldValue }) => ({ required: getFieldValue('outcome') === 'refuse', message: t('talent.recognition.reasonHint') }),
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={conclude} data-testid="recognition-conclude">
          {t('talent.recognition.endPublicity')}
        </Button>
      </Form>
    </Space>
  );
}

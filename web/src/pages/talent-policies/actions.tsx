// The office's actions on an application, by its state: the decision at the current review step (when passing
// opens the 公示: its start date and the end on working days, holidays named), objections during 公示, approval
// after it, the release of an instalment after the on-the-job check, and a clawback with its reason.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { publicityWindow } from '../../../../domain/rules/talent-policy';
import { addWorkingDays } from '../../../../domain/rules/working-days';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  addObjection,
  approveApplication,
  clawBack,
  handleObjection,
  releasePayout,
  reviewApplication,
  type TApplication,
} from '../../api/talent-policies';
import { validValues } from '../../lib/form-values';
import { lbl, toFen, yuan } from './parts';

type Done = (a: TApplication) => void;
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Runs a change and hands the application back; errors shown as a message. */
function useAct(onDone: Done) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<TApplication>) => {
    setBusy(true);
    try {
      onDone(await fn());
      message.success(t('talentPolicies.review.done'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, act };
}

export function ReviewCard({ a, publicityDays, onDone }: { a: TApplication; publicityDays: number; onDone: Done }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: 'pass' | 'return' | 'refuse'; reason: string; start?: Dayjs }>();
  const outcome = Form.useWatch('outcome', form);
  const start = Form.useWatch('start', form);
  const { busy, act } = useAct(onDone);
  const opensPublicity = a.status === 'expert_review' || (a.status === 'city_review' && !a.expertReview);
  const today = fmt(dayjs());
  const w = opensPublicity && outcome === 'pass' ? publicityWindow(start ? fmt(start) : addWorkingDays(today, 1), publicityDays) : null;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    await act(() =>
      reviewApplication(a.id, {
        outcome: v.outcome,
        reason: v.reason ?? '',
        ...(w && v.start ? { publicityStartsOn: fmt(v.start) } : {}),
      }),
    );
  };
  return (
    <Card size="small" title={t('talentPolicies.review.title', { step: lbl(t, 'status', a.status) })} data-testid="tp-review">
      <Form form={form} layout="vertical" initialValues={{ outcome: 'pass', reason: '' }}>
        <Form.Item name="outcome" label={t('talentPolicies.review.outcome')}>
          <Radio.Group
            data-testid="tp-review-outcome"
            options={(['pass', 'return', 'refuse'] as const).map((o) => ({ value: o, label: lbl(t, 'outcome', o) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('talentPolicies.review.reason')}
          rules={[{ required: outcome !== 'pass', whitespace: true, message: t('talentPolicies.review.reasonRequired') }]}
        >
          <Input.TextArea rows={2} data-testid="tp-review-reason" />
        </Form.Item>
        {w && (
          <>
            <Typography.Text type="secondary">{t('talentPolicies.review.toPublicity')}</Typography.Text>
            <Space wrap align="end">
              <Form.Item name="start" label={t('talentPolicies.review.publicityStart')}>
                <DatePicker placeholder={w.startsOn} data-testid="tp-pub-start" />
              </Form.Item>
              <Form.Item label={t('talentPolicies.review.publicityEnd', { n: publicityDays })}>
                <Typography.Text strong data-testid="tp-pub-end">
                  {w.endsOn}
                </Typography.Text>
              </Form.Item>
            </Space>
            {w.holidays.length > 0 && (
              <div data-testid="tp-pub-holidays">
                <Tag color="orange">
                  {t('talentPolicies.review.holidays', { names: [...new Set(w.holidays.map((h) => h.name))].join('、') })}
                </Tag>
              </div>
            )}
            {w.provisional && <Alert type="warning" showIcon message={t('talentPolicies.review.provisional')} />}
          </>
        )}
        <Button type="primary" onClick={submit} loading={busy} style={{ marginTop: 8 }} data-testid="tp-review-submit">
          {t('talentPolicies.review.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function PublicityCard({ a, onDone }: { a: TApplication; onDone: Done }) {
  const { t } = useTranslation();
  const { busy, act } = useAct(onDone);
  const [form] = Form.useForm<{ receivedOn: Dayjs; content: string }>();
  const [handling, setHandling] = useState('');
  const ended = !!a.publicityEndsOn && fmt(dayjs()) > a.publicityEndsOn;
  const [reason, setReason] = useState('');
  return (
    <Card
      size="small"
      title={`${t('talentPolicies.objection.title')} · ${a.publicityStartsOn} – ${a.publicityEndsOn}`}
      data-testid="tp-publicity"
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={a.objections}
        locale={{ emptyText: t('talentPolicies.objection.none') }}
        columns={[
          { title: t('talentPolicies.objection.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          { title: t('talentPolicies.objection.content'), dataIndex: 'content' },
          {
            title: t('talentPolicies.objection.handle'),
            render: (_, o) =>
              o.outcome ? (
                `${lbl(t, 'objection', o.outcome)}：${o.handling}`
              ) : (
                <Space wrap>
                  <Input size="small" placeholder={t('talentPolicies.objection.handling')} onChange={(e) => setHandling(e.target.value)} />
                  {(['dismissed', 'upheld'] as const).map((oc) => (
                    <Button
                      key={oc}
                      size="small"
                      danger={oc === 'upheld'}
                      loading={busy}
                      onClick={() => act(() => handleObjection(a.id, o.id, { outcome: oc, handling }))}
                    >
                      {lbl(t, 'objection', oc)}
                    </Button>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 8 }} initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="receivedOn" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="content" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t('talentPolicies.objection.content')} />
        </Form.Item>
        <Button
          loading={busy}
          onClick={async () => {
            const v = await validValues(form);
            if (v) await act(() => addObjection(a.id, { receivedOn: fmt(v.receivedOn), content: v.content }));
          }}
        >
          {t('talentPolicies.objection.add')}
        </Button>
      </Form>
      <Space wrap style={{ marginTop: 12 }}>
        <Input placeholder={t('talentPolicies.approve.reason')} onChange={(e) => setReason(e.target.value)} />
        <Button
          type="primary"
          disabled={!ended}
          loading={busy}
          onClick={() => act(() => approveApplication(a.id, reason))}
          data-testid="tp-approve"
        >
          {t('talentPolicies.approve.button')}
        </Button>
        {!ended && <Typography.Text type="secondary">{t('talentPolicies.approve.waiting', { end: a.publicityEndsOn })}</Typography.Text>}
      </Space>
    </Card>
  );
}

export function PayoutCard({ a, onDone }: { a: TApplication; onDone: Done }) {
  const { t } = useTranslation();
  const me = useMe();
  const pay = can(me.roles, 'talent.pay') && a.status === 'paying';
  const { busy, act } = useAct(onDone);
  const [check, setCheck] = useState({ onJob: true, note: '' });
  const [claw] = Form.useForm<{ cause: 'departure' | 'fraud'; amountYuan: number; reason: string }>();
  const next = a.payouts.find((p) => p.status === 'scheduled');
  return (
    <Card size="small" title={t('talentPolicies.payout.title')} data-testid="tp-payouts">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={a.payouts}
        columns={[
          { title: t('talentPolicies.payout.seq'), dataIndex: 'seq' },
          { title: t('talentPolicies.payout.dueOn'), dataIndex: 'dueOn' },
          { title: t('talentPolicies.payout.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('talentPolicies.payout.status'), dataIndex: 'status', render: (s: string) => lbl(t, 'payoutStatus', s) },
          { title: t('talentPolicies.payout.check'), render: (_, p) => [p.checkedOn, p.checkNote].filter(Boolean).join(' ') },
        ]}
      />
      {pay && next && (
        <Space wrap style={{ marginTop: 8 }}>
          <Radio.Group
            value={check.onJob}
            onChange={(e) => setCheck({ ...check, onJob: e.target.value as boolean })}
            options={[
              { value: true, label: t('talentPolicies.payout.onJobYes') },
              { value: false, label: t('talentPolicies.payout.onJobNo') },
            ]}
          />
          <Input placeholder={t('talentPolicies.payout.note')} onChange={(e) => setCheck({ ...check, note: e.target.value })} />
          <Button
            type="primary"
            loading={busy}
            disabled={!check.note.trim()}
            onClick={() => act(() => releasePayout(a.id, next.id, { onJob: check.onJob, checkedOn: fmt(dayjs()), note: check.note }))}
          >
            {t('talentPolicies.payout.release')} #{next.seq}
          </Button>
        </Space>
      )}
      {can(me.roles, 'talent.pay') && (a.status === 'paying' || a.status === 'completed') && a.paidFen > 0 && (
        <Form form={claw} layout="inline" style={{ marginTop: 12 }} initialValues={{ cause: 'departure' }}>
          <Form.Item name="cause" label={t('talentPolicies.clawback.cause')}>
            <Radio.Group options={(['departure', 'fraud'] as const).map((c) => ({ value: c, label: lbl(t, 'outcome', c) }))} />
          </Form.Item>
          <Form.Item name="amountYuan" rules={[{ required: true }]}>
            <InputNumber min={0.01} max={a.paidFen / 100} precision={2} placeholder={t('talentPolicies.clawback.amount')} />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('talentPolicies.clawback.reason')} />
          </Form.Item>
          <Button
            danger
            loading={busy}
            onClick={async () => {
              const v = await validValues(claw);
              if (v) await act(() => clawBack(a.id, { cause: v.cause, amountFen: toFen(v.amountYuan), reason: v.reason }));
            }}
          >
            {t('talentPolicies.clawback.button')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

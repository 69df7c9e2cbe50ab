// Forms on a member's dues account: pay months (back or ahead), voluntary extra, propose a reduction.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../domain/rules/dues';
import { errorText } from '../../api/client';
import { payMonths, payVoluntary, proposeReduction, type TMemberDues } from '../../api/dues';
import { toDateString } from '../../lib/dates';
import { fenToYuan, thisMonth, toMonth, yuanToFen } from './dues-format';

type Done = (next: TMemberDues) => void;
const today = () => dayjs();
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function useSubmit(done: Done) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<TMemberDues>) => {
    setBusy(true);
    try {
      done(await call());
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function PayForm({ account, done }: { account: TMemberDues; done: Done }) {
  const { t } = useTranslation();
  const { busy, run } = useSubmit(done);
  const owed = account.ledger.filter((l) => l.paidFen < l.dueFen).map((l) => l.month);
  // Unpaid months and the next twelve (paying ahead is common for retired members).
  const ahead = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth(), i + 1));
  const options = [...new Set([...owed, ...ahead])].sort().map((m) => ({
    value: m,
    label: `${m}${owed.includes(m) ? ` · ${fenToYuan(account.ledger.find((l) => l.month === m)!.dueFen - account.ledger.find((l) => l.month === m)!.paidFen)}` : ''}`,
  }));
  return (
    <Form
      layout="vertical"
      size="small"
      initialValues={{ months: owed, paidOn: today() }}
      onFinish={(v: { months: string[]; paidOn: Dayjs; receiptNo?: string }) =>
        run(() =>
          payMonths(account.member.id, { months: v.months, paidOn: toDateString(v.paidOn)!, receiptNo: v.receiptNo?.trim() || undefined }),
        )
      }
    >
      <Form.Item name="months" label={t('dues.pay.months')} rules={[{ required: true }]}>
        <Select mode="multiple" options={options} data-testid="pay-months" />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dues.sheet.paidOn')}>
        <DatePicker allowClear={false} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item rules={[{ max: 40 }]} name="receiptNo" label={t('dues.pay.receiptNo')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="pay-submit">
        {t('dues.pay.submit')}
      </Button>
    </Form>
  );
}

export function VoluntaryForm({ account, done }: { account: TMemberDues; done: Done }) {
  const { t } = useTranslation();
  const { busy, run } = useSubmit(done);
  return (
    <Form
      layout="vertical"
      size="small"
      initialValues={{ paidOn: today() }}
      onFinish={(v: { yuan: number; paidOn: Dayjs; receiptNo?: string; note?: string }) =>
        run(() =>
          payVoluntary(account.member.id, {
            amountFen: yuanToFen(v.yuan)!,
            paidOn: toDateString(v.paidOn)!,
            receiptNo: v.receiptNo?.trim() || undefined,
            note: v.note?.trim() || undefined,
          }),
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dues.pay.centreHint')}
      </Typography.Paragraph>
      <Form.Item name="yuan" label={t('dues.pay.amount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dues.sheet.paidOn')}>
        <DatePicker allowClear={false} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item rules={[{ max: 40 }]} name="receiptNo" label={t('dues.pay.receiptNo')}>
        <Input />
      </Form.Item>
      <Form.Item rules={[{ max: 200 }]} name="note" label={t('dues.base.note')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('dues.pay.submit')}
      </Button>
    </Form>
  );
}

export function ReductionForm({ account, done }: { account: TMemberDues; done: Done }) {
  const { t } = useTranslation();
  const { busy, run } = useSubmit(done);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? 'exempt';
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ kind: 'exempt', range: [dayjs(), dayjs().add(5, 'month')] }}
      onFinish={(v: { kind: 'reduce' | 'exempt'; yuan?: number; range: [Dayjs, Dayjs]; reason: string }) =>
        run(() =>
          proposeReduction(account.member.id, {
            kind: v.kind,
            amountFen: v.kind === 'reduce' ? yuanToFen(v.yuan) : undefined,
            monthFrom: toMonth(v.range[0])!,
            monthTo: toMonth(v.range[1])!,
            reason: v.reason.trim(),
          }),
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dues.reduction.hint')}
      </Typography.Paragraph>
      <Form.Item name="kind" label={t('dues.reduction.kind')}>
        <Radio.Group
          options={[
            { value: 'exempt', label: t('dues.reduction.exempt') },
            { value: 'reduce', label: t('dues.reduction.reduce') },
          ]}
        />
      </Form.Item>
      {kind === 'reduce' && (
        <Form.Item name="yuan" label={t('dues.reduction.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      )}
      <Form.Item name="range" label={`${t('dues.reduction.from')} ~ ${t('dues.reduction.to')}`} rules={[{ required: true }]}>
        <DatePicker.RangePicker picker="month" allowClear={false} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('dues.reduction.reason')}
        rules={[{ max: 500 }, { required: true, min: 4, message: t('dues.reduction.reason') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('dues.member.propose')}
      </Button>
    </Form>
  );
}

// Changing a member's dues base: the monthly amount is computed live with the same rule the server
// applies (domain/rules/dues.ts), so the secretary sees 81.00 元 for 5400 元 before saving.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DUES_BASE_SOURCES,
  DUES_CATEGORIES,
  duesRateBp,
  monthlyDuesFen,
  needsBase,
  type DuesBaseSource,
  type DuesCategory,
} from '../../../../domain/rules/dues';
import { errorText } from '../../api/client';
import { addBase, type TDuesSettings } from '../../api/dues';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { getDuesSettings } from '../../api/dues';
import { fenToYuan, thisMonth, fromMonth, toMonth, yuanToFen } from './dues-format';

const SOURCES: Record<DuesCategory, DuesBaseSource[]> = {
  employed: ['salary', 'annual_pay', 'quarter_avg'],
  retired: ['pension'],
  farmer: ['fixed'],
  student: ['fixed'],
  unemployed: ['fixed'],
  relief: ['fixed'],
};
interface Values {
  category: DuesCategory;
  baseYuan?: number;
  source: DuesBaseSource;
  month: Dayjs;
  note?: string;
}

export function BaseForm({ memberId, initial, onSaved }: { memberId: Id; initial?: DuesCategory; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const settings = useRequest<TDuesSettings>(() => getDuesSettings(), []);
  const category = Form.useWatch('category', form) ?? initial ?? 'employed';
  const baseYuan = Form.useWatch('baseYuan', form);
  const baseFen = needsBase(category) ? (yuanToFen(baseYuan) ?? 0) : 0;
  const opts = settings.data && { rounding: settings.data.rounding, farmerFen: settings.data.farmerFen };
  const due = monthlyDuesFen(category, baseFen, opts);
  const rate = duesRateBp(category, baseFen);

  const save = async (v: Values) => {
    setBusy(true);
    try {
      await addBase(memberId, {
        category: v.category,
        baseFen: needsBase(v.category) ? yuanToFen(v.baseYuan) : undefined,
        source: v.source,
        effectiveFrom: toMonth(v.month)!,
        note: v.note?.trim() || undefined,
      });
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      onFinish={save}
      initialValues={{ category: initial ?? 'employed', source: SOURCES[initial ?? 'employed'][0], month: fromMonth(thisMonth()) }}
      onValuesChange={(ch: Partial<Values>) => {
        if (ch.category) form.setFieldValue('source', SOURCES[ch.category][0]);
      }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dues.base.articleHint')}
      </Typography.Paragraph>
      <Form.Item name="category" label={t('dues.base.category')}>
        <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: t(`dues.category.${c}`) }))} data-testid="base-category" />
      </Form.Item>
      {needsBase(category) && (
        <Form.Item name="baseYuan" label={t('dues.base.baseFen')} rules={[{ required: true, message: t('dues.base.baseFen') }]}>
          <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 200 }} data-testid="base-amount" />
        </Form.Item>
      )}
      <Form.Item name="source" label={t('dues.base.source')}>
        <Select options={(SOURCES[category] ?? DUES_BASE_SOURCES).map((s) => ({ value: s, label: t(`dues.source.${s}`) }))} />
      </Form.Item>
      <Form.Item name="month" label={t('dues.base.effectiveFrom')} rules={[{ required: true }]}>
        <DatePicker picker="month" allowClear={false} />
      </Form.Item>
      <Form.Item rules={[{ max: 200 }]} name="note" label={t('dues.base.note')}>
        <Input />
      </Form.Item>
      <Alert
        type="success"
        style={{ marginBottom: 12 }}
        data-testid="base-computed"
        title={
          t('dues.base.computed', { v: fenToYuan(due) }) +
          (rate === null ? t('dues.base.fixed') : t('dues.base.rate', { rate: rate / 100 }))
        }
      />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="base-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

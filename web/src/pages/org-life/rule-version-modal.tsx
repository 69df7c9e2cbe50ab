// A new version of the frequency rules: its effective date (today or later), its name or document, and for
// each kind of meeting a frequency (or none) and the basis cited with every check.
import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../../../domain/meeting-kinds';
import { KIND_TARGET, PERIOD_KINDS, type PeriodKind } from '../../../../domain/rules/org-life';
import type { TRuleVersion, TRuleVersionInput } from '../../api/org-life';
import { useKindLabel } from './compliance-format';

type Row = { frequency: PeriodKind | 'none'; article: string };
interface Values {
  effectiveFrom: Dayjs;
  title: string;
  rules: Record<MeetingKind, Row>;
}

export function RuleVersionModal({
  base,
  today,
  onSubmit,
  onClose,
}: {
  base: TRuleVersion;
  today: string;
  onSubmit: (v: TRuleVersionInput) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const initialRules = Object.fromEntries(
    MEETING_KINDS.map((k) => {
      const r = base.rules.find((x) => x.kind === k);
      return [k, { frequency: r?.frequency ?? 'none', article: r?.article ?? '' }];
    }),
  ) as Record<MeetingKind, Row>;

  const submit = async (v: Values) => {
    setBusy(true);
    const rules = MEETING_KINDS.filter((k) => v.rules[k].frequency !== 'none').map((k) => ({
      kind: k,
      frequency: v.rules[k].frequency as PeriodKind,
      article: v.rules[k].article.trim(),
    }));
    const ok = await onSubmit({ effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), title: v.title.trim(), rules });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      width={900}
      title={t('orgLife.rules.modalTitle')}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ rules: initialRules, effectiveFrom: dayjs(today).add(1, 'month').startOf('month') }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('orgLife.rules.effectiveFrom')}
          extra={t('orgLife.rules.dateHint')}
          rules={[{ required: true, message: t('orgLife.rules.dateRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="rule-version-date" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('orgLife.rules.title')}
          rules={[{ max: 100 }, { required: true, whitespace: true, min: 2, message: t('orgLife.rules.titleRequired') }]}
        >
          <Input data-testid="rule-version-title" />
        </Form.Item>
        <Table<MeetingKind>
          size="small"
          rowKey={(k) => k}
          pagination={false}
          dataSource={[...MEETING_KINDS]}
          columns={[
            { title: t('orgLife.rules.kind'), key: 'kind', width: 150, render: (_v, k) => kindLabel(k) },
            {
              title: t('orgLife.rules.target'),
              key: 'target',
              width: 150,
              render: (_v, k) => t(`orgLife.rules.targets.${KIND_TARGET[k]}`),
            },
            {
              title: t('orgLife.rules.frequency'),
              key: 'frequency',
              width: 120,
              render: (_v, k) => (
                <Form.Item name={['rules', k, 'frequency']} noStyle>
                  <Select
                    style={{ width: 110 }}
                    data-testid={`rule-frequency-${k}`}
                    options={[
                      { value: 'none', label: t('orgLife.rules.notRequired') },
                      ...PERIOD_KINDS.map((p) => ({ value: p, label: t(`orgLife.rules.freq.${p}`) })),
                    ]}
                  />
                </Form.Item>
              ),
            },
            {
              title: t('orgLife.rules.article'),
              key: 'article',
              render: (_v, k) => (
                <Form.Item noStyle dependencies={[['rules', k, 'frequency']]}>
                  {({ getFieldValue }) => (
                    <Form.Item
                      name={['rules', k, 'article']}
                      style={{ margin: 0 }}
                      messageVariables={{ label: t('orgLife.rules.article') }}
                      rules={
                        getFieldValue(['rules', k, 'frequency']) === 'none'
                          ? []
                          : [{ max: 200 }, { required: true, whitespace: true, min: 2, message: t('orgLife.rules.articleRequired') }]
                      }
                    >
                      <Input disabled={getFieldValue(['rules', k, 'frequency']) === 'none'} />
                    </Form.Item>
                  )}
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}

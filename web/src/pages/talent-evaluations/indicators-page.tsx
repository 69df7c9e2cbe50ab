// 人才评价指标 (issue 15 point 7): the indicator sets of 显绩 and 潜绩 by effective date (the latest begun one in
// force; adopting a new set never rewrites an old one), and each year's evaluations in score bands with the
// means: counts only, never a league table of people (RULES.md §9).
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  INDICATOR_KINDS,
  createIndicatorSet,
  getEvaluationSummary,
  listIndicatorSets,
  type TIndicatorSet,
  type TIndicatorSetCreate,
} from '../../api/talent-agreements';
import { toDateString } from '../../lib/dates';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';

export default function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const sets = useRequest((signal) => listIndicatorSets(signal), []);
  const summary = useRequest((signal) => getEvaluationSummary(signal), []);
  const [adopting, setAdopting] = useState(false);
  const inForce = sets.data?.items.find((s) => s.inForce);

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('talentIndicators.title')}</Typography.Title>
      {sets.error !== undefined && <Alert type="error" showIcon title={errorText(sets.error)} style={{ marginBottom: 8 }} />}
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('talentIndicators.sets')}
        </Typography.Title>
        {can(me.roles, 'talent.config') && (
          <Button type="primary" onClick={() => setAdopting(true)} data-testid="indicator-adopt">
            {t('talentIndicators.adopt')}
          </Button>
        )}
      </Space>
      {sets.data?.items.map((s) => (
        <SetCard key={s.effectiveOn} s={s} />
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('talentIndicators.summary')}
      </Typography.Title>
      {summary.error !== undefined && <Alert type="error" showIcon title={errorText(summary.error)} />}
      {summary.data && (
        <>
          <Typography.Paragraph type="secondary">
            {t('talentIndicators.activeTalents', { n: summary.data.activeTalents })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            style={{ maxWidth: 900 }}
            dataSource={summary.data.years}
            data-testid="evaluation-summary"
            columns={[
              { title: t('talentIndicators.year'), dataIndex: 'year', width: 80 },
              { title: t('talentIndicators.count'), dataIndex: 'count', width: 100, align: 'right' },
              {
                title: t('talentIndicators.band'),
                key: 'bands',
                render: (_, y) => (
                  <Space wrap size={4}>
                    {y.bands.map((b) => (
                      <Tag key={b.band}>{`${b.band}: ${b.count}`}</Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('talentIndicators.meanAchieved'), dataIndex: 'meanAchieved', width: 100, align: 'right', render: mean },
              { title: t('talentIndicators.meanPotential'), dataIndex: 'meanPotential', width: 100, align: 'right', render: mean },
              { title: t('talentIndicators.meanTotal'), dataIndex: 'meanTotal', width: 100, align: 'right', render: mean },
            ]}
          />
        </>
      )}
      {adopting && (
        <AdoptModal
          from={inForce}
          onClose={() => setAdopting(false)}
          onDone={(items) => {
            sets.setData({ items });
            setAdopting(false);
          }}
        />
      )}
    </div>
  );
}

const mean = (v: number | null) => (v === null ? '—' : v.toFixed(1));

function SetCard({ s }: { s: TIndicatorSet }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 8, maxWidth: 900 }}
      title={`${t('talentIndicators.effectiveOn')} ${s.effectiveOn} · ${s.source}`}
      extra={
        s.inForce ? (
          <Tag color="green">{t('talentIndicators.inForce')}</Tag>
        ) : (
          s.supersededOn && <Tag>{t('talentIndicators.superseded', { on: s.supersededOn })}</Tag>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.indicators}
        columns={[
          { title: t('talentIndicators.code'), dataIndex: 'code', width: 140 },
          { title: t('talentIndicators.name'), dataIndex: 'name' },
          {
            title: t('talentIndicators.kindCol'),
            dataIndex: 'kind',
            width: 90,
            render: (k: TIndicatorSet['indicators'][number]['kind']) => t(`talentIndicators.kind.${k}`),
          },
          { title: t('talentIndicators.weight'), dataIndex: 'weight', width: 80, align: 'right' },
        ]}
      />
    </Card>
  );
}

type Values = Omit<TIndicatorSetCreate, 'effectiveOn'> & { effectiveOn: Dayjs };

function AdoptModal(props: { from?: TIndicatorSet; onClose: () => void; onDone: (items: TIndicatorSet[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const initial = {
    source: '',
    indicators: props.from?.indicators.map(({ code, name, kind, weight }) => ({ code, name, kind, weight })) ?? [],
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const res = await createIndicatorSet({ ...v, effectiveOn: toDateString(v.effectiveOn) ?? '' });
      void message.success(t('talentIndicators.adopted'));
      props.onDone(res.items);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={720} title={t('talentIndicators.adopt')} onOk={save} confirmLoading={busy} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Space wrap>
          <Form.Item name="effectiveOn" label={t('talentIndicators.effectiveOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="source" label={t('talentIndicators.source')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, pattern: /^[a-z0-9_]{1,20}$/ }]}>
                    <Input placeholder={t('talentIndicators.code')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }, { max: 40 }]}>
                    <Input placeholder={t('talentIndicators.name')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 100 }}
                      placeholder={t('talentIndicators.kindCol')}
                      options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`talentIndicators.kind.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={100} precision={0} placeholder={t('talentIndicators.weight')} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('common.remove')}
                  </Button>
                </Space>
              ))}
              {fields.length < 20 && <Button onClick={() => add()}>{t('talentIndicators.addIndicator')}</Button>}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

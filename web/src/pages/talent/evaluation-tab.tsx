// A talent's evaluation (issue 15 point 7): the history by year with 显绩 and 潜绩 as separate figures (and a
// chart of both), and, for talent.write, the entry of one year against the indicator set in force on that year's
// last day. Scores 0–100 per indicator with an optional evidence note; entering a year again replaces it under
// its version. Only this person's figures: never a league of people.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import { getPersonEvaluations, indicatorsForYear, recordEvaluation, type TPersonEvaluations } from '../../api/talent-evaluations';
import type { ChartOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { barOption } from '../dashboard/chart-options';
import { formatTime } from '../../lib/dates';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';

type Row = TPersonEvaluations['evaluations'][number];
interface Values {
  scores: Record<string, number>;
  notes: Record<string, string>;
}

export function EvaluationTab({ personId, canWrite }: { personId: Id; canWrite: boolean }) {
  const { t } = useTranslation();
  const req = useRequest((s) => getPersonEvaluations(personId, s), [personId]);
  const [entering, setEntering] = useState(false);
  const data = req.data;
  const rows = useMemo(() => [...(data?.evaluations ?? [])].reverse(), [data]);
  const option = useMemo<ChartOption | null>(
    () =>
      data && data.evaluations.length
        ? barOption(
            data.evaluations.map((e) => String(e.year)),
            [
              { name: t('talent.person.achieved'), data: data.evaluations.map((e) => e.achieved) },
              { name: t('talent.person.potential'), data: data.evaluations.map((e) => e.potential) },
            ],
          )
        : null,
    [data, t],
  );
  return (
    <div data-testid="talent-evaluations">
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {canWrite && data && !entering && (
        <Button type="primary" onClick={() => setEntering(true)} style={{ marginBottom: 12 }} data-testid="evaluation-enter">
          {t('talent.evaluation.enter')}
        </Button>
      )}
      {data && entering && (
        <EvaluationForm
          personId={personId}
          data={data}
          onCancel={() => setEntering(false)}
          onSaved={(d) => {
            req.setData(d);
            setEntering(false);
          }}
        />
      )}
      <Typography.Paragraph type="secondary">{t('talent.evaluation.noLeague')}</Typography.Paragraph>
      {option && <LazyChart option={option} height={220} />}
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        loading={req.loading}
        dataSource={rows}
        data-testid="evaluation-history"
        scroll={{ x: 720 }}
        locale={{ emptyText: t('talent.evaluation.none') }}
        columns={[
          { title: t('talent.person.year'), dataIndex: 'year', width: 70 },
          { title: t('talent.person.achieved'), dataIndex: 'achieved', width: 80, align: 'right' },
          { title: t('talent.person.potential'), dataIndex: 'potential', width: 80, align: 'right' },
          { title: t('talent.person.totalScore'), dataIndex: 'total', width: 80, align: 'right' },
          { title: t('talent.evaluation.setOf'), dataIndex: 'indicatorsOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('talent.person.by'), dataIndex: 'evaluatedByName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('talent.person.at'), dataIndex: 'evaluatedAt', width: 160, render: (v: string) => formatTime(v) },
        ]}
      />
    </div>
  );
}

function EvaluationForm(props: { personId: Id; data: TPersonEvaluations; onCancel: () => void; onSaved: (d: TPersonEvaluations) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [busy, setBusy] = useState(false);
  const set = indicatorsForYear(props.data, year);
  const existing = props.data.evaluations.find((e) => e.year === year);
  const pickYear = (y: number) => {
    setYear(y);
    const e = props.data.evaluations.find((x) => x.year === y);
    form.setFieldsValue({ scores: e?.scores ?? {}, notes: e?.notes ?? {} });
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const notes = Object.fromEntries(Object.entries(v.notes ?? {}).filter(([, n]) => typeof n === 'string' && n.trim() !== ''));
    setBusy(true);
    try {
      props.onSaved(await recordEvaluation(props.personId, { year, scores: v.scores, notes, version: existing?.version }));
      void message.success(t('talent.evaluation.saved', { year }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const group = (kind: 'achieved' | 'potential') => set.filter((i) => i.kind === kind);
  return (
    <Card size="small" title={t('talent.evaluation.formTitle')} style={{ marginBottom: 12 }} data-testid="evaluation-form">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t('talent.person.year')}</span>
        <Select
          value={year}
          onChange={pickYear}
          style={{ width: 100 }}
          data-testid="evaluation-year"
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
        />
        {existing && <Tag color="orange">{t('talent.evaluation.replaces', { total: existing.total })}</Tag>}
      </Space>
      {set.length === 0 ? (
        <Alert type="warning" showIcon title={t('talent.evaluation.noSet', { year })} />
      ) : (
        <>
          <div className="muted" style={{ marginBottom: 8 }}>
            {t('talent.evaluation.setInForce', { date: set[0].effectiveOn, source: set[0].source })}
          </div>
          <Form form={form} layout="vertical" initialValues={{ scores: existing?.scores ?? {}, notes: existing?.notes ?? {} }}>
            {(['achieved', 'potential'] as const).map((kind) => (
              <div key={kind}>
                <Typography.Text strong>{t(`talentIndicators.kind.${kind}`)}</Typography.Text>
                {group(kind).map((i) => (
                  <Space key={i.code} wrap align="start" style={{ display: 'flex', marginTop: 6 }}>
                    <Form.Item
                      name={['scores', i.code]}
                      label={t('talent.evaluation.label', { name: i.name, w: i.weight })}
                      style={{ marginBottom: 0 }}
                      rules={[
                        { required: true, message: t('talent.evaluation.scoreRequired', { name: i.name }) },
                        { type: 'number', min: 0, max: 100, message: t('talent.evaluation.scoreRange', { name: i.name }) },
                      ]}
                    >
                      <InputNumber style={{ width: 120 }} data-testid={`evaluation-score-${i.code}`} />
                    </Form.Item>
                    <Form.Item
                      name={['notes', i.code]}
                      label={t('talent.evaluation.note')}
                      style={{ marginBottom: 0 }}
                      rules={[{ max: 500, message: t('talent.evaluation.noteLong') }]}
                    >
                      <Input style={{ width: 360 }} />
                    </Form.Item>
                  </Space>
                ))}
              </div>
            ))}
          </Form>
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} onClick={submit} data-testid="evaluation-save">
              {t('talent.evaluation.save')}
            </Button>
            <Button onClick={props.onCancel}>{t('talent.evaluation.cancel')}</Button>
          </Space>
        </>
      )}
    </Card>
  );
}

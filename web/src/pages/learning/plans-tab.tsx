// Staff: the plans issued in the subtree; issue a plan (audience, materials, quizzes, hours, period);
// its completion per organization below, with the definition and a bar chart — never a list of people.
import { useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CADRE_LEVELS } from '../../../../domain/rules/cadre-levels';
import { PLAN_AUDIENCES, type TPlanAudience } from '../../../../domain/schemas/learning';
import { errorText } from '../../api/client';
import { closePlan, createPlan, getPlanProgress, listMaterials, listPlans, type TPlan } from '../../api/learning';
import { useMe } from '../../auth/auth-context';
import { LazyChart } from '../../components/lazy-chart';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { percent } from './learning-format';

interface FormValues {
  orgId: number;
  title: string;
  description?: string;
  audiences: TPlanAudience[];
  cadreLevels?: string[];
  requiredHours: number;
  period: [Dayjs, Dayjs];
  materials?: number[];
  quizzes?: string;
}

function ProgressDrawer({ plan, onClose }: { plan: TPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const [stack, setStack] = useState<number[]>([]);
  const orgId = stack[stack.length - 1];
  const req = useRequest((signal) => getPlanProgress(plan.id, orgId, signal), [plan.id, orgId]);
  const d = req.data;
  const rows = d?.rows.filter((r) => r.learners > 0) ?? [];
  return (
    <Drawer open title={`${plan.title} · ${t('learning.plans.progress')}`} onClose={onClose} size="large" data-testid="plan-progress">
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {d && (
        <>
          <Alert type="info" title={d.definition} style={{ marginBottom: 8 }} />
          <Space style={{ marginBottom: 8 }}>
            <strong>{d.orgName}</strong>
            <span>
              {t('learning.plans.total')}: {d.total.completed} / {d.total.learners} · {percent(d.total.share)}
            </span>
            {stack.length > 0 && (
              <Button size="small" onClick={() => setStack(stack.slice(0, -1))}>
                {t('learning.plans.up')}
              </Button>
            )}
          </Space>
          {rows.length > 0 && (
            <LazyChart
              height={Math.max(160, rows.length * 22)}
              option={{
                grid: { left: 140, right: 40, top: 10, bottom: 20 },
                xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                yAxis: { type: 'category', data: rows.map((r) => r.orgName), inverse: true },
                series: [
                  {
                    type: 'bar',
                    data: rows.map((r) => Math.round((r.share ?? 0) * 1000) / 10),
                    label: { show: true, position: 'right', formatter: '{c}%' },
                  },
                ],
              }}
            />
          )}
          <Table
            size="small"
            rowKey="orgId"
            dataSource={d.rows}
            pagination={false}
            columns={[
              { title: t('learning.plans.progressCol.org'), dataIndex: 'orgName' },
              { title: t('learning.plans.progressCol.learners'), dataIndex: 'learners', width: 110 },
              { title: t('learning.plans.progressCol.completed'), dataIndex: 'completed', width: 90 },
              { title: t('learning.plans.progressCol.share'), dataIndex: 'share', width: 90, render: (s: number | null) => percent(s) },
              {
                width: 90,
                render: (_: unknown, r) => (
                  <Button size="small" type="link" onClick={() => setStack([...stack, r.orgId])}>
                    {t('learning.plans.drill')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function PlansTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const req = useRequest((signal) => listPlans(signal), []);
  const materials = useRequest((signal) => listMaterials({ limit: 200 }, signal), []);
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<TPlan>();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<FormValues>();
  const audiences = Form.useWatch('audiences', form);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const quizIds = (v.quizzes ?? '')
      .split(/[,，\s]+/)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    try {
      await createPlan({
        orgId: v.orgId,
        title: v.title,
        description: v.description ?? '',
        audiences: v.audiences,
        cadreLevels: (v.cadreLevels ?? []) as (typeof CADRE_LEVELS)[number][],
        requiredHours: v.requiredHours,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        items: [
          ...(v.materials ?? []).map((refId) => ({ kind: 'material' as const, refId })),
          ...quizIds.map((refId) => ({ kind: 'quiz' as const, refId })),
        ],
      });
      setOpen(false);
      form.resetFields();
      req.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const close = async (id: number) => {
    try {
      await closePlan(id);
      req.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div data-testid="learning-plans">
      <div className="filter-bar">
        <span style={{ flex: 1 }} />
        {manage && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="plan-create">
            {t('learning.plans.create')}
          </Button>
        )}
      </div>
      {(error || req.error !== undefined) && (
        <Alert type="error" showIcon title={error ?? errorText(req.error)} style={{ marginBottom: 8 }} />
      )}
      <Table<TPlan>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items}
        scroll={{ x: 800 }}
        columns={[
          { title: t('learning.plans.col.title'), dataIndex: 'title' },
          { title: t('learning.plans.col.org'), dataIndex: 'orgName', width: 160 },
          {
            title: t('learning.plans.col.audiences'),
            render: (_: unknown, p) =>
              p.audiences.map((a) => (
                <Tag key={a}>
                  {t(`learning.audiences.${a}`)}
                  {a === 'cadres' && p.cadreLevels.length ? `（${p.cadreLevels.join('、')}）` : ''}
                </Tag>
              )),
          },
          { title: t('learning.plans.col.hours'), dataIndex: 'requiredHours', width: 90 },
          { title: t('learning.plans.col.period'), width: 190, render: (_: unknown, p) => `${p.startsOn} ~ ${p.endsOn}` },
          { title: t('learning.plans.col.items'), width: 60, render: (_: unknown, p) => p.items.length },
          {
            title: t('learning.plans.col.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: TPlan['status']) => t(`learning.status.${s}`),
          },
          {
            width: 170,
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" type="link" onClick={() => setProgress(p)} data-testid={`plan-progress-${p.id}`}>
                  {t('learning.plans.progress')}
                </Button>
                {manage && p.status !== 'closed' && (
                  <Button size="small" type="link" danger onClick={() => void close(p.id)}>
                    {t('learning.plans.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {progress && <ProgressDrawer plan={progress} onClose={() => setProgress(undefined)} />}
      <Modal
        open={open}
        title={t('learning.plans.create')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ orgId: me.orgId, audiences: ['all'], requiredHours: 8 }}>
          <Form.Item name="orgId" label={t('learning.plans.form.org')} rules={[{ required: true }]}>
            <OrgTreeSelect valueLabel={me.orgName} />
          </Form.Item>
          <Form.Item name="title" label={t('learning.plans.form.title')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('learning.plans.form.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="audiences" label={t('learning.plans.form.audiences')} rules={[{ required: true }]}>
            <Select mode="multiple" options={PLAN_AUDIENCES.map((a) => ({ value: a, label: t(`learning.audiences.${a}`) }))} />
          </Form.Item>
          {audiences?.includes('cadres') && (
            <Form.Item name="cadreLevels" label={t('learning.plans.form.levels')}>
              <Select mode="multiple" options={CADRE_LEVELS.map((l) => ({ value: l, label: l }))} />
            </Form.Item>
          )}
          <Space wrap>
            <Form.Item name="requiredHours" label={t('learning.plans.form.hours')} rules={[{ required: true }]}>
              <InputNumber min={0} max={2000} step={0.5} />
            </Form.Item>
            <Form.Item name="period" label={t('learning.plans.form.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </Space>
          <Form.Item name="materials" label={t('learning.plans.form.materials')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(materials.data?.items ?? []).filter((m) => m.status === 'published').map((m) => ({ value: m.id, label: m.title }))}
            />
          </Form.Item>
          <Form.Item name="quizzes" label={t('learning.plans.form.quizzes')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

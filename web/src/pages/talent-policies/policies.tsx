// The policy register (issue 15 point 4): 文号, issuer and co-issuers, level, dates, status; each item's versions
// keyed by effective date with amount, conditions and source; a new dated version added through a form prefilled
// from the one in force, and a new policy with its first item.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  addVersion,
  createPolicy,
  listPolicies,
  POLICY_LEVELS,
  POLICY_STATUSES,
  type TItem,
  type TPolicy,
  type TCondition,
} from '../../api/talent-policies';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { lbl, yuan } from './parts';
import { toVersion, VersionFields, type VersionValues } from './version-form';

export function PoliciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const r = useRequest((signal) => listPolicies(signal), []);
  const [versionOf, setVersionOf] = useState<TItem>();
  const [adding, setAdding] = useState(false);
  const config = can(me.roles, 'talent.config');
  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  return (
    <div data-testid="tp-policies">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">{t('talentPolicies.policy.hint')}</Typography.Text>
        {config && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="tp-policy-add">
            {t('talentPolicies.policy.add')}
          </Button>
        )}
      </Space>
      <Table<TPolicy>
        size="small"
        rowKey="id"
        loading={r.loading}
        dataSource={r.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (p) => <Items p={p} onVersion={config ? setVersionOf : undefined} /> }}
        columns={[
          { title: t('talentPolicies.policy.docNo'), dataIndex: 'docNo' },
          { title: t('talentPolicies.policy.name'), dataIndex: 'title' },
          {
            title: t('talentPolicies.policy.issuer'),
            render: (_, p) => (
              <>
                {p.issuer}
                {p.coIssuers.length > 0 && <Typography.Text type="secondary"> · {p.coIssuers.join('、')}</Typography.Text>}
              </>
            ),
          },
          { title: t('talentPolicies.policy.level'), dataIndex: 'level', render: (v: string) => lbl(t, 'level', v) },
          { title: t('talentPolicies.policy.publishedOn'), dataIndex: 'publishedOn' },
          { title: t('talentPolicies.policy.effectiveOn'), dataIndex: 'effectiveOn' },
          { title: t('talentPolicies.policy.expiresOn'), dataIndex: 'expiresOn' },
          {
            title: t('talentPolicies.policy.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={v === 'in_force' ? 'green' : 'default'}>{lbl(t, 'policyStatus', v)}</Tag>,
          },
          {
            title: t('talentPolicies.policy.expertReview'),
            dataIndex: 'expertReview',
            render: (v: boolean) => (v ? t('talentPolicies.policy.yes') : t('talentPolicies.policy.no')),
          },
          { title: t('talentPolicies.policy.publicityDays'), dataIndex: 'publicityDays' },
          { title: t('talentPolicies.policy.instalments'), dataIndex: 'instalments' },
        ]}
      />
      {versionOf && (
        <VersionModal
          item={versionOf}
          onClose={(saved) => {
            setVersionOf(undefined);
            if (saved) r.reload();
          }}
        />
      )}
      {adding && (
        <PolicyModal
          onClose={(saved) => {
            setAdding(false);
            if (saved) r.reload();
          }}
        />
      )}
    </div>
  );
}

function Items({ p, onVersion }: { p: TPolicy; onVersion?: (i: TItem) => void }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div>
      {p.note && <Typography.Paragraph type="secondary">{p.note}</Typography.Paragraph>}
      {p.items.map((i) => {
        const current = [...i.versions].reverse().find((v) => v.effectiveOn <= today);
        return (
          <div key={i.id} style={{ marginBottom: 12 }} data-testid={`tp-item-${i.code}`}>
            <Space wrap>
              <Typography.Text strong>
                {i.name} ({i.code})
              </Typography.Text>
              {onVersion && (
                <Button size="small" onClick={() => onVersion(i)} data-testid={`tp-version-add-${i.code}`}>
                  {t('talentPolicies.version.add')}
                </Button>
              )}
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...i.versions].reverse()}
              columns={[
                {
                  title: t('talentPolicies.version.effectiveOn'),
                  dataIndex: 'effectiveOn',
                  render: (v: string, row) => (
                    <Space>
                      {v}
                      {row.id === current?.id ? (
                        <Tag color="green">{t('talentPolicies.version.current')}</Tag>
                      ) : v > today ? (
                        <Tag color="blue">{t('talentPolicies.version.future')}</Tag>
                      ) : (
                        <Tag>{t('talentPolicies.version.past')}</Tag>
                      )}
                    </Space>
                  ),
                },
                { title: t('talentPolicies.version.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
                {
                  title: t('talentPolicies.version.conditions'),
                  dataIndex: 'conditions',
                  render: (cs: TCondition[]) => <ConditionTags cs={cs} />,
                },
                { title: t('talentPolicies.version.source'), dataIndex: 'source' },
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}

/** A condition in a few words: its label and its parameters. */
function ConditionTags({ cs }: { cs: TCondition[] }) {
  const { t } = useTranslation();
  const words = (c: TCondition): string => {
    switch (c.kind) {
      case 'age_max':
      case 'returned_within_months':
        return `≤ ${c.max}${c.tierMax ? ` (${c.tierMax.tiers.join('/')} ≤ ${c.tierMax.max})` : ''}`;
      case 'degree':
        return `≥ ${lbl(t, 'degree', c.minLevel)} · ${lbl(t, 'where', c.where)}`;
      case 'tier_in':
        return c.tiers.join('/');
      case 'social_insurance_months':
      case 'income_tax_months':
      case 'contract_years':
        return `≥ ${c.min}`;
      case 'no_duplicate':
        return c.exclusive.join('/');
      default:
        return '';
    }
  };
  return (
    <Space size={[4, 4]} wrap>
      {cs.map((c, k) => (
        <Tag key={k} title={c.source}>
          {lbl(t, 'cond', c.kind)} {words(c)}
        </Tag>
      ))}
    </Space>
  );
}

function VersionModal({ item, onClose }: { item: TItem; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VersionValues>();
  const [busy, setBusy] = useState(false);
  const last = item.versions[item.versions.length - 1];
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await addVersion(item.id, toVersion(v));
      message.success(t('talentPolicies.version.added'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={820}
      title={t('talentPolicies.version.addTitle', { item: item.name })}
      onOk={save}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
    >
      <Alert type="info" showIcon message={t('talentPolicies.version.addHint')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          amountYuan: last ? last.amountFen / 100 : 0,
          source: '',
          conditions: last?.conditions ?? [],
        }}
      >
        <VersionFields />
      </Form>
    </Modal>
  );
}

interface PolicyValues {
  docNo: string;
  title: string;
  issuer: string;
  coIssuers: string[];
  level: TPolicy['level'];
  publishedOn?: dayjs.Dayjs;
  effectiveOn: dayjs.Dayjs;
  expiresOn?: dayjs.Dayjs;
  status: TPolicy['status'];
  expertReview: boolean;
  publicityDays: number;
  instalments: number;
  note: string;
  code: string;
  name: string;
  version: VersionValues;
}

function PolicyModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const [busy, setBusy] = useState(false);
  const day = (d?: dayjs.Dayjs) => (d ? d.format('YYYY-MM-DD') : null);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await createPolicy({
        docNo: v.docNo,
        title: v.title,
        issuer: v.issuer,
        coIssuers: v.coIssuers ?? [],
        level: v.level,
        publishedOn: day(v.publishedOn),
        effectiveOn: day(v.effectiveOn)!,
        expiresOn: day(v.expiresOn),
        status: v.status,
        expertReview: !!v.expertReview,
        publicityDays: v.publicityDays,
        instalments: v.instalments,
        note: v.note ?? '',
        items: [{ code: v.code, name: v.name, version: toVersion(v.version) }],
      });
      message.success(t('talentPolicies.policy.created'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, whitespace: true }];
  return (
    <Modal open width={860} title={t('talentPolicies.policy.add')} onOk={save} confirmLoading={busy} onCancel={() => onClose(false)}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'city', status: 'in_force', publicityDays: 5, instalments: 1, coIssuers: [], version: { conditions: [] } }}
      >
        <Space wrap>
          <Form.Item name="docNo" label={t('talentPolicies.policy.docNo')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('talentPolicies.policy.name')} rules={req}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="issuer" label={t('talentPolicies.policy.issuer')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="coIssuers" label={t('talentPolicies.policy.coIssuers')}>
            <Select mode="tags" open={false} style={{ minWidth: 240 }} />
          </Form.Item>
          <Form.Item name="level" label={t('talentPolicies.policy.level')}>
            <Select style={{ width: 120 }} options={POLICY_LEVELS.map((l) => ({ value: l, label: lbl(t, 'level', l) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('talentPolicies.policy.status')}>
            <Select style={{ width: 120 }} options={POLICY_STATUSES.map((l) => ({ value: l, label: lbl(t, 'policyStatus', l) }))} />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('talentPolicies.policy.publishedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveOn" label={t('talentPolicies.policy.effectiveOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('talentPolicies.policy.expiresOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="publicityDays" label={t('talentPolicies.policy.publicityDays')}>
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
          <Form.Item name="instalments" label={t('talentPolicies.policy.instalments')}>
            <InputNumber min={1} max={10} precision={0} />
          </Form.Item>
          <Form.Item name="expertReview" valuePropName="checked" label={t('talentPolicies.policy.expertReview')}>
            <Checkbox />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('talentPolicies.policy.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Typography.Title level={5}>{t('talentPolicies.policy.items')}</Typography.Title>
        <Space wrap>
          <Form.Item name="code" label={t('talentPolicies.policy.itemCode')} rules={[{ required: true, pattern: /^[A-Z0-9-]{2,40}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('talentPolicies.policy.itemName')} rules={req}>
            <Input />
          </Form.Item>
        </Space>
        <VersionFields prefix={['version']} />
      </Form>
    </Modal>
  );
}

// A dated version of a benefit item: effective date, amount in yuan (sent as fen), source, and its conditions from
// the closed vocabulary (domain/rules/talent-policy.ts), each with its parameters. Used to add a new version and
// inside the new-policy form.
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONDITION_KINDS, DEGREE_LEVELS } from '../../../../domain/rules/talent-policy';
import type { TCondition, TVersionCreate } from '../../api/talent-policies';
import { lbl, toFen } from './parts';

/** The form's values: dates as dayjs, the amount in yuan, code lists as tags. */
export interface VersionValues {
  effectiveOn: Dayjs;
  amountYuan: number;
  source: string;
  conditions: (Partial<TCondition> & { kind: TCondition['kind'] })[];
}

export function toVersion(v: VersionValues): TVersionCreate {
  return {
    effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
    amountFen: toFen(v.amountYuan),
    source: v.source,
    conditions: (v.conditions ?? []).map((c) => {
      const { source, ...rest } = c as TCondition;
      const clean: Record<string, unknown> = Object.fromEntries(
        Object.entries(rest).filter(([, x]) => x !== undefined && x !== null && x !== ''),
      );
      const raised = clean.tierMax as { tiers?: string[]; max?: number } | undefined;
      if (raised && (!raised.tiers?.length || !raised.max)) delete clean.tierMax;
      if (c.kind === 'no_duplicate' && !clean.exclusive) clean.exclusive = [];
      return { ...clean, ...(source ? { source } : {}) } as TCondition;
    }),
  };
}

/** The fields of one version under `prefix` (e.g. ['items', 0, 'version']) or at the form's top level. */
export function VersionFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const { t } = useTranslation();
  const n = (name: string | (string | number)[]) => [...prefix, ...(Array.isArray(name) ? name : [name])];
  return (
    <>
      <Space wrap>
        <Form.Item name={n('effectiveOn')} label={t('talentPolicies.version.effectiveOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="version-effective" />
        </Form.Item>
        <Form.Item name={n('amountYuan')} label={t('talentPolicies.version.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="version-amount" />
        </Form.Item>
      </Space>
      <Form.Item name={n('source')} label={t('talentPolicies.version.source')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="version-source" />
      </Form.Item>
      <Form.List name={n('conditions')}>
        {(fields, { add, remove }) => (
          <Form.Item label={t('talentPolicies.version.conditions')}>
            {fields.map((f) => (
              <Card size="small" key={f.key} style={{ marginBottom: 8 }}>
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'kind']} label={t('talentPolicies.version.kind')} rules={[{ required: true }]}>
                    <Select style={{ width: 180 }} options={CONDITION_KINDS.map((k) => ({ value: k, label: lbl(t, 'cond', k) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {(form) => <Params kind={form.getFieldValue(n(['conditions', f.name, 'kind']))} name={f.name} />}
                  </Form.Item>
                  <Form.Item name={[f.name, 'source']} label={t('talentPolicies.version.condSource')}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                </Space>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'social_insurance_months', min: 3 })}>
              {t('talentPolicies.version.addCondition')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

/** The parameters of one condition kind. */
function Params({ kind, name }: { kind: TCondition['kind'] | undefined; name: number }) {
  const { t } = useTranslation();
  const num = (field: string, label: string, max: number) => (
    <Form.Item name={[name, field]} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} max={max} precision={0} />
    </Form.Item>
  );
  const codes = (field: string | string[], label: string, required = true) => (
    <Form.Item name={[name, ...(Array.isArray(field) ? field : [field])]} label={label} rules={[{ required }]}>
      <Select mode="tags" style={{ minWidth: 140 }} open={false} />
    </Form.Item>
  );
  switch (kind) {
    case 'age_max':
    case 'returned_within_months':
      return (
        <>
          {num('max', kind === 'age_max' ? t('talentPolicies.version.max') : t('talentPolicies.version.months'), 1200)}
          {codes(['tierMax', 'tiers'], t('talentPolicies.version.raised'), false)}
          <Form.Item name={[name, 'tierMax', 'max']} label={t('talentPolicies.version.max')}>
            <InputNumber min={1} max={1200} precision={0} />
          </Form.Item>
        </>
      );
    case 'degree':
      return (
        <>
          <Form.Item name={[name, 'minLevel']} label={t('talentPolicies.version.minLevel')} rules={[{ required: true }]}>
            <Select style={{ width: 100 }} options={DEGREE_LEVELS.map((d) => ({ value: d, label: lbl(t, 'degree', d) }))} />
          </Form.Item>
          <Form.Item name={[name, 'where']} label={t('talentPolicies.version.where')} rules={[{ required: true }]}>
            <Select
              style={{ width: 100 }}
              options={(['abroad', 'domestic', 'any'] as const).map((w) => ({ value: w, label: lbl(t, 'where', w) }))}
            />
          </Form.Item>
        </>
      );
    case 'tier_in':
      return codes('tiers', t('talentPolicies.version.tiers'));
    case 'social_insurance_months':
    case 'income_tax_months':
      return num('min', t('talentPolicies.version.months'), 600);
    case 'contract_years':
      return num('min', t('talentPolicies.version.years'), 50);
    case 'no_duplicate':
      return codes('exclusive', t('talentPolicies.version.exclusive'), false);
    default:
      return null;
  }
}

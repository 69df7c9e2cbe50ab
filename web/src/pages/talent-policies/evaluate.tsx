// "What is this person entitled to on this date, and why": a policy, a date, and a registered talent or typed
// facts; the answer names every condition met or not with its reason and source, and the amount in yuan.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, InputNumber, Radio, Select, Space, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEGREE_LEVELS } from '../../../../domain/rules/talent-policy';
import { errorText } from '../../api/client';
import { evaluatePolicy, listPolicies, pickPeople, type TEvaluation, type TFacts, type TPersonPick } from '../../api/talent-policies';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { EvaluationView, lbl } from './parts';

interface Values {
  policyId: number;
  on: Dayjs;
  mode: 'person' | 'facts';
  personId?: number;
  birth?: Dayjs;
  degrees?: {
    level: TFacts['degrees'] extends (infer D)[] | undefined ? (D extends { level: infer L } ? L : never) : never;
    abroad?: boolean;
  }[];
  tierCode?: string;
  socialInsuranceMonths?: number;
  incomeTaxMonths?: number;
  contractYears?: number;
  returnedOn?: Dayjs;
  employerInDistrict?: boolean;
  paidItems?: string[];
}

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);

export function EvaluatePage() {
  const { t } = useTranslation();
  const policies = useRequest((signal) => listPolicies(signal), []);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const [people, setPeople] = useState<TPersonPick[]>([]);
  const [result, setResult] = useState<TEvaluation>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const facts: TFacts = {
        birth: day(v.birth),
        degrees: (v.degrees ?? []).filter((d) => d?.level).map((d) => ({ level: d.level, abroad: !!d.abroad })),
        tierCode: v.tierCode?.trim() || null,
        socialInsuranceMonths: v.socialInsuranceMonths ?? null,
        incomeTaxMonths: v.incomeTaxMonths ?? null,
        contractYears: v.contractYears ?? null,
        returnedOn: day(v.returnedOn),
        employerInDistrict: v.employerInDistrict ?? false,
        paidItems: v.paidItems ?? [],
      };
      setResult(
        await evaluatePolicy(v.policyId, {
          on: v.on.format('YYYY-MM-DD'),
          ...(v.mode === 'person' ? { personId: v.personId } : { facts }),
        }),
      );
    } catch (e) {
      setError(errorText(e));
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="tp-evaluate">
      <Alert type="info" showIcon message={t('talentPolicies.evaluate.hint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={{ on: dayjs(), mode: 'facts', degrees: [], employerInDistrict: true }}>
          <Space wrap>
            <Form.Item name="policyId" label={t('talentPolicies.evaluate.policy')} rules={[{ required: true }]}>
              <Select
                style={{ width: 320 }}
                data-testid="eval-policy"
                loading={policies.loading}
                options={policies.data?.items.map((p) => ({ value: p.id, label: `${p.title}（${p.docNo}）` }))}
              />
            </Form.Item>
            <Form.Item name="on" label={t('talentPolicies.evaluate.on')} rules={[{ required: true }]}>
              <DatePicker data-testid="eval-on" />
            </Form.Item>
            <Form.Item name="mode" label={t('talentPolicies.evaluate.mode')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'facts', label: t('talentPolicies.evaluate.facts') },
                  { value: 'person', label: t('talentPolicies.evaluate.person') },
                ]}
              />
            </Form.Item>
          </Space>
          {mode === 'person' ? (
            <Form.Item name="personId" label={t('talentPolicies.evaluate.person')} rules={[{ required: true }]}>
              <Select
                showSearch
                filterOption={false}
                style={{ width: 360 }}
                placeholder={t('talentPolicies.evaluate.pickPerson')}
                onSearch={(q) => void pickPeople(q).then((r) => setPeople(r.items))}
                onFocus={() => people.length === 0 && void pickPeople('').then((r) => setPeople(r.items))}
                options={people.map((p) => ({ value: p.id, label: [p.name, p.employerName, p.tierCode].filter(Boolean).join(' · ') }))}
                data-testid="eval-person"
              />
            </Form.Item>
          ) : (
            <Space wrap align="start">
              <Form.Item name="birth" label={t('talentPolicies.evaluate.birth')}>
                <DatePicker data-testid="eval-birth" />
              </Form.Item>
              <Form.Item name="tierCode" label={t('talentPolicies.evaluate.tierCode')}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="socialInsuranceMonths" label={t('talentPolicies.evaluate.siMonths')}>
                <InputNumber min={0} max={600} precision={0} data-testid="eval-si" />
              </Form.Item>
              <Form.Item name="incomeTaxMonths" label={t('talentPolicies.evaluate.taxMonths')}>
                <InputNumber min={0} max={600} precision={0} data-testid="eval-tax" />
              </Form.Item>
              <Form.Item name="contractYears" label={t('talentPolicies.evaluate.contractYears')}>
                <InputNumber min={0} max={50} precision={0} data-testid="eval-contract" />
              </Form.Item>
              <Form.Item name="returnedOn" label={t('talentPolicies.evaluate.returnedOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="employerInDistrict" valuePropName="checked" label={t('talentPolicies.evaluate.employerInDistrict')}>
                <Checkbox />
              </Form.Item>
              <Form.Item name="paidItems" label={t('talentPolicies.evaluate.paidItems')}>
                <Select mode="tags" open={false} style={{ minWidth: 160 }} />
              </Form.Item>
              <Form.List name="degrees">
                {(fields, { add }) => (
                  <Form.Item label={t('talentPolicies.evaluate.degrees')}>
                    {fields.map((f) => (
                      <Space key={f.key}>
                        <Form.Item name={[f.name, 'level']} noStyle>
                          <Select
                            style={{ width: 100 }}
                            data-testid={`eval-degree-${f.name}`}
                            options={DEGREE_LEVELS.map((d) => ({ value: d, label: lbl(t, 'degree', d) }))}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'abroad']} valuePropName="checked" noStyle>
                          <Checkbox>{t('talentPolicies.evaluate.abroad')}</Checkbox>
                        </Form.Item>
                      </Space>
                    ))}
                    <Button size="small" onClick={() => add({ level: 'doctor', abroad: false })} data-testid="eval-add-degree">
                      {t('talentPolicies.evaluate.addDegree')}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
            </Space>
          )}
          <Button type="primary" onClick={run} loading={busy} data-testid="eval-run">
            {t('talentPolicies.evaluate.run')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {result && (
        <Card size="small" style={{ marginTop: 12 }}>
          <EvaluationView e={result} />
        </Card>
      )}
    </div>
  );
}

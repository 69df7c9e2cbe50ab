// Records the next step of a person: date, people, papers, the vote or decision the step needs.
// The rules are checked on the server as the form changes; a rule that allows 特殊情况 can be
// accepted by a permitted role with a reason (audited, shown on the record).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, AutoComplete, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../api/client';
import { checkStep, eligibleMembers, recordStep, type TPersonDetail, type TViolation, type TStepInputBody } from '../../api/development';
import { useRequest } from '../../lib/use-request';
import { useMe } from '../../auth/auth-context';
import { can } from '../../../../domain/permissions';
import { FULL_OUTCOMES, stepDef } from '../../../../domain/rules/development-steps';
import { useDevLabels } from './dev-labels';
import { VoteFields } from './vote-fields';
import { validValues } from '../../lib/form-values';

interface Values extends Omit<TStepInputBody, 'doneOn' | 'override'> {
  doneOn: Dayjs;
  overrideReason?: string;
}

const toBody = (v: Values, withOverride: boolean): TStepInputBody => {
  const { doneOn, overrideReason, documents, ...rest } = v;
  return {
    ...rest,
    doneOn: doneOn.format('YYYY-MM-DD'),
    documents: documents?.filter((d) => d?.name?.trim()),
    ...(withOverride && overrideReason ? { override: { reason: overrideReason } } : {}),
  };
};

export function StepFormModal({
  person,
  onCancel,
  onSaved,
}: {
  person: TPersonDetail;
  onCancel: () => void;
  onSaved: (p: TPersonDetail) => void;
}) {
  const { t } = useTranslation();
  const l = useDevLabels();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const stepNo = (Form.useWatch('stepNo', form) as number | undefined) ?? person.allowedNext[0];
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const def = stepDef(stepNo);
  const [violations, setViolations] = useState<TViolation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const members = useRequest(
    () => (def.people ? eligibleMembers(person.orgId) : Promise.resolve({ items: [] })),
    [def.people, person.orgId],
  );
  const mayOverride = can(me.roles, 'dev.override');
  const soft = violations?.length ? violations.every((v) => v.overridable) : false;

  const runCheck = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const v = form.getFieldsValue(true) as Values;
      if (!v.doneOn) return;
      checkStep(person.id, toBody(v, false)).then(
        (r) => setViolations(r.violations),
        () => setViolations(null),
      );
    }, 350);
  };
  useEffect(() => {
    // each step offers its own usual papers
    form.setFieldValue(
      'documents',
      (stepDef(stepNo).documents ?? []).slice(0, 1).map((name) => ({ name })),
    );
    runCheck();
    return () => clearTimeout(timer.current);
    // re-check when the step changes; field edits call runCheck themselves
  }, [stepNo]);

  const save = async (withOverride: boolean) => {
    // A wrong field shows its message under the field; nothing is sent.
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await recordStep(person.id, toBody({ ...(form.getFieldsValue(true) as Values), ...v }, withOverride)));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const documentOptions = useMemo(() => (def.documents ?? []).map((d) => ({ value: d })), [def]);
  return (
    <Modal
      open
      width={760}
      title={t('development.form.title', { no: stepNo, name: l.step(stepNo).replace(/^\d+\. /, '') })}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        soft && mayOverride ? (
          <Button key="o" danger loading={saving} onClick={() => save(true)} data-testid="step-save-override">
            {t('development.form.saveOverride')}
          </Button>
        ) : null,
        <Button key="s" type="primary" loading={saving} onClick={() => save(false)} data-testid="step-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ stepNo: person.allowedNext[0], doneOn: dayjs() }}
        onValuesChange={runCheck}
      >
        <Space wrap align="start">
          <Form.Item name="stepNo" label={t('development.form.stepNo')}>
            <Select
              style={{ width: 260 }}
              options={person.allowedNext.map((n) => ({ value: n, label: l.step(n) }))}
              data-testid="step-select"
            />
          </Form.Item>
          <Form.Item
            name="doneOn"
            label={t('development.form.doneOn')}
            rules={[{ required: true, message: t('development.form.doneOnRequired') }]}
          >
            <DatePicker data-testid="step-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        {def.people && (
          <Form.Item name="memberIds" label={t(`development.form.people.${def.people}`)} extra={t('development.form.peopleHint')}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              loading={members.loading}
              data-testid="step-people"
              options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
            />
          </Form.Item>
        )}
        {stepNo === 10 && (
          <Form.Item name="reviewPassed" label={t('development.form.reviewPassed')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('development.form.reviewYes') },
                { value: false, label: t('development.form.reviewNo') },
              ]}
            />
          </Form.Item>
        )}
        {stepNo === 11 && (
          <Space>
            <Form.Item name="trainingDays" label={t('development.form.trainingDays')}>
              <InputNumber min={0} max={365} step={0.5} />
            </Form.Item>
            <Form.Item name="trainingHours" label={t('development.form.trainingHours')}>
              <InputNumber min={0} max={2000} />
            </Form.Item>
          </Space>
        )}
        {stepNo === 12 && (
          <Form.Item name="leavingSoon" valuePropName="checked">
            <Checkbox>{t('development.form.leavingSoon')}</Checkbox>
          </Form.Item>
        )}
        {def.vote && <VoteFields />}
        {stepNo === 23 && (
          <Space align="start">
            <Form.Item name="outcome" label={t('development.form.outcome')} rules={[{ required: true }]}>
              <Radio.Group options={FULL_OUTCOMES.map((o) => ({ value: o, label: l.outcome(o) }))} data-testid="step-outcome" />
            </Form.Item>
            {outcome === 'extend' && (
              <Form.Item name="extensionMonths" label={t('development.form.extensionMonths')} rules={[{ required: true }]}>
                <InputNumber min={6} max={12} precision={0} />
              </Form.Item>
            )}
          </Space>
        )}
        <Form.List name="documents">
          {(fields, { add, remove }) => (
            <Form.Item label={t('development.form.documents')}>
              {fields.map((f) => (
                <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'name']} noStyle>
                    <AutoComplete options={documentOptions} style={{ width: 220 }} placeholder={t('development.form.documentName')} />
                  </Form.Item>
                  <Form.Item
                    rules={[{ max: 60 }]}
                    name={[f.name, 'number']}
                    messageVariables={{ label: t('development.form.documentNumber') }}
                    noStyle
                  >
                    <Input style={{ width: 180 }} placeholder={t('development.form.documentNumber')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('development.form.addDocument')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item rules={[{ max: 500 }]} name="note" label={t('development.form.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {violations && violations.length > 0 && (
          <Alert
            type={soft ? 'warning' : 'error'}
            showIcon
            data-testid="rule-violations"
            style={{ marginBottom: 8 }}
            title={
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {violations.map((v) => (
                  <li key={v.code}>{v.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {violations && violations.length === 0 && (
          <Alert type="success" showIcon title={t('development.form.rulesOk')} style={{ marginBottom: 8 }} />
        )}
        {soft && mayOverride && (
          <Form.Item
            name="overrideReason"
            label={t('development.form.overrideReason')}
            extra={t('development.form.overrideHint')}
            rules={[{ max: 500 }, { min: 4, message: t('development.form.overrideReasonRequired') }]}
          >
            <Input.TextArea rows={2} data-testid="override-reason" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="step-error" />}
      </Form>
    </Modal>
  );
}

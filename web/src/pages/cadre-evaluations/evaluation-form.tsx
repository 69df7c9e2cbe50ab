// A new 民主测评: a team (its current members are copied now) or a list of cadres; the ballot's dimensions
// and answer sets; the voter categories with weights and codes planned.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ANSWER_SET_KEYS, DEFAULT_CATEGORIES, DEFAULT_DIMENSIONS, type AnswerSetKey } from '../../../../domain/rules/democratic-evaluation';
import { createEvaluation, evaluationTeams } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';
import { useRequest } from '../../lib/use-request';

interface Values {
  title: string;
  kind: 'team' | 'cadres';
  teamId?: number;
  cadreIds?: string;
  dimensions: { label: string; weight: number }[];
  answerSet: AnswerSetKey;
  teamAnswerSet: AnswerSetKey;
  categories: { name: string; weight: number; codes: number }[];
}

export function EvaluationForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const teams = useRequest((signal) => evaluationTeams(signal), []);
  const kind = Form.useWatch('kind', form);
  const teamId = Form.useWatch('teamId', form);
  const team = teams.data?.items.find((x) => x.id === teamId);
  const setOptions = ANSWER_SET_KEYS.map((k) => ({ value: k, label: t(`cadreEvaluations.answerSets.${k}`) }));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const ids = (v.cadreIds ?? '')
        .split(/[\s,，]+/)
        .filter(Boolean)
        .map(Number);
      const created = await createEvaluation({
        title: v.title,
        ...(v.kind === 'team' ? { teamId: v.teamId } : { cadreIds: ids }),
        dimensions: v.dimensions,
        answerSet: v.answerSet,
        teamAnswerSet: v.teamAnswerSet,
        categories: v.categories,
      });
      message.success(t('cadreEvaluations.form.created'));
      navigate(`../${created.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page-card" style={{ maxWidth: 760 }}>
      <Typography.Title level={4}>{t('cadreEvaluations.create')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'team',
          dimensions: DEFAULT_DIMENSIONS.map((d) => ({ ...d })),
          answerSet: 'grade',
          teamAnswerSet: 'satisfaction',
          categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
        }}
      >
        <Form.Item name="title" label={t('cadreEvaluations.form.title')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input placeholder={t('cadreEvaluations.form.titlePlaceholder')} data-testid="evaluation-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('cadreEvaluations.form.kind')}>
          <Radio.Group
            options={[
              { value: 'team', label: t('cadreEvaluations.form.kindTeam') },
              { value: 'cadres', label: t('cadreEvaluations.form.kindCadres') },
            ]}
          />
        </Form.Item>
        {kind !== 'cadres' ? (
          <Form.Item
            name="teamId"
            label={t('cadreEvaluations.form.team')}
            rules={[{ required: true }]}
            extra={
              team &&
              (team.members.length
                ? t('cadreEvaluations.form.teamMembers', { names: team.members.map((m) => m.name).join('、') })
                : t('cadreEvaluations.form.noMembers'))
            }
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={teams.loading}
              data-testid="evaluation-team"
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.unitName}）` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="cadreIds"
            label={t('cadreEvaluations.form.cadreIds')}
            extra={t('cadreEvaluations.form.cadreIdsHelp')}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
        )}
        <Typography.Text strong>{t('cadreEvaluations.form.dimensions')}</Typography.Text>
        <Form.List name="dimensions">
          {(fields, { add, remove }) => (
            <div style={{ margin: '8px 0 16px' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, max: 20 }]}>
                    <Input placeholder={t('cadreEvaluations.form.dimension')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={1000} addonBefore={t('cadreEvaluations.form.weight')} style={{ width: 160 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {fields.length < 12 && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', weight: 10 })}>
                  {t('cadreEvaluations.form.add')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="answerSet" label={t('cadreEvaluations.form.answerSet')}>
            <Select options={setOptions} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="teamAnswerSet" label={t('cadreEvaluations.form.teamAnswerSet')}>
            <Select options={setOptions} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <div>
          <Typography.Text strong>{t('cadreEvaluations.form.categories')}</Typography.Text>
        </div>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <div style={{ margin: '8px 0 16px' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, max: 30 }]}>
                    <Input placeholder={t('cadreEvaluations.form.category')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={1000} addonBefore={t('cadreEvaluations.form.weight')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'codes']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={2000} precision={0} addonBefore={t('cadreEvaluations.form.codes')} style={{ width: 170 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {fields.length < 12 && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 10, codes: 10 })}>
                  {t('cadreEvaluations.form.add')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="evaluation-submit">
            {t('cadreEvaluations.form.submit')}
          </Button>
          <Button onClick={() => navigate('..')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}

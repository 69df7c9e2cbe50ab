// Creating or editing a quiz: title, period, time limit, attempts, passing percentage, grading of
// multiple choice, 学时, and the draw rules (bank, type, category, count, points) from the banks this
// organization may use (its own and those of the organizations above it).
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { createQuiz, listBanks, updateQuiz, type TQuiz, type TQuizInput } from '../../api/learning-quizzes';
import { useRequest } from '../../lib/use-request';
import { validValues } from '../../lib/form-values';

const TYPES = ['single', 'multiple', 'judge', 'fill'] as const;

type Values = Omit<TQuizInput, 'opensOn' | 'closesOn' | 'maxAttempts'> & { period: [Dayjs, Dayjs]; maxAttempts?: number | null };

export function QuizModal({ quiz, onClose }: { quiz?: TQuiz; onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const banks = useRequest((signal) => listBanks({ usable: true, orgId: quiz?.orgId }, signal), [quiz?.orgId]);
  const rules = Form.useWatch('rules', form) ?? [];

  const ok = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    const body: TQuizInput = {
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      rules: v.rules.map((r) => ({ ...r, category: r.category || null })),
      timeLimitMinutes: v.timeLimitMinutes,
      maxAttempts: v.maxAttempts ?? null,
      passPercent: v.passPercent,
      multiScoring: v.multiScoring,
      hours: v.hours ?? 0,
      opensOn: v.period[0].format('YYYY-MM-DD'),
      closesOn: v.period[1].format('YYYY-MM-DD'),
    };
    try {
      const r = quiz ? await updateQuiz(quiz.id, body) : await createQuiz(body);
      onClose(r.id);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  const year = dayjs().year();
  const initial: Partial<Values> = quiz
    ? { ...quiz, period: [dayjs(quiz.opensOn), dayjs(quiz.closesOn)], rules: quiz.rules.map(({ bankName: _n, shortfall: _s, ...r }) => r) }
    : {
        timeLimitMinutes: 30,
        maxAttempts: 3,
        passPercent: 60,
        multiScoring: 'all',
        hours: 1,
        period: [dayjs(), dayjs(`${year}-12-31`)],
        rules: [{ bankId: undefined as unknown as number, type: 'single', category: null, count: 10, points: 5 }],
      };
  const categoriesOf = (bankId?: number, type?: string) =>
    (banks.data?.items.find((b) => b.id === bankId)?.categories ?? []).filter((c) => c.type === type && c.category !== '');

  return (
    <Modal
      open
      width={760}
      title={quiz ? t('learningQuizzes.quiz.edit') : t('learningQuizzes.quiz.create')}
      onCancel={() => onClose()}
      onOk={() => void ok()}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="title"
          label={t('learningQuizzes.quiz.title')}
          rules={[{ required: true, whitespace: true, message: t('learningQuizzes.quiz.titleRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('learningQuizzes.bank.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('learningQuizzes.quiz.period')}
          rules={[{ required: true, message: t('learningQuizzes.quiz.periodRequired') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="timeLimitMinutes" label={t('learningQuizzes.quiz.timeLimit')} rules={[{ required: true }]}>
            <InputNumber min={1} max={600} addonAfter={t('learningQuizzes.quiz.minuteUnit')} />
          </Form.Item>
          <Form.Item name="maxAttempts" label={t('learningQuizzes.quiz.maxAttempts')} extra={t('learningQuizzes.quiz.maxAttemptsHint')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="passPercent" label={t('learningQuizzes.quiz.pass')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="hours" label={t('learningQuizzes.quiz.hours')}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="multiScoring" label={t('learningQuizzes.quiz.scoring')}>
          <Select options={(['all', 'partial'] as const).map((s) => ({ value: s, label: t(`learningQuizzes.scoring.${s}`) }))} />
        </Form.Item>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item
                    name={[f.name, 'bankId']}
                    label={i === 0 ? t('learningQuizzes.rule.bank') : undefined}
                    rules={[{ required: true, message: t('learningQuizzes.rule.bankRequired') }]}
                  >
                    <Select
                      style={{ width: 200 }}
                      loading={banks.loading}
                      options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.questionCount}）` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']} label={i === 0 ? t('learningQuizzes.question.type') : undefined}>
                    <Select style={{ width: 100 }} options={TYPES.map((ty) => ({ value: ty, label: t(`learningQuizzes.type.${ty}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'category']} label={i === 0 ? t('learningQuizzes.question.category') : undefined}>
                    <Select
                      allowClear
                      style={{ width: 130 }}
                      placeholder={t('learningQuizzes.rule.any')}
                      options={categoriesOf(rules[i]?.bankId, rules[i]?.type).map((c) => ({
                        value: c.category,
                        label: `${c.category}（${c.count}）`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'count']}
                    label={i === 0 ? t('learningQuizzes.rule.count') : undefined}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={200} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'points']}
                    label={i === 0 ? t('learningQuizzes.rule.points') : undefined}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0.5} max={100} step={0.5} style={{ width: 80 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                      {t('learningQuizzes.rule.remove')}
                    </Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({ type: 'judge', category: null, count: 5, points: 2 })}>{t('learningQuizzes.rule.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

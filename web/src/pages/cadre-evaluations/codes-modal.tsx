// How many codes to generate per voter category (the planned number less those already generated).
import { useState } from 'react';
import { Alert, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { generateCodes, type TEvaluationCodes, type TEvaluationDetail } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';

export function CodesModal({ evaluation, onClose }: { evaluation: TEvaluationDetail; onClose: (codes?: TEvaluationCodes) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const initial = Object.fromEntries(evaluation.categories.map((c) => [c.key, Math.max(0, c.planned - c.issued)]));

  const submit = async (v: Record<string, number | null>) => {
    const items = evaluation.categories.map((c) => ({ category: c.key, count: v[c.key] ?? 0 })).filter((i) => i.count > 0);
    if (!items.length) return onClose();
    setBusy(true);
    setError(undefined);
    try {
      onClose(await generateCodes(evaluation.id, { items }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('cadreEvaluations.codes.title')}
      okText={t('cadreEvaluations.codes.generate')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Alert type="warning" showIcon message={t('cadreEvaluations.codes.notice')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="horizontal" initialValues={initial} onFinish={submit} labelCol={{ span: 10 }}>
        {evaluation.categories.map((c) => (
          <Form.Item key={c.key} name={c.key} label={`${c.name}（${t('cadreEvaluations.detail.issued')} ${c.issued}）`}>
            <InputNumber min={0} max={2000 - c.issued} precision={0} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

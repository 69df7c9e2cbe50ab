// The fields of a recognition application (tier, basis, résumé), shared by the form that drafts one and the form
// that corrects a draft or a returned one before it is (re)submitted.
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRecognition, TRecognitionResubmit } from '../../api/talent-recognition-own';

type Option = { value: number; label: string };

export function RecognitionFields({ tierOptions, loading }: { tierOptions: Option[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="tierId"
        label={t('talentPortal.recognition.tier')}
        rules={[{ required: true, message: t('talentPortal.recognition.tierRequired') }]}
      >
        <Select options={tierOptions} loading={loading} />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('talentPortal.recognition.basis')}
        rules={[{ required: true, message: t('talentPortal.recognition.basisRequired') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="resume" label={t('talentPortal.recognition.resume')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

type Fields = Omit<TRecognitionResubmit, 'version'>;

/**
 * A draft or returned application's tier, basis and résumé, editable before (re)submitting. `onSave` keeps the
 * changes; `onSubmit` sends the application with them (`changed`: whether anything was edited since it loaded).
 * Mounted anew for each application and status, so its fields start from what the server holds and keep unsaved
 * edits while evidence is uploaded; the version sent is the one last shown (`open.version`).
 */
export function RecognitionEditForm(props: {
  open: TRecognition;
  tierOptions: Option[];
  loading: boolean;
  busy: boolean;
  onSave: (v: Fields) => void;
  onSubmit: (v: Fields, changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const { open } = props;
  const values = (v: Fields): Fields => ({ tierId: v.tierId, basis: v.basis, resume: v.resume ?? '' });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      initialValues={{ tierId: open.tierId, basis: open.basis, resume: open.resume }}
      onFinish={(v) => props.onSubmit(values(v), form.isFieldsTouched())}
      data-testid="recognition-edit"
    >
      <RecognitionFields tierOptions={props.tierOptions} loading={props.loading} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button block loading={props.busy} onClick={() => void form.validateFields().then((v) => props.onSave(values(v)))}>
          {t('talentPortal.recognition.save')}
        </Button>
        <Button type="primary" htmlType="submit" block loading={props.busy}>
          {t(open.status === 'draft' ? 'talentPortal.recognition.submit' : 'talentPortal.recognition.resubmit')}
        </Button>
      </Space>
    </Form>
  );
}

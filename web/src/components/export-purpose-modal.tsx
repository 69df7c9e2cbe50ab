// Every export states its purpose (SECURITY.md 22); the server audits it with the filter and row count.
// One modal for all lists: a notice, optional extra fields (children), the purpose, and the download.
import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';

export interface ExportPurposeModalProps<V extends object> {
  title: string;
  notice: ReactNode;
  placeholder?: string;
  /** data-testid of the purpose input. */
  testId?: string;
  /** Extra form fields (e.g. a month range), their values are passed to onExport. */
  children?: ReactNode;
  initialValues?: Partial<V>;
  onExport: (purpose: string, values: V) => Promise<unknown>;
  /** Called after a successful download (done = true) or on cancel. */
  onClose: (done: boolean) => void;
}

export function ExportPurposeModal<V extends object = object>(props: ExportPurposeModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V & { purpose: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: V & { purpose: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { purpose, ...rest } = values;
      await props.onExport(purpose.trim(), rest as unknown as V);
      void message.success(t('common.exportDone'));
      props.onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={t('common.export')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={props.notice} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={props.initialValues}>
        {props.children}
        <Form.Item
          name="purpose"
          label={t('common.exportPurpose')}
          rules={[{ max: 200 }, { required: true, whitespace: true, min: 2, message: t('common.exportPurposeRequired') }]}
        >
          <Input.TextArea count={{ show: true, max: 200 }} rows={3} placeholder={props.placeholder} data-testid={props.testId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// One modal for every supervision write: the form's fields as children, validated through validValues, the
// server's refusal shown in the modal, and the cadre's records handed back on success (the page refreshes).
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { validValues } from '../../lib/form-values';
import { toDateString } from '../../lib/dates';

export interface WriteModalProps<V extends object, R> {
  title: string;
  testId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  children: ReactNode;
  submit: (values: V) => Promise<R>;
  onClose: (result?: R) => void;
}

export function WriteModal<V extends object, R>(p: WriteModalProps<V, R>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ok = async () => {
    const values = await validValues(p.form);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      p.onClose(await p.submit(values));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={p.title}
      onOk={() => void ok()}
      onCancel={() => p.onClose()}
      confirmLoading={busy}
      okText={t('cadreSupervision.save')}
      okButtonProps={{ 'data-testid': `${p.testId}-ok` } as never}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid={`${p.testId}-error`} />}
      <Form form={p.form} layout="vertical" initialValues={p.initialValues} data-testid={p.testId}>
        {p.children}
      </Form>
    </Modal>
  );
}

/** A picked date as the API's YYYY-MM-DD (required fields are checked by the form first). */
export const day = (d: Dayjs | null | undefined): string => toDateString(d) ?? '';
/** An optional date: null when left empty. */
export const optDay = (d: Dayjs | null | undefined): string | null => toDateString(d) ?? null;

// The small forms of the workflow, each in a modal: record an existing term, request an election,
// propose a delay or advance, and a higher organization's decision with its note.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { proposeAdjustment, recordTerm, requestElection } from '../../api/terms';
import type { Id } from '../../api/types';
import { toDateString } from '../../lib/dates';

interface FormModalProps<V> {
  title: string;
  hint?: string;
  initialValues?: Partial<V>;
  submit: (v: V) => Promise<unknown>;
  onClose: (done: boolean) => void;
  okTestId?: string;
  children: React.ReactNode;
}

/** A modal form that shows the server's refusal (with its article) above the fields and closes when saved. */
function FormModal<V extends object>({ title, hint, initialValues, submit, onClose, okTestId, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const finish = async (v: V) => {
    setBusy(true);
    setError(undefined);
    try {
      await submit(v);
      void message.success(t('terms.action.done'));
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': okTestId } as never}
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="term-form-error" />}
      <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

export function RecordTermModal({ orgId, onClose }: { orgId: Id; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ electedOn: Dayjs }>
      title={t('terms.action.recordTerm')}
      hint={t('terms.record.hint')}
      onClose={onClose}
      submit={(v) => recordTerm(orgId, toDateString(v.electedOn)!)}
    >
      <Form.Item name="electedOn" label={t('terms.record.electedOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

export function RequestModal({ orgId, seats, onClose }: { orgId: Id; seats: number; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ plannedOn: Dayjs; plannedSeats: number; note?: string }>
      title={t('terms.request.title')}
      hint={t('terms.request.hint')}
      onClose={onClose}
      okTestId="request-submit"
      initialValues={{ plannedOn: dayjs().add(30, 'day'), plannedSeats: seats }}
      submit={(v) =>
        requestElection(orgId, { plannedOn: toDateString(v.plannedOn)!, plannedSeats: v.plannedSeats, note: v.note?.trim() || undefined })
      }
    >
      <Form.Item name="plannedOn" label={t('terms.request.plannedOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="request-planned-on" />
      </Form.Item>
      <Form.Item name="plannedSeats" label={t('terms.request.seats')} rules={[{ required: true }]}>
        <InputNumber min={1} max={15} precision={0} data-testid="request-seats" />
      </Form.Item>
      <Form.Item rules={[{ max: 500 }]} name="note" label={t('terms.request.note')}>
        <Input.TextArea count={{ show: true, max: 500 }} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

export function AdjustmentModal({ orgId, regularEnd, onClose }: { orgId: Id; regularEnd: string; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ kind: 'delay' | 'advance'; newEnd: Dayjs; reason: string }>
      title={t('terms.adjust.title')}
      hint={t('terms.adjust.hint')}
      onClose={onClose}
      initialValues={{ kind: 'delay', newEnd: dayjs(regularEnd).add(6, 'month') }}
      submit={(v) => proposeAdjustment(orgId, { kind: v.kind, newEnd: toDateString(v.newEnd)!, reason: v.reason.trim() })}
    >
      <Form.Item name="kind" label={t('terms.adjust.kind')}>
        <Radio.Group
          options={[
            { value: 'delay', label: t('terms.adjust.delay') },
            { value: 'advance', label: t('terms.adjust.advance') },
          ]}
        />
      </Form.Item>
      <Form.Item name="newEnd" label={t('terms.adjust.newEnd')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('terms.adjust.reason')} rules={[{ max: 500 }, { required: true, whitespace: true, min: 4 }]}>
        <Input.TextArea count={{ show: true, max: 500 }} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** A higher organization approves or rejects, with an optional note. */
export function DecideModal({
  title,
  decision,
  decide,
  onClose,
}: {
  title: string;
  decision: 'approve' | 'reject';
  decide: (note?: string) => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note?: string }>
      title={`${t(`terms.action.${decision}`)}：${title}`}
      onClose={onClose}
      okTestId="decide-submit"
      submit={(v) => decide(v.note?.trim() || undefined)}
    >
      <Form.Item rules={[{ max: 200 }]} name="note" label={t('terms.action.decideNote')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

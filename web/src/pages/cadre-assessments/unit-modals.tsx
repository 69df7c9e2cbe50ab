// Recording the approval of the 25% quota (who, document, date) and returning a submitted unit with a reason.
import { Alert, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { returnUnit, setRaised, type TUnitDetail } from '../../api/cadre-assessments';
import { fromDateString, toDateString } from '../../lib/dates';

function useSubmit(onDone: (u: TUnitDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<TUnitDetail>) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await work());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function RaiseModal({ unit, onClose }: { unit: TUnitDetail; onClose: (u?: TUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ approvedBy: string; docNo: string; approvedOn: Dayjs }>();
  const s = useSubmit(onClose);
  const required = [{ required: true, whitespace: true, message: t('cadreAssessments.records.required') }];
  return (
    <Modal
      open
      title={t('cadreAssessments.unit.raiseTitle')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={s.busy}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {unit.quota.raised && (
            <Button danger onClick={() => s.run(() => setRaised(unit.id, { raised: false }))}>
              {t('cadreAssessments.unit.raiseWithdraw')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      {s.error && <Alert type="error" message={s.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approvedBy: unit.raisedBy ?? '', docNo: unit.raisedDoc ?? '', approvedOn: fromDateString(unit.raisedOn) }}
        onFinish={(v) =>
          s.run(() =>
            setRaised(unit.id, {
              raised: true,
              approvedBy: v.approvedBy.trim(),
              docNo: v.docNo.trim(),
              approvedOn: toDateString(v.approvedOn),
            }),
          )
        }
      >
        <Form.Item name="approvedBy" label={t('cadreAssessments.unit.approvedBy')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="docNo" label={t('cadreAssessments.unit.docNo')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item
          name="approvedOn"
          label={t('cadreAssessments.unit.approvedOn')}
          rules={[{ required: true, message: t('cadreAssessments.records.required') }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReturnModal({ unit, onClose }: { unit: TUnitDetail; onClose: (u?: TUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const s = useSubmit(onClose);
  return (
    <Modal
      open
      title={t('cadreAssessments.unit.return')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={s.busy}
      destroyOnHidden
    >
      {s.error && <Alert type="error" message={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => s.run(() => returnUnit(unit.id, v.reason.trim()))}>
        <Form.Item
          name="reason"
          label={t('cadreAssessments.unit.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('cadreAssessments.unit.returnRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

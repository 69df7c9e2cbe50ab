// The modals of one agreement: recording on-site days (office and employer), adding a deliverable, accepting or
// returning one, ending or terminating the agreement with its reason, and renewing it.
import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  addDeliverable,
  decideDeliverable,
  endAgreement,
  renewAgreement,
  type TAgreement,
  type TDeliverable,
  type TOnsiteDays,
} from '../../api/talent-agreements';
import { toDateString } from '../../lib/dates';
import { validValues } from '../../lib/form-values';
import { DaysForm, type DaysValues } from './agreement-parts';

export type Action =
  { kind: 'days' } | { kind: 'deliverable' } | { kind: 'accepted' | 'returned'; d: TDeliverable } | { kind: 'end' } | { kind: 'renew' };

const day = (v: Dayjs | undefined) => toDateString(v) ?? '';

export function DaysModal(props: {
  onSave: (body: TOnsiteDays) => Promise<TAgreement>;
  onDone: (a: TAgreement) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DaysValues>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const next = await props.onSave({ fromOn: day(v.fromOn), days: v.days, note: v.note ?? '' });
      void message.success(t('talentAgreements.daysRecorded'));
      props.onDone(next);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('talentAgreements.recordDays')} onOk={save} confirmLoading={busy} onCancel={props.onClose} destroyOnHidden>
      <DaysForm form={form} />
    </Modal>
  );
}

interface Values {
  title?: string;
  dueOn?: Dayjs;
  decidedOn?: Dayjs;
  acceptance?: string;
  status?: 'ended' | 'terminated';
  endedOn?: Dayjs;
  reason?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  onsiteDaysPromised?: number;
  payTerms?: string;
  ipTerms?: string;
}

export function ActionModal(props: {
  a: TAgreement;
  action: Exclude<Action, { kind: 'days' }>;
  onDone: (a: TAgreement) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { a, action } = props;
  const req = { required: true, whitespace: true } as const;

  const call = (v: Values): Promise<TAgreement> => {
    switch (action.kind) {
      case 'deliverable':
        return addDeliverable(a.id, { title: v.title ?? '', dueOn: day(v.dueOn) });
      case 'accepted':
      case 'returned':
        return decideDeliverable(a.id, action.d.id, { outcome: action.kind, decidedOn: day(v.decidedOn), acceptance: v.acceptance ?? '' });
      case 'end':
        return endAgreement(a.id, { status: v.status ?? 'ended', endedOn: day(v.endedOn), reason: v.reason ?? '', version: a.version });
      case 'renew':
        return renewAgreement(a.id, {
          startsOn: v.startsOn ? day(v.startsOn) : undefined,
          endsOn: day(v.endsOn),
          onsiteDaysPromised: v.onsiteDaysPromised ?? 0,
          payFen: a.payFen,
          payTerms: v.payTerms ?? '',
          ipTerms: v.ipTerms ?? '',
          deliverables: [],
          note: '',
          version: a.version,
        });
    }
  };
  const done = {
    deliverable: 'talentAgreements.deliverableAdded',
    accepted: 'talentAgreements.decided',
    returned: 'talentAgreements.decided',
    end: 'talentAgreements.ended',
    renew: 'talentAgreements.renewed',
  } as const;
  const title = {
    deliverable: t('talentAgreements.addDeliverable'),
    accepted: t('talentAgreements.decideTitle', { title: 'd' in action ? action.d.title : '' }),
    returned: t('talentAgreements.decideTitle', { title: 'd' in action ? action.d.title : '' }),
    end: t('talentAgreements.endTitle'),
    renew: t('talentAgreements.renewTitle'),
  }[action.kind];

  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const next = await call(v);
      void message.success(t(done[action.kind]));
      props.onDone(next);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const initial: Values = {
    decidedOn: dayjs(),
    endedOn: dayjs(),
    status: 'ended',
    startsOn: dayjs(a.endsOn).add(1, 'day'),
    onsiteDaysPromised: a.onsiteDaysPromised,
    payTerms: a.payTerms,
    ipTerms: a.ipTerms,
  };
  return (
    <Modal open title={title} onOk={save} confirmLoading={busy} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        {action.kind === 'deliverable' && (
          <>
            <Form.Item name="title" label={t('talentAgreements.deliverableTitle')} rules={[req, { max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="dueOn" label={t('talentAgreements.dueOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {(action.kind === 'accepted' || action.kind === 'returned') && (
          <>
            <Form.Item name="decidedOn" label={t('talentAgreements.decidedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="acceptance" label={t('talentAgreements.acceptance')} rules={[req, { max: 500 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action.kind === 'end' && (
          <>
            <Form.Item name="status" label={t('talentAgreements.endStatus')} rules={[{ required: true }]}>
              <Radio.Group
                options={(['ended', 'terminated'] as const).map((s) => ({ value: s, label: t(`talentAgreements.status.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="endedOn" label={t('talentAgreements.endedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('talentAgreements.reason')} rules={[req, { max: 500 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action.kind === 'renew' && (
          <>
            <Form.Item name="startsOn" label={t('talentAgreements.startsOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="endsOn" label={t('talentAgreements.endsOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="onsiteDaysPromised" label={t('talentAgreements.col.promised')} rules={[{ required: true }]}>
              <InputNumber min={0} max={3660} precision={0} />
            </Form.Item>
            <Form.Item name="payTerms" label={t('talentAgreements.col.payTerms')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="ipTerms" label={t('talentAgreements.col.ipTerms')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

// 办理党员状态变更: 流动党员 registration, 失联, 停止党籍, 出党 (with its kind), 死亡, 恢复.
// Usable from anywhere (e.g. the member detail page): give it the member's id, name and status.
import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EXIT_KINDS,
  EXIT_KIND_LABELS,
  STATUS_CHANGE_KINDS,
  STATUS_CHANGE_LABELS,
  transitionProblem,
  type StatusChangeKind,
} from '../../../../domain/rules/member-status-rules';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../domain/member-status';
import type { TStatusChange } from '../../../../domain/schemas/member-status';
import { errorText } from '../../api/client';
import { changeMemberStatus } from '../../api/transfers';
import { useLabels } from '../../lib/labels';
import { validValues } from '../../lib/form-values';

export interface StatusChangeModalProps {
  memberId: number;
  name: string;
  status: MemberStatus;
  onCancel: () => void;
  onDone: () => void;
}

export function StatusChangeModal({ memberId, name, status, onCancel, onDone }: StatusChangeModalProps) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind: StatusChangeKind | undefined = Form.useWatch('kind', form);
  const basis = Form.useWatch('basis', form);
  const [saving, setSaving] = useState(false);
  // Only the changes the rules allow from the current status are offered (the server checks again).
  const kinds = STATUS_CHANGE_KINDS.filter((k) => transitionProblem(k, status) === null);

  const submit = async () => {
    // A wrong field shows its message under the field; nothing is sent.
    const v = await validValues(form);
    if (!v) return;
    const base = { date: (v.date as Dayjs).format('YYYY-MM-DD'), reason: v.reason, documentNo: v.documentNo || undefined };
    const body = ((): TStatusChange => {
      switch (v.kind as StatusChangeKind) {
        case 'flowing':
          return {
            kind: 'flowing',
            ...base,
            flowing: { certificateNo: v.certificateNo, place: v.place, contact: v.contact, attendingOrg: v.attendingOrg },
          };
        case 'suspend':
          return {
            kind: 'suspend',
            ...base,
            basis: v.basis,
            abroadSince: v.abroadSince ? (v.abroadSince as Dayjs).format('YYYY-MM-DD') : undefined,
          };
        case 'leave':
          return { kind: 'leave', ...base, exitKind: v.exitKind };
        default:
          return { kind: v.kind, ...base } as TStatusChange;
      }
    })();
    setSaving(true);
    try {
      await changeMemberStatus(memberId, body);
      onDone();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const req = (msg: string) => [{ required: true, message: msg }];

  return (
    <Modal
      open
      title={`${t('transfers.status.change')} · ${name}（${MEMBER_STATUS_LABELS[status][lang]}）`}
      onCancel={onCancel}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'status-change-ok' }}
    >
      <Form form={form} layout="vertical" size="small" initialValues={{ date: dayjs(), basis: 'lost_contact', exitKind: 'withdrawal' }}>
        <Form.Item name="kind" label={t('transfers.status.kind')} rules={req(t('transfers.status.required.kind'))}>
          <Select data-testid="status-change-kind" options={kinds.map((k) => ({ value: k, label: STATUS_CHANGE_LABELS[k][lang] }))} />
        </Form.Item>
        <Form.Item name="date" label={t('transfers.status.date')} rules={req(t('transfers.status.required.date'))}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {kind === 'flowing' && (
          <>
            <Form.Item
              name="certificateNo"
              label={t('transfers.status.certificateNo')}
              rules={[...req(t('transfers.status.required.certificateNo')), { max: 40 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('transfers.status.place')}
              rules={[...req(t('transfers.status.required.place')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="contact"
              label={t('transfers.status.contact')}
              rules={[...req(t('transfers.status.required.contact')), { max: 60 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="attendingOrg"
              label={t('transfers.status.attendingOrg')}
              rules={[...req(t('transfers.status.required.attendingOrg')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'suspend' && (
          <Form.Item name="basis" label={t('transfers.status.basis')}>
            <Select
              options={[
                { value: 'lost_contact', label: t('transfers.status.basisLost') },
                { value: 'abroad', label: t('transfers.status.basisAbroad') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'suspend' && basis === 'abroad' && (
          <Form.Item name="abroadSince" label={t('transfers.status.abroadSince')} rules={req(t('transfers.status.required.abroadSince'))}>
            <DatePicker />
          </Form.Item>
        )}
        {kind === 'leave' && (
          <Form.Item name="exitKind" label={t('transfers.status.exitKind')}>
            <Select options={EXIT_KINDS.map((k) => ({ value: k, label: EXIT_KIND_LABELS[k][lang] }))} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('transfers.status.reason')}
          rules={[{ max: 300 }, { required: true, min: 2, message: t('transfers.status.required.reason') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item rules={[{ max: 60 }]} name="documentNo" label={t('transfers.status.documentNo')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

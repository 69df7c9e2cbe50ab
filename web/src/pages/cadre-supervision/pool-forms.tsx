// The young-cadre pool's writes: entering a cadre, a training plan (挂职, 轮岗, 培训), a tracking note, leaving
// with its kind and reason; and the batch 任免审批表 of the chosen entries, downloaded as a zip with a purpose.
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { POOL_LEAVE_KINDS, POOL_PLAN_KINDS } from '../../../../domain/schemas/cadre-supervision';
import { addPoolNote, addPoolPlan, downloadPoolForms, enterPool, leavePool, type TSupervisionRecords } from '../../api/cadre-supervision';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { enumOptions, need, needText, optText } from './form-kit';
import { day, optDay, WriteModal } from './write-modal';

type Close = (r?: TSupervisionRecords) => void;

export function PoolEnterModal({ cadreId, onClose }: { cadreId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ enteredOn: Dayjs; nominatedBy: string; source: string }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.poolEnterTitle')}
      testId="sup-pool-enter"
      form={form}
      initialValues={{ enteredOn: dayjs() }}
      onClose={onClose}
      submit={(v) => enterPool(cadreId, { enteredOn: day(v.enteredOn), nominatedBy: v.nominatedBy.trim(), source: v.source.trim() })}
    >
      <Form.Item name="enteredOn" label={t('cadreSupervision.col.enteredOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="nominatedBy" label={t('cadreSupervision.form.nominatedBy')} rules={needText(t, 60)}>
        <Input />
      </Form.Item>
      <Form.Item name="source" label={t('cadreSupervision.col.source')} rules={needText(t, 60)}>
        <Input />
      </Form.Item>
    </WriteModal>
  );
}

export function PoolPlanModal({ entryId, onClose }: { entryId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    kind: (typeof POOL_PLAN_KINDS)[number];
    place: string;
    startsOn: Dayjs;
    endsOn?: Dayjs | null;
    note?: string;
  }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.poolPlanTitle')}
      testId="sup-pool-plan"
      form={form}
      onClose={onClose}
      submit={(v) =>
        addPoolPlan(entryId, {
          kind: v.kind,
          place: v.place.trim(),
          startsOn: day(v.startsOn),
          endsOn: optDay(v.endsOn),
          note: v.note?.trim() ?? '',
        })
      }
    >
      <Form.Item name="kind" label={t('cadreSupervision.form.planKind')} rules={need(t)}>
        <Radio.Group options={enumOptions(t, POOL_PLAN_KINDS)} />
      </Form.Item>
      <Form.Item name="place" label={t('cadreSupervision.form.place')} rules={needText(t, 100)}>
        <Input />
      </Form.Item>
      <Form.Item name="startsOn" label={t('cadreSupervision.form.startsOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="endsOn" label={t('cadreSupervision.form.endsOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('cadreSupervision.form.note')} rules={optText(t, 500)}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </WriteModal>
  );
}

export function PoolNoteModal({ entryId, onClose }: { entryId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ notedOn: Dayjs; text: string }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.poolNoteTitle')}
      testId="sup-pool-note"
      form={form}
      initialValues={{ notedOn: dayjs() }}
      onClose={onClose}
      submit={(v) => addPoolNote(entryId, { notedOn: day(v.notedOn), text: v.text.trim() })}
    >
      <Form.Item name="notedOn" label={t('cadreSupervision.form.notedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="text" label={t('cadreSupervision.form.noteText')} rules={needText(t, 1000)}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </WriteModal>
  );
}

export function PoolLeaveModal({ entryId, onClose }: { entryId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ leftOn: Dayjs; kind: (typeof POOL_LEAVE_KINDS)[number]; reason: string }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.poolLeaveTitle')}
      testId="sup-pool-leave"
      form={form}
      initialValues={{ leftOn: dayjs() }}
      onClose={onClose}
      submit={(v) => leavePool(entryId, { leftOn: day(v.leftOn), kind: v.kind, reason: v.reason.trim() })}
    >
      <Form.Item name="leftOn" label={t('cadreSupervision.col.leftOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind" label={t('cadreSupervision.form.leaveKind')} rules={need(t)}>
        <Select options={enumOptions(t, POOL_LEAVE_KINDS)} />
      </Form.Item>
      <Form.Item name="reason" label={t('cadreSupervision.form.leaveReason')} rules={needText(t, 200)}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </WriteModal>
  );
}

/** The chosen entries' 任免审批表, one file each, zipped (PDF or Word). */
export function PoolFormsModal({ ids, onClose }: { ids: readonly Id[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal<{ format: 'pdf' | 'docx' }>
      title={t('cadreSupervision.export.formsTitle', { n: ids.length })}
      notice={t('cadreSupervision.export.formsNotice')}
      testId="sup-forms-purpose"
      initialValues={{ format: 'pdf' }}
      onExport={(purpose, v) => downloadPoolForms(ids, v.format, purpose)}
      onClose={onClose}
    >
      <Form.Item name="format" label={t('cadreSupervision.export.format')}>
        <Radio.Group
          options={[
            { value: 'pdf', label: 'PDF' },
            { value: 'docx', label: 'Word' },
          ]}
        />
      </Form.Item>
    </ExportPurposeModal>
  );
}

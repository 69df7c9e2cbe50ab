// The cadre's supervision writes other than trips and the pool: a 能上能下 adjustment, the yearly 个人有关事项报告
// with its check, a passport handed in, taken out or returned, a part-time post approved.
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ADJUSTMENT_KINDS, RANK_KINDS } from '../../../../domain/rules/cadre-adjustment';
import { CADRE_LEVELS } from '../../../../domain/rules/cadre-levels';
import { CHECK_KINDS, PASSPORT_KINDS } from '../../../../domain/schemas/cadre-supervision';
import {
  getSituations,
  handInPassport,
  recordAdjustment,
  recordPartTime,
  recordReport,
  takeOutPassport,
  type TSupervisionRecords,
} from '../../api/cadre-supervision';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { enumOptions, need, needText, optText } from './form-kit';
import { day, optDay, WriteModal } from './write-modal';

type Kind = (typeof ADJUSTMENT_KINDS)[number];
type Level = (typeof CADRE_LEVELS)[number];
type Close = (r?: TSupervisionRecords) => void;
interface CadreProps {
  cadreId: Id;
  onClose: Close;
}

export function AdjustmentModal({ cadreId, onClose }: CadreProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    kind: Kind;
    situation: string;
    decidedOn: Dayjs;
    docNo?: string;
    rankTitle?: string;
    rankLevel?: Level;
    note?: string;
  }>();
  const kind = Form.useWatch('kind', form);
  const situations = useRequest((signal) => getSituations(signal), []);
  return (
    <WriteModal
      title={t('cadreSupervision.form.adjustTitle')}
      testId="sup-adjust"
      form={form}
      initialValues={{ decidedOn: dayjs() }}
      onClose={onClose}
      submit={(v) =>
        recordAdjustment(cadreId, {
          kind: v.kind,
          situation: v.situation,
          decidedOn: day(v.decidedOn),
          docNo: v.docNo?.trim() ?? '',
          note: v.note?.trim() ?? '',
          rank: RANK_KINDS.has(v.kind) ? { title: v.rankTitle?.trim() ?? '', level: v.rankLevel ?? null } : undefined,
        })
      }
    >
      <Form.Item name="kind" label={t('cadreSupervision.col.kind')} rules={need(t)}>
        <Select options={enumOptions(t, ADJUSTMENT_KINDS)} data-testid="sup-adjust-kind" />
      </Form.Item>
      <Form.Item
        name="situation"
        label={t('cadreSupervision.col.situation')}
        rules={need(t)}
        extra={situations.data && `${situations.data.title} ${situations.data.article}`}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={situations.loading}
          options={(situations.data?.situations ?? []).map((s) => ({ value: s.code, label: s.text }))}
        />
      </Form.Item>
      {kind && RANK_KINDS.has(kind) && (
        <>
          <Form.Item name="rankTitle" label={t('cadreSupervision.form.rankTitle')} rules={needText(t, 40)}>
            <Input />
          </Form.Item>
          <Form.Item name="rankLevel" label={t('cadreSupervision.col.level')}>
            <Select allowClear options={CADRE_LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="decidedOn" label={t('cadreSupervision.col.decidedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="docNo" label={t('cadreSupervision.col.docNo')} rules={optText(t, 60)}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={t('cadreSupervision.form.note')} rules={optText(t, 500)}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </WriteModal>
  );
}

export function ReportModal({ cadreId, onClose }: CadreProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; filedOn: Dayjs; checkKind: (typeof CHECK_KINDS)[number]; finding?: string }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.reportTitle')}
      testId="sup-report"
      form={form}
      initialValues={{ year: dayjs().year(), filedOn: dayjs(), checkKind: 'none' }}
      onClose={onClose}
      submit={(v) =>
        recordReport(cadreId, { year: v.year, filedOn: day(v.filedOn), checkKind: v.checkKind, finding: v.finding?.trim() ?? '' })
      }
    >
      <Form.Item name="year" label={t('cadreSupervision.col.year')} rules={need(t)}>
        <InputNumber min={2000} max={2200} precision={0} />
      </Form.Item>
      <Form.Item name="filedOn" label={t('cadreSupervision.col.filedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="checkKind" label={t('cadreSupervision.col.check')} rules={need(t)}>
        <Select options={CHECK_KINDS.map((k) => ({ value: k, label: t(`cadreSupervision.check.${k}`) }))} />
      </Form.Item>
      <Form.Item name="finding" label={t('cadreSupervision.col.finding')} rules={optText(t, 500)}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </WriteModal>
  );
}

export function PassportInModal({ cadreId, onClose }: CadreProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: (typeof PASSPORT_KINDS)[number]; number: string; handedInOn: Dayjs }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.passportInTitle')}
      testId="sup-passport-in"
      form={form}
      initialValues={{ handedInOn: dayjs() }}
      onClose={onClose}
      submit={(v) => handInPassport(cadreId, { kind: v.kind, number: v.number.trim(), handedInOn: day(v.handedInOn) })}
    >
      <Form.Item name="kind" label={t('cadreSupervision.col.passport')} rules={need(t)}>
        <Select options={enumOptions(t, PASSPORT_KINDS)} />
      </Form.Item>
      <Form.Item name="number" label={t('cadreSupervision.form.number')} rules={needText(t, 30)}>
        <Input />
      </Form.Item>
      <Form.Item name="handedInOn" label={t('cadreSupervision.col.handedInOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
    </WriteModal>
  );
}

export function PassportOutModal({ passportId, onClose }: { passportId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ takenOutOn: Dayjs; trip: string; dueOn: Dayjs }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.passportOutTitle')}
      testId="sup-passport-out"
      form={form}
      initialValues={{ takenOutOn: dayjs() }}
      onClose={onClose}
      submit={(v) => takeOutPassport(passportId, { takenOutOn: day(v.takenOutOn), trip: v.trip.trim(), dueOn: day(v.dueOn) })}
    >
      <Form.Item name="takenOutOn" label={t('cadreSupervision.col.takenOutOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="trip" label={t('cadreSupervision.col.trip')} rules={needText(t, 200)}>
        <Input />
      </Form.Item>
      <Form.Item name="dueOn" label={t('cadreSupervision.col.dueOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
    </WriteModal>
  );
}

/** A write that only takes a date: a passport handed back, a trip's return. */
export function DateModal(p: {
  title: string;
  label: string;
  testId: string;
  submit: (date: string) => Promise<TSupervisionRecords>;
  onClose: Close;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ on: Dayjs }>();
  return (
    <WriteModal
      title={p.title}
      testId={p.testId}
      form={form}
      initialValues={{ on: dayjs() }}
      onClose={p.onClose}
      submit={(v) => p.submit(day(v.on))}
    >
      <Form.Item name="on" label={p.label} rules={need(t)}>
        <DatePicker data-testid={`${p.testId}-date`} />
      </Form.Item>
    </WriteModal>
  );
}

export function PartTimeModal({ cadreId, onClose }: CadreProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    organization: string;
    post: string;
    approvedOn: Dayjs;
    approvedBy: string;
    docNo?: string;
    paid?: boolean;
    endsOn?: Dayjs | null;
  }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.partTimeTitle')}
      testId="sup-part-time"
      form={form}
      initialValues={{ approvedOn: dayjs(), paid: false }}
      onClose={onClose}
      submit={(v) =>
        recordPartTime(cadreId, {
          organization: v.organization.trim(),
          post: v.post.trim(),
          approvedOn: day(v.approvedOn),
          approvedBy: v.approvedBy.trim(),
          docNo: v.docNo?.trim() ?? '',
          paid: !!v.paid,
          endsOn: optDay(v.endsOn),
        })
      }
    >
      <Form.Item name="organization" label={t('cadreSupervision.col.organization')} rules={needText(t, 100)}>
        <Input />
      </Form.Item>
      <Form.Item name="post" label={t('cadreSupervision.col.partTimePost')} rules={needText(t, 60)}>
        <Input />
      </Form.Item>
      <Form.Item name="approvedBy" label={t('cadreSupervision.col.approvedBy')} rules={needText(t, 60)}>
        <Input />
      </Form.Item>
      <Form.Item name="approvedOn" label={t('cadreSupervision.col.approvedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="docNo" label={t('cadreSupervision.col.docNo')} rules={optText(t, 60)}>
        <Input />
      </Form.Item>
      <Form.Item name="endsOn" label={t('cadreSupervision.form.endsOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="paid" valuePropName="checked">
        <Checkbox>{t('cadreSupervision.col.paid')}</Checkbox>
      </Form.Item>
    </WriteModal>
  );
}

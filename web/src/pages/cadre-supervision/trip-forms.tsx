// 因私出国（境）: the application, the decision (a refusal states its reason), the passport taken out for an
// approved trip (from those in custody), and the return (web side of server/modules/cadre-supervision/trips.ts).
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TRIP_DECISIONS } from '../../../../domain/schemas/cadre-supervision';
import { applyTrip, decideTrip, takeOutForTrip, type TSupervisionRecords } from '../../api/cadre-supervision';
import type { Id } from '../../api/types';
import { enumOptions, valueLabel, need, needText, optText } from './form-kit';
import { day, WriteModal } from './write-modal';

type Close = (r?: TSupervisionRecords) => void;

export function TripApplyModal({ cadreId, onClose }: { cadreId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    destinations: string;
    purpose: string;
    fundedBy: string;
    appliedOn: Dayjs;
    dates: [Dayjs, Dayjs];
  }>();
  return (
    <WriteModal
      title={t('cadreSupervision.form.tripApplyTitle')}
      testId="sup-trip-apply"
      form={form}
      initialValues={{ appliedOn: dayjs() }}
      onClose={onClose}
      submit={(v) =>
        applyTrip(cadreId, {
          destinations: v.destinations.trim(),
          purpose: v.purpose.trim(),
          fundedBy: v.fundedBy.trim(),
          appliedOn: day(v.appliedOn),
          departOn: day(v.dates[0]),
          returnOn: day(v.dates[1]),
        })
      }
    >
      <Form.Item name="destinations" label={t('cadreSupervision.col.destinations')} rules={needText(t, 200)}>
        <Input data-testid="sup-trip-destinations" />
      </Form.Item>
      <Form.Item name="purpose" label={t('cadreSupervision.col.purpose')} rules={needText(t, 200)}>
        <Input data-testid="sup-trip-purpose" />
      </Form.Item>
      <Form.Item name="fundedBy" label={t('cadreSupervision.form.fundedBy')} rules={needText(t, 60)}>
        <Input data-testid="sup-trip-funded" />
      </Form.Item>
      <Form.Item name="appliedOn" label={t('cadreSupervision.form.appliedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="dates" label={t('cadreSupervision.col.tripDates')} rules={need(t)}>
        <DatePicker.RangePicker data-testid="sup-trip-dates" />
      </Form.Item>
    </WriteModal>
  );
}

export function TripDecideModal({ tripId, onClose }: { tripId: Id; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    decision: (typeof TRIP_DECISIONS)[number];
    decidedOn: Dayjs;
    decidedBy: string;
    refusalReason?: string;
  }>();
  const refused = Form.useWatch('decision', form) === TRIP_DECISIONS[1];
  return (
    <WriteModal
      title={t('cadreSupervision.form.tripDecideTitle')}
      testId="sup-trip-decide"
      form={form}
      initialValues={{ decision: TRIP_DECISIONS[0], decidedOn: dayjs() }}
      onClose={onClose}
      submit={(v) =>
        decideTrip(tripId, {
          decision: v.decision,
          decidedOn: day(v.decidedOn),
          decidedBy: v.decidedBy.trim(),
          refusalReason: v.decision === TRIP_DECISIONS[1] ? (v.refusalReason?.trim() ?? '') : '',
        })
      }
    >
      <Form.Item name="decision" label={t('cadreSupervision.col.tripStatus')} rules={need(t)}>
        <Radio.Group options={enumOptions(t, TRIP_DECISIONS)} />
      </Form.Item>
      <Form.Item name="decidedBy" label={t('cadreSupervision.form.decidedBy')} rules={needText(t, 60)}>
        <Input data-testid="sup-trip-decided-by" />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('cadreSupervision.col.decidedOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
      {refused && (
        <Form.Item name="refusalReason" label={t('cadreSupervision.form.refusalReason')} rules={needText(t, 200)}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {!refused && <Form.Item hidden name="refusalReason" rules={optText(t, 200)} />}
    </WriteModal>
  );
}

export function TripPassportModal(p: { tripId: Id; records: TSupervisionRecords; onClose: Close }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passportId: Id; takenOutOn: Dayjs }>();
  // Only a passport in custody (handed in, not out) can be taken out.
  const inCustody = p.records.passports.filter((x) => !x.takenOutOn || x.returnedOn);
  return (
    <WriteModal
      title={t('cadreSupervision.form.tripPassportTitle')}
      testId="sup-trip-passport"
      form={form}
      initialValues={{ takenOutOn: dayjs(), passportId: inCustody.length === 1 ? inCustody[0].id : undefined }}
      onClose={p.onClose}
      submit={(v) => takeOutForTrip(p.tripId, { passportId: v.passportId, takenOutOn: day(v.takenOutOn) })}
    >
      <Form.Item name="passportId" label={t('cadreSupervision.col.passport')} rules={need(t)}>
        <Select
          options={inCustody.map((x) => ({ value: x.id, label: `${valueLabel(t, x.kind)} ${x.number}` }))}
          notFoundContent={t('cadreSupervision.form.noPassport')}
        />
      </Form.Item>
      <Form.Item name="takenOutOn" label={t('cadreSupervision.col.takenOutOn')} rules={need(t)}>
        <DatePicker />
      </Form.Item>
    </WriteModal>
  );
}

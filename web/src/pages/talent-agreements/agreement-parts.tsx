// Small pieces shared by the office's and the employer's agreement pages: the status tags, the on-site days
// summary and the form to record on-site days.
import { Descriptions, Form, Input, InputNumber, Tag, DatePicker } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TAgreement, TAgreementRow } from '../../api/talent-agreements';

export function AgreementTags({ r }: { r: TAgreementRow }) {
  const { t } = useTranslation();
  const color = r.status === 'active' ? 'green' : r.status === 'terminated' ? 'red' : 'default';
  return (
    <>
      <Tag color={color}>{t(`talentAgreements.status.${r.status}`)}</Tag>
      {r.behind && <Tag color="orange">{t('talentAgreements.behind')}</Tag>}
      {r.endingSoon && <Tag color="gold">{t('talentAgreements.endingSoon')}</Tag>}
    </>
  );
}

/** The on-site days promised, recorded and due by today, with the term. */
export function DaysSummary({ a }: { a: TAgreement | TAgreementRow }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered>
      <Descriptions.Item label={t('talentAgreements.col.term')}>{`${a.startsOn} ~ ${a.endsOn}`}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.promised')}>{a.onsiteDaysPromised}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.recorded')}>{a.onsiteDaysRecorded}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.due')}>{a.onsiteDaysDue}</Descriptions.Item>
    </Descriptions>
  );
}

export interface DaysValues {
  fromOn: Dayjs;
  days: number;
  note?: string;
}

export function DaysForm({ form }: { form: FormInstance<DaysValues> }) {
  const { t } = useTranslation();
  return (
    <Form form={form} layout="vertical" preserve={false}>
      <Form.Item name="fromOn" label={t('talentAgreements.fromOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="days" label={t('talentAgreements.dayCount')} rules={[{ required: true }]}>
        <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} data-testid="days-count" />
      </Form.Item>
      <Form.Item name="note" label={t('talentAgreements.col.note')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </Form>
  );
}

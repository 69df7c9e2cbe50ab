// The form to record a new 柔性引才 agreement: the talent (searched by name), the employer, the home institution
// they keep, the form and term, on-site days promised, pay and IP terms, and the deliverables agreed.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  AGREEMENT_FORMS,
  createAgreement,
  searchPeople,
  type TAgreement,
  type TAgreementForm,
  type TTalentEmployerOption,
} from '../../api/talent-agreements';
import type { Id } from '../../api/types';
import { toDateString } from '../../lib/dates';
import { validValues } from '../../lib/form-values';

interface Values {
  personId: Id;
  employerId: Id;
  homeInstitution: string;
  form: TAgreementForm;
  startsOn: Dayjs;
  endsOn: Dayjs;
  onsiteDaysPromised: number;
  payYuan?: number;
  payTerms?: string;
  ipTerms?: string;
  note?: string;
  deliverables?: { title: string; dueOn: Dayjs }[];
}

export function AgreementCreateModal(props: {
  employers: TTalentEmployerOption[];
  onClose: () => void;
  onCreated: (a: TAgreement) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [people, setPeople] = useState<{ value: Id; label: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const page = await searchPeople(q.trim());
      setPeople(page.items.map((p) => ({ value: p.id, label: [p.name, p.employerName].filter(Boolean).join(' · ') })));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const a = await createAgreement({
        personId: v.personId,
        employerId: v.employerId,
        homeInstitution: v.homeInstitution,
        form: v.form,
        startsOn: toDateString(v.startsOn) ?? '',
        endsOn: toDateString(v.endsOn) ?? '',
        onsiteDaysPromised: v.onsiteDaysPromised,
        payFen: Math.round((v.payYuan ?? 0) * 100),
        payTerms: v.payTerms ?? '',
        ipTerms: v.ipTerms ?? '',
        note: v.note ?? '',
        deliverables: (v.deliverables ?? []).map((d) => ({ title: d.title, dueOn: toDateString(d.dueOn) ?? '' })),
      });
      void message.success(t('talentAgreements.created'));
      props.onCreated(a);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('talentAgreements.create')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="personId" label={t('talentAgreements.col.person')} rules={[{ required: true }]}>
          <Select showSearch filterOption={false} onSearch={(q) => void search(q)} options={people} data-testid="agreement-person" />
        </Form.Item>
        <Form.Item name="employerId" label={t('talentAgreements.col.employer')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={props.employers.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item
          name="homeInstitution"
          label={t('talentAgreements.col.home')}
          rules={[{ required: true, whitespace: true }, { max: 80 }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="form" label={t('talentAgreements.col.form')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={AGREEMENT_FORMS.map((f) => ({ value: f, label: t(`talentAgreements.form.${f}`) }))} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('talentAgreements.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('talentAgreements.endsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="onsiteDaysPromised" label={t('talentAgreements.col.promised')} rules={[{ required: true }]}>
            <InputNumber min={0} max={3660} precision={0} />
          </Form.Item>
          <Form.Item name="payYuan" label={t('talentAgreements.col.pay')}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="payTerms" label={t('talentAgreements.col.payTerms')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="ipTerms" label={t('talentAgreements.col.ipTerms')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="note" label={t('talentAgreements.col.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <DeliverableList label={t('talentAgreements.deliverableList')} />
      </Form>
    </Modal>
  );
}

function DeliverableList({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name="deliverables">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
                  <Input placeholder={t('talentAgreements.deliverableTitle')} style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                  <DatePicker placeholder={t('talentAgreements.dueOn')} />
                </Form.Item>
                <Button type="link" onClick={() => remove(f.name)}>
                  {t('common.remove')}
                </Button>
              </Space>
            ))}
            {fields.length < 20 && <Button onClick={() => add()}>{t('talentAgreements.addDeliverable')}</Button>}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

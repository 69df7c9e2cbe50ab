// Registers an applicant (step ①): the branch that received the application, identity and date.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import { createPerson, type TPersonDetail } from '../../api/development';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { BRANCH_KINDS } from '../../../../domain/org-kinds';
import { EDUCATION_LABELS, EDUCATION_LEVELS, OCCUPATION_LABELS, OCCUPATIONS } from '../../../../domain/member-fields';
import { validValues } from '../../lib/form-values';

interface Values {
  orgId: Id;
  name: string;
  idNumber: string;
  appliedOn: Dayjs;
  education?: string;
  occupation?: string;
  workUnit?: string;
  phone?: string;
}

export function NewApplicantModal({
  defaultOrgId,
  onCancel,
  onCreated,
}: {
  defaultOrgId: Id;
  onCancel: () => void;
  onCreated: (p: TPersonDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    // A wrong field shows its message under the field; nothing is sent.
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onCreated(
        await createPerson({
          orgId: v.orgId,
          name: v.name.trim(),
          idNumber: v.idNumber.trim(),
          appliedOn: v.appliedOn.format('YYYY-MM-DD'),
          education: (v.education as never) ?? null,
          occupation: (v.occupation as never) ?? null,
          workUnit: v.workUnit || null,
          phone: v.phone || null,
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('development.create.title')} onCancel={onCancel} onOk={submit} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" size="small" initialValues={{ orgId: defaultOrgId, appliedOn: dayjs() }}>
        <Form.Item
          name="orgId"
          label={t('development.create.org')}
          rules={[{ required: true, message: t('development.create.orgRequired') }]}
        >
          <OrgTreeSelect selectable={(o) => BRANCH_KINDS.includes(o.kind)} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('development.fields.name')}
          rules={[{ max: 30 }, { required: true, message: t('development.create.nameRequired') }]}
        >
          <Input data-testid="applicant-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('development.fields.idNumber')}
          extra={t('development.create.hint')}
          rules={[{ max: 18 }, { required: true, pattern: /^\d{17}[\dXx]$/, message: t('development.create.idRequired') }]}
        >
          <Input data-testid="applicant-id" />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('development.create.appliedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="education" label={t('development.fields.education')}>
          <Select allowClear options={EDUCATION_LEVELS.map((e) => ({ value: e, label: EDUCATION_LABELS[e][lang] }))} />
        </Form.Item>
        <Form.Item name="occupation" label={t('development.fields.occupation')}>
          <Select allowClear options={OCCUPATIONS.map((o) => ({ value: o, label: OCCUPATION_LABELS[o][lang] }))} />
        </Form.Item>
        <Form.Item rules={[{ max: 100 }]} name="workUnit" label={t('development.fields.workUnit')}>
          <Input />
        </Form.Item>
        <Form.Item rules={[{ max: 20 }]} name="phone" label={t('development.fields.phone')}>
          <Input />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

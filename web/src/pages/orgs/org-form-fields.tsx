// The fields of an organization, shared by "new sub-organization" and "edit".
import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES, type OrgKind } from '../../../../domain/org-kinds';
import { useLabels } from '../../lib/labels';

/** Limits as in domain/schemas/orgs.ts; the server checks them again. */
export function OrgFormFields({ kinds, codeRequired }: { kinds: readonly OrgKind[]; codeRequired: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Form.Item
        name="name"
        label={t('orgs.fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('orgs.form.nameRequired') },
          { min: 2, max: 100, message: t('orgs.form.nameLength') },
        ]}
      >
        <Input data-testid="org-form-name" placeholder={t('orgs.form.namePlaceholder')} />
      </Form.Item>
      <Form.Item rules={[{ max: 40 }]} name="shortName" label={t('orgs.fields.shortName')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('orgs.fields.code')}
        extra={codeRequired ? undefined : t('orgs.form.codeHint')}
        rules={[
          { required: codeRequired, message: t('orgs.form.codeRequired') },
          { pattern: /^[A-Za-z0-9-]{1,40}$/, message: t('orgs.form.codeRule') },
        ]}
      >
        <Input count={{ max: 40 }} className="mono" />
      </Form.Item>
      <Form.Item name="kind" label={t('orgs.fields.kind')} rules={[{ required: true, message: t('orgs.form.kindRequired') }]}>
        <Select
          data-testid="org-form-kind"
          options={kinds.map((k) => ({ value: k, label: labels.kind(k) }))}
          placeholder={t('common.pleaseSelect')}
        />
      </Form.Item>
      <Form.Item name="unitType" label={t('orgs.fields.unitType')}>
        <Select
          allowClear
          options={UNIT_TYPES.map((u) => ({ value: u, label: labels.unitType(u) }))}
          placeholder={t('common.pleaseSelect')}
        />
      </Form.Item>
      <Form.Item name="establishedOn" label={t('orgs.fields.establishedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

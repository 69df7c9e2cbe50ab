// A new cadre file: the managing organization (干部管理权限), then either the Party member it is
// (identity read from the member record) or the identity typed in.
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../../domain/member-fields';
import { createCadre, type TCadreFile } from '../../api/cadres';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { orNull, saveForm } from './save';

interface Values {
  managerOrgId: Id;
  memberId?: number | null;
  name?: string;
  sex?: (typeof GENDERS)[number] | '';
  birth?: string;
  idNumber?: string;
  nativePlace?: string;
  workStart?: string;
}

export function CadreCreateModal({
  defaultManagerOrgId,
  onCancel,
  onSaved,
}: {
  defaultManagerOrgId: Id;
  onCancel: () => void;
  onSaved: (c: TCadreFile) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const memberId = Form.useWatch('memberId', form);
  const f = (k: string) => t(`cadres.fields.${k}` as 'cadres.fields.name');
  const submit = async (v: Values) => {
    const body = v.memberId
      ? { managerOrgId: v.managerOrgId, memberId: v.memberId, nativePlace: v.nativePlace ?? '', workStart: orNull(v.workStart) }
      : {
          managerOrgId: v.managerOrgId,
          name: v.name ?? '',
          sex: v.sex ?? '',
          birth: orNull(v.birth),
          idNumber: orNull(v.idNumber),
          nativePlace: v.nativePlace ?? '',
          workStart: orNull(v.workStart),
        };
    const c = await saveForm(form, message, () => createCadre(body));
    if (c) onSaved(c);
  };
  return (
    <Modal
      open
      title={t('cadres.create')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'cadre-create-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ managerOrgId: defaultManagerOrgId, sex: GENDERS[0] }} onFinish={submit}>
        <Form.Item name="managerOrgId" label={t('cadres.managerOrg')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="memberId" label={f('memberId')} extra={t('cadres.memberHint')}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        {!memberId && (
          <>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 2 }]}>
              <Input data-testid="cadre-create-name" />
            </Form.Item>
            <Form.Item name="sex" label={f('sex')}>
              <Select options={GENDERS.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            <Form.Item name="birth" label={f('birth')}>
              <Input placeholder={t('cadres.datePlaceholder')} />
            </Form.Item>
            <Form.Item name="idNumber" label={f('idNumber')}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="nativePlace" label={f('nativePlace')}>
          <Input />
        </Form.Item>
        <Form.Item name="workStart" label={f('workStart')}>
          <Input placeholder={t('cadres.datePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

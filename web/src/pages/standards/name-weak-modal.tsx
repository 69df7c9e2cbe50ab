// Naming a weak organization (a strictly higher organization): the organization, the year, the
// situations from the usual list (pre-ticked from the data's suggestions) and a note.
import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { WEAK_REASONS, type WeakReason } from '../../../../domain/rules/standards';
import { errorText } from '../../api/client';
import { nameWeakOrg } from '../../api/standards';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useStarLabel } from './star-tag';

interface Values {
  orgId: Id;
  reasons: WeakReason[];
  note?: string;
}

export function NameWeakModal({
  year,
  initial,
  onClose,
}: {
  year: number;
  initial: { orgId?: Id; orgName?: string; reasons: WeakReason[] };
  onClose: (id?: Id) => void;
}) {
  const { t } = useTranslation();
  const { reason } = useStarLabel();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const w = await nameWeakOrg({ orgId: v.orgId, year, reasons: v.reasons, note: v.note?.trim() || undefined });
      onClose(w.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('standards.weak.nameTitle')}（${t('standards.yearValue', { year })}）`}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: initial.orgId, reasons: initial.reasons }}>
        <Form.Item name="orgId" label={t('standards.weak.nameOrg')} rules={[{ required: true }]}>
          <OrgTreeSelect valueLabel={initial.orgName} />
        </Form.Item>
        <Form.Item name="reasons" label={t('standards.weak.reasons')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            options={WEAK_REASONS.map((r) => ({ value: r, label: reason(r) }))}
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
          />
        </Form.Item>
        <Form.Item rules={[{ max: 1000 }]} name="note" label={t('standards.weak.note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

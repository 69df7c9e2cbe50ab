// 开具介绍信: pick the sending organization and one of its members, then the receiving side —
// a city organization (searched city-wide) or, out of the city, its name and address.
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { defaultValidDays, TRANSFER_KIND_LABELS } from '../../../../domain/rules/transfers';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  getTransferSettings,
  issueTransfer,
  transferCandidates,
  transferTargets,
  type TTransferCandidate,
  type TTransferSettings,
  type TTransferTarget,
} from '../../api/transfers';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useLabels } from '../../lib/labels';
import { validValues } from '../../lib/form-values';

interface Values {
  kind: 'within_city' | 'out_of_city';
  fromOrgId: number;
  memberId: number;
  toOrgId?: number;
  toOrgName?: string;
  toAddress?: string;
  reason: string;
  validDays?: number;
  duesPaidUntil?: Dayjs;
}

export function NewTransferModal({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'within_city';
  const fromOrgId = Form.useWatch('fromOrgId', form);
  const [members, setMembers] = useState<TTransferCandidate[]>([]);
  const [targets, setTargets] = useState<TTransferTarget[]>([]);
  const [settings, setSettings] = useState<TTransferSettings>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getTransferSettings().then(setSettings, () => undefined);
  }, []);
  useEffect(() => {
    form.setFieldValue('memberId', undefined);
    if (fromOrgId)
      transferCandidates(fromOrgId).then(
        (r) => setMembers(r.items),
        () => setMembers([]),
      );
  }, [fromOrgId, form]);

  const submit = async () => {
    // A wrong field shows its message under the field; nothing is sent.
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    try {
      await issueTransfer({
        kind: v.kind,
        memberId: v.memberId,
        reason: v.reason,
        validDays: v.validDays ?? undefined,
        duesPaidUntil: v.duesPaidUntil?.format('YYYY-MM'),
        ...(v.kind === 'within_city' ? { toOrgId: v.toOrgId } : { toOrgName: v.toOrgName, toAddress: v.toAddress || undefined }),
      });
      onDone();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('transfers.newLetter')}
      onCancel={onCancel}
      onOk={submit}
      confirmLoading={saving}
      width={620}
      okButtonProps={{ 'data-testid': 'transfer-new-ok' }}
    >
      <Form form={form} layout="vertical" size="small" initialValues={{ kind: 'within_city', fromOrgId: me.orgId }}>
        <Form.Item name="kind" label={t('transfers.form.kind')}>
          <Radio.Group
            options={[
              { value: 'within_city', label: TRANSFER_KIND_LABELS.within_city[lang] },
              { value: 'out_of_city', label: TRANSFER_KIND_LABELS.out_of_city[lang] },
            ]}
          />
        </Form.Item>
        <Form.Item name="fromOrgId" label={t('transfers.form.fromOrg')} rules={[{ required: true }]}>
          <OrgTreeSelect valueLabel={me.orgName} />
        </Form.Item>
        <Form.Item
          name="memberId"
          label={t('transfers.form.member')}
          rules={[{ required: true, message: t('transfers.form.required.member') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="transfer-member"
            options={members.map((m) => ({
              value: m.id,
              label: t('transfers.form.memberOption', {
                name: m.name,
                gender: m.gender,
                category: t(`common.categoryShort.${m.category}`),
              }),
            }))}
          />
        </Form.Item>
        {kind === 'within_city' ? (
          <Form.Item
            name="toOrgId"
            label={t('transfers.form.toOrg')}
            rules={[{ required: true, message: t('transfers.form.required.toOrg') }]}
          >
            <Select
              showSearch
              filterOption={false}
              placeholder={t('transfers.form.searchTarget')}
              data-testid="transfer-target"
              onSearch={(q) => {
                if (q.trim())
                  transferTargets(q.trim()).then(
                    (r) => setTargets(r.items),
                    () => undefined,
                  );
              }}
              options={targets.map((o) => ({ value: o.id, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="toOrgName"
              label={t('transfers.form.toOrgName')}
              rules={[{ max: 100 }, { required: true, min: 2, message: t('transfers.form.required.toOrgName') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item rules={[{ max: 200 }]} name="toAddress" label={t('transfers.form.toAddress')}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={t('transfers.form.reason')}
          rules={[{ max: 200 }, { required: true, min: 2, message: t('transfers.form.required.reason') }]}
        >
          <Input data-testid="transfer-reason" />
        </Form.Item>
        <Form.Item
          name="validDays"
          label={t('transfers.form.validDays')}
          extra={settings && t('transfers.defaultDays', { days: defaultValidDays(kind, settings) })}
        >
          <InputNumber min={1} max={settings?.maxDays ?? 90} />
        </Form.Item>
        <Form.Item name="duesPaidUntil" label={t('transfers.form.duesPaidUntil')}>
          <DatePicker picker="month" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

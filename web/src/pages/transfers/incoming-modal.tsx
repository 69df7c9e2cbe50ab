// 登记市外转入: a letter received from an organization outside the city. The member record is
// created when the receiving branch confirms.
import { useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { GENDERS } from '../../../../domain/member-fields';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { registerIncoming } from '../../api/transfers';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { validValues } from '../../lib/form-values';

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');

export function IncomingModal({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    // A wrong field shows its message under the field; nothing is sent.
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    try {
      await registerIncoming({
        toOrgId: v.toOrgId,
        fromOrgName: v.fromOrgName,
        externalNo: v.externalNo,
        issuedOn: day(v.issuedOn)!,
        reason: v.reason,
        validDays: v.validDays ?? undefined,
        duesPaidUntil: v.duesPaidUntil?.format('YYYY-MM'),
        member: {
          name: v.name,
          gender: v.gender,
          category: v.category,
          idNumber: v.idNumber || undefined,
          admittedOn: day(v.admittedOn),
          fullOn: day(v.fullOn),
          phone: v.phone || undefined,
        },
      });
      onDone();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const req = (msg: string) => [{ required: true, message: msg }];
  return (
    <Modal open title={t('transfers.registerIncoming')} onCancel={onCancel} onOk={submit} confirmLoading={saving} width={680}>
      <Form form={form} layout="vertical" size="small" initialValues={{ toOrgId: me.orgId, gender: GENDERS[0], category: 'full' }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="toOrgId" label={t('transfers.form.toOrg')} rules={req(t('transfers.form.required.toOrg'))}>
              <OrgTreeSelect valueLabel={me.orgName} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="fromOrgName"
              label={t('transfers.form.fromOrgName')}
              rules={[...req(t('transfers.form.required.fromOrgName')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="externalNo"
              label={t('transfers.form.externalNo')}
              rules={[...req(t('transfers.form.required.externalNo')), { max: 60 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuedOn" label={t('transfers.form.issuedOn')} rules={req(t('transfers.form.required.issuedOn'))}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="validDays" label={t('transfers.form.validDays')}>
              <InputNumber min={1} max={366} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="name" label={t('transfers.form.name')} rules={[...req(t('transfers.form.required.name')), { max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gender" label={t('transfers.form.gender')}>
              <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`common.genders.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label={t('transfers.col.category')}>
              <Radio.Group
                options={[
                  { value: 'full', label: t('common.categoryShort.full') },
                  { value: 'probationary', label: t('common.categoryShort.probationary') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item rules={[{ max: 18 }]} name="idNumber" label={t('transfers.form.idNumber')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item rules={[{ max: 30 }]} name="phone" label={t('transfers.form.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="admittedOn" label={t('transfers.form.admittedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fullOn" label={t('transfers.form.fullOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="duesPaidUntil" label={t('transfers.form.duesPaidUntil')}>
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="reason"
              label={t('transfers.form.reason')}
              rules={[{ max: 200 }, { required: true, min: 2, message: t('transfers.form.required.reason') }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

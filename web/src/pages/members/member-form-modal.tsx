// Adding a member or correcting a record. The ID number is checked here as on the server (GB 11643)
// and birth date and gender are read from it, never typed. An edit sends only the changed fields.
import { useState } from 'react';
import { Alert, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ETHNICITIES, MEMBER_CATEGORIES } from '../../../../domain/member-fields';
import { BRANCH_KINDS } from '../../../../domain/org-kinds';
import { checkIdNumber } from '../../../../domain/rules/id-number';
import { ageOn } from '../../../../domain/rules/members';
import { ApiError, errorText } from '../../api/client';
import { createMember, updateMember, type TMemberDetail } from '../../api/members';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { fromDateString, toDateString } from '../../lib/dates';
import { useMemberLabels } from './member-labels';

const TEXT_FIELDS = [
  'name',
  'ethnicity',
  'nativePlace',
  'eduFulltime',
  'degreeFulltime',
  'eduInservice',
  'degreeInservice',
  'occupation',
  'workUnit',
  'jobPost',
  'phone',
  'address',
] as const;
type Values = Partial<Record<(typeof TEXT_FIELDS)[number], string | null>> & {
  orgId?: Id;
  category?: 'full' | 'probationary';
  idNumber?: string;
  admittedOn?: Dayjs;
  fullOn?: Dayjs | null;
};

export interface MemberFormModalProps {
  member?: TMemberDetail;
  defaultOrgId?: Id;
  onCancel: () => void;
  onSaved: (m: TMemberDetail) => void;
}

/** The organization field (a wrapper, so the browser tests can find the picker). */
function OrgPicker(props: { value?: Id; onChange?: (id: Id | undefined) => void }) {
  return (
    <div data-testid="member-org">
      <OrgTreeSelect {...props} selectable={(o) => BRANCH_KINDS.includes(o.kind)} />
    </div>
  );
}

export function MemberFormModal({ member, defaultOrgId, onCancel, onSaved }: MemberFormModalProps) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const category = Form.useWatch('category', form) ?? member?.category;
  const idText = Form.useWatch('idNumber', form);
  const id = idText ? checkIdNumber(idText) : null;
  const today = dayjs().format('YYYY-MM-DD');

  const initial: Values = member
    ? {
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, member[f]])),
        admittedOn: fromDateString(member.admittedOn),
        fullOn: fromDateString(member.fullOn) ?? null,
      }
    : { orgId: defaultOrgId, ethnicity: ETHNICITIES[0], category: 'full' };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    const clean = (s: string | null | undefined) => (typeof s === 'string' && s.trim() === '' ? null : (s ?? null));
    try {
      let saved: TMemberDetail;
      if (!member) {
        saved = await createMember({
          ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, clean(v[f])]).filter(([, x]) => x !== null)),
          name: v.name!,
          ethnicity: v.ethnicity as never,
          orgId: v.orgId!,
          category: v.category!,
          idNumber: v.idNumber!.trim(),
          admittedOn: toDateString(v.admittedOn)!,
          fullOn: v.category === 'full' ? toDateString(v.fullOn ?? undefined) : undefined,
        } as never);
      } else {
        // Only what changed, with the version the editor saw (a concurrent edit is refused).
        const patch: Record<string, unknown> = {};
        for (const f of TEXT_FIELDS) if (clean(v[f]) !== (member[f] ?? null)) patch[f] = clean(v[f]);
        const admitted = toDateString(v.admittedOn);
        if (admitted && admitted !== member.admittedOn) patch.admittedOn = admitted;
        const full = toDateString(v.fullOn ?? undefined);
        if (member.category === 'full' && full && full !== member.fullOn) patch.fullOn = full;
        if (v.idNumber?.trim()) patch.idNumber = v.idNumber.trim();
        saved = await updateMember(member.id, { ...patch, version: member.version });
      }
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.field && e.field !== 'version') form.setFields([{ name: e.field as never, errors: [e.message] }]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const select = (kind: 'education' | 'degree' | 'occupation') => <Select allowClear options={labels.options(kind)} />;
  return (
    <Modal
      open
      width={820}
      title={member ? t('members.form.editTitle', { name: member.name }) : t('members.form.createTitle')}
      okButtonProps={{ 'data-testid': 'member-form-ok' } as never}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {member && <Alert type="info" showIcon title={t('members.form.ownedElsewhere')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" size="small" initialValues={initial} onFinish={submit} data-testid="member-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="name"
              label={t('members.fields.name')}
              rules={[{ max: 30 }, { required: true, whitespace: true, message: t('members.form.nameRequired') }]}
            >
              <Input data-testid="member-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="idNumber"
              label={t('members.fields.idNumber')}
              extra={
                id?.ok
                  ? t('members.form.derived', { birthDate: id.birthDate, gender: id.gender, age: ageOn(id.birthDate, today) })
                  : member
                    ? member.idMasked
                    : t('members.form.derivedNone')
              }
              rules={[
                { required: !member, message: t('members.form.idRequired') },
                {
                  validator: (_r, v: string | undefined) => {
                    const c = v ? checkIdNumber(v) : null;
                    return !c || c.ok ? Promise.resolve() : Promise.reject(new Error(c.message));
                  },
                },
              ]}
            >
              <Input
                count={{ max: 18 }}
                className="mono"
                placeholder={member ? (member.idMasked ?? '') : ''}
                data-testid="member-id-number"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="ethnicity" label={t('members.fields.ethnicity')} rules={[{ required: true }]}>
              <Select showSearch options={labels.options('ethnicity')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item rules={[{ max: 60 }]} name="nativePlace" label={t('members.fields.nativePlace')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="phone"
              label={t('members.fields.phone')}
              rules={[{ max: 20 }, { pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('members.form.phoneRule') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item rules={[{ max: 200 }]} name="address" label={t('members.fields.address')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('members.form.party')}
        </Divider>
        <Row gutter={12}>
          {!member && (
            <Col span={10}>
              <Form.Item name="orgId" label={t('members.fields.org')} rules={[{ required: true, message: t('members.form.orgRequired') }]}>
                <OrgPicker />
              </Form.Item>
            </Col>
          )}
          {!member && (
            <Col span={6}>
              <Form.Item name="category" label={t('members.fields.category')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`common.categoryShort.${c}`) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={member ? 8 : 4}>
            <Form.Item
              name="admittedOn"
              label={t('members.fields.admittedOn')}
              rules={[{ required: true, message: t('members.form.admittedRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="member-admitted-on" />
            </Form.Item>
          </Col>
          <Col span={member ? 8 : 4}>
            <Form.Item
              name="fullOn"
              label={t('members.fields.fullOn')}
              tooltip={category === 'probationary' ? t('members.form.probationaryNoFull') : undefined}
              rules={[{ required: category === 'full' && !member, message: t('members.form.fullRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} disabled={category === 'probationary'} data-testid="member-full-on" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('members.form.education')}
        </Divider>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="eduFulltime" label={t('members.fields.eduFulltime')}>
              {select('education')}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="degreeFulltime" label={t('members.fields.degreeFulltime')}>
              {select('degree')}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="eduInservice" label={t('members.fields.eduInservice')}>
              {select('education')}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="degreeInservice" label={t('members.fields.degreeInservice')}>
              {select('degree')}
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('members.form.work')}
        </Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="occupation" label={t('members.fields.occupation')}>
              {select('occupation')}
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item rules={[{ max: 100 }]} name="workUnit" label={t('members.fields.workUnit')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item rules={[{ max: 60 }]} name="jobPost" label={t('members.fields.jobPost')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

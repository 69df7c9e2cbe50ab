// Edit the whole committee at once: one row per person (post, name, term dates).
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_POSTS, type CommitteePost } from '../../../../domain/org-kinds';
import { ApiError, errorText } from '../../api/client';
import { putCommittee, type TCommitteeInput, type TOrgDetail } from '../../api/orgs';
import { fromDateString, toDateString } from '../../lib/dates';
import { useLabels } from '../../lib/labels';

interface Row {
  personName: string;
  post: CommitteePost;
  termStart?: Dayjs | null;
  termEnd?: Dayjs | null;
}

/** A committee has at most 15 members (domain/schemas/orgs.ts). */
const MAX_MEMBERS = 15;

export interface CommitteeModalProps {
  org: TOrgDetail;
  onCancel: () => void;
  onSaved: (org: TOrgDetail) => void;
}

export function CommitteeModal({ org, onCancel, onSaved }: CommitteeModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<{ members: Row[] }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const initial = org.committee.map<Row>((m) => ({
    personName: m.personName,
    post: m.post,
    termStart: fromDateString(m.termStart),
    termEnd: fromDateString(m.termEnd),
  }));

  const submit = async ({ members }: { members?: Row[] }) => {
    setSaving(true);
    setError(undefined);
    try {
      const body = (members ?? []).map<TCommitteeInput>((m) => ({
        personName: m.personName.trim(),
        post: m.post,
        termStart: toDateString(m.termStart),
        termEnd: toDateString(m.termEnd),
      }));
      onSaved(await putCommittee(org.id, body));
    } catch (e) {
      // The server names a row's field as "members.<index>.<field>": show it on that input.
      const at = e instanceof ApiError ? /^members\.(\d+)\.(\w+)$/.exec(e.field ?? '') : null;
      if (at) form.setFields([{ name: ['members', Number(at[1]), at[2] as keyof Row], errors: [errorText(e)] }]);
      else setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.committee.editTitle', { name: org.name })}
      width={760}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okText={t('common.save')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} initialValues={{ members: initial }} onFinish={submit}>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[name, 'post']} rules={[{ required: true, message: t('orgs.committee.postRequired') }]}>
                    <Select
                      style={{ width: 110 }}
                      placeholder={t('orgs.committee.post')}
                      options={COMMITTEE_POSTS.map((p) => ({ value: p, label: labels.post(p) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'personName']}
                    rules={[
                      { required: true, whitespace: true, message: t('orgs.committee.nameRequired') },
                      { min: 2, max: 40, message: t('orgs.committee.nameLength') },
                    ]}
                  >
                    <Input style={{ width: 150 }} placeholder={t('orgs.committee.personName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'termStart']}>
                    <DatePicker placeholder={t('orgs.committee.termStart')} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'termEnd']}
                    dependencies={[['members', name, 'termStart']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_r, end?: Dayjs | null) => {
                          const start = getFieldValue(['members', name, 'termStart']) as Dayjs | null | undefined;
                          if (start && end && end.isBefore(start, 'day')) throw new Error(t('orgs.committee.endBeforeStart'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker placeholder={t('orgs.committee.termEnd')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('common.remove')} />
                </Space>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_MEMBERS}
                onClick={() => add({ post: 'member' })}
              >
                {t('orgs.committee.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

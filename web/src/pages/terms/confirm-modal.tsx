// The higher organization approves the secretary and deputies among the elected: the new term then starts.
import { useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { confirmElection, type TElection } from '../../api/terms';
import type { Id } from '../../api/types';

export function ConfirmModal({ election, onClose }: { election: TElection; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ secretaryId: Id; deputyIds: Id[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const elected = election.candidates
    .filter((c) => c.elected)
    .map((c) => ({ value: c.id, label: t('terms.confirm.elected', { name: c.personName, votes: c.votesFor }) }));
  const secretary = Form.useWatch('secretaryId', form);

  const submit = async (v: { secretaryId: Id; deputyIds?: Id[] }) => {
    setBusy(true);
    setError(undefined);
    try {
      await confirmElection(election.id, { secretaryId: v.secretaryId, deputyIds: v.deputyIds ?? [], version: election.version });
      void message.success(t('terms.action.done'));
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('terms.confirm.title')}：${election.orgName}`}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      okButtonProps={{ 'data-testid': 'confirm-submit' } as never}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('terms.confirm.hint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="secretaryId" label={t('terms.confirm.secretary')} rules={[{ required: true }]}>
          <Select options={elected} data-testid="confirm-secretary" />
        </Form.Item>
        <Form.Item name="deputyIds" label={t('terms.confirm.deputies')}>
          <Select mode="multiple" maxCount={2} options={elected.filter((o) => o.value !== secretary)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// The officer's queue of correction requests from the cadres they manage: each shows the field, what the
// file holds now, what the cadre proposes, the reason and evidence; approve (the file changes) or refuse.
import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { approveCorrection, downloadEvidence, listCorrections, refuseCorrection, type TCorrection } from '../../api/cadres';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { useCorrectionLabels } from './correction-labels';

const STATUSES = ['pending', 'approved', 'refused', 'all'] as const;

export function CorrectionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const labels = useCorrectionLabels();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending');
  const [deciding, setDeciding] = useState<{ row: TCorrection; decision: 'approve' | 'refuse' } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const req = useRequest(() => listCorrections(status), [status]);
  const decide = async () => {
    if (!deciding) return;
    if (deciding.decision === 'refuse' && !note.trim()) {
      void message.warning(t('cadres.corrections.refuseNoteRequired'));
      return;
    }
    setBusy(true);
    try {
      await (deciding.decision === 'approve' ? approveCorrection : refuseCorrection)(deciding.row.id, note);
      void message.success(t(deciding.decision === 'approve' ? 'cadres.corrections.approved' : 'cadres.corrections.refused'));
      setDeciding(null);
      setNote('');
      req.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const writable = can(me.roles, 'cadre.write');
  return (
    <div className="page-card">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/cadres">{t('cadres.title')}</Link> }, { title: t('cadres.corrections.title') }]}
      />
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cadres.corrections.title')}
        </Typography.Title>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as (typeof STATUSES)[number])}
          options={STATUSES.map((s) => ({ value: s, label: t(`cadres.corrections.statuses.${s}`) }))}
        />
      </div>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      <Table<TCorrection>
        size="small"
        rowKey="id"
        data-testid="cadre-corrections"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('cadres.corrections.empty') }}
        columns={[
          {
            title: t('cadres.corrections.cadre'),
            dataIndex: 'cadreName',
            width: 100,
            render: (v: string, r) => <Link to={`/cadres/${r.cadreId}`}>{v}</Link>,
          },
          { title: t('cadres.corrections.field'), dataIndex: 'field', width: 130, render: (v: string) => labels.field(v) },
          { title: t('cadres.corrections.current'), dataIndex: 'currentValue', width: 150, render: (v: string) => v || '—' },
          { title: t('cadres.corrections.proposed'), dataIndex: 'proposedValue', width: 150 },
          { title: t('cadres.corrections.reason'), dataIndex: 'reason' },
          {
            title: t('cadres.corrections.evidence'),
            dataIndex: 'evidenceName',
            width: 120,
            render: (v: string | null, r) =>
              v ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => void downloadEvidence(r.id, v).catch((e: unknown) => message.error(errorText(e)))}
                >
                  {v}
                </Button>
              ) : (
                '—'
              ),
          },
          {
            title: t('cadres.corrections.requestedAt'),
            dataIndex: 'requestedAt',
            width: 130,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('cadres.corrections.status'),
            key: 'status',
            width: 170,
            render: (_v, r) =>
              r.status === 'pending' && writable ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ row: r, decision: 'approve' })}
                    data-testid={`correction-approve-${r.id}`}
                  >
                    {t('cadres.corrections.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setDeciding({ row: r, decision: 'refuse' })}
                    data-testid={`correction-refuse-${r.id}`}
                  >
                    {t('cadres.corrections.refuse')}
                  </Button>
                </Space>
              ) : (
                <span>
                  <Tag color={r.status === 'approved' ? 'green' : r.status === 'refused' ? 'red' : 'default'}>
                    {t(`cadres.corrections.statuses.${r.status}`)}
                  </Tag>
                  {r.decisionNote}
                </span>
              ),
          },
        ]}
      />
      {deciding && (
        <Modal
          open
          title={t(deciding.decision === 'approve' ? 'cadres.corrections.approve' : 'cadres.corrections.refuse')}
          confirmLoading={busy}
          onOk={() => void decide()}
          okButtonProps={{ 'data-testid': 'correction-decide-ok' } as never}
          onCancel={() => setDeciding(null)}
        >
          <p>
            {deciding.row.cadreName} · {labels.field(deciding.row.field)}：{deciding.row.currentValue || '—'} → {deciding.row.proposedValue}
          </p>
          <Form layout="vertical">
            <Form.Item label={t('cadres.corrections.note')} required={deciding.decision === 'refuse'}>
              <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}

// Hardship reductions and exemptions (art. 7): proposed by the branch, decided by the higher committee.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { decideReduction, listReductions, type TReduction } from '../../api/dues';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { formatMinute } from '../../lib/dates';
import { fenToYuan } from './dues-format';

const STATUS_COLOR = { proposed: 'gold', approved: 'green', rejected: 'default' } as const;

export function ReductionsTab({ orgId, onOpen }: { orgId: Id; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pendingOnly, setPendingOnly] = useState(true);
  const [deciding, setDeciding] = useState<{ r: TReduction; decision: 'approve' | 'reject' }>();
  const [note, setNote] = useState('');
  const list = useRequest(
    (signal) => listReductions({ orgId, status: pendingOnly ? 'proposed' : undefined }, signal),
    [orgId, pendingOnly],
  );

  const decide = async () => {
    if (!deciding) return;
    try {
      await decideReduction(deciding.r.id, deciding.decision, note.trim() || undefined);
      void message.success(t(`dues.reduction.status.${deciding.decision === 'approve' ? 'approved' : 'rejected'}`));
      setDeciding(undefined);
      setNote('');
      list.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <>
      <div className="filter-bar">
        <Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)}>
          {t('dues.reduction.onlyPending')}
        </Checkbox>
      </div>
      <Alert type="info" showIcon title={t('dues.reduction.hint')} style={{ marginBottom: 8 }} />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TReduction>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        data-testid="reductions-table"
        columns={[
          {
            title: t('dues.sheet.name'),
            dataIndex: 'memberName',
            width: 100,
            render: (v: string, r) => <a onClick={() => onOpen(r.memberId)}>{v}</a>,
          },
          { title: t('dues.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('dues.reduction.kind'), dataIndex: 'kind', width: 70, render: (k: 'reduce' | 'exempt') => t(`dues.reduction.${k}`) },
          { title: t('dues.reduction.amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: fenToYuan },
          { title: t('dues.sheet.month'), key: 'range', width: 150, render: (_v, r) => `${r.monthFrom} ~ ${r.monthTo}` },
          { title: t('dues.reduction.reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('dues.reduction.proposedBy'),
            key: 'by',
            width: 170,
            render: (_v, r) => `${r.proposedBy ?? ''} ${formatMinute(r.proposedAt)}`,
          },
          {
            title: t('dues.sheet.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: TReduction['status'], r) => (
              <Tag color={STATUS_COLOR[s]} title={r.decisionNote ?? undefined}>
                {t(`dues.reduction.status.${s}`)}
              </Tag>
            ),
          },
          {
            title: '',
            key: 'act',
            width: 140,
            render: (_v, r) =>
              r.canDecide && (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ r, decision: 'approve' })}
                    data-testid={`approve-${r.id}`}
                  >
                    {t('dues.reduction.approve')}
                  </Button>
                  <Button size="small" onClick={() => setDeciding({ r, decision: 'reject' })}>
                    {t('dues.reduction.reject')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={deciding && `${t(`dues.reduction.${deciding.decision}`)}：${deciding.r.memberName}`}
        onOk={decide}
        onCancel={() => setDeciding(undefined)}
      >
        <Input.TextArea
          rows={3}
          count={{ max: 200 }}
          placeholder={t('dues.reduction.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}

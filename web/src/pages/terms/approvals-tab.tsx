// 待我审批: election requests to approve, results whose secretary and deputy await approval, and delays or
// advances — only what the caller's organization, being strictly higher, may decide now.
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { listAdjustments, listElections, type TAdjustment, type TElection } from '../../api/terms';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { formatMinute } from '../../lib/dates';
import { ElectionTag } from './term-tags';

export function ApprovalsTab({ orgId, onOpen }: { orgId: Id; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  const elections = useRequest((signal) => listElections({ orgId, mine: true }, signal), [orgId]);
  const adjustments = useRequest(
    (signal) => listAdjustments({ orgId, status: 'proposed' }, signal).then((r) => r.items.filter((a) => a.canDecide)),
    [orgId],
  );
  const org = (name: string, id: Id) => (
    <a onClick={() => onOpen(id)} data-testid={`approval-org-${id}`}>
      {name}
    </a>
  );

  return (
    <div data-testid="terms-approvals">
      {[elections.error, adjustments.error]
        .filter((e) => e !== undefined)
        .map((e, i) => (
          <Alert key={i} type="error" showIcon title={errorText(e)} style={{ marginBottom: 8 }} />
        ))}
      <Typography.Title level={5}>{t('terms.approvals.elections')}</Typography.Title>
      <Table<TElection>
        size="small"
        rowKey="id"
        loading={elections.loading}
        dataSource={elections.data?.items}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        locale={{ emptyText: t('terms.approvals.none') }}
        columns={[
          { title: t('terms.col.org'), dataIndex: 'orgName', ellipsis: true, render: (v: string, e) => org(v, e.orgId) },
          { title: t('terms.col.status'), dataIndex: 'status', width: 130, render: (s: string) => <ElectionTag status={s} /> },
          { title: t('terms.col.plannedOn'), dataIndex: 'plannedOn', width: 110 },
          { title: t('terms.col.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('terms.col.seats'), dataIndex: 'plannedSeats', width: 80, align: 'right' },
          {
            title: t('terms.col.requestedBy'),
            key: 'by',
            width: 200,
            ellipsis: true,
            render: (_v, e) => [e.requestedBy, formatMinute(e.requestedAt)].filter(Boolean).join(' '),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('terms.approvals.adjustments')}
      </Typography.Title>
      <Table<TAdjustment>
        size="small"
        rowKey="id"
        loading={adjustments.loading}
        dataSource={adjustments.data}
        pagination={false}
        locale={{ emptyText: t('terms.approvals.none') }}
        columns={[
          { title: t('terms.col.org'), dataIndex: 'orgName', ellipsis: true, render: (v: string, a) => org(v, a.orgId) },
          { title: t('terms.col.adjustKind'), dataIndex: 'kind', width: 90, render: (k: 'delay' | 'advance') => t(`terms.adjust.${k}`) },
          { title: t('terms.col.originalEnd'), dataIndex: 'originalEnd', width: 110 },
          { title: t('terms.col.newEnd'), dataIndex: 'newEnd', width: 110 },
          { title: t('terms.col.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
    </div>
  );
}

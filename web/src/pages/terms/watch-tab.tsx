// 逾期与延期: elections overdue (the term has ended), delays approved by a higher organization, and
// results not reported within a month of the election (local practice).
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getWatch, type TAdjustment, type TElection, type TTermRow } from '../../api/terms';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { useLabels } from '../../lib/labels';
import { DaysLeft, ElectionTag } from './term-tags';

export function WatchTab({ orgId, onOpen }: { orgId: Id; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const w = useRequest((signal) => getWatch(orgId, signal), [orgId]);
  const org = (name: string, id: Id) => <a onClick={() => onOpen(id)}>{name}</a>;
  const page = { pageSize: 20, size: 'small' as const, hideOnSinglePage: true };

  return (
    <div data-testid="terms-watch">
      {w.error !== undefined && <Alert type="error" showIcon title={errorText(w.error)} style={{ marginBottom: 8 }} />}
      <Typography.Title level={5}>
        {t('terms.watch.overdue')}（{w.data?.overdue.length ?? 0}）
      </Typography.Title>
      <Table<TTermRow>
        size="small"
        rowKey="orgId"
        loading={w.loading}
        dataSource={w.data?.overdue}
        pagination={page}
        locale={{ emptyText: t('terms.watch.none') }}
        columns={[
          { title: t('terms.col.org'), dataIndex: 'orgName', ellipsis: true, render: (v: string, r) => org(v, r.orgId) },
          { title: t('terms.col.kind'), dataIndex: 'orgKind', width: 130, render: (k: string) => labels.kind(k) },
          { title: t('terms.col.ends'), dataIndex: 'endsOn', width: 110 },
          { title: t('terms.col.daysLeft'), dataIndex: 'daysLeft', width: 120, render: (d: number | null) => <DaysLeft days={d} /> },
          {
            title: t('terms.col.election'),
            key: 'e',
            width: 130,
            render: (_v, r) => r.election && <ElectionTag status={r.election.status} />,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('terms.watch.delays')}（{w.data?.delays.length ?? 0}）
      </Typography.Title>
      <Table<TAdjustment>
        size="small"
        rowKey="id"
        loading={w.loading}
        dataSource={w.data?.delays}
        pagination={page}
        locale={{ emptyText: t('terms.watch.none') }}
        columns={[
          { title: t('terms.col.org'), dataIndex: 'orgName', ellipsis: true, render: (v: string, a) => org(v, a.orgId) },
          { title: t('terms.col.originalEnd'), dataIndex: 'originalEnd', width: 110 },
          { title: t('terms.col.newEnd'), dataIndex: 'newEnd', width: 110 },
          { title: t('terms.col.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('terms.col.decidedBy'), dataIndex: 'decidedOrgName', width: 200, ellipsis: true },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('terms.watch.unreported')}（{w.data?.unreported.length ?? 0}）
      </Typography.Title>
      <Table<TElection>
        size="small"
        rowKey="id"
        loading={w.loading}
        dataSource={w.data?.unreported}
        pagination={page}
        locale={{ emptyText: t('terms.watch.none') }}
        columns={[
          { title: t('terms.col.org'), dataIndex: 'orgName', ellipsis: true, render: (v: string, e) => org(v, e.orgId) },
          { title: t('terms.col.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('terms.col.status'), dataIndex: 'status', width: 130, render: (s: string) => <ElectionTag status={s} /> },
          {
            title: t('terms.result.notes'),
            dataIndex: 'reportDueOn',
            width: 260,
            render: (d: string) => t('terms.result.report', { date: d }),
          },
        ]}
      />
    </div>
  );
}

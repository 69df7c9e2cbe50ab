// The rows of people used by the board and the list: who, where, at which step, what is next and by when.
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TPersonRow } from '../../api/development';
import { STATUS_COLORS, useDevLabels } from './dev-labels';

export function PersonTable({ rows, loading, testId }: { rows: TPersonRow[]; loading?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const l = useDevLabels();
  return (
    <Table<TPersonRow>
      size="small"
      rowKey="id"
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      onRow={(r) => (r.overdue ? { style: { background: 'var(--ant-color-error-bg, #fff1f0)' } } : {})}
      columns={[
        {
          title: t('development.fields.name'),
          dataIndex: 'name',
          width: 100,
          render: (v: string, r) => <Link to={`/development/${r.id}`}>{v}</Link>,
        },
        { title: t('development.fields.gender'), dataIndex: 'gender', width: 50 },
        {
          title: t('development.fields.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: TPersonRow['status']) => <Tag color={STATUS_COLORS[s]}>{l.status(s)}</Tag>,
        },
        { title: t('development.fields.lastStep'), dataIndex: 'lastStep', width: 180, render: (s: number) => (s ? l.step(s) : '') },
        {
          title: t('development.fields.nextStep'),
          key: 'next',
          width: 180,
          render: (_v, r) => (r.nextDue ? l.step(r.nextDue.stepNo) : '—'),
        },
        {
          title: t('development.fields.window'),
          key: 'window',
          width: 200,
          render: (_v, r) => (
            <span>
              {l.window(r.nextDue)}{' '}
              {r.overdue && (
                <Tag color="red" data-testid="overdue-tag">
                  {t('development.overdue')}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('development.fields.org'), dataIndex: 'orgName', ellipsis: true },
        { title: t('development.fields.appliedOn'), dataIndex: 'appliedOn', width: 100 },
      ]}
    />
  );
}

// The table view of the board: the same tasks, dense, sorted by due date, a row opens the task.
import { Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckResult, JointStage } from '../../../../domain/rules/joint-tasks';
import type { TJointTask } from '../../api/joint-tasks';
import type { Id } from '../../api/types';
import { ResultTag, StageTag } from './labels';

export function TaskTable({ items, loading, onOpen }: { items: TJointTask[] | undefined; loading: boolean; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  return (
    <Table<TJointTask>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
      data-testid="task-table"
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('jointTasks.field.org'), dataIndex: 'orgName', width: 220, ellipsis: true },
        { title: t('jointTasks.field.title'), dataIndex: 'title', ellipsis: true },
        { title: t('jointTasks.field.partyOwner'), dataIndex: 'partyOwner', width: 90 },
        { title: t('jointTasks.field.businessOwner'), dataIndex: 'businessOwner', width: 150, ellipsis: true },
        { title: t('jointTasks.field.startOn'), dataIndex: 'startOn', width: 100 },
        {
          title: t('jointTasks.field.dueOn'),
          dataIndex: 'dueOn',
          width: 120,
          render: (d: string, r) =>
            r.overdue ? (
              <>
                <Typography.Text type="danger">{d}</Typography.Text> <Tag color="red">{t('jointTasks.overdue')}</Tag>
              </>
            ) : (
              d
            ),
        },
        { title: t('jointTasks.stage'), dataIndex: 'stage', width: 70, render: (s: JointStage) => <StageTag stage={s} /> },
        {
          title: t('jointTasks.field.progress'),
          dataIndex: 'progress',
          width: 130,
          render: (p: number, r) => <Progress percent={p} size="small" status={r.overdue ? 'exception' : undefined} />,
        },
        {
          title: t('jointTasks.field.checkResult'),
          dataIndex: 'checkResult',
          width: 80,
          render: (c: CheckResult | null) => <ResultTag result={c} />,
        },
      ]}
    />
  );
}

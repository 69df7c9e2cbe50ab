// The kanban: one column per stage (谋划 → 部署 → 落实 → 完成 → 检查), a card per task with both
// owners, the due date (red when late), progress and the check result.
import { Badge, Card, Empty, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { JOINT_STAGES } from '../../../../domain/rules/joint-tasks';
import type { TJointTask, TJointTaskList } from '../../api/joint-tasks';
import type { Id } from '../../api/types';
import { ResultTag, useTaskLabels } from './labels';

export function TaskBoard({ board, onOpen }: { board: TJointTaskList; onOpen: (id: Id) => void }) {
  const { stage } = useTaskLabels();
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(200px, 1fr))', gap: 8, overflowX: 'auto' }}
      data-testid="task-board"
    >
      {JOINT_STAGES.map((s) => {
        const tasks = board.items.filter((x) => x.stage === s);
        return (
          <div key={s} style={{ background: '#f5f5f5', borderRadius: 4, padding: 8, minHeight: 200 }} data-testid={`column-${s}`}>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{stage(s)}</Typography.Text>
              <Badge count={tasks.length} showZero color="#8c8c8c" />
            </Space>
            {tasks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            <div style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 640, overflowY: 'auto' }}>
              {tasks.slice(0, 200).map((x) => (
                <TaskCard key={x.id} task={x} onOpen={onOpen} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function TaskCard({ task, onOpen }: { task: TJointTask; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable onClick={() => onOpen(task.id)} data-testid={`task-card-${task.id}`} styles={{ body: { padding: 8 } }}>
      <Typography.Text strong>{task.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.orgName}
        </Typography.Text>
      </div>
      <div style={{ fontSize: 12 }}>
        {task.partyOwner} · {task.businessOwner}
      </div>
      <Progress percent={task.progress} size="small" status={task.overdue ? 'exception' : task.progress === 100 ? 'success' : 'active'} />
      <Space size={4}>
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {task.overdue ? `${t('jointTasks.overdue')} · ` : ''}
          {t('jointTasks.dueOn', { date: task.dueOn })}
        </Typography.Text>
        <ResultTag result={task.checkResult} />
      </Space>
    </Card>
  );
}

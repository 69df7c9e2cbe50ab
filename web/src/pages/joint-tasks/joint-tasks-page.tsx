// 党建业务融合: an organization's board of joint tasks (its own or its whole subtree) as kanban columns
// by stage or as a table, filtered by year, stage and lateness; new tasks, export.
import { useState } from 'react';
import { Alert, Button, Checkbox, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { JOINT_STAGES, type JointStage } from '../../../../domain/rules/joint-tasks';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { exportJointTasks, getBoard, type TJointTaskFilter } from '../../api/joint-tasks';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { STAGE_COLOR, useTaskLabels } from './labels';
import { TaskBoard } from './task-board';
import { TaskTable } from './task-table';
import { TaskDrawer } from './task-drawer';
import { TaskFormModal } from './task-form-modal';

export default function JointTasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { stage: stageLabel } = useTaskLabels();
  const [orgId, setOrgId] = useState<Id>(me.orgId);
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [stage, setStage] = useState<JointStage>();
  const [overdue, setOverdue] = useState(false);
  const [subtree, setSubtree] = useState(true);
  const [view, setView] = useState<'board' | 'table'>('board');
  const [open, setOpen] = useState<Id>();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const filter: TJointTaskFilter = { orgId, year, stage, overdue: overdue || undefined, subtree };
  const board = useRequest((signal) => getBoard(filter, signal), [orgId, year, stage, overdue, subtree]);
  const years = Array.from({ length: 4 }, (_, k) => dayjs().year() + 1 - k);

  return (
    <div className="page-card">
      <Typography.Title level={4}>
        {t('jointTasks.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('jointTasks.subtitle')}
        </Typography.Text>
      </Typography.Title>
      <div className="filter-bar">
        <OrgTreeSelect
          style={{ width: 280 }}
          value={orgId}
          valueLabel={orgId === me.orgId ? me.orgName : undefined}
          onChange={(id) => id && setOrgId(id)}
        />
        <Space size={4}>
          <Switch size="small" checked={subtree} onChange={setSubtree} data-testid="tasks-subtree" />
          {t('jointTasks.subtree')}
        </Space>
        <Select<number>
          allowClear
          style={{ width: 96 }}
          placeholder={t('jointTasks.allYears')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Select<JointStage>
          allowClear
          style={{ width: 100 }}
          placeholder={t('jointTasks.allStages')}
          value={stage}
          onChange={setStage}
          options={JOINT_STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="tasks-overdue">
          {t('jointTasks.overdueOnly')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'board' | 'table')}
          options={[
            { value: 'board', label: t('jointTasks.view.board') },
            { value: 'table', label: t('jointTasks.view.table') },
          ]}
        />
        {can(me.roles, 'task.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-create">
            {t('jointTasks.create')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="tasks-export">
          {t('jointTasks.export')}
        </Button>
      </div>
      {board.data && (
        <Space wrap style={{ marginBottom: 8 }} data-testid="tasks-counts">
          {JOINT_STAGES.map((s) => (
            <Tag key={s} color={STAGE_COLOR[s]}>
              {stageLabel(s)} {board.data!.counts[s]}
            </Tag>
          ))}
          <Tag color="red">
            {t('jointTasks.overdue')} {board.data.counts.overdue}
          </Tag>
        </Space>
      )}
      {board.error !== undefined && <Alert type="error" showIcon title={errorText(board.error)} style={{ marginBottom: 8 }} />}
      {board.data?.truncated && <Alert type="warning" showIcon title={t('jointTasks.truncated')} style={{ marginBottom: 8 }} />}
      {view === 'board' && board.data ? (
        <TaskBoard board={board.data} onOpen={setOpen} />
      ) : (
        <TaskTable items={board.data?.items} loading={board.loading} onOpen={setOpen} />
      )}
      {open !== undefined && (
        <TaskDrawer
          id={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) board.reload();
          }}
        />
      )}
      {creating && (
        <TaskFormModal
          orgId={orgId}
          onClose={(saved) => {
            setCreating(false);
            if (saved) {
              board.reload();
              setOpen(saved.id);
            }
          }}
        />
      )}
      {exporting && (
        <ExportPurposeModal
          title={t('jointTasks.exportTitle')}
          notice={t('jointTasks.exportNotice')}
          placeholder={t('jointTasks.exportPlaceholder')}
          testId="tasks-export-purpose"
          onExport={(purpose) => exportJointTasks(filter, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}

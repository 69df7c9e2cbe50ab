// One joint task: both sides and owners, a progress report (forward one stage, or back with a reason),
// the check result once done (the organization itself or a higher one), and the update log.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { CHECK_RESULTS, JOINT_STAGES, stageMoveError, type CheckResult, type JointStage } from '../../../../domain/rules/joint-tasks';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { checkJointTask, getJointTask, reportJointTask, type TJointTaskDetail } from '../../api/joint-tasks';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { formatMinute } from '../../lib/dates';
import { ResultTag, StageTag, useTaskLabels } from './labels';
import { TaskFormModal } from './task-form-modal';

export function TaskDrawer({ id, onClose }: { id: Id; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const data = useRequest((signal) => getJointTask(id, signal), [id]);
  const [changed, setChanged] = useState(false);
  const [editing, setEditing] = useState(false);
  const x = data.data;

  const run = async (work: () => Promise<TJointTaskDetail>, done: string) => {
    try {
      data.setData(await work());
      setChanged(true);
      void message.success(done);
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };
  const writable = can(me.roles, 'task.write');

  return (
    <Drawer
      open
      width={820}
      title={x?.title}
      onClose={() => onClose(changed)}
      destroyOnHidden
      data-testid="task-drawer"
      extra={x && writable && x.stage !== 'checked' && <Button onClick={() => setEditing(true)}>{t('jointTasks.drawer.edit')}</Button>}
    >
      {data.error !== undefined && <Alert type="error" showIcon title={errorText(data.error)} />}
      {!x && data.error === undefined && <Spin />}
      {x && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('jointTasks.field.org')}>{x.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.stage')}>
              <StageTag stage={x.stage} /> {x.progress}%
              {x.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('jointTasks.overdue')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.partySide')} span={2}>
              {x.partySide}
            </Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.businessSide')} span={2}>
              {x.businessSide}
            </Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.partyOwner')}>{x.partyOwner}</Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.businessOwner')}>{x.businessOwner}</Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.startOn')}>{x.startOn}</Descriptions.Item>
            <Descriptions.Item label={t('jointTasks.field.dueOn')}>{x.dueOn}</Descriptions.Item>
            {x.checkResult && (
              <Descriptions.Item label={t('jointTasks.field.checkResult')} span={2}>
                <ResultTag result={x.checkResult} /> {x.checkNote}{' '}
                <Typography.Text type="secondary">
                  （{x.checkedOrgName} {x.checkedOn}）
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {x.stage === 'checked' && <Alert type="info" showIcon title={t('jointTasks.drawer.closed')} style={{ marginTop: 12 }} />}
          {writable && x.stage !== 'checked' && (
            <ReportForm
              task={x}
              onSave={(b) => run(() => reportJointTask(x.id, { ...b, version: x.version }), t('jointTasks.drawer.saved'))}
            />
          )}
          {x.canCheck && (
            <CheckForm onSave={(b) => run(() => checkJointTask(x.id, { ...b, version: x.version }), t('jointTasks.drawer.checked'))} />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('jointTasks.drawer.log')}
          </Typography.Title>
          <Timeline
            items={x.updates.map((u) => ({
              key: u.id,
              content: (
                <>
                  <StageTag stage={u.stage} /> {u.progress}% {u.note}{' '}
                  <Typography.Text type="secondary">
                    {u.actorName} {formatMinute(u.at)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
          {editing && (
            <TaskFormModal
              task={x}
              onClose={(saved) => {
                setEditing(false);
                if (saved) {
                  data.setData(saved);
                  setChanged(true);
                }
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

interface ReportValues {
  stage: JointStage;
  progress: number;
  note?: string;
}

function ReportForm({ task, onSave }: { task: TJointTaskDetail; onSave: (b: ReportValues) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { stage: label } = useTaskLabels();
  const [form] = Form.useForm<ReportValues>();
  const stage = Form.useWatch('stage', form) ?? task.stage;
  const back = JOINT_STAGES.indexOf(stage) < JOINT_STAGES.indexOf(task.stage);
  // Forward one step or back any number; 检查 is reached by the check below.
  const options = JOINT_STAGES.filter((s) => stageMoveError({ from: task.stage, to: s, note: '-' }) === null);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ stage: task.stage, progress: task.progress }}
      onFinish={async (v) => {
        if (await onSave({ ...v, note: v.note?.trim() || undefined })) form.resetFields(['note']);
      }}
    >
      <Typography.Text strong style={{ width: '100%' }}>
        {t('jointTasks.drawer.report')}
      </Typography.Text>
      <Form.Item name="stage" label={t('jointTasks.drawer.moveTo')}>
        <Select style={{ width: 110 }} options={options.map((s) => ({ value: s, label: label(s) }))} data-testid="report-stage" />
      </Form.Item>
      <Form.Item name="progress" label={t('jointTasks.field.progress')}>
        <InputNumber min={0} max={100} step={10} addonAfter="%" style={{ width: 120 }} data-testid="report-progress" />
      </Form.Item>
      <Form.Item
        name="note"
        messageVariables={{ label: t('jointTasks.drawer.note') }}
        rules={[{ max: 500 }, ...(back ? [{ required: true, whitespace: true, message: t('jointTasks.drawer.backNeedsNote') }] : [])]}
      >
        <Input style={{ width: 260 }} placeholder={t('jointTasks.drawer.note')} data-testid="report-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="report-submit">
        {t('jointTasks.drawer.save')}
      </Button>
    </Form>
  );
}

function CheckForm({ onSave }: { onSave: (b: { result: CheckResult; note?: string }) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { result: label } = useTaskLabels();
  const [form] = Form.useForm<{ result: CheckResult; note?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      onFinish={(v) => onSave({ result: v.result, note: v.note?.trim() || undefined })}
    >
      <Typography.Text strong>{t('jointTasks.drawer.check')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {t('jointTasks.drawer.checkHint')}
      </Typography.Text>
      <Space align="start" style={{ marginTop: 8 }}>
        <Form.Item name="result" rules={[{ required: true }]}>
          <Radio.Group options={CHECK_RESULTS.map((r) => ({ value: r, label: label(r) }))} data-testid="check-result" />
        </Form.Item>
        <Form.Item rules={[{ max: 500 }]} name="note" messageVariables={{ label: t('jointTasks.field.checkNote') }}>
          <Input style={{ width: 260 }} placeholder={t('jointTasks.field.checkNote')} />
        </Form.Item>
        <Button htmlType="submit" data-testid="check-submit">
          {t('jointTasks.drawer.check')}
        </Button>
      </Space>
    </Form>
  );
}

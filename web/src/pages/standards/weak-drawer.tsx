// One weak organization's rectification: its situations, the tasks with their progress (reported by
// the organization itself), adding a task, and 整改销号 by the higher level once every task is done.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { acceptWeakOrg, addRectTask, getWeakOrg, reportRectProgress, type TRectTask, type TWeakOrgDetail } from '../../api/standards';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { toDateString } from '../../lib/dates';
import { useStarLabel } from './star-tag';

export function WeakDrawer({ id, onClose }: { id: Id; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reason } = useStarLabel();
  const data = useRequest((signal) => getWeakOrg(id, signal), [id]);
  const [changed, setChanged] = useState(false);
  const [reporting, setReporting] = useState<TRectTask>();
  const [adding, setAdding] = useState(false);
  const w = data.data;

  const run = async (work: () => Promise<TWeakOrgDetail>, done: string) => {
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

  return (
    <Drawer
      open
      width={900}
      title={w ? t('standards.weak.detail', { org: w.orgName }) : ''}
      onClose={() => onClose(changed)}
      destroyOnHidden
      data-testid="weak-drawer"
    >
      {data.error !== undefined && <Alert type="error" showIcon title={errorText(data.error)} />}
      {!w && data.error === undefined && <Spin />}
      {w && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('standards.year')}>{w.year}</Descriptions.Item>
            <Descriptions.Item label={t('standards.weak.onlyStatus')}>
              <Tag color={w.status === 'rectified' ? 'green' : 'orange'}>{t(`standards.weak.status.${w.status}`)}</Tag>
              {w.rectifiedOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('standards.weak.identifiedOn')}>{w.identifiedOn}</Descriptions.Item>
            <Descriptions.Item label={t('standards.weak.identifiedBy')}>{w.identifiedOrgName}</Descriptions.Item>
            <Descriptions.Item label={t('standards.weak.reasonsLabel')} span={2}>
              {w.reasons.map((r) => (
                <Tag key={r}>{reason(r)}</Tag>
              ))}
            </Descriptions.Item>
            {w.note && (
              <Descriptions.Item label={t('standards.weak.note')} span={2}>
                {w.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div className="filter-bar" style={{ marginTop: 12 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('standards.weak.tasks')}
            </Typography.Title>
            <Progress percent={w.progress} size="small" style={{ width: 200 }} />
            <span style={{ flex: 1 }} />
            {w.canUpdate && (
              <Button onClick={() => setAdding(true)} data-testid="weak-add-task">
                {t('standards.weak.task.add')}
              </Button>
            )}
            {w.canAccept && (
              <Popconfirm
                title={t('standards.weak.acceptConfirm')}
                onConfirm={() => run(() => acceptWeakOrg(w.id), t('standards.weak.accepted'))}
              >
                <Button type="primary" data-testid="weak-accept">
                  {t('standards.weak.accept')}
                </Button>
              </Popconfirm>
            )}
          </div>
          <Table<TRectTask>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={w.items}
            data-testid="weak-tasks"
            columns={[
              {
                title: t('standards.weak.task.title'),
                dataIndex: 'title',
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.measure}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('standards.weak.task.owner'), dataIndex: 'owner', width: 90 },
              {
                title: t('standards.weak.task.dueOn'),
                dataIndex: 'dueOn',
                width: 100,
                render: (d: string, r) => (r.overdue ? <Typography.Text type="danger">{d}</Typography.Text> : d),
              },
              {
                title: t('standards.weak.task.progress'),
                dataIndex: 'progress',
                width: 160,
                render: (p: number, r) => (
                  <Progress percent={p} size="small" status={r.status === 'done' ? 'success' : r.overdue ? 'exception' : 'active'} />
                ),
              },
              { title: t('standards.weak.task.note'), dataIndex: 'note', ellipsis: true },
              {
                title: '',
                key: 'act',
                width: 90,
                render: (_v, r) =>
                  w.canUpdate && (
                    <Button size="small" onClick={() => setReporting(r)} data-testid={`rect-report-${r.id}`}>
                      {t('standards.weak.task.report')}
                    </Button>
                  ),
              },
            ]}
          />
          {reporting && (
            <ReportModal
              task={reporting}
              onClose={() => setReporting(undefined)}
              onSave={(b) => run(() => reportRectProgress(reporting.id, b), t('common.saved'))}
            />
          )}
          {adding && <AddTaskModal onClose={() => setAdding(false)} onSave={(b) => run(() => addRectTask(w.id, b), t('common.saved'))} />}
        </>
      )}
    </Drawer>
  );
}

function ReportModal({
  task,
  onClose,
  onSave,
}: {
  task: TRectTask;
  onClose: () => void;
  onSave: (b: { progress: number; note?: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ progress: number; note?: string }>();
  return (
    <Modal
      open
      title={t('standards.weak.task.reportTitle', { title: task.title })}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ progress: task.progress, note: task.note ?? '' }}
        onFinish={async (v) => {
          if (await onSave({ progress: v.progress, note: v.note?.trim() || undefined })) onClose();
        }}
      >
        <Form.Item
          name="progress"
          label={t('standards.weak.task.progress')}
          extra={t('standards.weak.task.doneHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} step={10} addonAfter="%" data-testid="rect-progress" />
        </Form.Item>
        <Form.Item rules={[{ max: 500 }]} name="note" label={t('standards.weak.task.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TaskValues {
  title: string;
  measure?: string;
  owner: string;
  dueOn: Dayjs;
}

function AddTaskModal({
  onClose,
  onSave,
}: {
  onClose: () => void;
  onSave: (b: { title: string; measure?: string; owner: string; dueOn: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaskValues>();
  return (
    <Modal open title={t('standards.weak.task.add')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (
            await onSave({
              title: v.title.trim(),
              measure: v.measure?.trim() || undefined,
              owner: v.owner.trim(),
              dueOn: toDateString(v.dueOn)!,
            })
          )
            onClose();
        }}
      >
        <Form.Item name="title" label={t('standards.weak.task.title')} rules={[{ max: 100 }, { required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item rules={[{ max: 1000 }]} name="measure" label={t('standards.weak.task.measure')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Form.Item name="owner" label={t('standards.weak.task.owner')} rules={[{ max: 40 }, { required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="dueOn" label={t('standards.weak.task.dueOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

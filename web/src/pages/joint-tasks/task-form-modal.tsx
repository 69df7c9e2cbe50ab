// Creating or editing a joint task: its Party-building side and business side with an owner each,
// the dates, and (when creating) the organization and year.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { createJointTask, editJointTask, type TJointTaskDetail } from '../../api/joint-tasks';
import type { Id } from '../../api/types';
import { getOrg } from '../../api/orgs';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useRequest } from '../../lib/use-request';
import { fromDateString, toDateString } from '../../lib/dates';

interface Values {
  orgId: Id;
  year: number;
  title: string;
  partySide: string;
  businessSide: string;
  partyOwner: string;
  businessOwner: string;
  startOn?: Dayjs;
  dueOn: Dayjs;
}

export function TaskFormModal({
  task,
  orgId,
  onClose,
}: {
  task?: TJointTaskDetail;
  orgId?: Id;
  onClose: (saved?: TJointTaskDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The name of the organization the page is on, for the picker's label.
  const org = useRequest((signal) => (orgId && !task ? getOrg(orgId, signal) : Promise.resolve(undefined)), [orgId, task]);
  const fields = {
    title: t('jointTasks.field.title'),
    partySide: t('jointTasks.field.partySide'),
    businessSide: t('jointTasks.field.businessSide'),
    partyOwner: t('jointTasks.field.partyOwner'),
    businessOwner: t('jointTasks.field.businessOwner'),
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    const body = {
      title: v.title.trim(),
      partySide: v.partySide.trim(),
      businessSide: v.businessSide.trim(),
      partyOwner: v.partyOwner.trim(),
      businessOwner: v.businessOwner.trim(),
      startOn: toDateString(v.startOn),
      dueOn: toDateString(v.dueOn)!,
    };
    try {
      onClose(
        task
          ? await editJointTask(task.id, { ...body, version: task.version })
          : await createJointTask({ ...body, orgId: v.orgId, year: v.year }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const initial = task
    ? { ...task, startOn: fromDateString(task.startOn), dueOn: fromDateString(task.dueOn) }
    : { orgId, year: dayjs().year(), startOn: dayjs(), dueOn: dayjs().add(3, 'month') };
  return (
    <Modal
      open
      width={720}
      title={task ? t('jointTasks.drawer.edit') : t('jointTasks.create')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'task-form-ok' } as never}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {!task && (
          <Space align="start">
            <Form.Item name="orgId" label={t('jointTasks.field.org')} rules={[{ required: true }]}>
              <OrgTreeSelect style={{ width: 420 }} valueLabel={org.data?.name} />
            </Form.Item>
            <Form.Item name="year" label={t('jointTasks.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="title" label={fields.title} rules={[{ max: 100 }, { required: true, whitespace: true, min: 2 }]}>
          <Input data-testid="task-title" />
        </Form.Item>
        <Form.Item name="partySide" label={fields.partySide} rules={[{ max: 1000 }, { required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={2} data-testid="task-party" />
        </Form.Item>
        <Form.Item name="businessSide" label={fields.businessSide} rules={[{ max: 1000 }, { required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={2} data-testid="task-business" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="partyOwner" label={fields.partyOwner} rules={[{ max: 40 }, { required: true, whitespace: true, min: 2 }]}>
            <Input data-testid="task-party-owner" />
          </Form.Item>
          <Form.Item name="businessOwner" label={fields.businessOwner} rules={[{ max: 40 }, { required: true, whitespace: true, min: 2 }]}>
            <Input data-testid="task-business-owner" />
          </Form.Item>
          <Form.Item name="startOn" label={t('jointTasks.field.startOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueOn" label={t('jointTasks.field.dueOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

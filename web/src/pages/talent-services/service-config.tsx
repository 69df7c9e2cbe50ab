// The departments that deliver talent services and the service types with their department and response
// time in working days (the talent office's configuration).
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  createDepartment,
  createType,
  listDepartments,
  listTypes,
  updateType,
  type TServiceDepartment,
  type TServiceDepartmentCreate,
  type TServiceType,
  type TServiceTypeCreate,
} from '../../api/talent-services';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';

export function ServiceConfig() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const depts = useRequest((signal) => listDepartments(signal), []);
  const types = useRequest((signal) => listTypes(signal), []);
  const [adding, setAdding] = useState<'dept' | 'type'>();
  const [editing, setEditing] = useState<TServiceType>();
  const [deptForm] = Form.useForm<TServiceDepartmentCreate>();
  const [typeForm] = Form.useForm<TServiceTypeCreate>();

  const save = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      void message.success(t('talentServices.config.saved'));
      setAdding(undefined);
      setEditing(undefined);
      depts.reload();
      types.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const addDept = async () => {
    const v = await validValues(deptForm);
    if (v) await save(() => createDepartment(v));
  };
  const saveType = async () => {
    const v = await validValues(typeForm);
    if (!v) return;
    const body = { ...v, tierCodes: v.tierCodes ?? [], description: v.description ?? '' };
    if (editing) {
      const { code: _code, ...rest } = body;
      await save(() => updateType(editing.id, rest));
    } else await save(() => createType(body));
  };
  const editType = (ty: TServiceType) => {
    setEditing(ty);
    setAdding('type');
    typeForm.setFieldsValue(ty);
  };
  const deptOptions = depts.data?.items.map((d) => ({ value: d.id, label: d.name }));

  return (
    <>
      {(depts.error ?? types.error) !== undefined && <Alert type="error" showIcon title={errorText(depts.error ?? types.error)} />}
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('talentServices.config.departments')}
        </Typography.Title>
        <Button size="small" onClick={() => setAdding('dept')}>
          {t('talentServices.config.addDepartment')}
        </Button>
      </Space>
      <Table<TServiceDepartment>
        size="small"
        rowKey="id"
        pagination={false}
        style={{ maxWidth: 640, marginBottom: 16 }}
        loading={depts.loading}
        dataSource={depts.data?.items}
        columns={[
          { title: t('talentServices.config.code'), dataIndex: 'code', width: 140 },
          { title: t('talentServices.config.deptName'), dataIndex: 'name' },
          { title: t('talentServices.config.accounts'), dataIndex: 'accounts', width: 90, align: 'right' },
        ]}
      />
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('talentServices.config.types')}
        </Typography.Title>
        <Button
          size="small"
          onClick={() => {
            setEditing(undefined);
            typeForm.resetFields();
            setAdding('type');
          }}
        >
          {t('talentServices.config.addType')}
        </Button>
      </Space>
      <Table<TServiceType>
        size="small"
        rowKey="id"
        pagination={false}
        loading={types.loading}
        dataSource={types.data?.items}
        columns={[
          { title: t('talentServices.config.code'), dataIndex: 'code', width: 140 },
          {
            title: t('talentServices.config.typeName'),
            dataIndex: 'name',
            width: 140,
            render: (v: string, r) => <a onClick={() => editType(r)}>{v}</a>,
          },
          { title: t('talentServices.col.department'), dataIndex: 'departmentName', width: 200 },
          {
            title: t('talentServices.config.responseDays'),
            dataIndex: 'responseDays',
            width: 160,
            render: (n: number) => t('talentServices.config.days', { n }),
          },
          { title: t('talentServices.config.tiers'), dataIndex: 'tierCodes', width: 100, render: (v: string[]) => v.join('、') },
          { title: t('talentServices.config.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('talentServices.config.active'),
            dataIndex: 'active',
            width: 70,
            render: (v: boolean, r) => (
              <Switch size="small" checked={v} onChange={(active) => void save(() => updateType(r.id, { active }))} />
            ),
          },
        ]}
      />
      <Modal
        open={adding === 'dept'}
        title={t('talentServices.config.addDepartment')}
        onOk={addDept}
        onCancel={() => setAdding(undefined)}
        destroyOnHidden
      >
        <Form form={deptForm} layout="vertical" preserve={false}>
          <Form.Item
            name="code"
            label={t('talentServices.config.code')}
            extra={t('talentServices.config.codeHint')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,31}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('talentServices.config.deptName')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding === 'type'}
        title={editing ? editing.name : t('talentServices.config.addType')}
        onOk={saveType}
        onCancel={() => setAdding(undefined)}
        forceRender
      >
        <Form form={typeForm} layout="vertical">
          <Form.Item
            name="code"
            label={t('talentServices.config.code')}
            extra={t('talentServices.config.codeHint')}
            rules={[{ required: !editing, pattern: /^[a-z][a-z0-9-]{1,31}$/ }]}
          >
            <Input disabled={!!editing} />
          </Form.Item>
          <Form.Item name="name" label={t('talentServices.config.typeName')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t('talentServices.col.department')} rules={[{ required: true }]}>
            <Select options={deptOptions} />
          </Form.Item>
          <Form.Item name="responseDays" label={t('talentServices.config.responseDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item name="tierCodes" label={t('talentServices.config.tiers')} extra={t('talentServices.config.tiersHint')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} />
          </Form.Item>
          <Form.Item name="description" label={t('talentServices.config.description')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

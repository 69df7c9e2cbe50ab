// 单位与职数: the units of the managing organization as a tree (by parent unit), a new unit, and a
// unit's posts with their quotas (职数) edited in a drawer. Every save carries the version seen.
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LEVELS, POST_LINES, UNIT_KINDS } from '../../../../domain/cadre-codes';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import {
  createPost,
  createUnit,
  getUnit,
  listUnits,
  updatePost,
  type TPost,
  type TPostCreate,
  type TUnit,
  type TUnitCreate,
} from '../../api/cadre-units';
import { useRequest } from '../../lib/use-request';
import type { TUnitFilter } from '../../api/cadre-units';

type Node = TUnit & { children?: Node[] };

function treeOf(units: TUnit[]): Node[] {
  const byId = new Map<Id, Node>(units.map((u) => [u.id, { ...u }]));
  const roots: Node[] = [];
  for (const n of byId.values()) {
    const parent = n.parentUnitId ? byId.get(n.parentUnitId) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

export function UnitsTab({ filter }: { filter: TUnitFilter }) {
  const { t } = useTranslation();
  const me = useMe();
  const writes = can(me.roles, 'cadre.write');
  const units = useRequest((signal) => listUnits(filter, signal), [filter]);
  const tree = useMemo(() => treeOf(units.data?.items ?? []), [units.data]);
  const [open, setOpen] = useState<Id>();
  const [creating, setCreating] = useState(false);

  return (
    <>
      {writes && (
        <div className="filter-bar">
          <Button icon={<PlusOutlined />} type="primary" onClick={() => setCreating(true)} data-testid="unit-create">
            {t('cadreUnits.unit.create')}
          </Button>
        </div>
      )}
      <Table<Node>
        size="small"
        rowKey="id"
        loading={units.loading}
        dataSource={tree}
        pagination={false}
        onRow={(u) => ({ onClick: () => setOpen(u.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cadreUnits.unit.name'), dataIndex: 'name' },
          { title: t('cadreUnits.col.kind'), dataIndex: 'kind', width: 130 },
          { title: t('cadreUnits.level'), dataIndex: 'level', width: 80 },
          { title: t('cadreUnits.col.managerOrg'), dataIndex: 'managerOrgName', width: 200 },
        ]}
      />
      {creating && (
        <UnitCreateModal
          managerOrgId={filter.managerOrgId ?? me.orgId}
          units={units.data?.items ?? []}
          onClose={(done) => {
            setCreating(false);
            if (done) units.reload();
          }}
        />
      )}
      {open !== undefined && <UnitDrawer id={open} writes={writes} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function UnitCreateModal({ managerOrgId, units, onClose }: { managerOrgId: Id; units: TUnit[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TUnitCreate>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: TUnitCreate) => {
    setBusy(true);
    try {
      await createUnit({ ...v, managerOrgId });
      void message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('cadreUnits.unit.required') }];
  return (
    <Modal
      open
      title={t('cadreUnits.unit.create')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('cadreUnits.unit.name')} rules={required}>
          <Input count={{ max: 60 }} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('cadreUnits.unit.shortName')}>
          <Input count={{ max: 20 }} />
        </Form.Item>
        <Space>
          <Form.Item name="kind" label={t('cadreUnits.kind')} rules={required}>
            <Select style={{ width: 160 }} options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="level" label={t('cadreUnits.level')} rules={required}>
            <Select style={{ width: 110 }} options={LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </Space>
        <Form.Item name="parentUnitId" label={t('cadreUnits.unit.parent')}>
          <Select allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UnitDrawer({ id, writes, onClose }: { id: Id; writes: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useRequest((signal) => getUnit(id, signal), [id]);
  const [quotas, setQuotas] = useState<Record<Id, number>>({});
  const [form] = Form.useForm<TPostCreate>();
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      void message.success(t('common.saved'));
      detail.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const saveQuota = (p: TPost) => run(updatePost(p.id, { version: p.version, quota: quotas[p.id] ?? p.quota }));
  const addPost = (v: TPostCreate) => run(createPost(id, v).then(() => form.resetFields()));

  return (
    <Drawer open width={760} title={detail.data?.unit.name} onClose={onClose}>
      <h4>{t('cadreUnits.unit.posts')}</h4>
      <Table<TPost>
        size="small"
        rowKey="id"
        loading={detail.loading}
        pagination={false}
        dataSource={(detail.data?.posts ?? []).filter((p) => !p.abolishedOn)}
        columns={[
          { title: t('cadreUnits.col.post'), dataIndex: 'title' },
          { title: t('cadreUnits.col.level'), dataIndex: 'level', width: 80 },
          {
            title: t('cadreUnits.col.principal'),
            width: 70,
            render: (_, p) => (p.principal ? t('cadreUnits.principal') : t('cadreUnits.deputy')),
          },
          { title: t('cadreUnits.col.line'), dataIndex: 'line', width: 70 },
          {
            title: t('cadreUnits.col.quota'),
            width: 200,
            render: (_, p) =>
              writes ? (
                <Space>
                  <InputNumber
                    size="small"
                    min={0}
                    max={50}
                    value={quotas[p.id] ?? p.quota}
                    onChange={(v) => setQuotas((q) => ({ ...q, [p.id]: v ?? 0 }))}
                  />
                  <Button size="small" onClick={() => void saveQuota(p)}>
                    {t('cadreUnits.unit.saveQuota')}
                  </Button>
                </Space>
              ) : (
                p.quota
              ),
          },
        ]}
      />
      {writes && (
        <>
          <h4 style={{ marginTop: 16 }}>{t('cadreUnits.unit.addPost')}</h4>
          <Form form={form} layout="inline" onFinish={(v) => void addPost(v)} initialValues={{ principal: false, quota: 1 }}>
            <Form.Item name="title" rules={[{ required: true, message: t('cadreUnits.unit.required') }]}>
              <Input placeholder={t('cadreUnits.unit.title')} count={{ max: 40 }} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="level" rules={[{ required: true, message: t('cadreUnits.unit.required') }]}>
              <Select placeholder={t('cadreUnits.col.level')} style={{ width: 90 }} options={LEVELS.map((l) => ({ value: l, label: l }))} />
            </Form.Item>
            <Form.Item name="line">
              <Select
                placeholder={t('cadreUnits.col.line')}
                style={{ width: 80 }}
                options={POST_LINES.map((l) => ({ value: l, label: l }))}
              />
            </Form.Item>
            <Form.Item name="principal" valuePropName="checked" label={t('cadreUnits.principal')}>
              <Switch size="small" />
            </Form.Item>
            <Form.Item name="quota" label={t('cadreUnits.col.quota')}>
              <InputNumber min={0} max={50} style={{ width: 60 }} />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('common.create')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}

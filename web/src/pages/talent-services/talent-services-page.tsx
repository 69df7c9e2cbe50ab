// 人才服务 (the talent office): every request with its filters and per-department figures, a request's
// history with re-routing and closing; and the departments and service types with their response times.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  SERVICE_STATUSES,
  closeRequest,
  getRequest,
  listDepartments,
  listRequests,
  listTypes,
  routeRequest,
  type ServiceFilters,
  type TServiceRequest,
  type TServiceStatus,
} from '../../api/talent-services';
import type { Id } from '../../api/types';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { ServiceConfig } from './service-config';
import { RequestTable, ServiceEvents, StatusTags } from './service-parts';

export default function TalentServicesPage() {
  const { t } = useTranslation();
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('talentServices.office.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'requests', label: t('talentServices.office.tabRequests'), children: <RequestsTab /> },
          { key: 'config', label: t('talentServices.office.tabConfig'), children: <ServiceConfig /> },
        ]}
      />
    </div>
  );
}

function RequestsTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ServiceFilters>({});
  const [name, setName] = useState('');
  const [open, setOpen] = useState<Id>();
  const list = useRequest((signal) => listRequests(filters, signal), [filters]);
  const depts = useRequest((signal) => listDepartments(signal), []);
  const types = useRequest((signal) => listTypes(signal), []);
  const set = (patch: ServiceFilters) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <div className="filter-bar">
        <Space wrap>
          <Select<TServiceStatus>
            allowClear
            style={{ width: 120 }}
            placeholder={t('talentServices.office.filterStatus')}
            value={filters.status}
            onChange={(v) => set({ status: v })}
            options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`talentServices.status.${s}`) }))}
            data-testid="filter-status"
          />
          <Select<Id>
            allowClear
            style={{ width: 200 }}
            placeholder={t('talentServices.office.filterDepartment')}
            value={filters.departmentId}
            onChange={(v) => set({ departmentId: v })}
            options={depts.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select<Id>
            allowClear
            style={{ width: 160 }}
            placeholder={t('talentServices.office.filterType')}
            value={filters.typeId}
            onChange={(v) => set({ typeId: v })}
            options={types.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Checkbox checked={filters.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('talentServices.office.onlyOverdue')}
          </Checkbox>
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t('talentServices.office.searchName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Space>
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Typography.Title level={5}>{t('talentServices.office.byDepartment')}</Typography.Title>
      <Table
        size="small"
        rowKey="departmentId"
        pagination={false}
        style={{ marginBottom: 16, maxWidth: 760 }}
        dataSource={list.data?.byDepartment}
        data-testid="by-department"
        columns={[
          { title: t('talentServices.col.department'), dataIndex: 'departmentName' },
          { title: t('talentServices.col.open'), dataIndex: 'open', align: 'right', width: 90 },
          { title: t('talentServices.col.overdue'), dataIndex: 'overdue', align: 'right', width: 90 },
          { title: t('talentServices.col.answered'), dataIndex: 'answered', align: 'right', width: 90 },
          { title: t('talentServices.col.answeredLate'), dataIndex: 'answeredLate', align: 'right', width: 100 },
        ]}
      />
      <RequestTable items={list.data?.items} loading={list.loading} total={list.data?.total} onOpen={(r) => setOpen(r.id)} showDepartment />
      {open !== undefined && <RequestDrawer id={open} onClose={() => setOpen(undefined)} onChanged={list.reload} />}
    </>
  );
}

interface RouteValues {
  departmentId: Id;
  note: string;
}

function RequestDrawer({ id, onClose, onChanged }: { id: Id; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const req = useRequest((signal) => getRequest(id, signal), [id]);
  const depts = useRequest((signal) => listDepartments(signal), []);
  const [routing, setRouting] = useState(false);
  const [closing, setClosing] = useState(false);
  const [routeForm] = Form.useForm<RouteValues>();
  const [closeForm] = Form.useForm<{ note?: string }>();
  const r = req.data;
  const open = r && (r.status === 'submitted' || r.status === 'accepted');

  const run = async (fn: () => Promise<TServiceRequest>, done: string) => {
    try {
      req.setData(await fn());
      void message.success(done);
      onChanged();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };
  const route = async () => {
    const v = await validValues(routeForm);
    if (!v || !r) return;
    if (await run(() => routeRequest(r.id, { ...v, version: r.version }), t('talentServices.office.routed'))) setRouting(false);
  };
  const close = async () => {
    const v = await validValues(closeForm);
    if (!v || !r) return;
    if (await run(() => closeRequest(r.id, { note: v.note ?? '', version: r.version }), t('talentServices.office.closed')))
      setClosing(false);
  };

  return (
    <Drawer open width={640} title={r ? t('talentServices.office.detailTitle', { name: r.personName }) : ' '} onClose={onClose}>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {r && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('talentServices.col.status')}>
              <StatusTags r={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.name')}>
              {[r.personName, r.tierName, r.cardNo].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.type')}>{r.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.department')}>{r.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.dueOn')}>{`${r.submittedOn} ~ ${r.dueOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.detail')}>{r.detail}</Descriptions.Item>
            {r.answer && <Descriptions.Item label={t('talentServices.col.answer')}>{r.answer}</Descriptions.Item>}
            {r.satisfaction !== null && (
              <Descriptions.Item label={t('talentServices.col.satisfaction')}>{r.satisfaction}</Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ margin: '12px 0' }}>
            {open && (
              <Button onClick={() => setRouting(true)} data-testid="route">
                {t('talentServices.office.route')}
              </Button>
            )}
            {r.status !== 'closed' && r.status !== 'withdrawn' && (
              <Button onClick={() => setClosing(true)}>{t('talentServices.office.close')}</Button>
            )}
          </Space>
          <Typography.Title level={5}>{t('talentServices.office.events')}</Typography.Title>
          <ServiceEvents r={r} />
          <Modal
            open={routing}
            title={t('talentServices.office.routeTitle')}
            onOk={route}
            onCancel={() => setRouting(false)}
            destroyOnHidden
          >
            <Form form={routeForm} layout="vertical" preserve={false}>
              <Form.Item name="departmentId" label={t('talentServices.office.routeTo')} rules={[{ required: true }]}>
                <Select options={depts.data?.items.filter((d) => d.id !== r.departmentId).map((d) => ({ value: d.id, label: d.name }))} />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('talentServices.office.routeReason')}
                rules={[{ required: true, whitespace: true }, { max: 500 }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Form>
          </Modal>
          <Modal open={closing} title={t('talentServices.office.close')} onOk={close} onCancel={() => setClosing(false)} destroyOnHidden>
            <Form form={closeForm} layout="vertical" preserve={false}>
              <Form.Item name="note" label={t('talentServices.office.closeNote')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Drawer>
  );
}

// 培训班 (issue 14 point 5), the organizer's pages: the classes of the subtree, a new class with its sessions,
// and a class's detail (class-detail.tsx).
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { createClass, listClasses, type TClassCreate, type TClassSummary } from '../../api/learning-classes';
import { useMe } from '../../auth/auth-context';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import ClassDetail from './class-detail';

type SessionForm = {
  date: string;
  startTime: string;
  endTime: string;
  hours: number;
  teacher?: string;
  place?: string;
  onlineUrl?: string;
};
type ClassForm = Omit<TClassCreate, 'orgId' | 'sessions' | 'capacity'> & { capacity?: number | null; sessions: SessionForm[] };

function NewClassModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassForm>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const c = await createClass({
        orgId: me.orgId,
        title: v.title,
        audience: v.audience ?? '',
        description: v.description ?? '',
        capacity: v.capacity ?? null,
        openForApplication: !!v.openForApplication,
        sessions: v.sessions.map((s) => ({ ...s, teacher: s.teacher ?? '', place: s.place ?? '', onlineUrl: s.onlineUrl ?? '' })),
      });
      message.success(t('learningClasses.saved'));
      onClose();
      navigate(`/learning/classes/${c.id}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true }];
  return (
    <Modal open={open} title={t('learningClasses.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ sessions: [{ startTime: '09:00', endTime: '12:00', hours: 3 }] }}>
        <Form.Item name="title" label={t('learningClasses.fields.title')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="audience" label={t('learningClasses.fields.audience')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="capacity" label={t('learningClasses.fields.capacity')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="openForApplication" valuePropName="checked" label=" ">
            <Checkbox>{t('learningClasses.fields.openForApplication')}</Checkbox>
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('learningClasses.fields.sessions')}</Typography.Text>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'date']} rules={req}>
                    <Input type="date" aria-label={t('learningClasses.fields.date')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'startTime']} rules={req}>
                    <Input type="time" aria-label={t('learningClasses.fields.start')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'endTime']} rules={req}>
                    <Input type="time" aria-label={t('learningClasses.fields.end')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']} rules={req}>
                    <InputNumber min={0.1} step={0.5} placeholder={t('learningClasses.fields.hours')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'teacher']}>
                    <Input placeholder={t('learningClasses.fields.teacher')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'place']}>
                    <Input placeholder={t('learningClasses.fields.place')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'onlineUrl']}>
                    <Input placeholder={t('learningClasses.fields.onlineUrl')} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ startTime: '09:00', endTime: '12:00', hours: 3 })}>
                {t('learningClasses.addSession')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ClassList() {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const req = useRequest((signal) => listClasses(signal), []);
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('learningClasses.title')}</Typography.Title>
      {can(me.roles, 'learning.manage') && (
        <div className="filter-bar">
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('learningClasses.new')}
          </Button>
        </div>
      )}
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      <Table<TClassSummary>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('learningClasses.fields.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`${r.id}`}>{v}</Link> },
          { title: t('learningClasses.fields.org'), dataIndex: 'orgName' },
          { title: t('learningClasses.fields.dates'), render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
          { title: t('learningClasses.fields.hours'), dataIndex: 'totalHours', width: 70 },
          { title: t('learningClasses.fields.enrolled'), dataIndex: 'enrolled', width: 70 },
          { title: t('learningClasses.fields.pending'), dataIndex: 'pending', width: 70 },
          {
            title: t('learningClasses.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: 'open' | 'completed') => <Tag color={s === 'open' ? 'blue' : 'green'}>{t(`learningClasses.classStatus.${s}`)}</Tag>,
          },
        ]}
      />
      <NewClassModal open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

export default function ClassesPage() {
  return (
    <Routes>
      <Route index element={<ClassList />} />
      <Route path=":id" element={<ClassDetail />} />
    </Routes>
  );
}

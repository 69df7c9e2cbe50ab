// 干部选拔任用: the selections by step (list) and one selection's page (detail), with a form to open one.
import { validValues } from '../../lib/form-values';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { SELECTION_STEPS, type SelectionStep } from '../../../../domain/rules/cadre-selection';
import { SELECTION_WAYS } from '../../../../domain/schemas/cadre-selections';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { createSelection, listSelections, type TSelectionSummary } from '../../api/cadre-selections';
import { useRequest } from '../../lib/use-request';
import { SelectionDetail } from './selection-detail';
import { PickerSelect, useStepLabel } from './parts';

export default function CadreSelectionsPage() {
  return (
    <Routes>
      <Route index element={<SelectionList />} />
      <Route path=":id" element={<SelectionDetail />} />
    </Routes>
  );
}

function SelectionList() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const stepLabel = useStepLabel();
  const [step, setStep] = useState<SelectionStep>();
  const [creating, setCreating] = useState(false);
  const list = useRequest((signal) => listSelections({ step }, signal), [step]);
  return (
    <div className="page-card">
      <Typography.Title level={4}>
        {t('cadreSelections.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('cadreSelections.subtitle')}
        </Typography.Text>
      </Typography.Title>
      <div className="filter-bar">
        <Select<SelectionStep>
          allowClear
          style={{ width: 200 }}
          placeholder={t('cadreSelections.allSteps')}
          value={step}
          onChange={setStep}
          options={SELECTION_STEPS.map((s) => ({ value: s, label: stepLabel(s) }))}
          data-testid="selection-step-filter"
        />
        <span style={{ flex: 1 }} />
        {can(me.roles, 'cadre.select') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="selection-create">
            {t('cadreSelections.create')}
          </Button>
        )}
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<TSelectionSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => navigate(`/cadre-selections/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cadreSelections.col.title'), dataIndex: 'title' },
          { title: t('cadreSelections.col.org'), dataIndex: 'managerOrgName' },
          {
            title: t('cadreSelections.col.step'),
            render: (_, r) => (
              <Tag color={r.status === 'open' ? 'blue' : 'default'}>
                {stepLabel(r.step)} {r.status !== 'open' && `· ${t(`cadreSelections.status.${r.status}`)}`}
              </Tag>
            ),
          },
          { title: t('cadreSelections.col.motionOn'), dataIndex: 'motionOn', width: 120 },
          { title: t('cadreSelections.col.candidates'), dataIndex: 'candidateCount', width: 80 },
          { title: t('cadreSelections.col.due'), render: (_, r) => (r.due ? `${r.due.on} ${r.due.what}` : '') },
        ]}
      />
      {creating && (
        <CreateModal
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/cadre-selections/${id}`);
          }}
        />
      )}
    </div>
  );
}

interface CreateValues {
  title: string;
  postIds: number[];
  motionOn: string;
  grounds: string;
  scope?: string;
  way: (typeof SELECTION_WAYS)[number];
  promotion: boolean;
}

function CreateModal({ onClose }: { onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const s = await createSelection({ ...v, scope: v.scope ?? '' });
      onClose(s.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('cadreSelections.create')} onOk={submit} confirmLoading={busy} onCancel={() => onClose()} width={640}>
      <Form form={form} layout="vertical" initialValues={{ way: SELECTION_WAYS[0], promotion: true }}>
        <Form.Item name="title" label={t('cadreSelections.field.title')} rules={[{ required: true }]}>
          <Input data-testid="sel-title" />
        </Form.Item>
        <Form.Item name="postIds" label={t('cadreSelections.field.posts')} rules={[{ required: true }]}>
          <PickerSelect kind="post" multiple testId="sel-posts" />
        </Form.Item>
        <Form.Item name="motionOn" label={t('cadreSelections.field.motionOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="sel-motion-on" />
        </Form.Item>
        <Form.Item name="grounds" label={t('cadreSelections.field.grounds')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="sel-grounds" />
        </Form.Item>
        <Form.Item name="scope" label={t('cadreSelections.field.scope')}>
          <Input />
        </Form.Item>
        <Form.Item name="way" label={t('cadreSelections.field.way')}>
          <Select options={SELECTION_WAYS.map((w) => ({ value: w, label: w }))} />
        </Form.Item>
        <Form.Item name="promotion" valuePropName="checked">
          <Checkbox>{t('cadreSelections.field.promotion')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

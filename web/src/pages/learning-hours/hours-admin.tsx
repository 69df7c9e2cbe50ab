// Two staff drawers of the 学时 archive (issue 14 point 6): the requirement versions by audience with their
// effective dates (a new version never changes an old one; adding needs learning.config), and the records
// marked as the same training from two sources (counted once), with the detector run and each mark
// confirmed or undone (learning.approve).
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { AUDIENCES } from '../../../../domain/rules/learning-hours';
import { errorText } from '../../api/client';
import {
  addRequirement,
  decideDuplicate,
  detectDuplicates,
  listDuplicates,
  listRequirements,
  type TDuplicates,
  type TRequirement,
} from '../../api/learning-hours';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';

type Audience = (typeof AUDIENCES)[number];
interface NewVersion {
  audience: Audience;
  hours: number;
  periodYears: number;
  effectiveFrom: Dayjs;
  source: string;
  tag: 'V' | 'R' | 'L';
}

export function RequirementsDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const list = useRequest((signal) => listRequirements(signal), []);
  const [form] = Form.useForm<NewVersion>();
  const [saving, setSaving] = useState(false);
  const save = async (v: NewVersion) => {
    setSaving(true);
    try {
      await addRequirement({ ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') });
      void message.success(t('learningHours.admin.added'));
      form.resetFields();
      list.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const rows = [...(list.data?.items ?? [])].sort(
    (a, b) => AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience) || b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  return (
    <Drawer open onClose={onClose} size="large" title={t('learningHours.staff.requirements')} data-testid="requirements-drawer">
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<TRequirement>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={rows}
        columns={[
          { title: t('learningHours.admin.audience'), dataIndex: 'audience', render: (a: Audience) => t(`learningHours.audience.${a}`) },
          { title: t('learningHours.admin.hours'), dataIndex: 'hours', width: 70 },
          { title: t('learningHours.staff.period'), dataIndex: 'periodYears', width: 80 },
          { title: t('learningHours.staff.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
          {
            title: t('learningHours.staff.tag'),
            dataIndex: 'tag',
            width: 90,
            render: (v: 'V' | 'R' | 'L') => <Tag>{t(`learningHours.staff.tags.${v}`)}</Tag>,
          },
          { title: t('learningHours.admin.source'), dataIndex: 'source' },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('learningHours.admin.versionNote')}
      </Typography.Paragraph>
      {can(me.roles, 'learning.config') && (
        <Form<NewVersion>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ periodYears: 1, tag: 'V' }}
          data-testid="requirement-form"
        >
          <Typography.Title level={5}>{t('learningHours.admin.newVersion')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item name="audience" label={t('learningHours.admin.audience')} rules={[{ required: true }]}>
              <Select style={{ width: 220 }} options={AUDIENCES.map((a) => ({ value: a, label: t(`learningHours.audience.${a}`) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t('learningHours.admin.hours')} rules={[{ required: true }]}>
              <InputNumber min={0} max={2000} step={0.1} />
            </Form.Item>
            <Form.Item name="periodYears" label={t('learningHours.staff.period')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('learningHours.staff.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="tag" label={t('learningHours.staff.tag')}>
              <Select
                style={{ width: 110 }}
                options={(['V', 'R', 'L'] as const).map((v) => ({ value: v, label: t(`learningHours.staff.tags.${v}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="source" label={t('learningHours.admin.source')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('learningHours.admin.add')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}

export function DuplicatesDrawer({
  orgId,
  year,
  onClose,
  onChanged,
}: {
  orgId: Id;
  year: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const list = useRequest((signal) => listDuplicates(orgId, year, signal), [orgId, year]);
  const [marked, setMarked] = useState<number | null>(null);
  const approve = can(me.roles, 'learning.approve');
  const act = async (fn: () => Promise<TDuplicates | unknown>) => {
    try {
      const r = await fn();
      if (r && typeof r === 'object' && 'marked' in r) setMarked((r as TDuplicates).marked);
      list.reload();
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  type Row = TDuplicates['items'][number];
  return (
    <Drawer open onClose={onClose} size="large" title={t('learningHours.admin.duplicates', { year })} data-testid="duplicates-drawer">
      <Typography.Paragraph type="secondary">{t('learningHours.admin.duplicatesNote')}</Typography.Paragraph>
      {approve && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => void act(() => detectDuplicates(orgId, year))}>{t('learningHours.admin.detect')}</Button>
          {marked != null && <Typography.Text>{t('learningHours.admin.marked', { n: marked })}</Typography.Text>}
        </Space>
      )}
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Row>
        size="small"
        rowKey="creditId"
        pagination={false}
        scroll={{ x: 720 }}
        loading={!list.data && list.error === undefined}
        locale={{ emptyText: t('learningHours.admin.noDuplicates') }}
        dataSource={list.data?.items}
        columns={[
          { title: t('learningHours.staff.name'), dataIndex: 'name', width: 80 },
          {
            title: t('learningHours.admin.counted'),
            render: (_: unknown, r: Row) => `${t(`learningHours.source.${r.ofSource}`)}：${r.ofTitle}`,
          },
          {
            title: t('learningHours.admin.notCounted'),
            render: (_: unknown, r: Row) => `${t(`learningHours.source.${r.source}`)}：${r.title}（${r.hours}）`,
          },
          { title: t('learningHours.admin.earnedOn'), dataIndex: 'earnedOn', width: 100 },
          {
            title: t('learningHours.admin.decision'),
            dataIndex: 'decision',
            width: 90,
            render: (d: Row['decision']) => (
              <Tag color={d === 'confirmed' ? 'green' : 'blue'}>{t(`learningHours.admin.decisions.${d}`)}</Tag>
            ),
          },
          approve
            ? {
                title: '',
                width: 150,
                render: (_: unknown, r: Row) => (
                  <Space>
                    {r.decision !== 'confirmed' && (
                      <Button size="small" onClick={() => void act(() => decideDuplicate(r.creditId, 'confirm'))}>
                        {t('learningHours.admin.confirm')}
                      </Button>
                    )}
                    <Popconfirm
                      title={t('learningHours.admin.undoConfirm')}
                      onConfirm={() => void act(() => decideDuplicate(r.creditId, 'undo'))}
                    >
                      <Button size="small" danger>
                        {t('learningHours.admin.undo')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              }
            : {},
        ]}
      />
    </Drawer>
  );
}

// 软弱涣散: the named organizations with their rectification progress, the signals the data gives (for
// the higher level to weigh, never an automatic naming), and naming one.
import { useState } from 'react';
import { Alert, Button, Card, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import type { WeakReason } from '../../../../domain/rules/standards';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getSuggestions, listWeakOrgs, type TSuggestion, type TWeakOrg } from '../../api/standards';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { useStarLabel } from './star-tag';
import { thisYear, YearSelect } from './year-select';
import { NameWeakModal } from './name-weak-modal';
import { WeakDrawer } from './weak-drawer';

export function WeakTab({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const me = useMe();
  const { reason } = useStarLabel();
  const [year, setYear] = useState<number | undefined>(thisYear());
  const [status, setStatus] = useState<'rectifying' | 'rectified'>();
  const [open, setOpen] = useState<Id>();
  const [naming, setNaming] = useState<{ orgId?: Id; orgName?: string; reasons: WeakReason[] }>();
  const list = useRequest((signal) => listWeakOrgs({ orgId, year, status }, signal), [orgId, year, status]);
  const mayName = can(me.roles, 'standard.review');

  return (
    <>
      <div className="filter-bar">
        <YearSelect value={year} onChange={setYear} allowClear />
        <Select
          allowClear
          placeholder={t('standards.weak.onlyStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={(['rectifying', 'rectified'] as const).map((s) => ({ value: s, label: t(`standards.weak.status.${s}`) }))}
        />
        <span style={{ flex: 1 }} />
        {mayName && (
          <Button type="primary" onClick={() => setNaming({ reasons: [] })} data-testid="weak-name">
            {t('standards.weak.nameTitle')}
          </Button>
        )}
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TWeakOrg>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        data-testid="weak-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('standards.year'), dataIndex: 'year', width: 60 },
          { title: t('standards.review.parent'), dataIndex: 'parentName', ellipsis: true },
          { title: t('standards.weak.nameOrg'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('standards.weak.reasonsLabel'),
            dataIndex: 'reasons',
            render: (rs: WeakReason[]) => (
              <Space size={2} wrap>
                {rs.map((r) => (
                  <Tag key={r}>{reason(r)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('standards.weak.identifiedOn'), dataIndex: 'identifiedOn', width: 100 },
          {
            title: t('standards.weak.progress'),
            key: 'progress',
            width: 200,
            render: (_v, r) => (
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Progress
                  percent={r.progress}
                  size="small"
                  status={r.status === 'rectified' ? 'success' : r.overdue ? 'exception' : 'active'}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.done}/{r.tasks}{' '}
                  {r.overdue > 0 && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t('standards.weak.overdue', { n: r.overdue })}
                    </Typography.Text>
                  )}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('standards.weak.onlyStatus'),
            dataIndex: 'status',
            width: 80,
            render: (s: TWeakOrg['status']) => <Tag color={s === 'rectified' ? 'green' : 'orange'}>{t(`standards.weak.status.${s}`)}</Tag>,
          },
        ]}
      />
      {mayName && year !== undefined && (
        <Suggestions
          orgId={orgId}
          year={year}
          onName={(s) => setNaming({ orgId: s.orgId, orgName: s.orgName, reasons: [...new Set(s.suggestions.map((x) => x.reason))] })}
        />
      )}
      {naming && (
        <NameWeakModal
          year={year ?? thisYear()}
          initial={naming}
          onClose={(id) => {
            setNaming(undefined);
            if (id) {
              list.reload();
              setOpen(id);
            }
          }}
        />
      )}
      {open !== undefined && (
        <WeakDrawer
          id={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}

function Suggestions({ orgId, year, onName }: { orgId: Id; year: number; onName: (s: TSuggestion) => void }) {
  const { t } = useTranslation();
  const data = useRequest((signal) => getSuggestions({ orgId, year }, signal), [orgId, year]);
  return (
    <Card size="small" title={t('standards.weak.suggestions')} style={{ marginTop: 12 }}>
      <Alert type="info" showIcon title={t('standards.weak.suggestionsHint')} style={{ marginBottom: 8 }} />
      {data.error !== undefined && <Alert type="error" showIcon title={errorText(data.error)} />}
      <Table<TSuggestion>
        size="small"
        rowKey="orgId"
        loading={data.loading}
        dataSource={data.data?.items}
        pagination={{ pageSize: 20, showSizeChanger: false, size: 'small' }}
        data-testid="weak-suggestions"
        columns={[
          { title: t('standards.review.parent'), dataIndex: 'parentName', width: 220, ellipsis: true },
          { title: t('standards.weak.nameOrg'), dataIndex: 'orgName', width: 260, ellipsis: true },
          {
            title: t('standards.weak.suggestions'),
            key: 's',
            render: (_v, r) => r.suggestions.map((s) => <div key={s.kind}>{s.text}</div>),
          },
          {
            title: '',
            key: 'act',
            width: 70,
            render: (_v, r) => (
              <Button size="small" onClick={() => onName(r)}>
                {t('standards.weak.name')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

// The units of the subtree with missing meetings in the period, worst first, paged; a row opens the unit.
import { useState } from 'react';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMissing, type TMissingList } from '../../api/org-life';
import type { Id } from '../../api/types';
import { useLabels } from '../../lib/labels';
import { useRequest } from '../../lib/use-request';
import { useKindLabel } from './compliance-format';
import type { PeriodValue } from './period-picker';

type Item = TMissingList['items'][number];
const SHOWN = 8;

export function MissingTab({ orgId, period, onOpen }: { orgId: Id; period: PeriodValue; onOpen: (orgId: Id) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kindLabel = useKindLabel();
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const list = useRequest(
    (signal) => getMissing(orgId, period, (page.current - 1) * page.pageSize, page.pageSize, signal),
    [orgId, period.period, period.key, page.current, page.pageSize],
  );

  return (
    <>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      {list.data && (
        <Typography.Paragraph type={list.data.total ? 'danger' : 'success'} data-testid="missing-total">
          {list.data.total ? t('orgLife.missing.total', { count: list.data.total }) : t('orgLife.missing.empty')}
        </Typography.Paragraph>
      )}
      <Table<Item>
        size="small"
        rowKey="orgId"
        data-testid="missing-table"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 1150 }}
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          {
            title: t('orgLife.col.org'),
            dataIndex: 'orgName',
            width: 300,
            ellipsis: { showTitle: true },
            render: (v: string, r) => <a onClick={() => onOpen(r.orgId)}>{v}</a>,
          },
          { title: t('orgLife.col.kind'), dataIndex: 'orgKind', width: 110, render: (k: string) => labels.kind(k) },
          { title: t('orgLife.col.parent'), dataIndex: 'parentName', width: 220, ellipsis: { showTitle: true } },
          {
            title: t('orgLife.col.missing'),
            dataIndex: 'missing',
            width: 80,
            align: 'right',
            render: (v: number) => <span style={{ color: '#cf1322' }}>{v}</span>,
          },
          { title: t('orgLife.col.due'), dataIndex: 'due', width: 80, align: 'right' },
          {
            title: t('orgLife.col.detail'),
            key: 'detail',
            render: (_v, r) => (
              <Space size={[4, 4]} wrap>
                {r.missingChecks.slice(0, SHOWN).map((c) => (
                  <Tag key={`${c.kind}-${c.periodKey}`}>
                    {kindLabel(c.kind)} {c.periodKey}
                  </Tag>
                ))}
                {r.missingChecks.length > SHOWN && <span className="muted">…</span>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

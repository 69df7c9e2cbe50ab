// The file's history: every change with its section, action, who, when, the reason and what changed.
import { Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { getCadreHistory, type TCadreHistory } from '../../api/cadres';
import { useRequest } from '../../lib/use-request';

type Item = TCadreHistory['items'][number];

/** "field: before → after" for each column a change touched (lists shown by their size). */
function changes(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? '—'
      : Array.isArray(v)
        ? `[${v.length}]`
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return Object.keys(a)
    .map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`))
    .join('\n');
}

export function CadreHistoryTab({ cadreId, version }: { cadreId: number; version: number }) {
  const { t } = useTranslation();
  const req = useRequest(() => getCadreHistory(cadreId), [cadreId, version]);
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      loading={req.loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={req.data?.items ?? []}
      scroll={{ x: 900 }}
      columns={[
        { title: t('cadres.history.at'), dataIndex: 'at', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        {
          title: t('cadres.history.section'),
          dataIndex: 'section',
          width: 110,
          render: (v: string) => t(`cadres.sections.${v}` as 'cadres.sections.file', { defaultValue: v }),
        },
        {
          title: t('cadres.history.action'),
          dataIndex: 'action',
          width: 90,
          render: (v: string) => t(`cadres.actions.${v}` as 'cadres.actions.create', { defaultValue: v }),
        },
        { title: t('cadres.history.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
        { title: t('cadres.history.reason'), dataIndex: 'reason', width: 180, render: (v: string | null) => v ?? '' },
        {
          title: t('cadres.history.change'),
          key: 'change',
          render: (_v, r) => <span style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{changes(r.before, r.after)}</span>,
        },
      ]}
    />
  );
}

// 状态变更: who needs action (失联满 6 个月, 停止党籍满 2 年), lists by status, and the change form.
import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { MEMBER_STATUS_LABELS } from '../../../../domain/member-status';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { listByStatus, statusAttention, type TStatusListName, type TStatusMember } from '../../api/transfers';
import { useKeyset } from '../../lib/use-keyset';
import { LoadMore } from '../../components/load-more';
import { useLabels } from '../../lib/labels';
import { StatusChangeModal } from './status-change-modal';

const keyed = (m: TStatusMember) => ({ ...m, id: m.memberId });

const LISTS: TStatusListName[] = ['flowing', 'lost_contact', 'suspended', 'left', 'deceased', 'transferred_out'];

export function StatusTab() {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const me = useMe();
  const [view, setView] = useState<'attention' | TStatusListName>('attention');
  const [editing, setEditing] = useState<TStatusMember | null>(null);
  // The status lists are keyset-paged (加载更多); the attention list is one capped page.
  const list = useKeyset(
    (v: typeof view, cursor) =>
      v === 'attention'
        ? statusAttention().then((r) => ({ items: r.items.map(keyed), nextCursor: null }))
        : listByStatus(v, cursor).then((r) => ({ ...r, items: r.items.map(keyed) })),
    view,
  );
  const writable = can(me.roles, 'status.write');

  const columns = [
    { title: t('transfers.col.member'), dataIndex: 'name', width: 90 },
    {
      title: t('transfers.col.category'),
      dataIndex: 'category',
      width: 90,
      render: (c: string) => t(c === 'full' ? 'transfers.full' : 'transfers.probationary'),
    },
    { title: t('transfers.status.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('transfers.status.current'),
      dataIndex: 'status',
      width: 100,
      render: (s: TStatusMember['status']) => <Tag>{MEMBER_STATUS_LABELS[s][lang]}</Tag>,
    },
    { title: t('transfers.status.since'), dataIndex: 'statusSince', width: 104 },
    {
      title: t('transfers.status.flowingInfo'),
      key: 'info',
      ellipsis: true,
      render: (_: unknown, r: TStatusMember) =>
        r.attention ? (
          <Typography.Text type="warning" title={r.attention.article}>
            {r.attention.message}
          </Typography.Text>
        ) : r.flowing ? (
          `${r.flowing.place} · ${r.flowing.attendingOrg} · ${r.flowing.contact}`
        ) : null,
    },
    ...(writable
      ? [
          {
            title: t('transfers.col.actions'),
            key: 'a',
            width: 120,
            render: (_: unknown, r: TStatusMember) => (
              <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`status-change-${r.memberId}`}>
                {t('transfers.status.change')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="transfer-status">
      <Space style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'attention', label: t('transfers.status.attention') },
            ...LISTS.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s][lang] })),
          ]}
        />
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TStatusMember>
        size="small"
        rowKey="memberId"
        columns={columns}
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {editing && (
        <StatusChangeModal
          memberId={editing.memberId}
          name={editing.name}
          status={editing.status}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

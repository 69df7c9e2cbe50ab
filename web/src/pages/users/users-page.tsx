// Accounts (security administrator): find by name or organization, create, edit roles, reset, unlock.
import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import type { TUserRow } from '../../api/users';
import { listUsers, unlockUser } from '../../api/users';
import { LoadMore } from '../../components/load-more';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { formatMinute } from '../../lib/dates';
import { useKeyset } from '../../lib/use-keyset';
import { useLabels } from '../../lib/labels';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; user: TUserRow } | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ q?: string; orgId?: Id }>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useKeyset((f: typeof filter, cursor) => listUsers({ ...f, cursor, limit: PAGE_SIZE }), filter);

  const unlock = async (user: TUserRow) => {
    try {
      await unlockUser(user.id);
      list.upsert({ ...user, lockedUntil: null });
      void message.success(t('users.unlocked', { name: user.displayName }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const locked = (u: TUserRow) => u.lockedUntil !== null && dayjs(u.lockedUntil).isAfter(dayjs());

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('nav.users')}</Typography.Title>
      <div className="filter-bar">
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('users.searchPlaceholder')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
        />
        <OrgTreeSelect
          allowClear
          style={{ width: 300 }}
          placeholder={t('users.filterOrg')}
          value={filter.orgId}
          onChange={(orgId) => setFilter((f) => ({ ...f, orgId }))}
        />
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          {t('users.create')}
        </Button>
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TUserRow>
        size="small"
        rowKey="id"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('users.fields.username'),
            dataIndex: 'username',
            width: 140,
            render: (v: string) => <span className="mono">{v}</span>,
          },
          { title: t('users.fields.displayName'), dataIndex: 'displayName', width: 110 },
          { title: t('users.fields.org'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('users.fields.roles'),
            dataIndex: 'roles',
            render: (_r, u) => u.roles.map((r) => <Tag key={r}>{labels.role(r)}</Tag>),
          },
          {
            title: t('users.fields.status'),
            key: 'status',
            width: 90,
            render: (_v, u) =>
              u.disabled ? (
                <Tag>{t('users.status.disabled')}</Tag>
              ) : locked(u) ? (
                <Tag color="red">{t('users.status.locked')}</Tag>
              ) : (
                <Tag color="green">{t('users.status.active')}</Tag>
              ),
          },
          {
            title: t('users.fields.lastLoginAt'),
            dataIndex: 'lastLoginAt',
            width: 140,
            render: (v: string | null) => formatMinute(v) || '—',
          },
          { title: t('users.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatMinute(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_v, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                  {t('users.resetPassword')}
                </Button>
                {locked(u) && (
                  <Popconfirm title={t('users.unlockConfirm', { name: u.displayName })} onConfirm={() => unlock(u)}>
                    <Button type="link" size="small">
                      {t('users.unlock')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          onCancel={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            list.upsert(user);
            void message.success(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          user={dialog.user}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('users.passwordReset', { name: dialog.user.displayName }));
          }}
        />
      )}
    </div>
  );
}

// The member list: filters on top (kept in the address, so going back from a record keeps them),
// a dense table paged by keyset ("加载更多"), and the add, import and export actions.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { countMembers, listMembers, type TMemberFilterParams, type TMemberRow } from '../../api/members';
import { useMe } from '../../auth/auth-context';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { useRequest } from '../../lib/use-request';
import { MemberFilters } from './member-filters';
import { useMemberLabels } from './member-labels';
import { MemberFormModal } from './member-form-modal';
import { ImportModal } from './import-modal';
import { ExportModal } from './export-modal';

const PAGE_SIZE = 50;
const NUMERIC = new Set(['orgId', 'ageMin', 'ageMax']);

function filterOf(params: URLSearchParams): TMemberFilterParams {
  const f: Record<string, string | number> = {};
  for (const [k, v] of params) if (v) f[k] = NUMERIC.has(k) ? Number(v) : v;
  return f as TMemberFilterParams;
}

export function MemberListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useMemberLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const setFilter = (f: TMemberFilterParams) =>
    setParams(
      Object.fromEntries(
        Object.entries(f)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
      { replace: true },
    );
  const [dialog, setDialog] = useState<'create' | 'import' | 'export' | null>(null);
  const list = useKeyset((f: TMemberFilterParams, cursor) => listMembers(f, cursor, PAGE_SIZE), filter);
  const count = useRequest(() => countMembers(filter), [JSON.stringify(filter)]);

  return (
    <div className="page-card">
      <div className="org-head">
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('members.title')}
          </Typography.Title>
          {count.data && (
            <Tooltip
              title={t('members.totalStatuses', {
                statuses: count.data.statuses?.map((s) => labels.label('status', s)).join('、') ?? t('members.filters.all'),
              })}
            >
              <span className="muted" data-testid="member-total">
                {t('members.total', { count: count.data.total })}
              </span>
            </Tooltip>
          )}
        </Space>
        <Space>
          {can(me.roles, 'member.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="member-create">
              {t('members.create')}
            </Button>
          )}
          {can(me.roles, 'member.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="member-import">
              {t('members.import')}
            </Button>
          )}
          {can(me.roles, 'member.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('export')} data-testid="member-export">
              {t('members.export')}
            </Button>
          )}
        </Space>
      </div>
      <MemberFilters value={filter} onChange={setFilter} />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TMemberRow>
        size="small"
        rowKey="id"
        data-testid="member-table"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={(m) => ({ onDoubleClick: () => navigate(`/members/${m.id}`) })}
        columns={[
          {
            title: t('members.fields.name'),
            dataIndex: 'name',
            width: 100,
            fixed: 'left',
            render: (v: string, m) => <Link to={`/members/${m.id}`}>{v}</Link>,
          },
          { title: t('members.fields.gender'), dataIndex: 'gender', width: 50 },
          {
            title: t('members.fields.birthAge'),
            key: 'birth',
            width: 130,
            render: (_v, m) => (m.birthDate ? `${m.birthDate}（${m.age}）` : '—'),
          },
          { title: t('members.fields.ethnicity'), dataIndex: 'ethnicity', width: 80, render: (v: string) => labels.label('ethnicity', v) },
          {
            title: t('members.fields.education'),
            dataIndex: 'education',
            width: 90,
            render: (v: string | null) => labels.label('education', v) || '—',
          },
          {
            title: t('members.fields.category'),
            dataIndex: 'category',
            width: 90,
            render: (v: string) => <Tag color={v === 'probationary' ? 'orange' : 'red'}>{labels.label('category', v)}</Tag>,
          },
          {
            title: t('members.fields.partyYears'),
            dataIndex: 'partyYears',
            width: 70,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v),
          },
          { title: t('members.fields.org'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('members.fields.idMasked'),
            dataIndex: 'idMasked',
            width: 170,
            render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
          },
          {
            title: t('members.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => (
              <Tag color={v === 'normal' ? 'green' : v === 'flowing' ? 'blue' : 'default'}>{labels.label('status', v)}</Tag>
            ),
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {dialog === 'create' && (
        <MemberFormModal
          defaultOrgId={filter.orgId}
          onCancel={() => setDialog(null)}
          onSaved={(m) => {
            setDialog(null);
            list.upsert(m);
            count.reload();
            void message.success(t('members.created', { name: m.name }));
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportModal
          onClose={(imported) => {
            setDialog(null);
            if (imported) {
              list.reload();
              count.reload();
            }
          }}
        />
      )}
      {dialog === 'export' && <ExportModal filter={filter} total={count.data?.total} onClose={() => setDialog(null)} />}
    </div>
  );
}

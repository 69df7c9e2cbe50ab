// The cadre list: filters kept in the address (managing organization, name or initials, level,
// status), a dense table paged by keyset ("加载更多"), and a new file.
import { useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { LEVELS } from '../../../../domain/cadre-codes';
import { errorText } from '../../api/client';
import { listCadres, listCorrections, type TCadreFilter, type TCadreRow } from '../../api/cadres';
import { useMe } from '../../auth/auth-context';
import { LoadMore } from '../../components/load-more';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useKeyset } from '../../lib/use-keyset';
import { useRequest } from '../../lib/use-request';
import { CadreCreateModal } from './cadre-create-modal';
import { LrmxImportModal } from './lrmx-import-modal';
import { downloadForms } from '../../api/cadre-exchange';

const PAGE_SIZE = 50;

function filterOf(params: URLSearchParams): TCadreFilter {
  const f: Record<string, string | number> = {};
  for (const [k, v] of params) if (v) f[k] = k === 'managerOrgId' || k === 'unitId' ? Number(v) : v;
  return f as TCadreFilter;
}

export function CadreListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [q, setQ] = useState(filter.q ?? '');
  const setFilter = (f: TCadreFilter) =>
    setParams(
      Object.fromEntries(
        Object.entries(f)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
      { replace: true },
    );
  const list = useKeyset((f: TCadreFilter, cursor) => listCadres(f, cursor, PAGE_SIZE), filter);
  const pending = useRequest(() => listCorrections('pending'), []);

  return (
    <div className="page-card">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cadres.title')}
        </Typography.Title>
        <Space wrap>
          <Badge count={pending.data?.items.length ?? 0} size="small">
            <Button onClick={() => navigate('/cadres/corrections')} data-testid="cadre-corrections-link">
              {t('cadres.nav.corrections')}
            </Button>
          </Badge>
          {can(me.roles, 'cadre.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="cadre-import-lrmx">
              {t('cadreExchange.print.importLrmx')}
            </Button>
          )}
          {can(me.roles, 'cadre.export') && (
            <Dropdown
              disabled={selected.length === 0}
              menu={{
                items: (['pdf', 'docx', 'lrmx'] as const).map((f) => ({ key: f, label: t(`cadreExchange.print.${f}`) })),
                onClick: ({ key }) =>
                  downloadForms(selected, key as 'pdf' | 'docx' | 'lrmx').catch((e: unknown) => void message.error(errorText(e))),
              }}
            >
              <Button icon={<PrinterOutlined />} data-testid="cadre-batch-export">
                {t('cadreExchange.print.batch')} {selected.length > 0 ? `(${selected.length})` : ''}
              </Button>
            </Dropdown>
          )}
          {can(me.roles, 'cadre.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cadre-create">
              {t('cadres.create')}
            </Button>
          )}
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect
          value={filter.managerOrgId}
          onChange={(id) => setFilter({ ...filter, managerOrgId: id })}
          allowClear
          placeholder={t('cadres.managerTree')}
          style={{ width: 240 }}
        />
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilter({ ...filter, q: v.trim() || undefined })}
          placeholder={t('cadres.searchPlaceholder')}
          style={{ width: 240 }}
          data-testid="cadre-search"
        />
        <Select
          allowClear
          value={filter.level}
          onChange={(v) => setFilter({ ...filter, level: v })}
          placeholder={t('cadres.level')}
          style={{ width: 110 }}
          options={LEVELS.map((l) => ({ value: l, label: l }))}
        />
        <Select
          value={filter.status ?? 'active'}
          onChange={(v) => setFilter({ ...filter, status: v })}
          style={{ width: 110 }}
          options={(['active', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`cadres.status.${s}`) }))}
        />
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TCadreRow>
        size="small"
        rowKey="id"
        data-testid="cadre-table"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(c) => ({ onDoubleClick: () => navigate(`/cadres/${c.id}`) })}
        rowSelection={
          can(me.roles, 'cadre.export') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined
        }
        columns={[
          {
            title: t('cadres.fields.name'),
            dataIndex: 'name',
            width: 110,
            fixed: 'left',
            render: (v: string, c) => (
              <Space size={4}>
                <Link to={`/cadres/${c.id}`}>{v}</Link>
                {c.memberLinked && <Tag color="red">{t('cadres.memberLinked')}</Tag>}
              </Space>
            ),
          },
          { title: t('cadres.fields.sex'), dataIndex: 'sex', width: 50 },
          {
            title: t('cadres.fields.birth'),
            key: 'birth',
            width: 120,
            render: (_v, c) => (c.birth ? `${c.birth}（${c.age}）` : '—'),
          },
          { title: t('cadres.fields.currentTitle'), dataIndex: 'currentTitle', ellipsis: true, render: (v: string) => v || '—' },
          { title: t('cadres.fields.unit'), dataIndex: 'unitName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('cadres.level'), dataIndex: 'level', width: 70, render: (v: string | null) => v ?? '—' },
          { title: t('cadres.fields.rankTitle'), dataIndex: 'rankTitle', width: 110, render: (v: string) => v || '—' },
          { title: t('cadres.managerOrg'), dataIndex: 'managerOrgName', width: 160, ellipsis: true },
          {
            title: t('cadres.fields.status'),
            dataIndex: 'status',
            width: 80,
            render: (v: 'active' | 'left') => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`cadres.status.${v}`)}</Tag>,
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {importing && (
        <LrmxImportModal
          onClose={(imported) => {
            setImporting(false);
            if (imported) list.reload();
          }}
        />
      )}
      {creating && (
        <CadreCreateModal
          defaultManagerOrgId={filter.managerOrgId ?? me.orgId}
          onCancel={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            void message.success(t('cadres.created', { name: c.name }));
            navigate(`/cadres/${c.id}`);
          }}
        />
      )}
    </div>
  );
}

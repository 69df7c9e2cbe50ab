// 人才库: filters kept in the address (tier, field, industry, employer, district, recruitment, card state,
// status, name or initials) so a structure count links here; a dense table paged by keyset; the export of the
// same filter with its purpose.
import { useMemo, useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import {
  CARD_STATES,
  RECRUITMENTS,
  cardState,
  exportTalents,
  listDistricts,
  listEmployers,
  listTalents,
  listTierSets,
  type TTalentFilter,
  type TTalentRow,
} from '../../api/talent';
import { useMe } from '../../auth/auth-context';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { LoadMore } from '../../components/load-more';
import dayjs from 'dayjs';
import { useKeyset } from '../../lib/use-keyset';
import { useRequest } from '../../lib/use-request';
import { TalentFormModal } from './talent-form';

const NUMERIC = ['tierId', 'employerId', 'districtOrgId'];
const CARD_COLOR = { none: 'default', valid: 'green', expiring: 'orange', expired: 'red' } as const;

function filterOf(params: URLSearchParams): TTalentFilter {
  const f: Record<string, string | number> = {};
  for (const [k, v] of params) if (v) f[k] = NUMERIC.includes(k) ? Number(v) : v;
  return f as TTalentFilter;
}

export default function RegistryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const [q, setQ] = useState(filter.q ?? '');
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const list = useKeyset((f: TTalentFilter, cursor) => listTalents(f, cursor), filter);
  const sets = useRequest((s) => listTierSets(s), []);
  const employers = useRequest((s) => listEmployers(s), []);
  const districts = useRequest((s) => listDistricts(s), []);
  const today = dayjs().format('YYYY-MM-DD');
  const set = (patch: Partial<TTalentFilter>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...filter, ...patch })) if (v !== undefined && v !== '') next[k] = String(v);
    setParams(next, { replace: true });
  };
  const tierOptions = (sets.data?.items ?? []).map((s) => ({
    label: `${s.name}${s.inForce ? '' : ` (${s.supersededOn ?? s.effectiveOn})`}`,
    options: s.tiers.map((x) => ({ value: x.id, label: `${x.name}` })),
  }));

  return (
    <div className="page-card" data-testid="talent-registry">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('talent.title')}
        </Typography.Title>
        <Space wrap>
          {can(me.roles, 'talent.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="talent-create">
              {t('talent.form.create')}
            </Button>
          )}
          {can(me.roles, 'talent.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="talent-export">
              {t('talent.export')}
            </Button>
          )}
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('talent.search')}
          style={{ width: 200 }}
          data-testid="talent-search"
        />
        <Select
          allowClear
          value={filter.tierId}
          onChange={(v) => set({ tierId: v })}
          placeholder={t('talent.filter.tier')}
          style={{ width: 200 }}
          options={tierOptions}
          data-testid="filter-tier"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.employerId}
          onChange={(v) => set({ employerId: v })}
          placeholder={t('talent.filter.employer')}
          style={{ width: 220 }}
          options={employers.data?.items.map((e) => ({ value: e.id, label: e.name }))}
        />
        <Select
          allowClear
          value={filter.districtOrgId}
          onChange={(v) => set({ districtOrgId: v })}
          placeholder={t('talent.filter.district')}
          style={{ width: 150 }}
          options={districts.data?.items.map((d) => ({ value: d.id, label: d.name }))}
        />
        <Input
          allowClear
          defaultValue={filter.field}
          onBlur={(e) => set({ field: e.target.value.trim() || undefined })}
          onPressEnter={(e) => set({ field: e.currentTarget.value.trim() || undefined })}
          placeholder={t('talent.filter.field')}
          style={{ width: 130 }}
        />
        <Input
          allowClear
          defaultValue={filter.industry}
          onBlur={(e) => set({ industry: e.target.value.trim() || undefined })}
          onPressEnter={(e) => set({ industry: e.currentTarget.value.trim() || undefined })}
          placeholder={t('talent.filter.industry')}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          value={filter.recruitment}
          onChange={(v) => set({ recruitment: v })}
          placeholder={t('talent.filter.recruitment')}
          style={{ width: 120 }}
          options={RECRUITMENTS.map((r) => ({ value: r, label: t(`talent.recruitment.${r}`) }))}
        />
        <Select
          allowClear
          value={filter.card}
          onChange={(v) => set({ card: v })}
          placeholder={t('talent.filter.card')}
          style={{ width: 120 }}
          options={CARD_STATES.map((c) => ({ value: c, label: t(`talent.card.${c}`) }))}
        />
        <Select
          allowClear
          value={filter.status}
          onChange={(v) => set({ status: v })}
          placeholder={t('talent.filter.status')}
          style={{ width: 100 }}
          options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`talent.status.${s}`) }))}
        />
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TTalentRow>
        size="small"
        rowKey="id"
        data-testid="talent-table"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('talent.col.name'),
            dataIndex: 'name',
            width: 130,
            fixed: 'left',
            render: (v: string, r) => (
              <Space size={4}>
                <Link to={`/talent/people/${r.id}`}>{v}</Link>
                {r.linked !== 'none' && <Tag color="red">{t(`talent.linked.${r.linked}`)}</Tag>}
              </Space>
            ),
          },
          { title: t('talent.col.sex'), dataIndex: 'sex', width: 50 },
          { title: t('talent.col.birth'), dataIndex: 'birth', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('talent.col.employer'), dataIndex: 'employerName', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('talent.col.district'), dataIndex: 'districtName', width: 120, ellipsis: true },
          { title: t('talent.col.field'), dataIndex: 'field', width: 110, render: (v: string) => v || '—' },
          { title: t('talent.col.industry'), dataIndex: 'industry', width: 110, render: (v: string) => v || '—' },
          {
            title: t('talent.col.recruitment'),
            dataIndex: 'recruitment',
            width: 90,
            render: (v: TTalentRow['recruitment']) => t(`talent.recruitment.${v}`),
          },
          { title: t('talent.col.tier'), dataIndex: 'tierName', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('talent.col.cardNo'), dataIndex: 'cardNo', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: t('talent.col.cardExpiresOn'),
            dataIndex: 'cardExpiresOn',
            width: 150,
            render: (v: string | null) => {
              const s = cardState(v, today);
              return (
                <Space size={4}>
                  {v ?? ''}
                  {s !== 'valid' && <Tag color={CARD_COLOR[s]}>{t(`talent.card.${s}`)}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('talent.col.status'),
            dataIndex: 'status',
            width: 70,
            render: (v: TTalentRow['status']) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`talent.status.${v}`)}</Tag>,
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {creating && <TalentFormModal onClose={() => setCreating(false)} onSaved={(p) => navigate(`/talent/people/${p.id}`)} />}
      {exporting && (
        <ExportPurposeModal
          title={t('talent.exportTitle')}
          notice={t('talent.exportNotice')}
          onExport={(purpose) => exportTalents(filter, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}

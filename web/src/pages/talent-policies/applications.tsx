// The applications list: a dense table filtered by call, policy, status, district, employer and name, read page by
// page with the server's keyset cursor; a row opens the application.
import { useMemo, useState } from 'react';
import { Alert, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import {
  APPLICATION_STATUSES,
  listApplications,
  listCalls,
  listDistricts,
  listEmployers,
  listPolicies,
  type ApplicationFilters,
  type TApplicationRow,
} from '../../api/talent-policies';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { useRequest } from '../../lib/use-request';
import { lbl, StatusTag, yuan } from './parts';

const num = (v: string | null) => (v ? Number(v) : undefined);

export function ApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: ApplicationFilters = useMemo(
    () => ({
      callId: num(params.get('callId')),
      policyId: num(params.get('policyId')),
      districtId: num(params.get('districtId')),
      employerId: num(params.get('employerId')),
      status: (params.get('status') as ApplicationFilters['status']) ?? undefined,
      q: params.get('q') ?? undefined,
    }),
    [params],
  );
  const [total, setTotal] = useState<number>();
  const list = useKeyset(async (f: ApplicationFilters, cursor?: string) => {
    const page = await listApplications(f, cursor);
    setTotal(page.total);
    return page;
  }, filter);
  const options = useRequest(async (signal) => {
    const [calls, policies, districts, employers] = await Promise.all([
      listCalls(signal),
      listPolicies(signal),
      listDistricts(signal),
      listEmployers(signal),
    ]);
    return { calls: calls.items, policies: policies.items, districts: districts.items, employers: employers.items };
  }, []);
  const set = (key: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === '') next.delete(key);
    else next.set(key, String(v));
    setParams(next, { replace: true });
  };
  const o = options.data;
  const sel = (key: string, placeholder: string, opts: { value: number | string; label: string }[] | undefined, width = 180) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      style={{ width }}
      value={params.get(key) ? (key === 'status' ? params.get(key) : Number(params.get(key))) : undefined}
      onChange={(v) => set(key, v ?? undefined)}
      options={opts}
      data-testid={`tp-filter-${key}`}
    />
  );
  return (
    <div data-testid="tp-applications">
      <Space wrap style={{ marginBottom: 8 }}>
        {sel(
          'callId',
          t('talentPolicies.app.call'),
          o?.calls.map((c) => ({ value: c.id, label: c.title })),
          240,
        )}
        {sel(
          'policyId',
          t('talentPolicies.app.policy'),
          o?.policies.map((p) => ({ value: p.id, label: p.title })),
          220,
        )}
        {sel(
          'status',
          t('talentPolicies.app.status'),
          APPLICATION_STATUSES.map((s) => ({ value: s, label: lbl(t, 'status', s) })),
          130,
        )}
        {sel(
          'districtId',
          t('talentPolicies.app.district'),
          o?.districts.map((d) => ({ value: d.id, label: d.name })),
          150,
        )}
        {sel(
          'employerId',
          t('talentPolicies.app.employer'),
          o?.employers.map((e) => ({ value: e.id, label: e.name })),
          200,
        )}
        <Input.Search
          allowClear
          placeholder={t('talentPolicies.app.search')}
          defaultValue={params.get('q') ?? ''}
          onSearch={(q) => set('q', q.trim())}
          style={{ width: 160 }}
        />
        {total !== undefined && <Typography.Text type="secondary">{t('talentPolicies.app.total', { n: total })}</Typography.Text>}
      </Space>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      <Table<TApplicationRow>
        size="small"
        rowKey="id"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('talentPolicies.app.id'),
            dataIndex: 'id',
            render: (id: number) => <Link to={`/talent-policies/applications/${id}`}>#{id}</Link>,
          },
          { title: t('talentPolicies.app.person'), dataIndex: 'personName' },
          { title: t('talentPolicies.app.employer'), dataIndex: 'employerName' },
          { title: t('talentPolicies.app.district'), dataIndex: 'districtName' },
          { title: t('talentPolicies.app.item'), render: (_, a) => `${a.itemName}（${a.policyDocNo}）` },
          {
            title: t('talentPolicies.app.status'),
            dataIndex: 'status',
            render: (s: TApplicationRow['status']) => <StatusTag status={s} />,
          },
          {
            title: t('talentPolicies.app.appliedAs'),
            dataIndex: 'appliedAs',
            render: (v: string) => (v === 'self' ? t('talentPolicies.app.self') : t('talentPolicies.app.byEmployer')),
          },
          { title: t('talentPolicies.app.submittedOn'), dataIndex: 'submittedOn' },
          { title: t('talentPolicies.app.dueOn'), dataIndex: 'stepDueOn' },
          { title: t('talentPolicies.app.publicityEnds'), dataIndex: 'publicityEndsOn' },
          { title: t('talentPolicies.app.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => yuan(v) },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
    </div>
  );
}

// 届期一览: one row per organization with a term, the most urgent first, filtered by state (with counts),
// kind and name; read page by page ("加载更多").
import { useState } from 'react';
import { Alert, Input, Segmented, Select, Table, Tag, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TERM_KINDS } from '../../../../domain/rules/terms';
import { errorText } from '../../api/client';
import { listTerms, type TTermFilter, type TTermPage, type TTermRow, type TTermStateFilter } from '../../api/terms';
import type { Id } from '../../api/types';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { useLabels } from '../../lib/labels';
import { DaysLeft, ElectionTag, StateTag } from './term-tags';

type Filter = Omit<TTermFilter, 'orgId'>;
const STATE_OPTIONS: TTermStateFilter[] = ['request_window', 'ending', 'overdue', 'delayed', 'normal', 'missing'];

export function TermsTable({
  orgId,
  filter,
  onFilter,
  onOpen,
}: {
  orgId: Id;
  filter: Filter;
  onFilter: (f: Filter) => void;
  onOpen: (id: Id) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [soon, setSoon] = useState<Pick<TTermPage, 'endingSoon' | 'endingSoonBasis'>>();
  const list = useKeyset(
    (f: TTermFilter, cursor?: string) =>
      listTerms(f, cursor).then((p) => {
        if (!cursor) {
          setCounts(p.counts);
          setSoon(p);
        }
        return p;
      }),
    { ...filter, orgId },
  );
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const label = (s: TTermStateFilter | 'all', n: number) => `${t(`terms.state.${s}`)} ${n}`;

  return (
    <>
      <div className="filter-bar">
        <Segmented
          size="small"
          value={filter.state ?? 'all'}
          onChange={(v) => onFilter({ ...filter, state: v === 'all' ? undefined : (v as TTermStateFilter) })}
          options={[
            { value: 'all', label: label('all', total) },
            ...STATE_OPTIONS.map((s) => ({ value: s, label: <span data-testid={`terms-state-${s}`}>{label(s, counts[s] ?? 0)}</span> })),
          ]}
          data-testid="terms-state-filter"
        />
        {soon && (
          <Tooltip title={soon.endingSoonBasis[labels.lang]}>
            <Tag color="gold" data-testid="terms-ending-soon">
              {t('terms.endingSoon', { n: soon.endingSoon })} <InfoCircleOutlined />
            </Tag>
          </Tooltip>
        )}
        <Select
          size="small"
          style={{ width: 130 }}
          value={filter.kind ?? ''}
          onChange={(v) => onFilter({ ...filter, kind: (v || undefined) as Filter['kind'] })}
          options={[{ value: '', label: t('terms.kind.all') }, ...TERM_KINDS.map((k) => ({ value: k, label: t(`terms.kind.${k}`) }))]}
        />
        <Input.Search
          size="small"
          allowClear
          style={{ width: 220 }}
          placeholder={t('terms.search')}
          onSearch={(q) => onFilter({ ...filter, q: q.trim() || undefined })}
        />
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TTermRow>
        size="small"
        rowKey="orgId"
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
        data-testid="terms-table"
        columns={[
          {
            title: t('terms.col.org'),
            dataIndex: 'orgName',
            ellipsis: true,
            render: (v: string, r) => (
              <a onClick={() => onOpen(r.orgId)} data-testid={`term-org-${r.orgId}`}>
                {v}
              </a>
            ),
          },
          {
            title: t('terms.col.kind'),
            key: 'kind',
            width: 150,
            render: (_v, r) => `${labels.kind(r.orgKind)} · ${t('terms.yearsN', { n: r.termYears })}`,
          },
          { title: t('terms.col.secretary'), dataIndex: 'secretary', width: 90 },
          { title: t('terms.col.elected'), dataIndex: 'electedOn', width: 104 },
          { title: t('terms.col.ends'), dataIndex: 'endsOn', width: 104 },
          {
            title: t('terms.col.daysLeft'),
            dataIndex: 'daysLeft',
            width: 110,
            align: 'right',
            render: (d: number | null) => <DaysLeft days={d} />,
          },
          { title: t('terms.col.state'), dataIndex: 'state', width: 110, render: (s: TTermStateFilter) => <StateTag state={s} /> },
          {
            title: t('terms.col.election'),
            key: 'election',
            width: 120,
            render: (_v, r) => r.election && <ElectionTag status={r.election.status} />,
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
    </>
  );
}

// 人才结构: active talents by tier, field, employer, district, recruitment or industry; every count links to
// the registry filtered the same way (a tier without a card: the registry's "no card" filter).
import { useMemo, useState } from 'react';
import { Alert, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api/client';
import { STRUCTURE_DIMENSIONS, getStructure, type TStructure } from '../../api/talent';
import { useRequest } from '../../lib/use-request';
import { LazyChart } from '../../components/lazy-chart';
import { barOption } from '../dashboard/chart-options';

/** The chart shows the largest rows; the table below lists them all. */
const CHART_ROWS = 15;

type Row = TStructure['rows'][number];

/** The registry filter of a row's count, or null when the list cannot filter it (a blank employer or field). */
function drill(by: TStructure['by'], key: string): string | null {
  const base = 'status=active';
  if (by === 'tier') return key ? `${base}&tierId=${key}` : `${base}&card=none`;
  if (!key) return null;
  const param = { field: 'field', industry: 'industry', employer: 'employerId', district: 'districtOrgId', recruitment: 'recruitment' }[by];
  return `${base}&${param}=${encodeURIComponent(key)}`;
}

export default function StructurePage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<TStructure['by']>('tier');
  const req = useRequest((s) => getStructure(by, s), [by]);
  const navigate = useNavigate();
  const top = useMemo(() => [...(req.data?.rows ?? [])].sort((a, b) => b.count - a.count).slice(0, CHART_ROWS), [req.data]);
  const option = useMemo(
    () =>
      top.length
        ? barOption(
            top.map((r) => r.label || t('talent.structure.blank')),
            [
              { name: t('talent.recruitment.full_time'), data: top.map((r) => r.count - r.flexible), stack: 'n' },
              { name: t('talent.recruitment.flexible'), data: top.map((r) => r.flexible), stack: 'n' },
            ],
            { horizontal: top.length > 6 },
          )
        : null,
    [top, t],
  );
  // A bar drills into the registry like the count in its row (a blank employer or field cannot be filtered).
  const drillBar = ({ dataIndex }: { dataIndex: number }) => {
    const q = top[dataIndex] && drill(by, top[dataIndex].key);
    if (q) navigate(`/talent?${q}`);
  };
  const link = (r: Row, n: number, extra = '') => {
    const q = drill(by, r.key);
    return q ? (
      <Link to={`/talent?${q}${extra}`} data-testid={`drill-${by}-${r.key || 'blank'}${extra ? '-flex' : ''}`}>
        {n}
      </Link>
    ) : (
      n
    );
  };
  return (
    <div className="page-card" data-testid="talent-structure">
      <Typography.Title level={4}>{t('talent.structure.title')}</Typography.Title>
      <Segmented<TStructure['by']>
        value={by}
        onChange={setBy}
        options={STRUCTURE_DIMENSIONS.map((d) => ({ value: d, label: t(`talent.structure.by.${d}`) }))}
        style={{ marginBottom: 12 }}
      />
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {req.data && <div className="muted">{`${t('talent.structure.total', { n: req.data.total })} · ${t('talent.structure.drill')}`}</div>}
      {option && (
        <div style={{ maxWidth: 960, margin: '8px 0 12px' }}>
          <LazyChart option={option} height={Math.max(240, top.length * 26 + 60)} onItemClick={drillBar} testId="structure-chart" />
        </div>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={req.loading}
        pagination={false}
        style={{ maxWidth: 760 }}
        dataSource={req.data?.rows}
        columns={[
          { title: t(`talent.structure.by.${by}`), dataIndex: 'label', render: (v: string) => v || t('talent.structure.blank') },
          { title: t('talent.col.count'), dataIndex: 'count', align: 'right', width: 100, render: (n: number, r) => link(r, n) },
          {
            title: t('talent.col.flexible'),
            dataIndex: 'flexible',
            align: 'right',
            width: 100,
            render: (n: number, r) => (by === 'recruitment' ? n : link(r, n, '&recruitment=flexible')),
          },
        ]}
      />
    </div>
  );
}

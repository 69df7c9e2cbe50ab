// The talent office's panel on the dashboard (GET /api/dashboard/talent): the registry's figures below the chosen
// organization (active talents, 柔性, cards valid, expiring and expired, 认定 in review) and two bar charts, by
// tier and by district. Every figure and bar drills into the registry filtered the same way.
import { useMemo } from 'react';
import { Card, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { getTalentPanel, type TTalentPanel } from '../../api/talent';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { ChartCard } from './chart-card';
import { barOption } from './chart-options';

type Rows = TTalentPanel['byTier'];

/** The registry's filter for the panel's organization: a district narrows the list, the whole scope does not. */
const districtOf = (d: TTalentPanel) =>
  d.byDistrict.length === 1 && d.byDistrict[0].key === String(d.org.id) ? `&districtOrgId=${d.org.id}` : '';

export function talentDrill(d: TTalentPanel, by: 'tier' | 'district', key: string): string {
  if (by === 'district') return `/talent?status=active&districtOrgId=${key}`;
  return `/talent?status=active${key ? `&tierId=${key}` : '&card=none'}${districtOf(d)}`;
}

const bars = (rows: Rows, blank: string, names: [string, string]) =>
  rows.length
    ? barOption(
        rows.map((r) => r.label || blank),
        [
          { name: names[0], data: rows.map((r) => r.count - r.flexible), stack: 'n' },
          { name: names[1], data: rows.map((r) => r.flexible), stack: 'n' },
        ],
        { horizontal: rows.length > 6 },
      )
    : null;

export function TalentPanel({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const req = useRequest((s) => getTalentPanel(orgId, s), [orgId]);
  const d = req.data;
  const charts = useMemo(() => {
    if (!d) return undefined;
    const names: [string, string] = [t('talent.recruitment.full_time'), t('talent.recruitment.flexible')];
    const blank = t('talent.structure.blank');
    return { tier: bars(d.byTier, blank, names), district: bars(d.byDistrict, blank, names) };
  }, [d, t]);
  const kpis: {
    key: 'total' | 'flexible' | 'carded' | 'expiring' | 'expired';
    value: (x: TTalentPanel) => number;
    to: string;
    danger?: boolean;
  }[] = [
    { key: 'total', value: (x) => x.total, to: '' },
    { key: 'flexible', value: (x) => x.flexible, to: '&recruitment=flexible' },
    { key: 'carded', value: (x) => x.carded, to: '&card=valid' },
    { key: 'expiring', value: (x) => x.expiring, to: '&card=expiring', danger: true },
    { key: 'expired', value: (x) => x.expired, to: '&card=expired', danger: true },
  ];
  return (
    <section data-testid="dashboard-talent">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('dashboard.talent.title')}
      </Typography.Title>
      <div className="kpi-grid">
        {kpis.map((k) => (
          <Card size="small" className="kpi-card" key={k.key} data-testid={`talent-kpi-${k.key}`}>
            {d === undefined ? (
              <Skeleton active paragraph={{ rows: 1 }} title={{ width: '60%' }} />
            ) : (
              <Link to={`/talent?status=active${k.to}${districtOf(d)}`}>
                <Statistic
                  title={t(`dashboard.talent.${k.key}`)}
                  value={k.value(d)}
                  valueStyle={k.danger && k.value(d) > 0 ? { color: '#c8161d' } : undefined}
                />
              </Link>
            )}
          </Card>
        ))}
        <Card size="small" className="kpi-card" data-testid="talent-kpi-recognitions">
          {d === undefined ? (
            <Skeleton active paragraph={{ rows: 1 }} title={{ width: '60%' }} />
          ) : (
            <Link to="/talent/recognitions">
              <Statistic title={t('dashboard.talent.recognitionsOpen')} value={d.recognitionsOpen} />
            </Link>
          )}
        </Card>
      </div>
      <div className="dashboard-grid">
        <ChartCard
          title={t('dashboard.talent.byTier')}
          state={req}
          option={charts?.tier}
          testId="talent-by-tier"
          onItemClick={({ dataIndex }) => d && navigate(talentDrill(d, 'tier', d.byTier[dataIndex].key))}
        />
        <ChartCard
          title={t('dashboard.talent.byDistrict')}
          state={req}
          option={charts?.district}
          testId="talent-by-district"
          onItemClick={({ dataIndex }) =>
            d && d.byDistrict[dataIndex].key && navigate(talentDrill(d, 'district', d.byDistrict[dataIndex].key))
          }
        />
      </div>
    </section>
  );
}

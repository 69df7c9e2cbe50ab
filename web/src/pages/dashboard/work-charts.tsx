// The work of the subtree: the development pipeline, meetings this quarter (by child and by kind),
// dues by month, terms ending in the next 12 months, and the distribution of star ratings.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { MEETING_KIND_LABELS } from '../../../../domain/meeting-kinds';
import { PERSON_STATUS_LABELS } from '../../../../domain/rules/development-steps';
import { STAR_LABELS } from '../../../../domain/rules/standards';
import { useLabels } from '../../lib/labels';
import { ChartCard } from './chart-card';
import { barOption, lineOption, shares, STATE_COLORS } from './chart-options';
import type { Panels } from './kpi-cards';
import { useLineChart } from './use-panel';

const PIPELINE = ['applicant', 'activist', 'candidate', 'probationary'] as const;
const yuan = (fen: number) => Math.round(fen) / 100;
/** A bar per child organization: enough height for every name. */
const rowsHeight = (n: number) => Math.max(220, 40 + 26 * n);

export function WorkCharts({ panels }: { panels: Panels }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const lineReady = useLineChart();
  const { development, compliance, dues, terms, standards } = panels;
  const s = (k: 'onTime' | 'overdue' | 'held' | 'missing' | 'due') => t(`dashboard.series.${k}`);

  const pipeline = useMemo(
    () =>
      development.data &&
      barOption(
        PIPELINE.map((k) => PERSON_STATUS_LABELS[k][lang]),
        [
          {
            name: s('onTime'),
            stack: 'p',
            color: STATE_COLORS.good,
            data: PIPELINE.map((k) => {
              const r = development.data!.byStatus.find((x) => x.status === k);
              return (r?.count ?? 0) - (r?.overdue ?? 0);
            }),
          },
          {
            name: s('overdue'),
            stack: 'p',
            color: STATE_COLORS.bad,
            data: PIPELINE.map((k) => development.data!.byStatus.find((x) => x.status === k)?.overdue ?? 0),
          },
        ],
      ),
    [development.data, lang, t],
  );

  const byChild = useMemo(() => {
    const c = compliance.data;
    if (!c) return undefined;
    if (!c.byChild.length) return null;
    const names = c.byChild.map((r) => (r.self ? `${r.name}${t('dashboard.series.self')}` : r.name));
    // Shares, so that a branch of 3 and a district of 300 read alike; the tooltip gives the share of each.
    const [held, missing, due] = shares([c.byChild.map((r) => r.held), c.byChild.map((r) => r.missing), c.byChild.map((r) => r.due)]);
    return barOption(
      names,
      [
        { name: s('held'), stack: 'c', color: STATE_COLORS.good, data: held },
        { name: s('missing'), stack: 'c', color: STATE_COLORS.bad, data: missing },
        { name: s('due'), stack: 'c', color: STATE_COLORS.pending, data: due },
      ],
      { horizontal: true, percent: true },
    );
  }, [compliance.data, t]);

  const byKind = useMemo(() => {
    const c = compliance.data;
    if (!c) return undefined;
    if (!c.byKind.length) return null;
    return barOption(
      c.byKind.map((k) => MEETING_KIND_LABELS[k.kind][lang]),
      [
        { name: s('held'), stack: 'k', color: STATE_COLORS.good, data: c.byKind.map((k) => k.held) },
        { name: s('missing'), stack: 'k', color: STATE_COLORS.bad, data: c.byKind.map((k) => k.missing) },
        { name: s('due'), stack: 'k', color: STATE_COLORS.pending, data: c.byKind.map((k) => k.due) },
      ],
    );
  }, [compliance.data, lang, t]);

  const duesLine = useMemo(() => {
    const d = dues.data;
    if (!d || !lineReady) return undefined;
    return lineOption(
      d.byMonth.map((m) => m.month),
      [
        { name: t('dashboard.series.dueYuan'), color: '#8c8c8c', data: d.byMonth.map((m) => yuan(m.dueFen)) },
        { name: t('dashboard.series.paidYuan'), color: '#c8161d', data: d.byMonth.map((m) => yuan(m.paidFen)) },
      ],
    );
  }, [dues.data, lineReady, t]);

  const termBars = useMemo(
    () =>
      terms.data &&
      barOption(
        terms.data.byMonth.map((m) => m.month),
        [{ name: t('dashboard.series.ending'), color: '#fa8c16', data: terms.data.byMonth.map((m) => m.n) }],
        { legend: false },
      ),
    [terms.data, t],
  );

  const stars = useMemo(() => {
    const d = standards.data;
    if (!d) return undefined;
    if (!d.branches) return null;
    const keys = [5, 4, 3, 2, 1] as const;
    return barOption(
      [...keys.map((k) => STAR_LABELS[k][lang]), t('dashboard.series.unrated')],
      [{ name: t('dashboard.series.branches'), data: [...keys.map((k) => d.stars[k]), d.stars.unrated] }],
      { legend: false },
    );
  }, [standards.data, lang, t]);

  return (
    <>
      <ChartCard
        testId="chart-pipeline"
        state={development}
        option={pipeline}
        title={
          <Tooltip title={development.data?.basis[lang]}>
            <span data-testid="chart-pipeline-basis">
              {t('dashboard.charts.pipeline')} <InfoCircleOutlined />
            </span>
          </Tooltip>
        }
      />
      <ChartCard testId="chart-compliance-kind" title={t('dashboard.charts.complianceByKind')} state={compliance} option={byKind} />
      <ChartCard
        testId="chart-compliance-child"
        wide
        title={t('dashboard.charts.complianceByChild')}
        state={compliance}
        option={byChild}
        height={rowsHeight(compliance.data?.byChild.length ?? 6)}
      />
      <ChartCard
        testId="chart-dues"
        title={t('dashboard.charts.dues', { from: dues.data?.rate.from ?? '', to: dues.data?.rate.to ?? '' })}
        state={dues}
        option={duesLine}
      />
      <ChartCard testId="chart-terms" title={t('dashboard.charts.terms')} state={terms} option={termBars} />
      <ChartCard
        testId="chart-stars"
        title={t('dashboard.charts.stars', { year: standards.data?.year ?? '' })}
        state={standards}
        option={stars}
      />
    </>
  );
}

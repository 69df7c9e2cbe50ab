// Charts of a structure: age bands as bars, any other dimension as a pie; values with no one are left
// out of the pies. ECharts is loaded lazily (components/lazy-chart.tsx).
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import type { TStructure } from '../../api/cadre-units';

type Counts = TStructure['dims'][keyof TStructure['dims']];

export function BarChartOf({ counts, height = 220 }: { counts: Counts; height?: number }) {
  const { t } = useTranslation();
  const label = (v: string) => v || t('cadreUnits.structure.notRecorded');
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: counts.map((c) => label(c.value)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('cadreUnits.panel.people'), data: counts.map((c) => c.n) }],
  };
  return <LazyChart option={option} height={height} />;
}

export function PieChartOf({ counts, height = 220 }: { counts: Counts; height?: number }) {
  const { t } = useTranslation();
  const option: ChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: counts.filter((c) => c.n > 0).map((c) => ({ name: c.value || t('cadreUnits.structure.notRecorded'), value: c.n })),
      },
    ],
  };
  return <LazyChart option={option} height={height} />;
}

// The only way pages reach ECharts: a lazily loaded chunk with a placeholder while it loads.
import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartProps } from './chart';

const Chart = lazy(() => import('./chart'));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 240 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}

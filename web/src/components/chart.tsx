// A small ECharts wrapper. Import it only through React.lazy (see lazy-chart.tsx): ECharts is
// about 180 kB gzipped even with modular imports, and no first page needs it.
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  PieSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface ChartProps {
  option: ChartOption;
  height?: number;
  /** A click on a bar or slice: its category's index in the data and its name (drilling down to a list). */
  onItemClick?: (item: { dataIndex: number; name: string }) => void;
  testId?: string;
}

export default function Chart({ option, height = 240, onItemClick, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(null);
  // The latest handler, read at click time, so a new closure does not re-create the chart.
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  });

  useEffect(() => {
    if (!el.current) return;
    const instance = init(el.current);
    chart.current = instance;
    instance.on('click', (p) => click.current?.({ dataIndex: p.dataIndex, name: p.name }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }} data-testid={testId} />;
}

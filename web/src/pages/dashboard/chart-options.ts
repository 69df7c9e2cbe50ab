// ECharts options of the dashboard: a few builders with one palette and a CJK font stack, so every
// chart reads the same in Chinese on screen and on paper. The options only use modules registered by
// components/chart.tsx (pie, bar, grid, legend, tooltip) plus the line chart of echarts-line.ts.
import type { ChartOption } from '../../components/chart';

// Party red first, then colours that stay apart from it (as on the organization page).
export const PALETTE = ['#c8161d', '#fa8c16', '#1677ff', '#13c2c2', '#722ed1', '#fadb14', '#52c41a', '#eb2f96', '#8c8c8c'];
/** Held / missing / still due, and on time / overdue: green, red, grey. */
export const STATE_COLORS = { good: '#52c41a', bad: '#c8161d', pending: '#bfbfbf' };

// Noto CJK is what the Debian browser and most Linux desktops have; YaHei and PingFang on Windows and macOS.
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const base = { textStyle: { fontFamily: FONT }, animation: false };

export interface Slice {
  name: string;
  value: number;
}

export function pieOption(data: Slice[]): ChartOption {
  return {
    ...base,
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0, itemWidth: 10, itemHeight: 8, itemGap: 8, textStyle: { fontSize: 11, fontFamily: FONT } },
    series: [{ type: 'pie', radius: ['32%', '58%'], center: ['50%', '42%'], label: { show: true, formatter: '{d}%', fontSize: 11 }, data }],
  } as ChartOption;
}

export interface BarSeries {
  name: string;
  data: number[];
  color?: string;
  stack?: string;
}

/** Bars by category; horizontal for long names (organizations), stacked when the series share a stack. */
export function barOption(
  categories: string[],
  series: BarSeries[],
  opts: { horizontal?: boolean; legend?: boolean; percent?: boolean } = {},
): ChartOption {
  // Vertical bars with many categories slant their labels rather than drop every other one.
  const slant = !opts.horizontal && categories.length > 5;
  const cat = {
    type: 'category',
    data: categories,
    axisLabel: { fontSize: 11, interval: 0, rotate: slant ? 30 : 0, width: opts.horizontal ? 150 : 90, overflow: 'truncate' },
  };
  const val = {
    type: 'value',
    minInterval: 1,
    max: opts.percent ? 100 : undefined,
    axisLabel: { fontSize: 11, formatter: opts.percent ? '{value}%' : undefined },
  };
  return {
    ...base,
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: opts.percent ? (v: unknown) => `${v}%` : undefined },
    legend:
      opts.legend === false ? { show: false } : { top: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 11, fontFamily: FONT } },
    grid: { left: opts.horizontal ? 160 : 16, right: 16, top: opts.legend === false ? 10 : 28, bottom: 8, containLabel: !opts.horizontal },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      stack: s.stack,
      barMaxWidth: 28,
      itemStyle: s.color ? { color: s.color } : undefined,
    })),
  } as ChartOption;
}

/** Each value as a share of its category's total, to one decimal (100%-stacked bars). */
export function shares(columns: number[][]): number[][] {
  const totals = columns[0].map((_, i) => columns.reduce((n, c) => n + c[i], 0));
  return columns.map((c) => c.map((v, i) => (totals[i] ? Math.round((1000 * v) / totals[i]) / 10 : 0)));
}

/** Lines by month (dues due vs paid). */
export function lineOption(months: string[], series: { name: string; data: number[]; color: string }[]): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11, fontFamily: FONT } },
    grid: { left: 16, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 11 } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      smooth: false,
      symbolSize: 6,
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
    })),
  } as unknown as ChartOption;
}

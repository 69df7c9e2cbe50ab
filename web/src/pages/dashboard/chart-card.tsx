// A dashboard card: its title, a skeleton while its panel loads, the error with a retry, or the chart.
import type { ReactNode } from 'react';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { ChartOption, ChartProps } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';

/** What a card needs of its panel's request (any panel's RequestState fits). */
export interface PanelStatus {
  data: unknown;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export interface ChartCardProps {
  title: ReactNode;
  state: PanelStatus;
  /** Built from the panel's data; undefined while loading, null when there is nothing to draw. */
  option: ChartOption | null | undefined;
  height?: number;
  wide?: boolean;
  testId: string;
  extra?: ReactNode;
  /** A click on a bar: drills into the list behind it. */
  onItemClick?: ChartProps['onItemClick'];
}

export function PanelError({ state }: { state: PanelStatus }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('dashboard.loadFailed', { message: errorText(state.error) })}
      action={
        <Button size="small" onClick={state.reload}>
          {t('dashboard.retry')}
        </Button>
      }
    />
  );
}

export function ChartCard({ title, state, option, height = 260, wide, testId, extra, onItemClick }: ChartCardProps) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (state.error !== undefined) body = <PanelError state={state} />;
  else if (option === undefined || (state.loading && !state.data)) body = <Skeleton.Node active style={{ width: '100%', height }} />;
  else if (option === null)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noData')} style={{ height: height - 20 }} />;
  else body = <LazyChart option={option} height={height} onItemClick={onItemClick} testId={`${testId}-chart`} />;
  return (
    <Card size="small" title={title} extra={extra} className={wide ? 'dashboard-card wide' : 'dashboard-card'} data-testid={testId}>
      {body}
    </Card>
  );
}

// Tags for a term's state and an election's status, and the days-left cell, shared by the tables and the drawer.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ElectionStatus } from '../../../../domain/schemas/terms';
import type { TTermStateFilter } from '../../api/terms';

const STATE_COLOR: Record<TTermStateFilter, string> = {
  normal: 'green',
  ending: 'gold',
  request_window: 'orange',
  overdue: 'red',
  delayed: 'purple',
  missing: 'default',
};
const STATUS_COLOR: Record<ElectionStatus, string> = {
  requested: 'gold',
  approved: 'blue',
  rejected: 'default',
  held: 'cyan',
  failed: 'red',
  confirmed: 'green',
};

export function StateTag({ state, testId }: { state: TTermStateFilter | null; testId?: string }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Tag color={STATE_COLOR[state]} data-testid={testId}>
      {t(`terms.state.${state}`)}
    </Tag>
  );
}

export function ElectionTag({ status, testId }: { status: ElectionStatus | string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status as ElectionStatus]} data-testid={testId}>
      {t(`terms.electionStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function DaysLeft({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  if (days < 0) return <Typography.Text type="danger">{t('terms.overdueN', { n: -days })}</Typography.Text>;
  return <Typography.Text type={days <= 183 ? 'warning' : undefined}>{t('terms.daysN', { n: days })}</Typography.Text>;
}

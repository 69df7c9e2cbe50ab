// The status of an assessment unit and its 优秀 quota usage ("优秀 3/4", red when over).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUnitRow } from '../../api/cadre-assessments';

const STATUS_COLORS: Record<TUnitRow['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  confirmed: 'success',
};

export function StatusTag({ status }: { status: TUnitRow['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`cadreAssessments.status.${status}`)}</Tag>;
}

export function QuotaTag({ used, max, testId }: { used: number; max: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={used > max ? 'error' : used === max ? 'gold' : 'default'} data-testid={testId}>
      {t('cadreAssessments.quotaUsage', { used, max })}
    </Tag>
  );
}

// The assessment units of a year: managing organization, status, people graded and the 优秀 quota usage.
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { listUnits, type TUnitRow } from '../../api/cadre-assessments';
import { useRequest } from '../../lib/use-request';
import { QuotaTag, StatusTag } from './assessment-tags';

export function UnitsTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const req = useRequest((signal) => listUnits(year, signal), [year]);
  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  return (
    <Table<TUnitRow>
      size="small"
      rowKey="id"
      loading={req.loading}
      dataSource={req.data?.items ?? []}
      pagination={false}
      data-testid="assess-units"
      columns={[
        {
          title: t('cadreAssessments.col.unit'),
          dataIndex: 'name',
          render: (v: string, r) => <Link to={`/cadre-assessments/units/${r.id}`}>{v}</Link>,
        },
        { title: t('cadreAssessments.col.manager'), dataIndex: 'managerOrgName' },
        {
          title: t('cadreAssessments.col.status'),
          dataIndex: 'status',
          width: 130,
          render: (s: TUnitRow['status']) => <StatusTag status={s} />,
        },
        { title: t('cadreAssessments.col.people'), width: 90, align: 'right', render: (_, r) => r.quota.assessed },
        { title: t('cadreAssessments.col.graded'), dataIndex: 'graded', width: 90, align: 'right' },
        {
          title: t('cadreAssessments.col.excellent'),
          width: 160,
          render: (_, r) => (
            <>
              <QuotaTag used={r.quota.excellent} max={r.quota.max} />
              {r.quota.raised && t('cadreAssessments.quotaRaised')}
            </>
          ),
        },
      ]}
    />
  );
}

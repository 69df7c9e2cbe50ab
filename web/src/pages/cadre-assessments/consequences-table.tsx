// What the confirmed results of a year bring (记三等功, 诫勉, 降级, 辞退…), each with its article.
import { Alert, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { listConsequences, type TConsequence } from '../../api/cadre-assessments';
import { useRequest } from '../../lib/use-request';

const SEVERE = new Set(['demotion', 'dismissal']);

export function ConsequencesTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const req = useRequest((signal) => listConsequences(year, signal), [year]);
  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  return (
    <Table<TConsequence>
      size="small"
      rowKey={(r) => `${r.cadreId}:${r.kind}`}
      loading={req.loading}
      dataSource={req.data?.items ?? []}
      locale={{ emptyText: t('cadreAssessments.consequences.empty') }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="assess-consequences"
      columns={[
        {
          title: t('cadreAssessments.col.name'),
          dataIndex: 'cadreName',
          render: (v: string, r) => <Link to={`/cadre-assessments/cadres/${r.cadreId}`}>{v}</Link>,
        },
        {
          title: t('cadreAssessments.col.unit'),
          dataIndex: 'unitName',
          render: (v: string, r) => <Link to={`/cadre-assessments/units/${r.unitId}`}>{v}</Link>,
        },
        {
          title: t('cadreAssessments.col.kind'),
          dataIndex: 'kind',
          width: 150,
          render: (k: TConsequence['kind']) => (
            <Tag color={SEVERE.has(k) ? 'error' : 'blue'}>{t(`cadreAssessments.consequences.kind.${k}`)}</Tag>
          ),
        },
        { title: t('cadreAssessments.col.text'), dataIndex: 'text' },
        { title: t('cadreAssessments.col.article'), dataIndex: 'article', width: 260 },
      ]}
    />
  );
}

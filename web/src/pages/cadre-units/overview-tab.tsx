// 干部看板: the cadre officer's dashboard panel (GET /api/dashboard/cadres) for the managing
// organization's subtree: cadres by age band and education, over-quota and vacant posts, teams due,
// overdue or short of a structure requirement.
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import { getCadrePanel } from '../../api/cadre-units';
import { useRequest } from '../../lib/use-request';
import { BarChartOf, PieChartOf } from './structure-charts';

export function OverviewTab({ orgId }: { orgId?: Id }) {
  const { t } = useTranslation();
  const panel = useRequest((signal) => getCadrePanel(orgId, signal), [orgId]);
  const p = panel.data;
  if (panel.error !== undefined) return <Alert type="error" showIcon title={errorText(panel.error)} />;
  const kpis = [
    ['cadres', p?.cadres],
    ['overPosts', p?.overPosts],
    ['vacantPosts', p?.vacantPosts],
    ['teamsDue', p?.teamsDue],
    ['teamsOverdue', p?.teamsOverdue],
    ['teamsShort', p?.teamsShort],
  ] as const;
  return (
    <div data-testid="cadre-overview">
      <Row gutter={[12, 12]}>
        {kpis.map(([k, v]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small" loading={panel.loading}>
              <Statistic title={t(`cadreUnits.panel.${k}`)} value={v ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      {p && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} md={12}>
            <Card size="small" title={t('cadreUnits.panel.ageBands')}>
              <BarChartOf counts={p.ageBands} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('cadreUnits.panel.education')}>
              <PieChartOf counts={p.education} />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

// Small charts on the organization page; ECharts arrives in its own lazily loaded chunk.
import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { getOrgChildren, type TOrgDetail } from '../../api/orgs';
import type { ChartOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { useLabels } from '../../lib/labels';
import { useRequest } from '../../lib/use-request';

// Party red first, then colours that stay apart from it.
const PALETTE = ['#c8161d', '#fa8c16', '#1677ff', '#13c2c2', '#722ed1', '#fadb14', '#52c41a', '#eb2f96', '#8c8c8c'];

function pie(data: { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 8, itemGap: 6, textStyle: { fontSize: 11 } },
    series: [{ type: 'pie', radius: ['30%', '55%'], center: ['50%', '38%'], label: { show: false }, data }],
  };
}

export function OrgCharts({ org, revision }: { org: TOrgDetail; revision: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const children = useRequest(
    () => (org.childCount > 0 ? getOrgChildren(org.id) : Promise.resolve({ items: [] })),
    [org.id, org.childCount, revision],
  );

  const kindsOption = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of children.data?.items ?? []) {
      if (c.status === 'active') counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    }
    return pie([...counts].map(([kind, value]) => ({ name: labels.kind(kind), value })));
  }, [children.data, labels]);

  const membersOption = useMemo(
    () =>
      pie([
        { name: t('orgs.fields.fullMemberCount'), value: org.fullMemberCount ?? 0 },
        { name: t('orgs.fields.probationaryCount'), value: org.probationaryCount ?? 0 },
      ]),
    [org.fullMemberCount, org.probationaryCount, t],
  );

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} style={{ height: 200 }} />;
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Card size="small" title={t('orgs.charts.childKinds')} loading={children.loading && !children.data}>
          {children.data?.items.some((c) => c.status === 'active') ? <LazyChart option={kindsOption} height={200} /> : empty}
        </Card>
      </Col>
      {org.memberCount !== null && (
        <Col span={12}>
          <Card size="small" title={t('orgs.charts.members')}>
            {org.memberCount > 0 ? <LazyChart option={membersOption} height={200} /> : empty}
          </Card>
        </Col>
      )}
    </Row>
  );
}

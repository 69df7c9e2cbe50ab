// Totals of the chosen organization's subtree by month and by direct child organization (roll-up in SQL).
import { useMemo, useState } from 'react';
import { Alert, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getTotals, type TTotalsCells } from '../../api/dues';
import type { Id } from '../../api/types';
import { LazyChart } from '../../components/lazy-chart';
import type { ChartOption } from '../../components/chart';
import { useRequest } from '../../lib/use-request';
import { fenToYuan, fromMonth, MONTH, toMonth } from './dues-format';

const rate = (c: TTotalsCells) => (c.dueFen ? `${((100 * c.paidFen) / c.dueFen).toFixed(1)}%` : '—');

export function TotalsTab({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string, string]>([dayjs().subtract(11, 'month').format(MONTH), dayjs().format(MONTH)]);
  const totals = useRequest((signal) => getTotals(orgId, range[0], range[1], signal), [orgId, range[0], range[1]]);
  const cells = <T extends TTotalsCells>() => [
    { title: t('dues.totals.due'), dataIndex: 'dueFen', align: 'right' as const, render: fenToYuan },
    { title: t('dues.totals.paid'), dataIndex: 'paidFen', align: 'right' as const, render: fenToYuan },
    { title: t('dues.totals.rate'), key: 'rate', align: 'right' as const, render: (_v: unknown, c: T) => rate(c) },
    { title: t('dues.totals.voluntary'), dataIndex: 'voluntaryFen', align: 'right' as const, render: fenToYuan },
    { title: t('dues.totals.toCentre'), dataIndex: 'toCentreFen', align: 'right' as const, render: fenToYuan },
    { title: t('dues.totals.payers'), dataIndex: 'payers', align: 'right' as const },
  ];
  const option = useMemo<ChartOption | undefined>(
    () =>
      totals.data &&
      ({
        tooltip: { trigger: 'axis' },
        legend: { data: [t('dues.totals.due'), t('dues.totals.paid')] },
        grid: { left: 60, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: totals.data.byMonth.map((m) => m.month) },
        yAxis: { type: 'value' },
        series: [
          { name: t('dues.totals.due'), type: 'bar', data: totals.data.byMonth.map((m) => m.dueFen / 100) },
          { name: t('dues.totals.paid'), type: 'bar', data: totals.data.byMonth.map((m) => m.paidFen / 100) },
        ],
      } as ChartOption),
    [totals.data, t],
  );

  return (
    <>
      <div className="filter-bar">
        <Space>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[fromMonth(range[0])!, fromMonth(range[1])!]}
            onChange={(v) => v?.[0] && v[1] && setRange([toMonth(v[0])!, toMonth(v[1])!])}
          />
        </Space>
      </div>
      {totals.error !== undefined && <Alert type="error" showIcon title={errorText(totals.error)} style={{ marginBottom: 8 }} />}
      {option && <LazyChart option={option} height={220} />}
      <Typography.Title level={5}>{t('dues.totals.byChild')}</Typography.Title>
      <Table
        size="small"
        rowKey="orgId"
        loading={totals.loading}
        dataSource={totals.data?.byChild}
        pagination={false}
        data-testid="totals-by-child"
        columns={[{ title: t('dues.org'), dataIndex: 'name', width: 340, ellipsis: { showTitle: true } }, ...cells()]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('dues.totals.byMonth')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="month"
        loading={totals.loading}
        dataSource={totals.data?.byMonth}
        pagination={false}
        columns={[{ title: t('dues.sheet.month'), dataIndex: 'month', width: 100 }, ...cells()]}
      />
    </>
  );
}

// 星级: the distribution of a year's stars in the subtree (a pie, and per child organization) and the
// branches in tree order with their recent history. Filters, no ranking (RULES.md §9).
import { useMemo, useState } from 'react';
import { Alert, Button, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { exportRatings, getRatings, type TRatingOverview, type TRatingStatus } from '../../api/standards';
import type { Id } from '../../api/types';
import { LazyChart } from '../../components/lazy-chart';
import type { ChartOption } from '../../components/chart';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { StarTag, useStarLabel } from './star-tag';
import { STATUS_COLOR, STATUSES } from './status';
import { thisYear, YearSelect } from './year-select';

const LEVELS = [5, 4, 3, 2, 1] as const;
const COLORS = ['#d4a106', '#52c41a', '#1677ff', '#fa8c16', '#f5222d', '#bfbfbf'];
type Row = TRatingOverview['items'][number];

export function RatingsTab({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const { star } = useStarLabel();
  // Last year's ratings are complete; this year's are still being made.
  const [year, setYear] = useState(thisYear() - 1);
  const [stars, setStars] = useState<number>();
  const [status, setStatus] = useState<TRatingStatus>();
  const [exporting, setExporting] = useState(false);
  const data = useRequest((signal) => getRatings({ orgId, year, stars, status }, signal), [orgId, year, stars, status]);
  const o = data.data;
  const names = [...LEVELS.map((n) => star(n)), t('standards.ratings.unrated')];

  const pie = useMemo<ChartOption | undefined>(
    () =>
      o &&
      ({
        tooltip: { trigger: 'item' },
        color: COLORS,
        series: [
          {
            type: 'pie',
            radius: ['35%', '70%'],
            data: [...LEVELS.map((n, k) => ({ name: names[k], value: o.counts[n] })), { name: names[5], value: o.counts.unrated }],
            label: { formatter: '{b} {c}' },
          },
        ],
      } as ChartOption),
    [o, names.join()],
  );
  const bars = useMemo<ChartOption | undefined>(
    () =>
      o &&
      ({
        tooltip: { trigger: 'axis' },
        color: COLORS,
        legend: { data: names, top: 0 },
        grid: { left: 40, right: 10, top: 30, bottom: 80 },
        xAxis: { type: 'category', data: shortNames(o.byChild.map((c) => c.name)), axisLabel: { interval: 0, rotate: 35, fontSize: 11 } },
        yAxis: { type: 'value' },
        series: [
          ...LEVELS.map((n, k) => ({ name: names[k], type: 'bar', stack: 's', data: o.byChild.map((c) => c[n]) })),
          { name: names[5], type: 'bar', stack: 's', data: o.byChild.map((c) => c.unrated) },
        ],
      } as ChartOption),
    [o, names.join()],
  );

  return (
    <>
      <div className="filter-bar">
        <YearSelect value={year} onChange={(y) => y && setYear(y)} testId="ratings-year" />
        <Select<number>
          allowClear
          placeholder={t('standards.ratings.filterStars')}
          style={{ width: 120 }}
          value={stars}
          onChange={setStars}
          options={[...LEVELS.map((n) => ({ value: n, label: star(n) })), { value: 0, label: t('standards.ratings.unrated') }]}
        />
        <Select<TRatingStatus>
          allowClear
          placeholder={t('standards.ratings.filterStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`standards.status.${s}`) }))}
        />
        <span style={{ flex: 1 }} />
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="ratings-export">
          {t('standards.ratings.export')}
        </Button>
      </div>
      <Alert type="info" showIcon title={t('standards.ratings.noRanking')} style={{ marginBottom: 8 }} />
      {data.error !== undefined && <Alert type="error" showIcon title={errorText(data.error)} style={{ marginBottom: 8 }} />}
      {o && (
        <>
          <Space wrap style={{ marginBottom: 8 }} data-testid="ratings-counts">
            <Typography.Text strong>{t('standards.ratings.branches', { n: o.branches })}</Typography.Text>
            {LEVELS.map((n) => (
              <span key={n}>
                <StarTag stars={n} />
                {t('standards.ratings.count', { n: o.counts[n] })}
              </span>
            ))}
            <span>
              <Tag>{t('standards.ratings.unrated')}</Tag>
              {t('standards.ratings.count', { n: o.counts.unrated })}
            </span>
          </Space>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Typography.Title level={5}>{t('standards.ratings.distribution')}</Typography.Title>
              {pie && <LazyChart option={pie} height={260} />}
            </Col>
            <Col xs={24} md={16}>
              <Typography.Title level={5}>{t('standards.ratings.byChild')}</Typography.Title>
              {bars && <LazyChart option={bars} height={260} />}
            </Col>
          </Row>
        </>
      )}
      <Table<Row>
        size="small"
        rowKey="orgId"
        loading={data.loading}
        dataSource={o?.items}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        data-testid="ratings-table"
        columns={[
          { title: t('standards.review.parent'), dataIndex: 'parentName', ellipsis: true },
          { title: t('standards.review.branch'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('standards.review.onlyStatus'),
            dataIndex: 'status',
            width: 90,
            render: (s: TRatingStatus) => <Tag color={STATUS_COLOR[s]}>{t(`standards.status.${s}`)}</Tag>,
          },
          { title: t('standards.review.selfTotal'), dataIndex: 'selfTotal', width: 80, align: 'right' },
          { title: t('standards.review.reviewTotal'), dataIndex: 'reviewTotal', width: 80, align: 'right' },
          { title: t('standards.review.stars'), dataIndex: 'stars', width: 120, render: (s: number | null) => <StarTag stars={s} /> },
          {
            title: t('standards.ratings.history'),
            key: 'history',
            width: 260,
            render: (_v, r) => (
              <Space size={2} wrap>
                {r.history.map((h) => (
                  <Tag key={h.year}>
                    {h.year} {star(h.stars)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {exporting && (
        <ExportPurposeModal
          title={t('standards.ratings.exportTitle')}
          notice={t('standards.ratings.exportNotice')}
          placeholder={t('standards.ratings.exportPlaceholder')}
          testId="ratings-export-purpose"
          onExport={(purpose) => exportRatings({ orgId, year, stars, status }, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}

/** Axis labels without the prefix every child shares (中共示范市东城区…), at most 10 characters. */
function shortNames(names: string[]): string[] {
  const bare = names.map((n) => n.replace(/^\u4e2d\u5171/, ''));
  let common = bare[0] ?? '';
  for (const n of bare) while (common && !n.startsWith(common)) common = common.slice(0, -1);
  return bare.map((n) => {
    const rest = bare.length > 1 ? n.slice(common.length) || n : n;
    return rest.length > 10 ? `${rest.slice(0, 10)}…` : rest;
  });
}

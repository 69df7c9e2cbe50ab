// The drill-down: breadcrumbs up the tree, the period's totals, a row per child organization holding
// units (rolled up over its subtree), and at a branch or 党小组 its own checks.
import type { HTMLAttributes } from 'react';
import { Alert, Breadcrumb, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../../../domain/meeting-kinds';
import { errorText } from '../../api/client';
import { getCompliance, type TComplianceRow } from '../../api/org-life';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { useLabels } from '../../lib/labels';
import { RateBar, useKindLabel } from './compliance-format';
import type { PeriodValue } from './period-picker';
import { UnitChecks } from './unit-checks';

export function MonitorView({ orgId, period, onOpen }: { orgId: Id; period: PeriodValue; onOpen: (orgId: Id) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kindLabel = useKindLabel();
  const req = useRequest((signal) => getCompliance(orgId, period, signal), [orgId, period.period, period.key]);
  const data = req.data?.org.id === orgId ? req.data : undefined;
  const total = data?.total;

  const byKind = (m: TComplianceRow['missingByKind']) => (
    <Space size={[4, 4]} wrap>
      {MEETING_KINDS.filter((k) => m[k]).map((k: MeetingKind) => (
        <Tag key={k} color="red">
          {kindLabel(k)} {m[k]}
        </Tag>
      ))}
    </Space>
  );

  return (
    <>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} style={{ marginBottom: 8 }} />}
      {data && (
        <Breadcrumb
          data-testid="compliance-breadcrumb"
          style={{ marginBottom: 12 }}
          items={data.path.map((p) => ({ key: p.id, title: p.id === orgId ? p.name : <a onClick={() => onOpen(p.id)}>{p.name}</a> }))}
        />
      )}
      {total && (
        <Space size={40} wrap style={{ marginBottom: 12 }} data-testid="compliance-summary">
          <Tooltip title={t('orgLife.summary.unitsHint')}>
            <Statistic title={t('orgLife.summary.units')} value={total.units} />
          </Tooltip>
          <Statistic title={t('orgLife.summary.compliant')} value={total.compliantUnits} />
          <div style={{ width: 200 }}>
            <div className="muted" style={{ marginBottom: 8 }}>
              {t('orgLife.summary.rate')}
            </div>
            <RateBar part={total.compliantUnits} whole={total.units} />
          </div>
          <Statistic
            title={t('orgLife.summary.missing')}
            value={total.missing}
            styles={{ content: { color: total.missing ? '#cf1322' : undefined } }}
          />
          <Statistic title={t('orgLife.summary.due')} value={total.due} />
        </Space>
      )}
      {(!data || !data.org.isUnit || data.rows.length > 1) && (
        <Table<TComplianceRow>
          size="small"
          rowKey="orgId"
          data-testid="compliance-rows"
          loading={req.loading}
          dataSource={data?.rows}
          pagination={false}
          scroll={{ x: 1150 }}
          locale={{ emptyText: t('orgLife.noUnits') }}
          onRow={(r) =>
            ({
              'data-testid': `compliance-row-${r.orgId}`,
              style: { cursor: r.orgId === orgId ? 'default' : 'pointer' },
              onClick: () => r.orgId !== orgId && onOpen(r.orgId),
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('orgLife.col.org'),
              dataIndex: 'orgName',
              width: 300,
              ellipsis: { showTitle: true },
              render: (v: string, r) =>
                r.orgId === orgId ? (
                  <span>
                    {v} <Tag>{t('orgLife.self')}</Tag>
                  </span>
                ) : (
                  <a>{v}</a>
                ),
            },
            { title: t('orgLife.col.kind'), dataIndex: 'orgKind', width: 100, render: (k: string) => labels.kind(k) },
            { title: t('orgLife.col.units'), dataIndex: 'units', width: 70, align: 'right' },
            { title: t('orgLife.col.compliant'), dataIndex: 'compliantUnits', width: 80, align: 'right' },
            {
              title: t('orgLife.col.rate'),
              key: 'rate',
              width: 160,
              render: (_v, r) => <RateBar part={r.compliantUnits} whole={r.units} />,
              sorter: (a, b) => a.compliantUnits / (a.units || 1) - b.compliantUnits / (b.units || 1),
            },
            {
              title: t('orgLife.col.missing'),
              dataIndex: 'missing',
              width: 70,
              align: 'right',
              sorter: (a, b) => a.missing - b.missing,
              render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : 0),
            },
            { title: t('orgLife.col.due'), dataIndex: 'due', width: 70, align: 'right' },
            { title: t('orgLife.col.byKind'), dataIndex: 'missingByKind', render: byKind },
          ]}
        />
      )}
      {data?.org.isUnit && <UnitChecks orgId={orgId} period={period} />}
    </>
  );
}

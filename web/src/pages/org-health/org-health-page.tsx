// 组织健康度: the signals of the organizations below the chosen one, with the reasons behind them, so the
// weakest are found in one look (issue 5 point 3). Drill down by clicking; the organization is ?orgId.
import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Space, Switch, Typography } from 'antd';
import { DashboardOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { attentionFirst } from '../../../../domain/rules/org-health';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getHealth } from '../../api/org-health';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useRequest } from '../../lib/use-request';
import { HealthTable } from './health-table';
import { HealthExportModal } from './health-export-modal';
import './health.css';

export default function OrgHealthPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const orgId: Id = Number(params.get('orgId')) || me.orgId;
  const [sorted, setSorted] = useState(true);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [exporting, setExporting] = useState(false);
  const health = useRequest((signal) => getHealth(orgId, signal), [orgId]);
  const d = health.data?.org.id === orgId ? health.data : undefined;
  const go = (id: Id) => setParams(id === me.orgId ? {} : { orgId: String(id) });

  const rows = useMemo(() => {
    const all = d?.rows ?? [];
    const shown = onlyFlagged ? all.filter((r) => r.warnings + r.attentions > 0) : all;
    return sorted ? attentionFirst(shown) : shown;
  }, [d, sorted, onlyFlagged]);
  const flagged = d?.rows.filter((r) => r.warnings > 0).length ?? 0;
  const attention = d ? d.rows.filter((r) => r.warnings === 0 && r.attentions > 0).length : 0;

  return (
    <div className="page-card health-page" data-testid="health-page">
      <div className="health-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('orgHealth.title')}
        </Typography.Title>
        <Space wrap>
          <span>{t('orgHealth.org')}</span>
          <OrgTreeSelect
            style={{ width: 340 }}
            value={orgId}
            valueLabel={d?.org.name ?? (orgId === me.orgId ? me.orgName : undefined)}
            placeholder={t('orgHealth.pickOrg')}
            onChange={(id) => id && go(id)}
          />
          <Link to={`/dashboard${orgId === me.orgId ? '' : `?orgId=${orgId}`}`}>
            <Button icon={<DashboardOutlined />}>{t('orgHealth.dashboard')}</Button>
          </Link>
          {can(me.roles, 'stats.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} disabled={!d} data-testid="health-export">
              {t('orgHealth.export')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="health-intro">
        {t('orgHealth.intro')}
      </Typography.Paragraph>
      {d && (
        <Breadcrumb
          className="health-crumbs"
          data-testid="health-crumbs"
          items={d.path.map((c, i) => ({ key: c.id, title: i === d.path.length - 1 ? c.name : <a onClick={() => go(c.id)}>{c.name}</a> }))}
        />
      )}
      <div className="filter-bar">
        <Space wrap>
          <Switch checked={sorted} onChange={setSorted} data-testid="health-sort" /> <span>{t('orgHealth.attentionFirst')}</span>
          <Switch checked={onlyFlagged} onChange={setOnlyFlagged} data-testid="health-only-flagged" />{' '}
          <span>{t('orgHealth.onlyFlagged')}</span>
        </Space>
        <span style={{ flex: 1 }} />
        {d && (
          <span className="muted">
            {t('orgHealth.asOf', { date: d.today, quarter: d.quarter, from: d.duesMonths.from, to: d.duesMonths.to })}
            {' · '}
            {t('orgHealth.counts', { warning: flagged, attention, rows: d.rows.length })}
          </span>
        )}
      </div>
      {health.error !== undefined && <Alert type="error" showIcon title={errorText(health.error)} style={{ marginBottom: 8 }} />}
      <HealthTable data={d} rows={rows} loading={health.loading} onDrill={go} />
      {exporting && <HealthExportModal orgId={orgId} order={sorted ? 'attention' : 'tree'} onClose={() => setExporting(false)} />}
    </div>
  );
}

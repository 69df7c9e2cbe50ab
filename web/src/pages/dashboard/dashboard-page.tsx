// 数据看板: the chosen organization's subtree at a glance (issue 5 point 2). Six panels load in parallel,
// one request each; the organization is a URL parameter (?orgId) so a view can be linked and printed.
import { useEffect, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { HeartOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { Id } from '../../api/types';
import { KpiCards, type Panels } from './kpi-cards';
import { MemberCharts } from './member-charts';
import { WorkCharts } from './work-charts';
import { usePanel } from './use-panel';
import { can } from '../../../../domain/permissions';
import { OverviewTab } from '../cadre-units/overview-tab';
import { TalentPanel } from './talent-panel';
import './dashboard.css';

/** Time for the charts to follow the A4 width (their ResizeObserver) before the browser takes the page. */
const PRINT_SETTLE_MS = 400;

function usePrintLayout(): [boolean, () => void] {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Ctrl+P: the layout switches as well; the print CSS scales any chart that had no time to resize.
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = () => {
    setPrinting(true);
    setTimeout(() => {
      window.print();
      setPrinting(false);
    }, PRINT_SETTLE_MS);
  };
  return [printing, print];
}

/** Panels by action: the Party statistics for whoever reads them; the cadre and talent panels for their officers. */
export default function DashboardPage() {
  const me = useMe();
  return can(me.roles, 'stats.read') ? <PartyDashboard /> : <OfficeDashboard />;
}

function PartyDashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const orgId: Id = Number(params.get('orgId')) || me.orgId;
  const [printing, print] = usePrintLayout();
  const panels: Panels = {
    members: usePanel('members', orgId),
    development: usePanel('development', orgId),
    compliance: usePanel('compliance', orgId),
    dues: usePanel('dues', orgId),
    terms: usePanel('terms', orgId),
    standards: usePanel('standards', orgId),
  };
  const orgName = Object.values(panels)
    .map((p) => p.data?.org.name)
    .find(Boolean);
  const today = Object.values(panels)
    .map((p) => p.data?.today)
    .find(Boolean);

  return (
    <div className={`page-card dashboard-page${printing ? ' printing' : ''}`} data-testid="dashboard-page">
      <div className="dashboard-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.title')}
            {orgName ? ` · ${orgName}` : ''}
          </Typography.Title>
          {today && <div className="muted">{t('dashboard.asOf', { date: today })}</div>}
        </div>
        <Space className="no-print" wrap>
          <span>{t('dashboard.org')}</span>
          <OrgTreeSelect
            style={{ width: 340 }}
            value={orgId}
            valueLabel={orgName ?? (orgId === me.orgId ? me.orgName : undefined)}
            placeholder={t('dashboard.pickOrg')}
            onChange={(id) => id && setParams(id === me.orgId ? {} : { orgId: String(id) })}
          />
          <Link to={`/org-health${orgId === me.orgId ? '' : `?orgId=${orgId}`}`}>
            <Button icon={<HeartOutlined />}>{t('dashboard.health')}</Button>
          </Link>
          <Button icon={<PrinterOutlined />} onClick={print} data-testid="dashboard-print">
            {t('dashboard.print')}
          </Button>
        </Space>
      </div>
      <KpiCards panels={panels} />
      <div className="dashboard-grid">
        <MemberCharts state={panels.members} />
        <WorkCharts panels={panels} />
      </div>
      {can(me.roles, 'cadre.read') && <OverviewTab orgId={orgId} />}
      {can(me.roles, 'talent.read') && <TalentPanel orgId={orgId} />}
    </div>
  );
}

/**
 * The cadre and talent officers' dashboard: the cadres managed in the chosen organization's subtree (干部管理权限),
 * the talents registered below it.
 */
function OfficeDashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const orgId: Id = Number(params.get('orgId')) || me.orgId;
  return (
    <div className="page-card dashboard-page" data-testid="dashboard-page">
      <div className="dashboard-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space className="no-print" wrap>
          <span>{t('dashboard.org')}</span>
          <OrgTreeSelect
            style={{ width: 340 }}
            value={orgId}
            valueLabel={orgId === me.orgId ? me.orgName : undefined}
            placeholder={t('dashboard.pickOrg')}
            onChange={(id) => id && setParams(id === me.orgId ? {} : { orgId: String(id) })}
          />
        </Space>
      </div>
      {can(me.roles, 'cadre.read') && <OverviewTab orgId={orgId} />}
      {can(me.roles, 'talent.read') && <TalentPanel orgId={orgId} />}
    </div>
  );
}

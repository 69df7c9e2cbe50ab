// 换届选举: every term of the subtree with its state, what waits for my approval, and the overdue and
// delayed elections. An organization opens in a drawer (also from a to-do link, /terms?orgId=12).
import { useState } from 'react';
import { Button, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { Id } from '../../api/types';
import type { TTermFilter } from '../../api/terms';
import { TermsTable } from './terms-table';
import { ApprovalsTab } from './approvals-tab';
import { WatchTab } from './watch-tab';
import { OrgTermsDrawer } from './org-terms-drawer';
import { TermExportModal } from './term-export-modal';

const TABS = ['list', 'approvals', 'watch'] as const;
type Tab = (typeof TABS)[number];

function TermsHome() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const loc = useLocation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => loc.pathname.endsWith(`/${k}`)) ?? 'list';
  const [orgId, setOrgId] = useState<Id>(me.orgId);
  const [filter, setFilter] = useState<Omit<TTermFilter, 'orgId'>>({});
  const [exporting, setExporting] = useState(false);
  const [generation, setGeneration] = useState(0);
  const open = Number(params.get('orgId')) || undefined;
  const openOrg = (id: Id) =>
    setParams((p) => {
      p.set('orgId', String(id));
      return p;
    });
  const closeOrg = () => {
    setParams((p) => {
      p.delete('orgId');
      return p;
    });
    setGeneration((g) => g + 1);
  };

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('terms.title')}</Typography.Title>
      <div className="filter-bar">
        <Space>
          <span>{t('terms.org')}</span>
          <OrgTreeSelect
            style={{ width: 360 }}
            value={orgId}
            valueLabel={orgId === me.orgId ? me.orgName : undefined}
            placeholder={t('terms.pickOrg')}
            onChange={(id) => id && setOrgId(id)}
          />
        </Space>
        <span style={{ flex: 1 }} />
        {tab === 'list' && can(me.roles, 'term.read') && (
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="terms-export">
            {t('terms.export.button')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate({ pathname: `/terms/${k}`, search: loc.search })}
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: <span data-testid="terms-tab-list">{t('terms.tabs.list')}</span>,
            children: <TermsTable key={`${orgId}-${generation}`} orgId={orgId} filter={filter} onFilter={setFilter} onOpen={openOrg} />,
          },
          {
            key: 'approvals',
            label: <span data-testid="terms-tab-approvals">{t('terms.tabs.approvals')}</span>,
            children: <ApprovalsTab key={`${orgId}-${generation}`} orgId={orgId} onOpen={openOrg} />,
          },
          {
            key: 'watch',
            label: <span data-testid="terms-tab-watch">{t('terms.tabs.watch')}</span>,
            children: <WatchTab key={`${orgId}-${generation}`} orgId={orgId} onOpen={openOrg} />,
          },
        ]}
      />
      {open !== undefined && <OrgTermsDrawer orgId={open} onClose={closeOrg} />}
      {exporting && <TermExportModal filter={{ ...filter, orgId }} onClose={() => setExporting(false)} />}
    </div>
  );
}

export default function TermsPage() {
  return (
    <Routes>
      <Route path="*" element={<TermsHome />} />
    </Routes>
  );
}

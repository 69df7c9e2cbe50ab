// 党费管理: pick an organization, then collect by month, follow arrears, approve reductions, see totals, export.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { Id } from '../../api/types';
import { CollectionSheet } from './collection-sheet';
import { ArrearsTab } from './arrears-tab';
import { ReductionsTab } from './reductions-tab';
import { TotalsTab } from './totals-tab';
import { SettingsTab } from './settings-tab';
import { MemberDuesDrawer } from './member-dues-drawer';
import { DuesExportModal } from './dues-export-modal';

export default function DuesPage() {
  const { t } = useTranslation();
  const me = useMe();
  // ?orgId= (links from the to-do list and the health view) opens that organization.
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<Id>(Number(params.get('orgId')) || me.orgId);
  const [memberId, setMemberId] = useState<Id>();
  const [exporting, setExporting] = useState(false);
  const [tick, setTick] = useState(0);
  const [tab, setTab] = useState('sheet');
  const open = (id: Id) => setMemberId(id);

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('dues.title')}</Typography.Title>
      <div className="filter-bar">
        <Space>
          <span>{t('dues.org')}</span>
          <OrgTreeSelect
            style={{ width: 360 }}
            value={orgId}
            valueLabel={orgId === me.orgId ? me.orgName : undefined}
            placeholder={t('dues.pickOrg')}
            onChange={(id) => id && setOrgId(id)}
          />
        </Space>
        <span style={{ flex: 1 }} />
        {can(me.roles, 'dues.export') && (
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="dues-export">
            {t('dues.export.button')}
          </Button>
        )}
      </div>
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'sheet',
            label: t('dues.tabs.sheet'),
            children: <CollectionSheet key={`${orgId}-${tick}`} orgId={orgId} onOpen={open} onTotals={() => setTab('totals')} />,
          },
          { key: 'arrears', label: t('dues.tabs.arrears'), children: <ArrearsTab key={`${orgId}-${tick}`} orgId={orgId} onOpen={open} /> },
          {
            key: 'reductions',
            label: t('dues.tabs.reductions'),
            children: <ReductionsTab key={`${orgId}-${tick}`} orgId={orgId} onOpen={open} />,
          },
          { key: 'totals', label: t('dues.tabs.totals'), children: <TotalsTab key={`${orgId}-${tick}`} orgId={orgId} /> },
          { key: 'settings', label: t('dues.tabs.settings'), children: <SettingsTab /> },
        ]}
      />
      {memberId !== undefined && (
        <MemberDuesDrawer
          memberId={memberId}
          onClose={() => {
            setMemberId(undefined);
            setTick((n) => n + 1);
          }}
        />
      )}
      {exporting && <DuesExportModal orgId={orgId} onClose={() => setExporting(false)} />}
    </div>
  );
}

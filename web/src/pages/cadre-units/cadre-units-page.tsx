// 干部配备与班子: the 干部配备一览表, units and quotas, leadership teams, structure tables and the cadre
// officer's overview, for the units one organization manages (干部管理权限), optionally with those
// managed below it. A unit's team opens on its own page (/cadre-units/teams/:id, also from a to-do).
import { useState } from 'react';
import { Checkbox, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { LEVELS, UNIT_KINDS } from '../../../../domain/cadre-codes';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { TUnitFilter } from '../../api/cadre-units';
import { RosterTab } from './roster-tab';
import { UnitsTab } from './units-tab';
import { TeamsTab } from './teams-tab';
import { StructureTab } from './structure-tab';
import { OverviewTab } from './overview-tab';
import TeamPage from './team-page';

const TABS = ['roster', 'units', 'teams', 'structure', 'overview'] as const;
type Tab = (typeof TABS)[number];

function CadreUnitsHome() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const loc = useLocation();
  const tab: Tab = TABS.find((k) => loc.pathname.endsWith(`/${k}`)) ?? 'roster';
  const [filter, setFilter] = useState<TUnitFilter>({ managerOrgId: me.orgId });
  const set = (patch: Partial<TUnitFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const key = JSON.stringify(filter);

  return (
    <div className="page-card" data-testid="cadre-units-page">
      <Typography.Title level={4}>{t('cadreUnits.title')}</Typography.Title>
      <div className="filter-bar">
        <Space wrap>
          <span>{t('cadreUnits.managerOrg')}</span>
          <OrgTreeSelect
            style={{ width: 320 }}
            value={filter.managerOrgId}
            valueLabel={filter.managerOrgId === me.orgId ? me.orgName : undefined}
            placeholder={t('cadreUnits.pickOrg')}
            onChange={(id) => id && set({ managerOrgId: id })}
          />
          <Checkbox checked={filter.below === 'true'} onChange={(e) => set({ below: e.target.checked ? 'true' : undefined })}>
            {t('cadreUnits.below')}
          </Checkbox>
          <Select
            style={{ width: 150 }}
            allowClear
            placeholder={t('cadreUnits.allKinds')}
            value={filter.kind}
            onChange={(kind) => set({ kind })}
            options={UNIT_KINDS.map((k) => ({ value: k, label: k }))}
          />
          <Select
            style={{ width: 110 }}
            allowClear
            placeholder={t('cadreUnits.allLevels')}
            value={filter.level}
            onChange={(level) => set({ level })}
            options={LEVELS.map((l) => ({ value: l, label: l }))}
          />
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/cadre-units/${k}`)}
        destroyOnHidden
        items={[
          {
            key: 'roster',
            label: <span data-testid="cadre-tab-roster">{t('cadreUnits.tabs.roster')}</span>,
            children: <RosterTab key={key} filter={filter} />,
          },
          { key: 'units', label: t('cadreUnits.tabs.units'), children: <UnitsTab key={key} filter={filter} /> },
          { key: 'teams', label: t('cadreUnits.tabs.teams'), children: <TeamsTab key={key} filter={filter} /> },
          { key: 'structure', label: t('cadreUnits.tabs.structure'), children: <StructureTab key={key} filter={filter} /> },
          { key: 'overview', label: t('cadreUnits.tabs.overview'), children: <OverviewTab key={key} orgId={filter.managerOrgId} /> },
        ]}
      />
    </div>
  );
}

export default function CadreUnitsPage() {
  return (
    <Routes>
      <Route path="teams/:id" element={<TeamPage />} />
      <Route path="*" element={<CadreUnitsHome />} />
    </Routes>
  );
}

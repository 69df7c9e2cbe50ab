// 发展党员: the board and the list of an organization subtree, and each person's 25-step record.
import { useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../api/types';
import type { TPeopleFilter } from '../../api/development';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useMe } from '../../auth/auth-context';
import { can } from '../../../../domain/permissions';
import { DevBoard } from './dev-board';
import { PeopleList } from './people-list';
import { PersonPage } from './person-page';
import { NewApplicantModal } from './new-applicant-modal';

function Overview() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  // ?orgId= (links from the to-do list and the health view) opens that organization.
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<Id | undefined>(Number(params.get('orgId')) || undefined);
  const [tab, setTab] = useState('board');
  const [filter, setFilter] = useState<TPeopleFilter>({});
  const [creating, setCreating] = useState(false);
  const show = (f: TPeopleFilter) => {
    setFilter(f);
    setTab('people');
  };
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('development.title')}</Typography.Title>
      <div className="filter-bar">
        <OrgTreeSelect allowClear style={{ width: 320 }} placeholder={t('development.org')} value={orgId} onChange={setOrgId} />
        <span style={{ flex: 1 }} />
        {can(me.roles, 'dev.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="dev-new-applicant">
            {t('development.newApplicant')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'board', label: t('development.tabs.board'), children: <DevBoard orgId={orgId} onShow={show} /> },
          {
            key: 'people',
            label: t('development.tabs.people'),
            children: <PeopleList orgId={orgId} filter={filter} onFilter={setFilter} />,
          },
        ]}
      />
      {creating && (
        <NewApplicantModal
          defaultOrgId={orgId ?? me.orgId}
          onCancel={() => setCreating(false)}
          onCreated={(p) => navigate(`/development/${p.id}`)}
        />
      )}
    </div>
  );
}

export default function DevelopmentPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path=":id" element={<PersonPage />} />
    </Routes>
  );
}

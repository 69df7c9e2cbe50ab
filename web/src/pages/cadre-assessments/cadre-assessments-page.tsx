// 干部考核: the assessment units of a year with their status and 优秀 quota usage, the consequences
// of the confirmed results; a unit's grading page; a cadre's assessment records.
import { Button, Select, Space, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { can } from '../../../../domain/permissions';
import { workingYear } from '../../../../domain/rules/assessment';
import { useMe } from '../../auth/auth-context';
import { UnitsTable } from './units-table';
import { ConsequencesTable } from './consequences-table';
import { CreateUnitModal } from './create-unit-modal';
import { UnitPage } from './unit-page';
import { CadreRecordsPage } from './cadre-records-page';

const TABS = ['units', 'consequences'] as const;
const thisYear = new Date().getFullYear();
const defaultYear = workingYear(dayjs().format('YYYY-MM-DD'));
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4];

function Home() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const loc = useLocation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => loc.pathname.endsWith(`/${k}`)) ?? 'units';
  const year = Number(params.get('year')) || defaultYear;
  const [creating, setCreating] = useState(false);
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('cadreAssessments.title')}</Typography.Title>
      <div className="filter-bar">
        <Space>
          <span>{t('cadreAssessments.year')}</span>
          <Select
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: y }))}
            style={{ width: 110 }}
            data-testid="assess-year"
          />
        </Space>
        <span style={{ flex: 1 }} />
        {tab === 'units' && can(me.roles, 'cadre.assess') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assess-new-unit">
            {t('cadreAssessments.newUnit')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate({ pathname: `/cadre-assessments/${k}`, search: loc.search })}
        destroyOnHidden
        items={[
          { key: 'units', label: t('cadreAssessments.tabs.units'), children: <UnitsTable year={year} /> },
          { key: 'consequences', label: t('cadreAssessments.tabs.consequences'), children: <ConsequencesTable year={year} /> },
        ]}
      />
      {creating && (
        <CreateUnitModal
          year={year}
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/cadre-assessments/units/${id}`);
          }}
        />
      )}
    </div>
  );
}

export default function CadreAssessmentsPage() {
  return (
    <Routes>
      <Route path="units/:id" element={<UnitPage />} />
      <Route path="cadres/:id" element={<CadreRecordsPage />} />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

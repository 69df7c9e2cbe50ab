// 人才政策与申报 (issue 15 points 4 and 5): the register, the evaluation, calls, applications and the ledger, each
// its own path under /talent-policies; the ledger needs talent.pay, the rest talent.read (the route's Guard).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Guard } from '../../components/route-guards';
import { ApplicationPage } from './application-page';
import { ApplicationsPage } from './applications';
import { CallsPage } from './calls';
import { EvaluatePage } from './evaluate';
import { LedgerPage } from './ledger';
import { PoliciesPage } from './policies';

const TITLES = { '': 'policies', evaluate: 'evaluate', calls: 'calls', applications: 'applications', ledger: 'ledger' } as const;

export default function TalentPoliciesPage() {
  const { t } = useTranslation();
  const part = (useLocation().pathname.split('/')[2] ?? '') as keyof typeof TITLES;
  return (
    <div>
      <Typography.Title level={4}>{t(`talentPolicies.nav.${TITLES[part] ?? 'policies'}`)}</Typography.Title>
      <Routes>
        <Route index element={<PoliciesPage />} />
        <Route path="evaluate" element={<EvaluatePage />} />
        <Route path="calls" element={<CallsPage />} />
        <Route path="applications" element={<ApplicationsPage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route
          path="ledger"
          element={
            <Guard action="talent.pay">
              <LedgerPage />
            </Guard>
          }
        />
      </Routes>
    </div>
  );
}

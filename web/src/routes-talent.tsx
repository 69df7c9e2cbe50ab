// The talent pages (issue 15): the office, the departments, experts, applicants and employers, each behind the
// action the server requires of its calls. Every page is its own chunk (React.lazy).
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded } from './components/route-guards';

const TalentServicesPage = lazy(() => import('./pages/talent-services/talent-services-page'));
const DepartmentServicesPage = lazy(() => import('./pages/talent-services/department-page'));
const MyServicesPage = lazy(() => import('./pages/talent-services/my-services-page'));
const MyTalentPage = lazy(() => import('./pages/talent-portal/my-talent-page'));
const MyEmployerPage = lazy(() => import('./pages/talent-portal/my-employer-page'));
const TalentPage = lazy(() => import('./pages/talent/talent-page'));
const TalentPoliciesPage = lazy(() => import('./pages/talent-policies/talent-policies-page'));
const MyApplicationsPage = lazy(() => import('./pages/talent-portal/my-applications-page'));
const AgreementsPage = lazy(() => import('./pages/talent-agreements/agreements-page'));
const AgreementPage = lazy(() => import('./pages/talent-agreements/agreement-page'));
const MyEmployerAgreementsPage = lazy(() => import('./pages/talent-agreements/my-employer-agreements-page'));
const IndicatorsPage = lazy(() => import('./pages/talent-evaluations/indicators-page'));
const ExpertPage = lazy(() => import('./pages/expert/expert-page'));

export const talentRoutes: RouteObject[] = [
  guarded('talent-services', 'talent.read', <TalentServicesPage />),
  guarded('talent-services/department', 'talent.service', <DepartmentServicesPage />),
  guarded('my/talent/services', 'talent.self', <MyServicesPage />),
  guarded('talent/*', 'talent.read', <TalentPage />),
  guarded('expert/recognitions/*', 'talent.expert', <ExpertPage />),
  guarded('my/talent', 'talent.self', <MyTalentPage />),
  guarded('my/employer', 'talent.employer', <MyEmployerPage />),
  guarded('talent-policies/*', 'talent.read', <TalentPoliciesPage />),
  guarded('my/talent/applications', 'talent.self', <MyApplicationsPage side="my" />),
  guarded('my/employer/applications', 'talent.employer', <MyApplicationsPage side="employer" />),
  guarded('my/employer/agreements', 'talent.employer', <MyEmployerAgreementsPage />),
  guarded('talent-agreements', 'talent.read', <AgreementsPage />),
  guarded('talent-agreements/:id', 'talent.read', <AgreementPage />),
  guarded('talent-indicators', 'talent.read', <IndicatorsPage />),
];

// The cadre pages: units and posts, the roster and its search, 民主测评, 年度考核, 选拔任用, supervision, and a cadre's
// own record, each behind the action the server requires of its calls. Every page is its own chunk (React.lazy).
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded } from './components/route-guards';

const CadresPage = lazy(() => import('./pages/cadres/cadres-page'));
const MyCadrePage = lazy(() => import('./pages/cadres/my-cadre-page'));
const CadreUnitsPage = lazy(() => import('./pages/cadre-units/cadre-units-page'));
const EvaluationsPage = lazy(() => import('./pages/cadre-evaluations/evaluations-page'));
const CadreAssessmentsPage = lazy(() => import('./pages/cadre-assessments/cadre-assessments-page'));
const CadreSearchPage = lazy(() => import('./pages/cadre-search/cadre-search-page'));
const CadreSelectionsPage = lazy(() => import('./pages/cadre-selections/cadre-selections-page'));
const CadreSupervisionPage = lazy(() => import('./pages/cadre-supervision/cadre-supervision-page'));

// The public voting page of 民主测评 (/vote) needs no account and stays in routes.tsx, outside the layout.
export const cadreRoutes: RouteObject[] = [
  guarded('cadres/*', 'cadre.read', <CadresPage />),
  guarded('my-cadre', 'cadre.self', <MyCadrePage />),
  guarded('cadre-units/*', 'cadre.read', <CadreUnitsPage />),
  guarded('cadre-evaluations/*', 'cadre.evaluate', <EvaluationsPage />),
  guarded('cadre-assessments/*', 'cadre.read', <CadreAssessmentsPage />),
  guarded('cadre-search', 'cadre.read', <CadreSearchPage />),
  guarded('cadre-selections/*', 'cadre.read', <CadreSelectionsPage />),
  guarded('cadre-supervision/*', 'cadre.read', <CadreSupervisionPage />),
];

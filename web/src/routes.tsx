// Routes: every page is its own chunk (React.lazy), loaded when first visited.
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Guard, HomeRedirect, Lazy, RequireAuth } from './components/route-guards';
import { cadreRoutes } from './routes-cadres';
import { learningRoutes } from './routes-learning';
import { talentRoutes } from './routes-talent';

const LoginPage = lazy(() => import('./pages/login/login-page'));
const AppLayout = lazy(() => import('./pages/layout/app-layout'));
const OrgPage = lazy(() => import('./pages/orgs/org-page'));
const UsersPage = lazy(() => import('./pages/users/users-page'));
const AuditPage = lazy(() => import('./pages/audit/audit-page'));
const SystemPage = lazy(() => import('./pages/system/system-page'));
const MembersPage = lazy(() => import('./pages/members/members-page'));
const DevelopmentPage = lazy(() => import('./pages/development/development-page'));
const TransfersPage = lazy(() => import('./pages/transfers/transfers-page'));
const DuesPage = lazy(() => import('./pages/dues/dues-page'));
const MyDuesPage = lazy(() => import('./pages/dues/my-dues-page'));
const MyRecordPage = lazy(() => import('./pages/members/my-record-page'));
const MeetingsPage = lazy(() => import('./pages/meetings/meetings-page'));
const MyMeetingsPage = lazy(() => import('./pages/meetings/my-meetings-page'));
const OrgLifePage = lazy(() => import('./pages/org-life/org-life-page'));
const TermsPage = lazy(() => import('./pages/terms/terms-page'));
const StandardsPage = lazy(() => import('./pages/standards/standards-page'));
const JointTasksPage = lazy(() => import('./pages/joint-tasks/joint-tasks-page'));
const TodosPage = lazy(() => import('./pages/todos/todos-page'));
const StatisticsPage = lazy(() => import('./pages/statistics/statistics-page'));
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page'));
const OrgHealthPage = lazy(() => import('./pages/org-health/org-health-page'));
const VotePage = lazy(() => import('./pages/cadre-evaluations/vote-page'));
const VerifyPage = lazy(() => import('./pages/learning-classes/verify-page'));
const RegisterPage = lazy(() => import('./pages/talent-portal/register-page'));
const NotFoundPage = lazy(() => import('./components/results'));
const NoPage = lazy(() => import('./components/results').then((m) => ({ default: m.NoPageResult })));

export const router = createBrowserRouter([
  // 民主测评's voting page: no account, a one-time code (server/modules/cadre-evaluations/public-routes.ts).
  {
    path: '/vote',
    element: (
      <Lazy>
        <VotePage />
      </Lazy>
    ),
  },
  // The public certificate check: no account (server/modules/learning-classes/public-routes.ts).
  ...['/verify', '/verify/:code'].map((path) => ({
    path,
    element: (
      <Lazy>
        <VerifyPage />
      </Lazy>
    ),
  })),
  // Talent self-registration: no account yet (server/modules/talent-portal/routes.ts, public routes).
  {
    path: '/register',
    element: (
      <Lazy>
        <RegisterPage />
      </Lazy>
    ),
  },
  {
    path: '/login',
    element: (
      <Lazy>
        <LoginPage />
      </Lazy>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Lazy>
          <AppLayout />
        </Lazy>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'orgs/:id',
        element: (
          <Guard action="org.read">
            <OrgPage />
          </Guard>
        ),
      },
      {
        path: 'users',
        element: (
          <Guard action="user.manage">
            <UsersPage />
          </Guard>
        ),
      },
      {
        path: 'audit',
        element: (
          <Guard action="audit.read">
            <AuditPage />
          </Guard>
        ),
      },
      {
        path: 'settings',
        element: (
          <Guard action="system.config">
            <SystemPage />
          </Guard>
        ),
      },
      {
        path: 'members/*',
        element: (
          <Guard action="member.read">
            <MembersPage />
          </Guard>
        ),
      },
      {
        path: 'development/*',
        element: (
          <Guard action="dev.read">
            <DevelopmentPage />
          </Guard>
        ),
      },
      {
        path: 'transfers/*',
        element: (
          <Guard action="transfer.read">
            <TransfersPage />
          </Guard>
        ),
      },
      {
        path: 'dues/*',
        element: (
          <Guard action="dues.read">
            <DuesPage />
          </Guard>
        ),
      },
      {
        path: 'my-dues',
        element: (
          <Guard action="member.self">
            <MyDuesPage />
          </Guard>
        ),
      },
      {
        path: 'my-record',
        element: (
          <Guard action="member.self">
            <MyRecordPage />
          </Guard>
        ),
      },
      {
        path: 'meetings/*',
        element: (
          <Guard action="life.read">
            <MeetingsPage />
          </Guard>
        ),
      },
      {
        path: 'my-meetings',
        element: (
          <Guard action="member.self">
            <MyMeetingsPage />
          </Guard>
        ),
      },
      {
        path: 'compliance/*',
        element: (
          <Guard action="life.read">
            <OrgLifePage />
          </Guard>
        ),
      },
      {
        path: 'terms/*',
        element: (
          <Guard action="term.read">
            <TermsPage />
          </Guard>
        ),
      },
      {
        path: 'standards/*',
        element: (
          <Guard action="standard.read">
            <StandardsPage />
          </Guard>
        ),
      },
      {
        path: 'joint-tasks/*',
        element: (
          <Guard action="task.read">
            <JointTasksPage />
          </Guard>
        ),
      },
      { path: 'todos', element: <TodosPage /> },
      {
        path: 'statistics/*',
        element: (
          <Guard action="stats.read">
            <StatisticsPage />
          </Guard>
        ),
      },
      {
        path: 'dashboard',
        element: (
          <Guard action={['stats.read', 'cadre.read', 'talent.read']}>
            <DashboardPage />
          </Guard>
        ),
      },
      {
        path: 'org-health',
        element: (
          <Guard action="stats.read">
            <OrgHealthPage />
          </Guard>
        ),
      },
      ...cadreRoutes,
      ...learningRoutes,
      ...talentRoutes,
      { path: 'welcome', element: <NoPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

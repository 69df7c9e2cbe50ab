import { Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FormOutlined,
  HeartOutlined,
  IdcardOutlined,
  ReadOutlined,
  CheckSquareOutlined,
  CustomerServiceOutlined,
  FlagOutlined,
  FileDoneOutlined,
  MoneyCollectOutlined,
  ProjectOutlined,
  SearchOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  StarOutlined,
  SwapOutlined,
  SyncOutlined,
  FileProtectOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { holdsTodoKinds } from '../../../../domain/todo-kinds';
import { useMe } from '../../auth/auth-context';
import { OrgSearch } from '../../components/org-search';
import { OrgTree } from '../../components/org-tree';

const LEARNING_KEYS = ['/learning', '/my/learning'];
const LEARNING_PAGES = ['quizzes', 'classes', 'hours', 'plans', 'certificates'];

/** The menu key of a path: the first segment, or for the learning pages (a submenu) the page's own path. */
function selectedKey(pathname: string): string {
  const root = LEARNING_KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
  if (pathname.startsWith('/talent-services/department')) return 'talent-services-department';
  if (pathname === '/talent/structure') return '/talent/structure';
  if (pathname.startsWith('/talent/recognitions')) return '/talent/recognitions';
  if (pathname === '/talent/tier-sets') return '/talent/tier-sets';
  if (pathname.startsWith('/expert/recognitions')) return 'expert-recognitions';
  if (pathname === '/talent' || pathname.startsWith('/talent/')) return '/talent';
  if (pathname.startsWith('/my/talent/services')) return 'my-talent-services';
  if (pathname.startsWith('/my/talent/applications')) return 'my-talent-applications';
  if (pathname.startsWith('/my/employer/applications')) return 'my-employer-applications';
  if (pathname.startsWith('/talent-policies')) return `/talent-policies${pathname.split('/')[2] ? `/${pathname.split('/')[2]}` : ''}`;
  if (pathname.startsWith('/my/employer/agreements')) return 'my-employer-agreements';
  if (!root) return pathname.split('/')[1] ?? '';
  const page = pathname.slice(root.length).split('/')[1];
  return page && LEARNING_PAGES.includes(page) ? `${root}/${page}` : root;
}

/** The learning submenu the current page lies in, open from the start. */
const openKey = (pathname: string) =>
  pathname.startsWith('/my/learning')
    ? ['grp-my-learning']
    : pathname.startsWith('/learning')
      ? ['grp-learning']
      : pathname === '/talent' || pathname.startsWith('/talent/') || /^\/talent-(policies|agreements|indicators)/.test(pathname)
        ? ['talent']
        : [];

export function AppSider() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const readsOrgs = can(me.roles, 'org.read');

  const items: MenuProps['items'] = [
    readsOrgs && { key: 'orgs', icon: <ApartmentOutlined />, label: t('nav.orgs'), onClick: () => navigate(`/orgs/${me.orgId}`) },
    can(me.roles, 'member.read') && {
      key: 'members',
      icon: <UserOutlined />,
      label: t('nav.members'),
      onClick: () => navigate('/members'),
    },
    can(me.roles, 'dev.read') && {
      key: 'development',
      icon: <FlagOutlined />,
      label: t('nav.development'),
      onClick: () => navigate('/development'),
    },
    can(me.roles, 'transfer.read') && {
      key: 'transfers',
      icon: <SwapOutlined />,
      label: t('nav.transfers'),
      onClick: () => navigate('/transfers'),
    },
    can(me.roles, 'dues.read') && { key: 'dues', icon: <MoneyCollectOutlined />, label: t('nav.dues'), onClick: () => navigate('/dues') },
    can(me.roles, 'life.read') && {
      key: 'meetings',
      icon: <CalendarOutlined />,
      label: t('nav.meetings'),
      onClick: () => navigate('/meetings'),
    },
    can(me.roles, 'life.read') && {
      key: 'compliance',
      icon: <SafetyCertificateOutlined />,
      label: t('nav.orgLife'),
      onClick: () => navigate('/compliance'),
    },
    can(me.roles, 'term.read') && { key: 'terms', icon: <SyncOutlined />, label: t('nav.terms'), onClick: () => navigate('/terms') },
    can(me.roles, 'standard.read') && {
      key: 'standards',
      icon: <StarOutlined />,
      label: t('nav.standards'),
      onClick: () => navigate('/standards'),
    },
    can(me.roles, 'task.read') && {
      key: 'joint-tasks',
      icon: <ProjectOutlined />,
      label: t('nav.jointTasks'),
      onClick: () => navigate('/joint-tasks'),
    },
    can(me.roles, 'cadre.read') && {
      key: 'cadre-units',
      icon: <SolutionOutlined />,
      label: t('nav.cadreUnits'),
      onClick: () => navigate('/cadre-units'),
    },
    can(me.roles, 'cadre.select') && {
      key: 'cadre-selections',
      icon: <AuditOutlined />,
      label: t('nav.cadreSelections'),
      onClick: () => navigate('/cadre-selections'),
    },
    can(me.roles, 'cadre.supervise') && {
      key: 'cadre-supervision',
      icon: <SafetyCertificateOutlined />,
      label: t('nav.cadreSupervision'),
      onClick: () => navigate('/cadre-supervision'),
    },
    (can(me.roles, 'stats.read') || can(me.roles, 'cadre.read') || can(me.roles, 'talent.read')) && {
      key: 'dashboard',
      icon: <DashboardOutlined />,
      label: t('nav.dashboard'),
      onClick: () => navigate('/dashboard'),
    },
    can(me.roles, 'stats.read') && {
      key: 'org-health',
      icon: <HeartOutlined />,
      label: t('nav.orgHealth'),
      onClick: () => navigate('/org-health'),
    },
    can(me.roles, 'stats.read') && {
      key: 'statistics',
      icon: <BarChartOutlined />,
      label: t('nav.statistics'),
      onClick: () => navigate('/statistics'),
    },
    can(me.roles, 'cadre.evaluate') && {
      key: 'cadre-evaluations',
      icon: <FormOutlined />,
      label: t('nav.cadreEvaluations'),
      onClick: () => navigate('/cadre-evaluations'),
    },
    can(me.roles, 'cadre.read') && {
      key: 'cadre-assessments',
      icon: <FileDoneOutlined />,
      label: t('nav.cadreAssessments'),
      onClick: () => navigate('/cadre-assessments'),
    },
    can(me.roles, 'cadre.read') && {
      key: 'cadre-search',
      icon: <SearchOutlined />,
      label: t('nav.cadreSearch'),
      onClick: () => navigate('/cadre-search'),
    },
    holdsTodoKinds(me.roles) && { key: 'todos', icon: <CheckSquareOutlined />, label: t('nav.todos'), onClick: () => navigate('/todos') },
    can(me.roles, 'member.self') && {
      key: 'my-meetings',
      icon: <CalendarOutlined />,
      label: t('nav.myMeetings'),
      onClick: () => navigate('/my-meetings'),
    },
    can(me.roles, 'member.self') && {
      key: 'my-record',
      icon: <UserOutlined />,
      label: t('nav.myRecord'),
      onClick: () => navigate('/my-record'),
    },
    can(me.roles, 'member.self') && {
      key: 'my-dues',
      icon: <MoneyCollectOutlined />,
      label: t('nav.myDues'),
      onClick: () => navigate('/my-dues'),
    },
    can(me.roles, 'learning.read') && {
      key: 'grp-learning',
      icon: <BookOutlined />,
      label: t('nav.learningGroup'),
      children: [
        { key: '/learning', label: t('learning.nav.plans'), onClick: () => navigate('/learning') },
        { key: '/learning/quizzes', label: t('nav.learningQuizzes'), onClick: () => navigate('/learning/quizzes') },
        { key: '/learning/classes', label: t('learningClasses.nav.classes'), onClick: () => navigate('/learning/classes') },
        { key: '/learning/hours', label: t('nav.learningHours'), onClick: () => navigate('/learning/hours') },
      ],
    },
    can(me.roles, 'learning.self') && {
      key: 'grp-my-learning',
      icon: <ReadOutlined />,
      label: t('nav.myLearning'),
      children: [
        { key: '/my/learning', label: t('nav.myLearningHub'), onClick: () => navigate('/my/learning') },
        { key: '/my/learning/plans', label: t('learning.nav.myPlans'), onClick: () => navigate('/my/learning/plans') },
        { key: '/my/learning/quizzes', label: t('nav.myQuizzes'), onClick: () => navigate('/my/learning/quizzes') },
        { key: '/my/learning/classes', label: t('learningClasses.nav.myClasses'), onClick: () => navigate('/my/learning/classes') },
        {
          key: '/my/learning/certificates',
          label: t('learningClasses.nav.myCertificates'),
          onClick: () => navigate('/my/learning/certificates'),
        },
        { key: '/my/learning/hours', label: t('nav.myHours'), onClick: () => navigate('/my/learning/hours') },
      ],
    },
    can(me.roles, 'cadre.read') && {
      key: 'cadres',
      icon: <IdcardOutlined />,
      label: t('cadres.nav.list'),
      onClick: () => navigate('/cadres'),
    },
    can(me.roles, 'cadre.self') && {
      key: 'my-cadre',
      icon: <IdcardOutlined />,
      label: t('cadres.nav.mine'),
      onClick: () => navigate('/my-cadre'),
    },
    // 人才工作: the registry's pages, the policies, calls, applications and the ledger, 柔性引才 agreements, indicators.
    can(me.roles, 'talent.read') && {
      key: 'talent',
      icon: <IdcardOutlined />,
      label: t('talent.nav.group'),
      children: [
        { key: '/talent', label: t('talent.nav.registry'), onClick: () => navigate('/talent') },
        { key: '/talent/structure', label: t('talent.nav.structure'), onClick: () => navigate('/talent/structure') },
        { key: '/talent/recognitions', label: t('talent.nav.recognitions'), onClick: () => navigate('/talent/recognitions') },
        { key: '/talent/tier-sets', label: t('talent.nav.tierSets'), onClick: () => navigate('/talent/tier-sets') },
        { key: '/talent-policies', label: t('talentPolicies.nav.policies'), onClick: () => navigate('/talent-policies') },
        { key: '/talent-policies/evaluate', label: t('talentPolicies.nav.evaluate'), onClick: () => navigate('/talent-policies/evaluate') },
        { key: '/talent-policies/calls', label: t('talentPolicies.nav.calls'), onClick: () => navigate('/talent-policies/calls') },
        {
          key: '/talent-policies/applications',
          label: t('talentPolicies.nav.applications'),
          onClick: () => navigate('/talent-policies/applications'),
        },
        ...(can(me.roles, 'talent.pay')
          ? [{ key: '/talent-policies/ledger', label: t('talentPolicies.nav.ledger'), onClick: () => navigate('/talent-policies/ledger') }]
          : []),
        { key: 'talent-agreements', label: t('talentAgreements.nav.office'), onClick: () => navigate('/talent-agreements') },
        { key: 'talent-indicators', label: t('talentAgreements.nav.indicators'), onClick: () => navigate('/talent-indicators') },
      ],
    },
    can(me.roles, 'talent.expert') && {
      key: 'expert-recognitions',
      icon: <StarOutlined />,
      label: t('talent.nav.expert'),
      onClick: () => navigate('/expert/recognitions'),
    },
    can(me.roles, 'talent.read') && {
      key: 'talent-services',
      icon: <CustomerServiceOutlined />,
      label: t('talentServices.nav.office'),
      onClick: () => navigate('/talent-services'),
    },
    can(me.roles, 'talent.service') && {
      key: 'talent-services-department',
      icon: <CustomerServiceOutlined />,
      label: t('talentServices.nav.department'),
      onClick: () => navigate('/talent-services/department'),
    },
    can(me.roles, 'talent.self') && {
      key: 'my-talent-services',
      icon: <CustomerServiceOutlined />,
      label: t('talentServices.nav.mine'),
      onClick: () => navigate('/my/talent/services'),
    },
    can(me.roles, 'talent.self') && {
      key: 'my/talent',
      icon: <IdcardOutlined />,
      label: t('talentPortal.talent.title'),
      onClick: () => navigate('/my/talent'),
    },
    can(me.roles, 'talent.self') && {
      key: 'my-talent-applications',
      icon: <FileDoneOutlined />,
      label: t('talentPolicies.nav.myApplications'),
      onClick: () => navigate('/my/talent/applications'),
    },
    can(me.roles, 'talent.employer') && {
      key: 'my-employer-applications',
      icon: <FileDoneOutlined />,
      label: t('talentPolicies.nav.employerApplications'),
      onClick: () => navigate('/my/employer/applications'),
    },
    can(me.roles, 'talent.employer') && {
      key: 'my/employer',
      icon: <TeamOutlined />,
      label: t('talentPortal.employer.title'),
      onClick: () => navigate('/my/employer'),
    },
    can(me.roles, 'talent.employer') && {
      key: 'my-employer-agreements',
      icon: <FileProtectOutlined />,
      label: t('talentAgreements.nav.employer'),
      onClick: () => navigate('/my/employer/agreements'),
    },
    can(me.roles, 'user.manage') && { key: 'users', icon: <TeamOutlined />, label: t('nav.users'), onClick: () => navigate('/users') },
    can(me.roles, 'audit.read') && { key: 'audit', icon: <AuditOutlined />, label: t('nav.audit'), onClick: () => navigate('/audit') },
    can(me.roles, 'system.config') && {
      key: 'settings',
      icon: <SettingOutlined />,
      label: t('nav.system'),
      onClick: () => navigate('/settings'),
    },
  ].filter((x) => x !== false);

  return (
    <>
      <Menu mode="inline" items={items} selectedKeys={[selectedKey(pathname)]} defaultOpenKeys={openKey(pathname)} />
      {readsOrgs && (
        <>
          <div className="sider-section">
            <OrgSearch />
          </div>
          <div className="sider-section sider-tree">
            <OrgTree />
          </div>
        </>
      )}
    </>
  );
}

import { Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FormOutlined,
  HeartOutlined,
  IdcardOutlined,
  CheckSquareOutlined,
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
    (can(me.roles, 'stats.read') || can(me.roles, 'cadre.read')) && {
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
    can(me.roles, 'talent.self') && {
      key: 'my/talent',
      icon: <IdcardOutlined />,
      label: t('talentPortal.talent.title'),
      onClick: () => navigate('/my/talent'),
    },
    can(me.roles, 'talent.employer') && {
      key: 'my/employer',
      icon: <TeamOutlined />,
      label: t('talentPortal.employer.title'),
      onClick: () => navigate('/my/employer'),
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
      <Menu mode="inline" items={items} selectedKeys={[pathname.split('/')[1] ?? '']} />
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

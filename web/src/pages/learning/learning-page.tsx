// 理论学习 for staff: materials, plans and flagged study, each tab shown by the action it needs.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { FlagsTab } from './flags-tab';
import { MaterialsTab } from './materials-tab';
import { PlansTab } from './plans-tab';

export default function LearningPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const tab = useParams()['*'] || 'plans';
  const manage = can(me.roles, 'learning.manage');
  const items = [
    { key: 'plans', label: t('learning.plans.title'), children: <PlansTab manage={manage} /> },
    { key: 'materials', label: t('learning.materials.title'), children: <MaterialsTab manage={manage} /> },
    can(me.roles, 'learning.approve') && { key: 'flags', label: t('learning.flags.title'), children: <FlagsTab /> },
  ].filter((x) => !!x);
  return (
    <div className="page-card" data-testid="learning-page">
      <Typography.Title level={4}>{t('learning.nav.plans')}</Typography.Title>
      <Tabs activeKey={tab} items={items} onChange={(k) => navigate(`/learning/${k}`)} destroyOnHidden />
    </div>
  );
}

// 标准化规范化建设: pick an organization, then its self-assessment, the review queue of its subtree,
// the star distribution, weak organizations and the checklist versions.
import { useState } from 'react';
import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { Id } from '../../api/types';
import { SelfTab } from './self-tab';
import { ReviewTab } from './review-tab';
import { RatingsTab } from './ratings-tab';
import { WeakTab } from './weak-tab';
import { ConfigTab } from './config-tab';

export default function StandardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [orgId, setOrgId] = useState<Id>(me.orgId);
  const [tab, setTab] = useState('self');

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('standards.title')}</Typography.Title>
      <div className="filter-bar">
        <Space>
          <span>{t('standards.org')}</span>
          <OrgTreeSelect
            style={{ width: 360 }}
            value={orgId}
            valueLabel={orgId === me.orgId ? me.orgName : undefined}
            onChange={(id) => id && setOrgId(id)}
          />
        </Space>
      </div>
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'self',
            label: t('standards.tabs.self'),
            children: <SelfTab key={orgId} orgId={orgId} onRatings={() => setTab('ratings')} />,
          },
          can(me.roles, 'standard.review') && {
            key: 'review',
            label: t('standards.tabs.review'),
            children: <ReviewTab key={orgId} orgId={orgId} />,
          },
          { key: 'ratings', label: t('standards.tabs.ratings'), children: <RatingsTab key={orgId} orgId={orgId} /> },
          { key: 'weak', label: t('standards.tabs.weak'), children: <WeakTab key={orgId} orgId={orgId} /> },
          can(me.roles, 'standard.config') && { key: 'config', label: t('standards.tabs.config'), children: <ConfigTab /> },
        ].filter((x) => !!x)}
      />
    </div>
  );
}

// One organization: breadcrumb, rule warnings, actions, and tabs for facts, committee, children, history.
import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { ApiError, errorText } from '../../api/client';
import { getOrg, type TOrgDetail } from '../../api/orgs';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { NotFoundResult } from '../../components/results';
import { notifyOrgsChanged, revealOrg } from '../../components/org-events';
import { KindTag } from '../../components/org-title';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { OrgActions } from './org-actions';
import { OrgBasicTab } from './org-basic-tab';
import { OrgChildrenTab } from './org-children-tab';
import { OrgCommitteeTab } from './org-committee-tab';
import { OrgHistoryTab } from './org-history-tab';
import { ancestorsOf } from './org-path';

export default function OrgPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const orgId = Number(params.id);
  const valid = Number.isInteger(orgId) && orgId > 0;
  const [searchParams, setSearchParams] = useSearchParams();
  // Bumped after every change so that the tabs re-read what they show.
  const [revision, setRevision] = useState(0);
  const req = useRequest<TOrgDetail | undefined>((signal) => (valid ? getOrg(orgId, signal) : Promise.resolve(undefined)), [orgId]);
  const org = req.data?.id === orgId ? req.data : undefined;

  useEffect(() => {
    if (org) revealOrg(ancestorsOf(org).map((p) => p.id));
  }, [org]);

  if (!valid || (req.error instanceof ApiError && req.error.status === 404)) {
    return <NotFoundResult subTitle={t('orgs.notFound')} />;
  }
  if (req.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(req.error)} />;
  if (!org) return <PageSpin />;

  /** After a change: show the server's answer, and refresh the tree nodes whose children changed. */
  const changed = (updated: TOrgDetail | null, touched: (Id | null | undefined)[]) => {
    if (updated) req.setData(updated);
    else req.reload();
    setRevision((n) => n + 1);
    notifyOrgsChanged(touched);
  };

  const tab = searchParams.get('tab') ?? 'basic';
  const readOnly = org.status === 'dissolved';
  return (
    <Spin spinning={req.loading} delay={300}>
      <div className="page-card">
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[...ancestorsOf(org), { id: org.id, name: org.name }].map((p) => ({
            key: p.id,
            title: p.id === org.id ? p.name : <Link to={`/orgs/${p.id}`}>{p.name}</Link>,
          }))}
        />
        <div className="org-head">
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {org.name}
            </Typography.Title>
            <KindTag kind={org.kind} />
            {readOnly ? <Tag>{t('orgs.status.dissolved')}</Tag> : <Tag color="green">{t('orgs.status.active')}</Tag>}
          </Space>
          {!readOnly && <OrgActions org={org} roles={me.roles} onChanged={changed} />}
        </div>
        {org.warnings.map((w) => (
          <Alert
            key={w.code}
            type={w.level}
            showIcon
            style={{ marginBottom: 8 }}
            title={w.message}
            description={w.article ? t('orgs.warningBasis', { article: w.article }) : undefined}
          />
        ))}
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          items={[
            { key: 'basic', label: t('orgs.tabs.basic'), children: <OrgBasicTab org={org} revision={revision} /> },
            // The committee is Party business: not for those who read the tree only to place accounts, cadres or talents.
            ...(can(me.roles, 'member.read')
              ? [
                  {
                    key: 'committee',
                    label: t('orgs.tabs.committee'),
                    children: (
                      <OrgCommitteeTab org={org} canEdit={!readOnly && can(me.roles, 'org.update')} onSaved={(o) => changed(o, [])} />
                    ),
                  },
                ]
              : []),
            {
              key: 'children',
              label: t('orgs.tabs.children', { count: org.childCount }),
              children: (
                <OrgChildrenTab
                  org={org}
                  revision={revision}
                  canCreate={!readOnly && can(me.roles, 'org.create')}
                  onCreated={() => changed(null, [org.id, org.parentId])}
                />
              ),
            },
            {
              key: 'history',
              label: t('orgs.tabs.history'),
              children: (
                <OrgHistoryTab
                  orgId={org.id}
                  revision={revision}
                  childCount={org.childCount}
                  onChildren={() => setSearchParams({ tab: 'children' }, { replace: true })}
                />
              ),
            },
          ]}
        />
      </div>
    </Spin>
  );
}

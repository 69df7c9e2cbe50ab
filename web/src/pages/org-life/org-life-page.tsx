// 组织生活合规监测 (issue 4 point 2): which required meetings each unit of a subtree has held in a month,
// quarter or year, from the city down to one branch. The organization, period and tab live in the
// address (?orgId=&period=&key=&tab=), so a drill-down can be shared, bookmarked and gone back from.
import { useState } from 'react';
import { Button, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { parsePeriod, PERIOD_KINDS, periodKeyOf, type PeriodKind } from '../../../../domain/rules/org-life';
import { exportMissing } from '../../api/org-life';
import { getOrg } from '../../api/orgs';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useRequest } from '../../lib/use-request';
import { MissingTab } from './missing-tab';
import { MonitorView } from './monitor-view';
import { PeriodPicker, type PeriodValue } from './period-picker';
import { RulesTab } from './rules-tab';

const TABS = ['monitor', 'missing', 'rules'] as const;

function periodOf(params: URLSearchParams): PeriodValue {
  const asked = params.get('period') as PeriodKind | null;
  const period = asked && PERIOD_KINDS.includes(asked) ? asked : 'month';
  const key = params.get('key');
  return { period, key: key && parsePeriod(period, key) ? key : periodKeyOf(period, dayjs().format('YYYY-MM-DD')) };
}

export default function OrgLifePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const orgId: Id = Number(params.get('orgId')) || me.orgId;
  const period = periodOf(params);
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'monitor';
  const rulesVisible = can(me.roles, 'life.config');
  // The picker shows the name of an organization opened from the address before its tree node is loaded.
  const org = useRequest(
    (signal) => (orgId === me.orgId ? Promise.resolve({ id: me.orgId, name: me.orgName }) : getOrg(orgId, signal)),
    [orgId],
  );

  /** Writes the state to the address; opening another organization is a new history entry (back goes up). */
  const go = (next: { orgId?: Id; period?: PeriodValue; tab?: string }, push = false) => {
    const p = next.period ?? period;
    setParams({ orgId: String(next.orgId ?? orgId), period: p.period, key: p.key, tab: next.tab ?? tab }, { replace: !push });
  };
  const open = (id: Id) => go({ orgId: id, tab: 'monitor' }, true);

  return (
    <div className="page-card">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('orgLife.title')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="compliance-export">
          {t('orgLife.export')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('orgLife.hint')}
      </Typography.Paragraph>
      <div className="filter-bar">
        <Space wrap>
          <span>{t('orgLife.org')}</span>
          <OrgTreeSelect
            style={{ width: 360 }}
            value={orgId}
            valueLabel={org.data?.id === orgId ? org.data.name : undefined}
            placeholder={t('orgLife.pickOrg')}
            onChange={(id) => id && open(id)}
          />
          <span>{t('orgLife.period.label')}</span>
          <PeriodPicker value={period} onChange={(v) => go({ period: v })} />
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'monitor', label: t('orgLife.tabs.monitor'), children: <MonitorView orgId={orgId} period={period} onOpen={open} /> },
          {
            key: 'missing',
            label: t('orgLife.tabs.missing'),
            children: <MissingTab key={`${orgId}-${period.period}-${period.key}`} orgId={orgId} period={period} onOpen={open} />,
          },
          ...(rulesVisible ? [{ key: 'rules', label: t('orgLife.tabs.rules'), children: <RulesTab /> }] : []),
        ]}
      />
      {exporting && (
        <ExportPurposeModal
          title={t('orgLife.exportModal.title')}
          notice={t('orgLife.exportModal.notice')}
          placeholder={t('orgLife.exportModal.placeholder')}
          testId="compliance-export-purpose"
          onExport={(purpose) => exportMissing(orgId, period, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}

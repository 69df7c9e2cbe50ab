// 组织生活: pick an organization (default the user's own), list its meetings (or its subtree's) with
// filters, record one, open one as a printable 会议记录, grade 民主评议党员. The address
// `?record=<kind>&orgId=<id>` opens the 登记会议 drawer prefilled (held today, that kind, that org):
// other pages (the compliance monitor, the to-do list) link here to record what is missing.
import { useMemo, useState } from 'react';
import { Button, Checkbox, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MEETING_KINDS, type MeetingKind } from '../../../../domain/meeting-kinds';
import { MEETING_RECORD_DEFAULTS } from '../../../../domain/rules/meeting-records';
import { can } from '../../../../domain/permissions';
import { BRANCH_KINDS, type OrgKind } from '../../../../domain/org-kinds';
import { getMeetingSettings, listMeetings, type TMeetingDetail, type TMeetingFilter } from '../../api/meetings';
import { getOrg } from '../../api/orgs';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useKeyset } from '../../lib/use-keyset';
import { useRequest } from '../../lib/use-request';
import { AppraisalTab } from './appraisal-tab';
import { MeetingDetailDrawer } from './meeting-detail-drawer';
import { MeetingFilters, MeetingTable } from './meeting-list';
import { MeetingFormDrawer, type FormMode } from './meeting-form-drawer';
import { MeetingsExportModal } from './meetings-export-modal';
import './meetings.css';

const PAGE_SIZE = 50;

export default function MeetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('orgId')) || undefined;
  const record = params.get('record') as MeetingKind | null;
  const [orgId, setOrgId] = useState<Id>(asked ?? me.orgId);
  // Unless chosen, a branch lists its own meetings and any higher organization its whole subtree
  // (its own meetings are few: the first screen of a city or district would be empty).
  const [subtreeChoice, setSubtree] = useState<boolean>();
  const [filter, setFilter] = useState<TMeetingFilter>({});
  const [form, setForm] = useState<FormMode | null>(() =>
    record && MEETING_KINDS.includes(record) ? { mode: 'create', kind: record } : null,
  );
  const [openId, setOpenId] = useState<Id>();
  const [exporting, setExporting] = useState(false);
  const writable = can(me.roles, 'life.write');
  const settings = useRequest(() => getMeetingSettings(), []);
  const lateAfterDays = settings.data?.lateAfterDays ?? MEETING_RECORD_DEFAULTS.lateAfterDays;
  const org = useRequest((signal) => getOrg(orgId, signal), [orgId]);
  const subtree = subtreeChoice ?? !(org.data && BRANCH_KINDS.includes(org.data.kind as OrgKind));

  const full = useMemo<TMeetingFilter>(() => ({ ...filter, orgId, subtree: subtree ? 'true' : undefined }), [filter, orgId, subtree]);
  const list = useKeyset((f: TMeetingFilter, cursor) => listMeetings(f, cursor, PAGE_SIZE), full);

  const closeForm = () => {
    setForm(null);
    // The prefill link has done its work: a reload should not open the form again.
    if (params.has('record'))
      setParams(
        (p) => {
          p.delete('record');
          return p;
        },
        { replace: true },
      );
  };
  const saved = (m: TMeetingDetail) => {
    closeForm();
    list.reload();
    setOpenId(m.id);
  };

  return (
    <div className="page-card">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('meetings.title')}
        </Typography.Title>
        <Space wrap>
          <span>{t('meetings.org')}</span>
          <OrgTreeSelect
            style={{ width: 340 }}
            value={orgId}
            valueLabel={org.data?.name ?? (orgId === me.orgId ? me.orgName : undefined)}
            placeholder={t('meetings.pickOrg')}
            onChange={(id) => id && setOrgId(id)}
          />
          <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)} data-testid="meetings-subtree">
            {t('meetings.subtree')}
          </Checkbox>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="meeting-create">
              {t('meetings.record')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="meetings-export">
            {t('meetings.exportButton')}
          </Button>
        </Space>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: t('meetings.tabs.list'),
            children: (
              <>
                <MeetingFilters value={filter} onChange={setFilter} />
                <div className="muted" style={{ marginBottom: 6 }}>
                  {t('meetings.lateHint', { days: lateAfterDays })}
                </div>
                <MeetingTable list={list} showOrg={subtree} onOpen={setOpenId} />
              </>
            ),
          },
          { key: 'appraisal', label: t('meetings.tabs.appraisal'), children: <AppraisalTab key={orgId} orgId={orgId} /> },
        ]}
      />
      {form && (
        <MeetingFormDrawer
          orgId={orgId}
          orgName={org.data?.name}
          form={form}
          lateAfterDays={lateAfterDays}
          onClose={closeForm}
          onSaved={saved}
        />
      )}
      {openId !== undefined && (
        <MeetingDetailDrawer
          id={openId}
          onClose={() => {
            setOpenId(undefined);
            list.reload();
          }}
          onEdit={(m, mode) => {
            setOpenId(undefined);
            setForm({ mode, meeting: m });
          }}
          onChanged={(m) => list.upsert(m)}
        />
      )}
      {exporting && <MeetingsExportModal filter={full} onClose={() => setExporting(false)} />}
    </div>
  );
}

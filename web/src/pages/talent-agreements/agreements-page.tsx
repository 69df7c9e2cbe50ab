// 柔性引才协议 (the talent office): every agreement in the jurisdiction with its filters and counts, the Excel
// export with its purpose, and the form to record a new agreement. One agreement opens at /talent-agreements/:id.
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  AGREEMENT_FORMS,
  AGREEMENT_STATUSES,
  exportAgreements,
  listAgreements,
  listEmployers,
  type AgreementFilters,
  type TAgreementForm,
  type TAgreementRow,
} from '../../api/talent-agreements';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { AgreementCreateModal } from './agreement-create';
import { AgreementTags } from './agreement-parts';

export default function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<AgreementFilters>({});
  const [name, setName] = useState('');
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useRequest((signal) => listAgreements(filters, signal), [filters]);
  const employers = useRequest((signal) => listEmployers(signal), []);
  const set = (patch: AgreementFilters) => setFilters((f) => ({ ...f, ...patch }));
  const flag = (on: boolean) => (on ? 'true' : undefined);
  const c = list.data?.counts;

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('talentAgreements.title')}</Typography.Title>
      <div className="filter-bar">
        <Space wrap>
          <Select<Id>
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('talentAgreements.filter.employer')}
            value={filters.employerId}
            onChange={(v) => set({ employerId: v })}
            options={employers.data?.items.map((e) => ({ value: e.id, label: e.name }))}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('talentAgreements.filter.form')}
            value={filters.form}
            onChange={(v) => set({ form: v })}
            options={AGREEMENT_FORMS.map((f) => ({ value: f, label: t(`talentAgreements.form.${f}`) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('talentAgreements.filter.status')}
            value={filters.status}
            onChange={(v) => set({ status: v })}
            options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`talentAgreements.status.${s}`) }))}
          />
          <Checkbox checked={filters.endingSoon === 'true'} onChange={(e) => set({ endingSoon: flag(e.target.checked) })}>
            {t('talentAgreements.filter.endingSoon')}
          </Checkbox>
          <Checkbox checked={filters.behind === 'true'} onChange={(e) => set({ behind: flag(e.target.checked) })}>
            {t('talentAgreements.filter.behind')}
          </Checkbox>
          <Input.Search
            allowClear
            style={{ width: 180 }}
            placeholder={t('talentAgreements.filter.search')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          {can(me.roles, 'talent.export') && <Button onClick={() => setExporting(true)}>{t('common.export')}</Button>}
          {can(me.roles, 'talent.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="agreement-create">
              {t('talentAgreements.create')}
            </Button>
          )}
        </Space>
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      {c && (
        <Typography.Paragraph type="secondary" data-testid="agreement-counts">
          {t('talentAgreements.counts', c)}
        </Typography.Paragraph>
      )}
      <AgreementTable
        items={list.data?.items}
        loading={list.loading}
        total={list.data?.total}
        onOpen={(r) => navigate(`/talent-agreements/${r.id}`)}
      />
      {exporting && (
        <ExportPurposeModal
          title={t('talentAgreements.exportTitle')}
          notice={t('talentAgreements.exportNotice')}
          onExport={(purpose) => exportAgreements(filters, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
      {creating && (
        <AgreementCreateModal
          employers={employers.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(a) => navigate(`/talent-agreements/${a.id}`)}
        />
      )}
    </div>
  );
}

function AgreementTable(props: { items?: TAgreementRow[]; loading: boolean; total?: number; onOpen: (r: TAgreementRow) => void }) {
  const { t } = useTranslation();
  return (
    <Table<TAgreementRow>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={props.items}
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 50, showTotal: () => props.total ?? 0 }}
      data-testid="agreement-table"
      onRow={(r) => ({ onClick: () => props.onOpen(r), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('talentAgreements.col.person'), dataIndex: 'personName', width: 100 },
        { title: t('talentAgreements.col.employer'), dataIndex: 'employerName' },
        { title: t('talentAgreements.col.home'), dataIndex: 'homeInstitution' },
        {
          title: t('talentAgreements.col.form'),
          dataIndex: 'form',
          width: 90,
          render: (f: TAgreementForm) => t(`talentAgreements.form.${f}`),
        },
        { title: t('talentAgreements.col.term'), key: 'term', width: 200, render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
        {
          title: t('talentAgreements.col.days'),
          key: 'days',
          width: 150,
          align: 'right',
          render: (_, r) => `${r.onsiteDaysPromised} / ${r.onsiteDaysRecorded} / ${r.onsiteDaysDue}`,
        },
        {
          title: t('talentAgreements.col.deliverables'),
          key: 'dl',
          width: 110,
          align: 'right',
          render: (_, r) => `${r.deliverablesOpen} / ${r.deliverablesAccepted}`,
        },
        { title: t('talentAgreements.col.status'), key: 'status', width: 170, render: (_, r) => <AgreementTags r={r} /> },
      ]}
    />
  );
}

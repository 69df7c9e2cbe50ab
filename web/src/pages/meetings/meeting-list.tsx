// The meetings of an organization (or its subtree): filters by kind, status, dates and 补录, a dense
// table newest first, paged by keyset ("加载更多").
import { Alert, Checkbox, DatePicker, Select, Table, Tooltip } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS } from '../../../../domain/meeting-kinds';
import { MEETING_STATUSES } from '../../../../domain/rules/meeting-records';
import { errorText } from '../../api/client';
import type { TMeetingFilter, TMeetingRow } from '../../api/meetings';
import type { Id } from '../../api/types';
import { LoadMore } from '../../components/load-more';
import { fromDateString, toDateString } from '../../lib/dates';
import type { KeysetList } from '../../lib/use-keyset';
import { KindTags, LateTag, StatusTag, useLifeLabels } from './meeting-labels';

export function MeetingFilters({ value, onChange }: { value: TMeetingFilter; onChange: (f: TMeetingFilter) => void }) {
  const { t } = useTranslation();
  const labels = useLifeLabels();
  const set = (patch: Partial<TMeetingFilter>) => onChange({ ...value, ...patch });
  return (
    <div className="filter-bar">
      <Select
        allowClear
        placeholder={t('meetings.filter.kind')}
        style={{ width: 160 }}
        value={value.kind}
        onChange={(kind) => set({ kind })}
        options={MEETING_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
        data-testid="filter-kind"
      />
      <Select
        allowClear
        placeholder={t('meetings.filter.status')}
        style={{ width: 110 }}
        value={value.status}
        onChange={(status) => set({ status })}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
      />
      <DatePicker.RangePicker
        placeholder={[t('meetings.filter.from'), t('meetings.filter.to')]}
        value={[fromDateString(value.from) ?? null, fromDateString(value.to) ?? null]}
        onChange={(r) => set({ from: toDateString(r?.[0]), to: toDateString(r?.[1]) })}
        allowEmpty={[true, true]}
      />
      <Checkbox checked={value.late === 'true'} onChange={(e) => set({ late: e.target.checked ? 'true' : undefined })}>
        {t('meetings.filter.lateOnly')}
      </Checkbox>
    </div>
  );
}

export function MeetingTable({ list, showOrg, onOpen }: { list: KeysetList<TMeetingRow>; showOrg: boolean; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TMeetingRow>
        size="small"
        rowKey="id"
        data-testid="meetings-table"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.status === 'cancelled' ? 'muted-row' : '')}
        columns={[
          {
            title: t('meetings.col.date'),
            key: 'date',
            width: 124,
            render: (_v, r) => (
              <span>
                {r.heldOn ?? r.plannedOn}
                {r.startTime && <span className="muted"> {r.startTime}</span>}
              </span>
            ),
          },
          { title: t('meetings.col.kinds'), dataIndex: 'kinds', width: 170, render: (k: TMeetingRow['kinds']) => <KindTags kinds={k} /> },
          // The topic takes the room left (at least 200 px at 1440 px with the organization shown), the whole text in a tooltip.
          {
            title: t('meetings.col.topic'),
            dataIndex: 'topic',
            ellipsis: { showTitle: false },
            render: (v: string, r) => (
              <Tooltip title={v} placement="topLeft">
                <a data-testid={`meeting-row-${r.id}`}>{v}</a>
              </Tooltip>
            ),
          },
          ...(showOrg ? [{ title: t('meetings.col.org'), dataIndex: 'orgName', width: 180, ellipsis: true }] : []),
          {
            title: t('meetings.col.status'),
            key: 'status',
            width: 112,
            render: (_v, r) => (
              <>
                <StatusTag status={r.status} />
                {r.late && <LateTag />}
              </>
            ),
          },
          {
            title: t('meetings.col.attendance'),
            key: 'att',
            width: 70,
            align: 'right',
            render: (_v, r) => (r.shouldAttend === null ? '—' : `${r.present}/${r.shouldAttend}`),
          },
          { title: t('meetings.col.place'), dataIndex: 'place', width: 110, ellipsis: true },
          { title: t('meetings.col.host'), dataIndex: 'host', width: 80, ellipsis: true },
          {
            title: (
              <Tooltip title={t('meetings.col.attachments')}>
                <PaperClipOutlined />
              </Tooltip>
            ),
            dataIndex: 'attachmentCount',
            width: 48,
            align: 'center',
            render: (n: number) => (n ? n : ''),
          },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
    </>
  );
}

// The filter row above the member list: organization subtree, search, category, status, gender,
// education, occupation, age range and joining period (presets for the 党内统计 periods, or dates).
import { useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../../domain/member-fields';
import { MEMBER_STATUSES } from '../../../../domain/member-status';
import type { TMemberFilterParams } from '../../api/members';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { fromDateString, toDateString } from '../../lib/dates';
import { useMemberLabels } from './member-labels';

export function MemberFilters({ value, onChange }: { value: TMemberFilterParams; onChange: (f: TMemberFilterParams) => void }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const [q, setQ] = useState(value.q ?? '');
  const set = (patch: Partial<TMemberFilterParams>) => onChange({ ...value, ...patch });
  const period = labels.periods.find((p) => p.from === value.joinedFrom && p.to === value.joinedTo)?.value;
  return (
    <>
      <div className="filter-bar">
        <OrgTreeSelect
          allowClear
          style={{ width: 320 }}
          placeholder={t('members.filters.org')}
          value={value.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('members.filters.search')}
          onSearch={(s) => set({ q: s.trim() || undefined })}
          data-testid="member-search"
        />
      </div>
      <div className="filter-bar">
        <Select
          allowClear
          size="small"
          style={{ width: 110 }}
          placeholder={t('members.filters.category')}
          value={value.category}
          onChange={(category) => set({ category })}
          options={labels.options('category')}
        />
        <Select
          size="small"
          style={{ width: 170 }}
          value={value.status ?? 'counted'}
          onChange={(status) => set({ status: status === 'counted' ? undefined : status })}
          options={[
            { value: 'counted', label: t('members.filters.counted') },
            { value: 'on_books', label: t('members.filters.onBooks') },
            { value: 'all', label: t('members.filters.all') },
            ...MEMBER_STATUSES.map((s) => ({ value: s, label: labels.label('status', s) })),
          ]}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          size="small"
          style={{ width: 80 }}
          placeholder={t('members.filters.gender')}
          value={value.gender}
          onChange={(gender) => set({ gender })}
          options={GENDERS.map((g) => ({ value: g, label: t(`common.genders.${g}`) }))}
        />
        <Select
          allowClear
          size="small"
          style={{ width: 120 }}
          placeholder={t('members.filters.education')}
          value={value.education}
          onChange={(education) => set({ education })}
          options={labels.options('education')}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          size="small"
          style={{ width: 130 }}
          placeholder={t('members.filters.occupation')}
          value={value.occupation}
          onChange={(occupation) => set({ occupation })}
          options={labels.options('occupation')}
          popupMatchSelectWidth={false}
        />
        <Space.Compact size="small">
          <InputNumber
            size="small"
            min={0}
            max={130}
            style={{ width: 110 }}
            prefix={t('members.filters.age')}
            placeholder={t('members.filters.ageMin')}
            value={value.ageMin}
            onChange={(v) => set({ ageMin: v ?? undefined })}
          />
          <InputNumber
            size="small"
            min={0}
            max={130}
            style={{ width: 70 }}
            placeholder={t('members.filters.ageMax')}
            value={value.ageMax}
            onChange={(v) => set({ ageMax: v ?? undefined })}
          />
        </Space.Compact>
        <Select
          allowClear
          size="small"
          style={{ width: 200 }}
          placeholder={t('members.filters.joinedPeriod')}
          value={period}
          onChange={(code) => {
            const p = labels.periods.find((x) => x.value === code);
            set({ joinedFrom: p?.from, joinedTo: p?.to });
          }}
          options={labels.periods}
          popupMatchSelectWidth={false}
        />
        <DatePicker.RangePicker
          size="small"
          allowEmpty={[true, true]}
          placeholder={[t('members.filters.joined'), '']}
          value={[fromDateString(value.joinedFrom) ?? null, fromDateString(value.joinedTo) ?? null]}
          onChange={(r) => set({ joinedFrom: toDateString(r?.[0]), joinedTo: toDateString(r?.[1]) })}
        />
        <Button
          size="small"
          onClick={() => {
            setQ('');
            onChange({ orgId: value.orgId });
          }}
        >
          {t('members.filters.reset')}
        </Button>
      </div>
    </>
  );
}
